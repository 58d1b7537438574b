// With relay mode on, the inspector says where each session stands upstream: relayed, with the upstream's id of it,
// or refused, with what the upstream answered. The service relays to an upstream the test scripts (BrowserIT), which
// refuses sessions whose media.id starts with "refuse-".
//
//   node src/test/browser/inspector-upstream.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launchBrowser, post } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
const start = (media) => ({
  playerTime: { playhead: 0, ts: 1_764_147_600_000 },
  eventType: 'sessionStart',
  params: {
    'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
    'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': media, 'media.length': 60,
    'media.contentType': 'vod', 'media.playerName': 'browser-test', 'media.channel': 'tests',
  },
});
const relayed = `relay-${randomUUID()}`;
const refused = `refuse-${randomUUID()}`;
for (const media of [relayed, refused]) {
  assert.equal((await post(`${base}/api/v1/sessions`, start(media))).status, 201);
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/inspector/`);
  const upstreamOf = async (media, expected) => {
    await page.locator('#session-list tbody tr', { hasText: media }).click();
    const fact = page.locator('#detail-facts dt', { hasText: /^Upstream$/ }).locator('xpath=following-sibling::dd[1]');
    await fact.filter({ hasText: expected }).waitFor({ timeout: 20_000 });
    return fact.textContent();
  };
  assert.match(await upstreamOf(relayed, /^relayed as /), /^relayed as [0-9a-f]{64}$/);
  assert.equal(await upstreamOf(refused, /^upstream refused/),
    'upstream refused: 400, {"title":"Bad Request","detail":"this media.id is refused"}');
  await page.screenshot({ path: `${screenshots}/inspector-upstream.png` });
  console.log('inspector: relayed and refused sessions shown with their upstream standing');
} finally {
  await browser.close();
}
