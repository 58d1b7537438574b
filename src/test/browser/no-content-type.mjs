// Adobe Media JS 3.0.1 in a real browser: a player page on another origin posts its JSON with fetch and no
// Content-Type (the browser then sends text/plain;charset=UTF-8, a CORS request without preflight), reads the session
// id from the exposed Location as the SDK does, sends events the same way, and reads the session back. Under the
// default profile every request is kept, each with its content-type finding, and the inspector shows the findings.
//
//   node src/test/browser/no-content-type.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { launchBrowser } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const media = `no-content-type-${randomUUID()}`;

// The player's own origin: another port, so every call to the service is cross-origin.
const player = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><html><head><title>player</title></head><body>player</body></html>');
});
await new Promise((resolve) => player.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${player.address().port}`;
assert.notEqual(new URL(origin).origin, new URL(base).origin);

const ts = 1_764_147_600_000;
const start = {
  eventType: 'sessionStart',
  playerTime: { playhead: 0, ts },
  params: {
    'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
    'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': media, 'media.length': 60,
    'media.contentType': 'vod', 'media.playerName': 'js-3.0.1', 'media.channel': 'tests',
    'media.libraryVersion': 'js-3.0.1', 'media.sdkVersion': '3.0.1',
  },
};
const events = [
  { eventType: 'play', playerTime: { playhead: 0, ts: ts + 1000 } },
  { eventType: 'ping', playerTime: { playhead: 10, ts: ts + 11_000 } },
  { eventType: 'sessionEnd', playerTime: { playhead: 12, ts: ts + 13_000 } },
];

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(origin);
  const seen = await page.evaluate(async ({ base, start, events }) => {
    // As Media JS 3.0.1 sends: a string body, no headers set.
    const opened = await fetch(`${base}/api/v1/sessions`, { method: 'POST', body: JSON.stringify(start) });
    const location = opened.headers.get('Location');
    const id = location.split('/')[4];
    const statuses = [];
    for (const event of events) {
      const answer = await fetch(`${base}/api/v1/sessions/${id}/events`, { method: 'POST', body: JSON.stringify(event) });
      statuses.push(answer.status);
    }
    const session = await (await fetch(`${base}/api/v1/sessions/${id}`)).json();
    const read = await (await fetch(`${base}/api/v1/sessions/${id}/events`)).json();
    return { status: opened.status, location, id, statuses, session, read };
  }, { base, start, events });

  assert.equal(seen.status, 201);
  assert.match(seen.location, /^\/api\/v1\/sessions\/[0-9a-f]{64}$/, 'Location is exposed to the page');
  assert.deepEqual(seen.statuses, [204, 204, 204]);
  assert.deepEqual(seen.session.start.body, start, 'the sessionStart is read back as sent');
  assert.deepEqual(seen.read.items.map((event) => event.body), events, 'the events are read back as sent');
  const sentAs = 'The body was sent as text/plain;charset=UTF-8; send it as application/json.';
  assert.deepEqual(seen.session.start.findings, [{ rule: 'content-type', message: sentAs }]);
  assert.ok(seen.read.items.every((event) => event.findings.length === 1 && event.findings[0].message === sentAs));
  assert.equal(seen.session.state, 'closed');
  assert.equal(seen.session.findingCount, 4);

  // The inspector marks the session and each of its requests with their findings.
  const inspector = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  await inspector.goto(`${base}/inspector/`);
  const row = inspector.locator('#session-list tbody tr', { hasText: media });
  await row.waitFor({ timeout: 10_000 });
  const badge = row.locator('.finding-badge');
  assert.equal(await badge.textContent(), '4 findings');
  assert.equal(await badge.getAttribute('title'), 'content-type');
  await row.click();
  const entries = inspector.locator('#timeline > li');
  await entries.nth(3).waitFor();
  assert.equal(await inspector.locator('#timeline > li .finding-badge').count(), 4);
  await entries.nth(1).locator('summary').click();
  assert.match(await entries.nth(1).locator('.findings').textContent(), /\(the request\) content-type: The body was sent/);
  await inspector.screenshot({ path: `${screenshots}/inspector-findings.png` });
  console.log('no content type: a cross-origin player kept its session; the inspector shows its findings');
} finally {
  await browser.close();
  player.close();
}
