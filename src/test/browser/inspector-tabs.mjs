// The inspector's address names its tab: /inspector/#rejections opens the rejected requests, switching tabs keeps
// the address in step, and a reload or a changed hash shows the tab it names.
//
//   node src/test/browser/inspector-tabs.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launchBrowser, post } from './browser.mjs';

const [base] = process.argv.slice(2);
const media = `tabs-${randomUUID()}`;

// A refused request (its playhead is no number: refused by every profile), so that the rejections tab has something
// to show.
const refused = await post(`${base}/api/v1/sessions`, {
  playerTime: { playhead: 'zero', ts: 1_764_147_600_000 }, eventType: 'sessionStart', params: { 'media.id': media },
});
assert.equal(refused.status, 400);

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const shown = async (tab) => {
    const other = tab === 'sessions' ? 'rejections' : 'sessions';
    await page.locator(`section#${tab}`).waitFor({ state: 'visible' });
    assert.equal(await page.locator(`section#${other}`).isVisible(), false, `${other} is hidden`);
    assert.equal(await page.locator('nav button.active').getAttribute('data-tab'), tab, `${tab} is the active tab`);
    assert.equal(new URL(page.url()).hash, `#${tab}`, 'the address names the tab');
  };

  await page.goto(`${base}/inspector/#rejections`);
  await shown('rejections');
  await page.locator('#rejection-list > li', { hasText: media }).waitFor({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Sessions' }).click();
  await shown('sessions');
  await page.getByRole('button', { name: 'Rejected requests' }).click();
  await shown('rejections');

  await page.reload();
  await shown('rejections');

  await page.evaluate(() => { window.location.hash = '#sessions'; });
  await shown('sessions');

  await page.goto(`${base}/inspector/#no-such-tab`);
  await shown('sessions');
  console.log('inspector tabs: the address opens the tab it names and follows the tab shown');
} finally {
  await browser.close();
}
