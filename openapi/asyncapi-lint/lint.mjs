// The AsyncAPI parser with its built-in rules (the same the AsyncAPI CLI's `validate` runs, without the CLI's
// 400 MB of code generators): resolves every $ref, openapi.yaml's included, and fails on any error or warning.
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
let failed = !document;
for (const diagnostic of diagnostics) {
  const severity = DiagnosticSeverity[diagnostic.severity];
  console.log(`${file}: ${severity} ${diagnostic.code} at /${diagnostic.path.join('/')}: ${diagnostic.message}`);
  failed ||= diagnostic.severity <= DiagnosticSeverity.Warning;
}
console.log(failed ? `${file}: not valid` : `${file}: valid AsyncAPI ${document.version()}`);
process.exit(failed ? 1 : 0);
