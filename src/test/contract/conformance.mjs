// Contract conformance from outside the JVM: every endpoint and every status the contract documents, sent through
// Stoplight Prism in proxy mode, which checks each request and response against openapi/openapi.yaml and reports
// violations in the sl-violations header. Any response violation fails; requests break the contract only where the
// scenario means them to.
//
//   node src/test/contract/conformance.mjs <prism-url> <inspection-token> <sessions-the-store-holds>
import assert from 'node:assert/strict';

const [prism, token, capacity] = process.argv.slice(2);
const T0 = 1_764_147_600_000;
const seen = new Map();

/** One exchange through Prism; `invalidRequest` says the request breaks the contract on purpose. */
async function call(method, path, { body, raw, headers = {}, invalidRequest = false, expect }) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] ??= 'application/json';
    init.body = JSON.stringify(body);
  }
  if (raw !== undefined) {
    init.body = raw;
  }
  const response = await fetch(prism + path, init);
  const text = await response.text();
  const violations = JSON.parse(response.headers.get('sl-violations') || '[]');
  const label = `${method} ${path.replace(/[0-9a-f]{64}/, '{id}')} → ${response.status}`;
  assert.equal(response.status, expect, `${label}: expected ${expect}; body ${text}`);
  const responseViolations = violations.filter((violation) => violation.location[0] === 'response');
  assert.deepEqual(responseViolations, [], `${label}: the response breaks the contract`);
  if (!invalidRequest) {
    assert.deepEqual(violations, [], `${label}: the request breaks the contract`);
  }
  seen.set(label.replace(/\?.*? →/, ' →'), (seen.get(label) || 0) + 1);
  return { response, text };
}

const start = (mediaId) => ({
  playerTime: { playhead: 0, ts: T0 },
  eventType: 'sessionStart',
  params: {
    'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
    'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': mediaId, 'media.length': 60,
    'media.contentType': 'vod', 'media.playerName': 'conformance', 'media.channel': 'tests',
  },
});
const event = (eventType, playhead, ms, extra = {}) => ({ playerTime: { playhead, ts: T0 + ms }, eventType, ...extra });
const auth = { Authorization: `Bearer ${token}` };

async function open(mediaId) {
  const { response } = await call('POST', '/api/v1/sessions', { body: start(mediaId), expect: 201 });
  return response.headers.get('location').split('/')[4];
}

