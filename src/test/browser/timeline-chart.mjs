// The session timeline picture in a real browser: a session sent through the API, with an ad break, a chapter, a
// pause, buffering, a stall, a bitrate change and an error, drawn by the inspector with ECharts: the spans are the
// ones its metrics count, the playhead line is its events in ts order, and each marker stands on its event.
//
//   node src/test/browser/timeline-chart.mjs <base-url> <screenshot-dir>
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { launchBrowser, post } from './browser.mjs';

const [base, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const media = `timeline-${randomUUID()}`;
const T = 1_764_147_600_000;

const created = await post(`${base}/api/v1/sessions`, {
  playerTime: { playhead: 0, ts: T },
  eventType: 'sessionStart',
  params: {
    'analytics.trackingServer': 'metrics.example.com', 'analytics.reportSuite': 'examplersid',
    'visitor.marketingCloudOrgId': '0123456789ABCDEF01234567@AdobeOrg', 'media.id': media, 'media.length': 120,
    'media.contentType': 'vod', 'media.playerName': 'browser-test', 'media.channel': 'tests',
  },
});
assert.equal(created.status, 201);
const session = created.headers.get('location').split('/').pop();
for (const [ms, eventType, playhead, members] of [
  [1_000, 'adBreakStart', 0, { params: { 'media.ad.podIndex': 0, 'media.ad.podSecond': 0 } }],
  [1_001, 'adStart', 0, { params: { 'media.ad.id': 'ad-1', 'media.ad.length': 15, 'media.ad.podPosition': 1,
    'media.ad.playerName': 'browser-test' } }],
  [16_001, 'adComplete', 0],
  [16_002, 'adBreakComplete', 0],
  [17_000, 'play', 0],
  [17_000, 'chapterStart', 0, { params: { 'media.chapter.index': 1, 'media.chapter.offset': 0,
    'media.chapter.length': 100, 'media.chapter.friendlyName': 'Opening' } }],
  [27_000, 'bitrateChange', 10, { qoeData: { 'media.qoe.bitrate': 3_000_000 } }],
  [37_000, 'pauseStart', 20],
  [42_000, 'play', 20],
  [52_000, 'bufferStart', 30],
  [55_000, 'play', 30],
  [65_000, 'ping', 40],
  [75_000, 'ping', 40],
  [85_000, 'ping', 40],
  [90_000, 'error', 40, { qoeData: { 'media.qoe.errorID': 'MEDIA_ERR_NETWORK', 'media.qoe.errorSource': 'player' } }],
  [95_000, 'ping', 45],
  [105_000, 'chapterComplete', 55],
  [110_000, 'sessionEnd', 60],
]) {
  const answer = await post(`${base}/api/v1/sessions/${session}/events`,
    { playerTime: { playhead, ts: T + ms }, eventType, ...members });
  assert.equal(answer.status, 204, `${eventType} answered ${answer.status}`);
}
const read = async (path) => (await fetch(`${base}/api/v1/sessions/${session}${path}`)).json();
const detail = await read('');
const events = [detail.start, ...(await read('/events?order=ts&limit=500')).items];

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${base}/inspector/`);
  const row = page.locator('#session-list tbody tr', { hasText: media });
  await row.waitFor({ timeout: 10_000 });
  await row.click();
  await page.waitForFunction(() => {
    const chart = window.echarts?.getInstanceByDom(document.getElementById('timeline-chart'));
    return chart && chart.getOption().series.length > 0;
  }, null, { timeout: 10_000 });

  const drawn = await page.evaluate(() => {
    const chart = echarts.getInstanceByDom(document.getElementById('timeline-chart'));
    return Object.fromEntries(chart.getOption().series.map((series) => [series.name, {
      type: series.type,
      spans: (series.markArea?.data ?? []).map(([from, to]) => [from.xAxis, to.xAxis]),
      points: series.data.map((point) => point.value),
    }]));
  });

  // What the player was doing: the spans its metrics count, one series each.
  assert.deepEqual(Object.keys(drawn), ['content', 'ad', 'paused', 'buffering', 'stalled', 'playhead', 'chapters',
    'errors', 'bitrate changes', 'findings']);
  const at = (...ms) => ms.map((offset) => T + offset);
  assert.deepEqual(drawn.content.spans, [at(17_000, 37_000), at(42_000, 52_000), at(55_000, 65_000),
    at(90_000, 110_000)]);
  assert.deepEqual(drawn.ad.spans, [at(1_001, 16_001)]);
  assert.deepEqual(drawn.paused.spans, [at(37_000, 42_000)]);
  assert.deepEqual(drawn.buffering.spans, [at(52_000, 55_000)]);
  assert.deepEqual(drawn.stalled.spans, [at(65_000, 90_000)], 'three pings and an error at 40 while playing');
  const total = (activity) => drawn[activity].spans.reduce((sum, [from, to]) => sum + to - from, 0) / 1000;
  assert.equal(total('content'), detail.metrics.contentTimeSpent);
  assert.equal(total('ad'), detail.metrics.adTimeSpent);
  assert.equal(total('paused'), detail.metrics.totalPauseDuration);
  assert.equal(total('buffering'), detail.metrics.totalBufferDuration);
  assert.equal(total('stalled'), detail.metrics.totalStallingDuration);
  assert.deepEqual([detail.metrics.contentTimeSpent, detail.metrics.totalStallingDuration], [60, 25]);

  // The playhead against ts: every request, the sessionStart first, in ts order.
  assert.equal(drawn.playhead.type, 'line');
  assert.deepEqual(drawn.playhead.points, events.map((event) => [event.ts, event.playhead]));
  assert.equal(drawn.playhead.points.length, 19);

  // Markers on their events.
  assert.deepEqual(drawn.chapters.points, [[T + 17_000, 0], [T + 105_000, 55]]);
  assert.deepEqual(drawn.errors.points, [[T + 90_000, 40]]);
  assert.deepEqual(drawn['bitrate changes'].points, [[T + 27_000, 10]]);
  assert.deepEqual(drawn.findings.points, events.filter((event) => (event.findings ?? []).length > 0)
    .map((event) => [event.ts, event.playhead]));

  // Laid out on the chart's axes: the last point of the playhead stands inside the drawing, right of the first.
  const [first, last] = await page.evaluate(([from, to]) => {
    const chart = echarts.getInstanceByDom(document.getElementById('timeline-chart'));
    return [chart.convertToPixel({ seriesName: 'playhead' }, from), chart.convertToPixel({ seriesName: 'playhead' }, to)];
  }, [drawn.playhead.points[0], drawn.playhead.points.at(-1)]);
  const box = await page.locator('#timeline-chart').boundingBox();
  assert.ok(first[0] < last[0] && last[0] <= box.width && last[1] < first[1], `laid out: ${first} → ${last}`);

  // Hovering names what is under the pointer: a band with its time and metric, a marker with its event.
  const hover = async (seriesName, point) => {
    const [x, y] = await page.evaluate(([name, value]) => echarts.getInstanceByDom(
      document.getElementById('timeline-chart')).convertToPixel({ seriesName: name }, value), [seriesName, point]);
    await page.mouse.move(box.x + x, box.y + y);
    const tip = page.locator('#timeline-chart .chart-tooltip');
    await tip.waitFor({ state: 'visible' });
    return tip.textContent();
  };
  assert.equal(await hover('stalled', [T + 77_500, 10]), 'stalled +65 s – +90 s (25 s, counts toward totalStallingDuration)');
  assert.equal(await hover('errors', [T + 90_000, 40]), 'error MEDIA_ERR_NETWORK (#15, +90 s)');
  assert.deepEqual(pageErrors, []);

  // Unchanged while nothing arrives: polling the detail does not read the timeline again.
  const timelineReads = [];
  page.on('request', (request) => request.url().endsWith('/timeline') && timelineReads.push(request.url()));
  await page.waitForResponse((response) => response.url().includes(`/sessions/${session}/events`));
  await page.waitForResponse((response) => response.url().includes(`/sessions/${session}/events`));
  assert.deepEqual(timelineReads, []);

  await page.locator('#timeline-chart').screenshot({ path: `${screenshots}/inspector-timeline.png` });
  console.log('timeline chart: spans, playhead and markers drawn from the session sent');
} finally {
  await browser.close();
}
