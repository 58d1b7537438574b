// The selected session's timeline as a picture (Apache ECharts, served from the jar): what the player was doing over
// device time (the spans of GET …/timeline, the metrics' own replay), the playhead against ts, and markers for
// chapters, errors, bitrate changes and findings (from the events read back). Uses api() of inspector.js.
'use strict';

const timelineChart = (() => {
  /** Each span kind, as the timeline names it, with its colour; its time is the metric in the tooltip. */
  const ACTIVITIES = [
    ['content', '#3a8f5c', 'contentTimeSpent'], ['ad', '#d98e04', 'adTimeSpent'],
    ['paused', '#8a94a6', 'totalPauseDuration'], ['buffering', '#4a7bd0', 'totalBufferDuration'],
    ['stalled', '#b3261e', 'totalStallingDuration'],
  ];
  /** Marker series: which events each shows, its symbol and colour. */
  const MARKERS = [
    ['chapters', (event) => event.eventType.startsWith('chapter'), 'diamond', '#6b4fbb'],
    ['errors', (event) => event.eventType === 'error', 'triangle', '#b3261e'],
    ['bitrate changes', (event) => event.eventType === 'bitrateChange', 'rect', '#138a8a'],
    // Findings (rules broken, yet kept) when the read-back carries them; none when it does not.
    ['findings', (event) => (event.findings ?? []).length > 0, 'pin', '#7a4d00'],
  ];
  const PAGE = 500;
  // Enough for a feature film with a ping every 10 s many times over; the spans cover the whole session regardless.
  const MAX_PAGES = 20;

  let chart = null;
  let drawn = null;
  let wanted = null;

  /** The session's events in ts order (its sessionStart first), page after page. */
  async function eventsInTsOrder(session) {
    const items = [];
    let cursor = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await api(`/sessions/${session.id}/events?order=ts&limit=${PAGE}`
        + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''));
      items.push(...answer.items);
      cursor = answer.next;
      if (!cursor) {
        break;
      }
    }
    return [session.start, ...items];
  }

  const seconds = (ms) => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')} s`;

  function option(timeline, events) {
    const t0 = events[0].ts;
    const since = (ts) => `+${seconds(ts - t0)}`;
    const spanSeries = ACTIVITIES.map(([activity, color, metric]) => ({
      name: activity,
      type: 'line',
      data: [],
      color,
      markArea: {
        silent: false,
        itemStyle: { color, opacity: 0.35 },
        label: { show: false },
        tooltip: {
          formatter: (item) => `${activity} ${since(item.data.coord[0][0])} – ${since(item.data.coord[1][0])}`
            + ` (${seconds(item.data.coord[1][0] - item.data.coord[0][0])}, counts toward ${metric})`,
        },
        data: timeline.spans.filter((span) => span.activity === activity)
          .map((span) => [{ xAxis: span.fromTs, name: activity }, { xAxis: span.toTs }]),
      },
    }));
    const playhead = {
      name: 'playhead',
      type: 'line',
      color: '#1d2330',
      symbolSize: 4,
      data: events.map((event) => ({ value: [event.ts, event.playhead], name: event.eventType })),
      tooltip: {
        formatter: (item) => `${item.name} #${events[item.dataIndex].sequence} at ${since(item.value[0])}:`
          + ` playhead ${item.value[1]}`,
      },
    };
    const markers = MARKERS.map(([name, shows, symbol, color]) => ({
      name,
      type: 'scatter',
      symbol,
      symbolSize: 13,
      color,
      z: 5,
      data: events.filter(shows).map((event) => ({
        value: [event.ts, event.playhead],
        name: event.eventType,
        sequence: event.sequence,
        detail: markerDetail(name, event),
      })),
      tooltip: { formatter: (item) => `${item.data.detail} (#${item.data.sequence}, ${since(item.value[0])})` },
    }));
    return {
      animation: false,
      // Spans shown as blocks of their colour, the playhead as its line, markers as their symbols; in rows as needed.
      legend: {
        top: 0, itemGap: 12, itemWidth: 16, itemHeight: 10,
        data: [...ACTIVITIES.map(([activity]) => ({ name: activity, icon: 'rect' })), { name: 'playhead' },
          ...MARKERS.map(([name, , symbol]) => ({ name, icon: symbol }))],
      },
      tooltip: { trigger: 'item', confine: true, className: 'chart-tooltip' },
      grid: { left: 48, right: 16, top: 64, bottom: 28 },
      xAxis: { type: 'time', min: t0, max: Math.max(timeline.computedUpTo, events[events.length - 1].ts) },
      yAxis: { type: 'value', name: 'playhead (s)', nameGap: 10, min: 0 },
      series: [...spanSeries, playhead, ...markers],
    };
  }

  function markerDetail(name, event) {
    const params = event.body.params ?? {};
    const qoe = event.body.qoeData ?? {};
    switch (name) {
      case 'chapters':
        return `${event.eventType} ${params['media.chapter.friendlyName'] ?? params['media.chapter.index'] ?? ''}`;
      case 'errors':
        return `error ${qoe['media.qoe.errorID'] ?? params['media.errorId'] ?? ''}`;
      case 'bitrate changes':
        return `bitrate ${qoe['media.qoe.bitrate'] ?? '(not sent)'}`;
      default:
        return `${event.findings.length} finding${event.findings.length === 1 ? '' : 's'}: `
          + event.findings.map((finding) => finding.rule).join(', ');
    }
  }

  /**
   * Draws the session, unless it is drawn already as it stands: a session changes only with its events or its state,
   * so polling the detail costs no more requests until something arrives.
   */
  async function show(session) {
    const key = `${session.id} ${session.eventCount} ${session.state}`;
    if (key === drawn) {
      return;
    }
    wanted = key;
    const [timeline, events] = await Promise.all([api(`/sessions/${session.id}/timeline`),
      eventsInTsOrder(session)]);
    if (wanted !== key) {
      return; // another session was selected meanwhile
    }
    chart ??= echarts.init(document.getElementById('timeline-chart'));
    chart.setOption(option(timeline, events), { notMerge: true });
    drawn = key;
  }

  window.addEventListener('resize', () => chart?.resize());
  return { show };
})();
