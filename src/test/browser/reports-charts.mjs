// The reports tab in a real browser: sessions sent through the API, and the charts and totals of the inspector
// showing what GET /api/v1/reports answers for them, by day and by media; a session sent while the tab is open shows
// up without a reload.
//
//   node src/test/browser/reports-charts.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { launchBrowser, post } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const channel = `reports-${randomUUID()}`;
const T = 1_764_147_600_000;

/** Sends a session of `media`: its events as [ms after T, type, playhead]. */
async function session(media, events) {
  const created = await post(`${base}/api/v1/sessions`, {
    playerTime: { playhead: 0, ts: T },
    eventType: 'sessionStart',
    params: {
      'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
      'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': media, 'media.length': 60,
      'media.contentType': 'vod', 'media.playerName': 'browser-test', 'media.channel': channel,
    },
  });
  assert.equal(created.status, 201);
  const path = `${base}${created.headers.get('location')}/events`;
  for (const [ms, eventType, playhead] of events) {
    const answer = await post(path, { playerTime: { playhead, ts: T + ms }, eventType });
    assert.equal(answer.status, 204, `${eventType} answered ${answer.status}`);
  }
}

// Watched to the end; stopped after 20 s with a buffering; played 10 s then frozen (a stall), still open.
await session('trailer', [[0, 'play', 0], [30_000, 'ping', 30], [60_000, 'sessionComplete', 60],
  [60_000, 'sessionEnd', 60]]);
await session('trailer', [[0, 'play', 0], [10_000, 'bufferStart', 10], [12_000, 'play', 10],
  [22_000, 'sessionEnd', 20]]);
await session('feature', [[0, 'play', 0], [10_000, 'ping', 10], [20_000, 'ping', 10], [30_000, 'ping', 10],
  [40_000, 'ping', 20]]);

/** What each chart draws: the report's figures by the names the API gives them (reports.js). */
const CHARTS = {
  'report-starts': ['sessions', 'mediaStarts', 'contentStarts', 'contentCompletes'],
  'report-time': ['contentTimeSpent', 'adTimeSpent'],
  'report-completion': ['contentCompletionRate', 'mediaCompletionRate', 'adCompletionRate'],
  'report-qoe': ['bufferImpactedStreams', 'stallImpactedStreams', 'errorImpactedStreams',
    'bitrateChangeImpactedStreams', 'droppedFrameImpactedStreams', 'totalBufferDuration', 'totalStallingDuration'],
};

const report = async (groupBy) => (await fetch(`${base}/api/v1/reports?groupBy=${groupBy}&channel=${channel}`)).json();

/** The series each chart should show for this report: per figure, a point per row (by time: [key, value]). */
function expected(answer, byTime) {
  return Object.fromEntries(Object.entries(CHARTS).map(([id, figures]) => [id, figures.map((figure) => [figure,
    answer.rows.map((row) => (byTime ? [row.key, row[figure] ?? null] : row[figure] ?? null))])]));
}

/** Waits until the charts show these series (the view reads the report on its own schedule). */
async function chartsShow(page, want, categories) {
  const drawn = () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const chart = echarts.getInstanceByDom(document.getElementById(id));
    const option = chart?.getOption();
    return [id, option && { series: option.series.map((series) => [series.name, series.data]),
      categories: option.xAxis[0].data ?? null }];
  })), Object.keys(CHARTS));
  const deadline = Date.now() + 15_000;
  let last;
  while (Date.now() < deadline) {
    last = await drawn();
    const matches = Object.entries(want).every(([id, series]) => last[id]
      && JSON.stringify(last[id].series) === JSON.stringify(series)
      && JSON.stringify(last[id].categories) === JSON.stringify(categories));
    if (matches) {
      return;
    }
    await page.waitForTimeout(250);
  }
  assert.deepEqual(last, Object.fromEntries(Object.entries(want).map(([id, series]) => [id, { series, categories }])));
}

/** The totals as the API gives them: rates in per cent, other numbers to the thousandth. */
async function totalsShow(page, totals) {
  const shown = (name, value) => (name.endsWith('Rate') ? `${(value * 100).toFixed(1)} %`
    : String(Math.round(value * 1000) / 1000));
  for (const name of ['sessions', 'openSessions', 'mediaStarts', 'contentCompletes', 'contentCompletionRate',
    'contentTimeSpent', 'avgContentTimeSpent', 'bufferImpactedStreams', 'stallImpactedStreams',
    'totalStallingDuration']) {
    assert.equal(await page.locator(`#report-totals dd[data-figure="${name}"]`).textContent(),
      shown(name, totals[name]), name);
  }
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1250 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${base}/inspector/#reports`);
  await page.locator('#report-form input[name="channel"]').fill(channel);

  // By day (the default): one row, today's, with the three sessions.
  const byDay = await report('day');
  assert.equal(byDay.rows.length, 1);
  assert.deepEqual([byDay.totals.sessions, byDay.totals.openSessions, byDay.totals.contentCompletes,
    byDay.totals.stallImpactedStreams, byDay.totals.bufferImpactedStreams], [3, 1, 1, 1, 1]);
  await chartsShow(page, expected(byDay, true), null);
  await totalsShow(page, byDay.totals);
  assert.match(await page.locator('#report-note').textContent(), /1 of these sessions are still open/);

  // By media: a category per media id, the most sessions first.
  await page.locator('#report-form select[name="groupBy"]').selectOption('mediaId');
  const byMedia = await report('mediaId');
  assert.deepEqual(byMedia.rows.map((row) => row.key), ['trailer', 'feature']);
  await chartsShow(page, expected(byMedia, false), ['trailer', 'feature']);
  await totalsShow(page, byMedia.totals);
  await page.screenshot({ path: `${screenshots}/inspector-reports.png`, fullPage: true });

  // Live: a session sent now is in the charts shortly, with no reload.
  await session('feature', [[0, 'play', 0], [30_000, 'sessionComplete', 60], [30_000, 'sessionEnd', 60]]);
  const later = await report('mediaId');
  assert.equal(later.totals.sessions, 4);
  await chartsShow(page, expected(later, false), later.rows.map((row) => row.key));
  await totalsShow(page, later.totals);
  assert.deepEqual(pageErrors, []);
  console.log('reports: the charts and totals show what the API reports, by day and by media, as sessions arrive');
} finally {
  await browser.close();
}
