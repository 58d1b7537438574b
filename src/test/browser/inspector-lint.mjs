// The inspector in a real browser: a session whose requests are each fine but whose order is wrong shows its
// session-level findings, listed with the session and marked on the events they involve (docs/lint.md).
//
//   node src/test/browser/inspector-lint.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { launchBrowser, post } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const media = `inspector-lint-${randomUUID()}`;
const t0 = 1_764_147_600_000;

const start = {
  playerTime: { playhead: 0, ts: t0 },
  eventType: 'sessionStart',
  params: {
    'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
    'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': media, 'media.length': 600,
    'media.contentType': 'vod', 'media.playerName': 'browser-test', 'media.channel': 'tests',
  },
};
const created = await post(`${base}/api/v1/sessions`, start);
assert.equal(created.status, 201);
const events = `${base}${created.headers.get('location')}/events`;
// #3 is an ad without its break (an error); after the mid-roll's adBreakComplete (#9) the content goes on at #10
// without a play (a warning). Every request is accepted.
for (const [eventType, playhead, second] of [
  ['play', 0, 0.001], ['ping', 10, 10], ['adStart', 12, 12], ['ping', 12, 22], ['adComplete', 12, 27],
  ['play', 12, 27.001], ['adBreakStart', 17, 32], ['adStart', 17, 32.001], ['adBreakComplete', 17, 40],
  ['ping', 25, 48],
]) {
  const answer = await post(events, { playerTime: { playhead, ts: t0 + Math.round(second * 1000) }, eventType });
  assert.equal(answer.status, 204, `${eventType} answered ${answer.status}`);
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1500 } });
  await page.goto(`${base}/inspector`);
  const row = page.locator('#session-list tbody tr', { hasText: media });
  await row.waitFor({ timeout: 10_000 });
  await row.click();

  // The findings appear once the background check has run (mc.lint.interval), with no reload.
  const listed = page.locator('#session-findings > li');
  await listed.first().waitFor({ timeout: 15_000 });
  assert.deepEqual(await listed.locator('.lint-marker').allTextContents(),
    ['ad-start-outside-break', 'ad-not-closed', 'no-play-after-ad-break']);

  const entry = (sequence) => page.locator('#timeline > li', { hasText: `#${sequence} · ` });
  const outside = entry(3).locator('.lint-marker');
  assert.equal(await outside.textContent(), 'ad-start-outside-break');
  assert.match(await outside.getAttribute('class'), /\berror\b/);
  assert.match(await outside.getAttribute('title'), /^adStart #3 is not inside an ad break/);
  assert.deepEqual(await entry(10).locator('.lint-marker').allTextContents(), ['no-play-after-ad-break']);
  assert.match(await entry(10).locator('.lint-marker').getAttribute('class'), /\bwarning\b/);
  assert.equal(await entry(2).locator('.lint-marker').count(), 0, 'an event no finding involves has no marker');
  // The findings and the timeline they are marked on, in one view.
  await page.locator('#session-findings-title').evaluate((title) => title.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${screenshots}/inspector-lint.png` });
  console.log('inspector-lint: session findings listed and marked on their events');
} finally {
  await browser.close();
}
