// The inspector in a real browser: a session sent through the API appears with its metrics, and a rejected request
// appears with its problem marked on the body.
//
//   node src/test/browser/inspector.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { launchBrowser, post } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const media = `inspector-${randomUUID()}`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/inspector`);
  await page.getByRole('heading', { name: 'Media Collection inspector' }).waitFor();

  // A session, as a player sends it: start, pre-roll, content, complete.
  const start = {
    playerTime: { playhead: 0, ts: 1_764_147_600_000 },
    eventType: 'sessionStart',
    params: {
      'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
      'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': media, 'media.length': 60,
      'media.contentType': 'vod', 'media.playerName': 'browser-test', 'media.channel': 'tests',
    },
  };
  const created = await post(`${base}/api/v1/sessions`, start);
  assert.equal(created.status, 201);
  const events = `${base}${created.headers.get('location')}/events`;
  let ts = 1_764_147_600_000;
  for (const [eventType, playhead, params, step] of [
    ['adBreakStart', 0, { 'media.ad.podIndex': 0, 'media.ad.podSecond': 0 }, 1000],
    ['adStart', 0, { 'media.ad.id': 'ad-1', 'media.ad.length': 15, 'media.ad.podPosition': 1,
      'media.ad.playerName': 'browser-test' }, 1],
    ['adComplete', 0, undefined, 15000],
    ['adBreakComplete', 0, undefined, 1],
    ['play', 0, undefined, 1000],
    ['ping', 10, undefined, 10000],
    ['sessionComplete', 20, undefined, 10000],
  ]) {
    ts += step;
    const answer = await post(events, { playerTime: { playhead, ts }, eventType, ...(params ? { params } : {}) });
    assert.equal(answer.status, 204, `${eventType} answered ${answer.status}`);
  }

  // It appears in the list, and its detail shows its metrics and its timeline.
  const row = page.locator('#session-list tbody tr', { hasText: media });
  await row.waitFor({ timeout: 10_000 });
  await row.click();
  const detail = page.locator('#session-detail');
  await detail.getByText('contentTimeSpent').waitFor();
  const metric = async (name) => detail.locator('dt', { hasText: new RegExp(`^${name}$`) })
    .locator('xpath=following-sibling::dd[1]').textContent();
  assert.equal(await metric('contentStarts'), '1');
  assert.equal(await metric('contentCompletes'), '1');
  assert.equal(await metric('adStarts'), '1');
  assert.equal(await metric('adTimeSpent'), '15');
  assert.equal(await metric('contentTimeSpent'), '20');
  assert.equal(await page.locator('#timeline > li').count(), 8);
  await page.screenshot({ path: `${screenshots}/inspector-session.png` });

  // A request the service refuses (its playhead is no number) appears with its problem, every violation marked on
  // the body.
  const refused = await post(`${base}/api/v1/sessions`, {
    ...start, playerTime: { playhead: 'zero', ts: start.playerTime.ts }, params: { ...start.params, 'media.lenght': 60 },
  });
  assert.equal(refused.status, 400);
  await page.getByRole('button', { name: 'Rejected requests' }).click();
  const rejection = page.locator('#rejection-list > li', { hasText: media }).first();
  await rejection.waitFor({ timeout: 10_000 });
  assert.match(await rejection.textContent(), /400 Request body does not match the schema/);
  const marked = rejection.locator('.violation[title^="is not a known key"]');
  await marked.waitFor();
  assert.match(await marked.textContent(), /60/);
  await page.screenshot({ path: `${screenshots}/inspector-rejections.png` });
  console.log('inspector: session, metrics and rejection seen in the browser');
} finally {
  await browser.close();
}