// --- collection --------------------------------------------------------------------------------------------------
for (const path of ['/api/v1/sessions', `/api/v1/sessions/${'a'.repeat(64)}/events`, '/api/v1/downloaded']) {
  await call('OPTIONS', path, { expect: 204, headers: { Origin: 'https://player.example.com',
    'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
}
const session = await open('conformance');
for (const [type, playhead, ms, extra] of [
  ['adBreakStart', 0, 1_000, { params: { 'media.ad.podIndex': 0, 'media.ad.podSecond': 0 } }],
  ['adStart', 0, 1_001, { params: { 'media.ad.id': 'ad-1', 'media.ad.length': 15, 'media.ad.podPosition': 1,
    'media.ad.playerName': 'conformance' }, customMetadata: { creative: 'a' } }],
  ['adComplete', 0, 16_001], ['adBreakComplete', 0, 16_002],
  ['play', 0, 17_000, { qoeData: { 'media.qoe.timeToStart': 900, 'media.qoe.bitrate': 3_000_000 } }],
  ['chapterStart', 0, 17_001, { params: { 'media.chapter.index': 1, 'media.chapter.offset': 0,
    'media.chapter.length': 60 } }],
  ['ping', 10, 27_000], ['bufferStart', 12, 29_000], ['play', 12, 30_000], ['bitrateChange', 15, 33_000],
  ['pauseStart', 20, 38_000], ['play', 20, 40_000],
  ['error', 22, 42_000, { qoeData: { 'media.qoe.errorID': 'E1', 'media.qoe.errorSource': 'player' } }],
  ['stateStart', 23, 43_000, { params: { 'media.state.name': 'fullscreen' } }],
  ['statesUpdate', 24, 44_000, { params: { statesEnd: [{ 'media.state.name': 'fullscreen' }] } }],
  ['stateEnd', 25, 45_000, { params: { 'media.state.name': 'mute' } }],
  ['chapterComplete', 60, 77_000], ['chapterSkip', 60, 77_001], ['adSkip', 60, 77_002],
  ['sessionComplete', 60, 78_000], ['sessionEnd', 60, 78_001],
]) {
  await call('POST', `/api/v1/sessions/${session}/events`, { body: event(type, playhead, ms, extra), expect: 204 });
}
await call('POST', `/api/v1/sessions/${session}/events`, { body: event('ping', 60, 80_000), expect: 410 });
await call('POST', `/api/v1/sessions/${'0'.repeat(64)}/events`, { body: event('ping', 0, 1), expect: 404 });
await call('POST', `/api/v1/sessions/${session}/events`, { body: event('seekStart', 0, 1), expect: 400,
  invalidRequest: true });
await call('POST', `/api/v1/sessions/${session}/events`, { body: event('ping', 0, 1, { padding: 'x'.repeat(70_000) }),
  expect: 413, invalidRequest: true });

const batch = [start('conformance-offline'), event('play', 0, 1_000), event('sessionEnd', 10, 11_000)];
await call('POST', '/api/v1/downloaded', { body: batch, expect: 201 });
await call('POST', '/api/v1/downloaded', { body: batch.slice(1), expect: 400, invalidRequest: true });
// The deprecated batch form of POST /api/v1/sessions is outside the body schema (x-also-accepts): the request breaks
// the schema by design, the answer must not.
const legacy = [{ ...batch[0], params: { ...batch[0].params, 'media.downloaded': true } }, ...batch.slice(1)];
await call('POST', '/api/v1/sessions', { body: legacy, expect: 201, invalidRequest: true });

await call('POST', '/api/v1/sessions', { body: { ...start('x'), eventType: 'play' }, expect: 400,
  invalidRequest: true });
// (Malformed JSON never reaches the service through Prism, which answers it itself; the REST Assured tests check
// that 400 against the contract.)
// Sent as text/plain (Adobe's Media JS 3.0.1 sets no type): read as JSON and kept under the default profile.
await call('POST', '/api/v1/sessions', { raw: JSON.stringify(start('x')), headers: { 'Content-Type': 'text/plain' },
  expect: 201, invalidRequest: true });
await call('POST', '/api/v1/sessions', { body: { ...start('x'), padding: 'x'.repeat(1_100_000) }, expect: 413,
  invalidRequest: true });

// --- schemas -----------------------------------------------------------------------------------------------------
await call('GET', '/api/v1/schemas/adStart', { expect: 200 });
await call('GET', '/api/v1/schemas/seekStart', { expect: 404 });

// --- inspection --------------------------------------------------------------------------------------------------
await call('GET', '/api/v1/sessions?limit=2', { headers: auth, expect: 200 });
await call('GET', '/api/v1/sessions?mediaId=conformance&state=closed', { headers: auth, expect: 200 });
await call('GET', '/api/v1/sessions?limit=0', { headers: auth, expect: 400, invalidRequest: true });
await call('GET', '/api/v1/sessions', { expect: 401, invalidRequest: true });
await call('GET', `/api/v1/sessions/${session}`, { headers: auth, expect: 200 });
await call('GET', `/api/v1/sessions/${'0'.repeat(64)}`, { headers: auth, expect: 404 });
await call('GET', `/api/v1/sessions/${session}/events?order=ts&limit=5`, { headers: auth, expect: 200 });
await call('GET', `/api/v1/sessions/${'0'.repeat(64)}/events`, { headers: auth, expect: 404 });
await call('GET', '/api/v1/rejections?limit=20', { headers: auth, expect: 200 });
await call('GET', '/api/v1/findings?limit=20', { headers: auth, expect: 200 });
await call('GET', '/api/v1/findings?cursor=x', { headers: auth, expect: 400 });
await call('GET', '/api/v1/rejections', { expect: 401, invalidRequest: true });

// --- a full store: 503 with Retry-After --------------------------------------------------------------------------
let full;
for (let i = 0; i <= Number(capacity) && !full; i++) {
  const response = await fetch(`${prism}/api/v1/sessions`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(start(`filler-${i}`)) });
  await response.text();
  if (response.status === 503) {
    full = true;
  }
}
assert.ok(full, 'the store never filled up');
const { response: refused } = await call('POST', '/api/v1/sessions', { body: start('one-too-many'), expect: 503 });
assert.ok(Number(refused.headers.get('retry-after')) > 0);

console.log(`conformance: ${[...seen.keys()].length} kinds of exchange, no response outside the contract`);
[...seen.keys()].sort().forEach((label) => console.log(`  ${label}`));
