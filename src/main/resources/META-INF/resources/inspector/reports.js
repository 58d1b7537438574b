// The reports tab: GET /api/v1/reports drawn with Apache ECharts (served from the jar), grouped as chosen, its
// totals beside. Live, yet gentle on the service: the report is read again at most every REFRESH_MS while the tab is
// shown and the page visible, one request at a time, and at once when the form changes. Uses api(), el() and $()
// of inspector.js.
'use strict';

const reportsView = (() => {
  const REFRESH_MS = 5000;
  /** Each chart: its element, and the report's figures it draws, by the names the API gives them. */
  const CHARTS = {
    starts: { id: 'report-starts', bars: ['sessions', 'mediaStarts', 'contentStarts', 'contentCompletes'] },
    time: { id: 'report-time', bars: ['contentTimeSpent', 'adTimeSpent'], stack: 'media time spent' },
    completion: { id: 'report-completion', bars: ['contentCompletionRate', 'mediaCompletionRate', 'adCompletionRate'],
      rate: true },
    qoe: {
      id: 'report-qoe',
      bars: ['bufferImpactedStreams', 'stallImpactedStreams', 'errorImpactedStreams', 'bitrateChangeImpactedStreams',
        'droppedFrameImpactedStreams'],
      secondLines: ['totalBufferDuration', 'totalStallingDuration'],
    },
  };
  const TOTALS = ['sessions', 'openSessions', 'mediaStarts', 'contentStarts', 'contentCompletes',
    'contentCompletionRate', 'mediaCompletionRate', 'contentTimeSpent', 'adTimeSpent', 'avgContentTimeSpent',
    'averageMinuteAudience', 'bufferImpactedStreams', 'stallImpactedStreams', 'errorImpactedStreams',
    'totalBufferDuration', 'totalStallingDuration'];
  const BY_TIME = ['day', 'hour'];

  const charts = {};
  let readAt = 0;
  let readQuery = null;
  let reading = false;

  /** The form as the report's query; the times typed are local, the API takes instants. */
  function query() {
    const query = new URLSearchParams();
    new FormData($('#report-form')).forEach((value, name) => {
      if (value) {
        query.set(name, ['from', 'to'].includes(name) ? new Date(value).toISOString() : value);
      }
    });
    return query.toString();
  }

  /** Called on the inspector's tick and when the form changes; reads the report only when it is due. */
  async function refresh() {
    const wanted = query();
    const due = wanted !== readQuery || Date.now() - readAt >= REFRESH_MS;
    if (reading || !due || document.hidden || $('#reports').hidden) {
      return;
    }
    reading = true;
    try {
      draw(await api(`/reports?${wanted}`), new URLSearchParams(wanted).get('groupBy') ?? 'day');
      readQuery = wanted;
      readAt = Date.now();
    } finally {
      reading = false;
    }
  }

  const rate = (value) => (value == null ? '–' : `${(value * 100).toFixed(1)} %`);
  /** A figure as the totals show it: rates in per cent, other numbers to the thousandth. */
  const figure = (name, value) => {
    if (name.endsWith('Rate')) {
      return rate(value);
    }
    return value == null ? '–' : String(Math.round(value * 1000) / 1000);
  };

  function draw(report, groupBy) {
    const byTime = BY_TIME.includes(groupBy);
    $('#report-note').textContent = [
      report.rows.length === 0 ? 'No sessions opened in this range.' : '',
      report.totals.openSessions > 0
        ? `${report.totals.openSessions} of these sessions are still open: their figures count up to their last `
          + 'event and can still change.' : '',
      report.omittedRows > 0 ? `${report.omittedRows} more groups are left out of the charts (counted in the totals).`
        : '',
    ].filter(Boolean).join(' ');
    $('#report-totals').replaceChildren(...TOTALS.flatMap((name) => [el('dt', {}, name),
      el('dd', { 'data-figure': name }, figure(name, report.totals[name]))]));
    Object.values(CHARTS).forEach((spec) => {
      const node = document.getElementById(spec.id);
      charts[spec.id] ??= echarts.init(node);
      charts[spec.id].resize();
      charts[spec.id].setOption(option(spec, report.rows, byTime), { notMerge: true });
    });
  }

  function option(spec, rows, byTime) {
    // A figure a group lacks (a rate without its denominator) is a gap, not a zero.
    const points = (figure) => rows.map((row) => (byTime ? [row.key, row[figure] ?? null] : row[figure] ?? null));
    const series = (figures, type, extra = {}) => (figures ?? []).map((figure) => ({
      name: figure, type, data: points(figure), connectNulls: false, ...extra,
    }));
    const percent = { formatter: (value) => `${Math.round(value * 100)} %` };
    return {
      animation: false,
      legend: { top: 0, itemGap: 10, itemWidth: 16, itemHeight: 10 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: spec.rate ? (value) => rate(value) : undefined,
      },
      // Room above for the legend, in as many rows as its names need.
      grid: { left: 56, right: spec.secondLines ? 56 : 16, top: spec.secondLines ? 76 : 40, bottom: 28 },
      xAxis: byTime ? { type: 'time' } : { type: 'category', data: rows.map((row) => row.key) },
      yAxis: [
        { type: 'value', min: 0, ...(spec.rate ? { max: 1, axisLabel: percent } : {}) },
        ...(spec.secondLines ? [{ type: 'value', min: 0, name: 's', splitLine: { show: false } }] : []),
      ],
      series: [
        ...series(spec.bars, 'bar', spec.stack ? { stack: spec.stack } : {}),
        // Durations on their own axis: a line through time, a point per group otherwise (groups are no sequence).
        ...series(spec.secondLines, byTime ? 'line' : 'scatter', { yAxisIndex: 1, symbolSize: 9 }),
      ],
    };
  }

  // Loaded before inspector.js: what runs now uses the DOM directly.
  document.getElementById('report-form').addEventListener('input', () => refresh().catch((error) => {
    document.getElementById('status').textContent = error.message;
  }));
  window.addEventListener('resize', () => Object.values(charts).forEach((chart) => chart.resize()));
  return { refresh };
})();
