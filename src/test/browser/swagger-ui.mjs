// Swagger UI in a real browser: POST /api/v1/sessions tried out with the contract's example answers 201 with the
// Location header; a body the service cannot keep answers 400 with its problem.
//
//   node src/test/browser/swagger-ui.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
  await page.goto(`${base}/q/swagger-ui/`);
  const operation = page.locator('#operations-Sessions-createSession');
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();

  const live = operation.locator('.live-responses-table tbody .response');
  await live.locator('.response-col_status').filter({ hasText: '201' }).waitFor();
  const headers = await live.locator('.response-col_description').textContent();
  assert.match(headers, /location: \/api\/v1\/sessions\/[0-9a-f]{64}/i, 'the Location header is shown');
  await operation.locator('.live-responses-table').screenshot({ path: `${screenshots}/swagger-ui-201.png` });

  // The example with a playhead that is no number (refused by every profile) and a typo: the answer is the problem,
  // naming both.
  const body = operation.locator('textarea.body-param__text');
  const example = await body.inputValue();
  await body.fill(example.replace('"media.length"', '"media.lenght"').replace(/"playhead": *0/, '"playhead": "zero"'));
  await operation.getByRole('button', { name: 'Execute' }).click();
  await live.locator('.response-col_status').filter({ hasText: '400' }).waitFor();
  const problem = await live.locator('.response-col_description').textContent();
  assert.match(problem, /\/problems\/schema-violation/);
  assert.match(problem, /did you mean/);
  await operation.locator('.live-responses-table').screenshot({ path: `${screenshots}/swagger-ui-400.png` });
  console.log('swagger ui: example tried out (201 with Location), a typo answered with its problem (400)');
} finally {
  await browser.close();
}
