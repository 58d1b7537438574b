// The inspector: what the service received, as it arrives. Reads the inspection API of this same service (no other
// server, nothing fetched from elsewhere), polling every two seconds.
'use strict';

const REFRESH_MS = 2000;
const API = '/api/v1';
const state = { tab: 'sessions', selected: null, token: sessionStorage.getItem('mc.inspection.token') };

const $ = (selector) => document.querySelector(selector);
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
};
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');

/** GET from the API, with the token when one is known; a 401 asks for it. */
async function api(path) {
  const headers = state.token ? { Authorization: `Bearer ${state.token}` } : {};
  const response = await fetch(API + path, { headers });
  if (response.status === 401) {
    $('#token-form').hidden = false;
    throw new Error('the inspection token is required');
  }
  if (!response.ok) {
    throw new Error(`${response.status} on ${path}`);
  }
  return response.json();
}

// --- sessions -------------------------------------------------------------------------------------------------

function filters() {
  const query = new URLSearchParams({ limit: '50' });
  new FormData($('#filters')).forEach((value, name) => value && query.set(name, value));
  return query;
}

async function refreshSessions() {
  const page = await api(`/sessions?${filters()}`);
  const rows = page.items.map((session) => {
    const row = el('tr', { 'data-id': session.id },
      el('td', {}, time(session.createdAt)),
      el('td', {}, el('span', { class: `state ${session.state}` }, session.state)),
      el('td', { class: 'clip', title: session.mediaId }, session.mediaId),
      el('td', { class: 'clip', title: session.playerName }, session.playerName),
      el('td', {}, session.eventCount),
      el('td', {}, session.findingCount ? findingBadge(session.findingCount, session.findingRules.join(', ')) : ''),
      el('td', {}, time(session.lastEventAt)));
    row.classList.toggle('selected', session.id === state.selected);
    row.addEventListener('click', () => select(session.id));
    return row;
  });
  $('#session-list tbody').replaceChildren(...rows);
  if (state.selected) {
    await refreshDetail();
  }
}

function select(id) {
  state.selected = id;
  document.querySelectorAll('#session-list tbody tr')
    .forEach((row) => row.classList.toggle('selected', row.dataset.id === id));
  refreshDetail().catch(report);
}

async function refreshDetail() {
  const id = state.selected;
  const order = $('#by-ts').checked ? 'ts' : 'arrival';
  const [session, events] = await Promise.all([
    api(`/sessions/${id}`), api(`/sessions/${id}/events?order=${order}&limit=500`)]);
  $('#session-detail').hidden = false;
  $('#detail-id').textContent = id;
  $('#detail-facts').replaceChildren(...facts({
    State: session.state + (session.closeCause ? ` (${session.closeCause})` : ''),
    Opened: time(session.createdAt), 'Last event': time(session.lastEventAt),
    'Last playhead': session.lastPlayhead, Events: session.eventCount,
    Findings: session.findingCount ? `${session.findingCount} (${session.findingRules.join(', ')})` : 0,
    Media: session.start.body.params['media.id'], Player: session.start.body.params['media.playerName'],
    ...(session.upstream ? { Upstream: upstreamText(session.upstream) } : {}),
  }));
  const metrics = { ...session.metrics };
  const states = metrics.states;
  delete metrics.states;
  Object.entries(states).forEach(([name, value]) => {
    metrics[`state ${name}`] = `set ${value.set}, ${value.count}×, ${value.time} s`;
  });
  $('#detail-metrics').replaceChildren(...facts(metrics));
  $('#session-findings').replaceChildren(...session.sessionFindings.map((finding) => el('li', {},
    lintMarker(finding), ` ${finding.message} `, el('span', { class: 'when' },
      finding.events.map((sequence) => `#${sequence}`).join(' ')))));
  $('#session-findings-title').hidden = session.sessionFindings.length === 0;
  const bySequence = new Map();
  session.sessionFindings.forEach((finding) => finding.events.forEach((sequence) =>
    bySequence.set(sequence, [...(bySequence.get(sequence) ?? []), finding])));
  $('#timeline').replaceChildren(...[session.start, ...events.items]
    .map((event) => timelineEntry(event, bySequence.get(event.sequence) ?? [])));
  await timelineChart.show(session);
}

/** Where the relay to the upstream Media Collection API stands with the session (mc.relay.url). */
function upstreamText(upstream) {
  const named = upstream.upstreamId ? ` as ${upstream.upstreamId}` : '';
  if (upstream.status === 'refused') {
    return upstream.detail;
  }
  if (upstream.status === 'excluded') {
    return `not relayed: ${upstream.detail}`;
  }
  const failures = upstream.attempts ? `; ${upstream.attempts} failed attempts (${upstream.lastFailure}),`
    + ` next at ${time(upstream.nextAttemptAt)}` : '';
  return `${upstream.status}${named}${failures}`;
}

/** A session-level finding's rule, coloured by its severity, its message on hover. */
function lintMarker(finding) {
  return el('span', { class: `lint-marker ${finding.severity}`, title: finding.message }, finding.rule);
}

function facts(entries) {
  return Object.entries(entries).flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value ?? '–')]);
}

/** A badge saying how many findings (rules broken, yet kept) there are; their rules on hover. */
function findingBadge(count, rules) {
  return el('span', { class: 'finding-badge', title: rules }, `${count} finding${count === 1 ? '' : 's'}`);
}

/**
 * An event as received, with a marker for each session-level finding that involves it; with findings of its own, a
 * badge, their list, and each marked on the body like a violation.
 */
function timelineEntry(event, sessionFindings) {
  const findings = event.findings;
  const summary = el('summary', {},
    el('span', { class: 'type' }, event.eventType), ' ',
    el('span', { class: 'when' }, `#${event.sequence} · playhead ${event.playhead} · ts ${event.ts}`),
    sessionFindings.flatMap((finding) => [' ', lintMarker(finding)]));
  const marked = sessionFindings.length === 0 ? {} : { class: 'linted' };
  if (findings.length === 0) {
    return el('li', { 'data-type': event.eventType, ...marked },
      el('details', {}, summary, el('pre', {}, JSON.stringify(event.body, null, 2))));
  }
  summary.append(' ', findingBadge(findings.length, [...new Set(findings.map((finding) => finding.rule))].join(', ')));
  return el('li', { 'data-type': event.eventType, class: `kept ${marked.class ?? ''}`.trim() },
    el('details', {}, summary,
      el('ul', { class: 'findings' }, findings.map((finding) => el('li', {},
        el('code', {}, finding.pointer ?? '(the request)'), ` ${finding.rule}: ${finding.message}`))),
      highlighted(JSON.stringify(event.body),
        findings.map((finding) => ({ pointer: finding.pointer, detail: finding.message })))));
}

// --- rejections ------------------------------------------------------------------------------------------------

async function refreshRejections() {
  const list = await api('/rejections?limit=100');
  $('#rejection-list').replaceChildren(...list.items.map((rejection) => el('li', { class: 'rejection' },
    el('div', {}, el('span', { class: 'when' }, `${time(rejection.at)} ${rejection.method} ${rejection.path}`)),
    el('div', { class: 'problem' }, `${rejection.problem.status} ${rejection.problem.title}`),
    el('div', {}, rejection.problem.detail),
    highlighted(rejection.body, rejection.problem.errors || []))));
}

/**
 * The body as sent, with each violation's JSON pointer marked on the member it names, or on the object a missing
 * member belongs to. A body that is not JSON is shown as text.
 */
function highlighted(body, errors) {
  if (body == null) {
    return el('pre', {}, '(body not read)');
  }
  let tree;
  try {
    tree = JSON.parse(body);
  } catch (notJson) {
    return el('pre', {}, body);
  }
  const byPointer = new Map(errors.filter((error) => error.pointer != null)
    .map((error) => [error.pointer, error.detail]));
  return el('pre', {}, render(tree, '', byPointer, 0));
}

function render(value, pointer, violations, depth) {
  const pad = '  '.repeat(depth);
  let content;
  if (value !== null && typeof value === 'object') {
    const isArray = Array.isArray(value);
    const entries = isArray ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    const lines = entries.map(([key, item], index) => {
      const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      return [pad, '  ', isArray ? '' : `${JSON.stringify(key)}: `, render(item, child, violations, depth + 1),
        index < entries.length - 1 ? ',' : '', '\n'];
    });
    const missing = [...violations.entries()]
      .filter(([path]) => parent(path) === pointer && !entries.some(([key]) => `${pointer}/${key}` === path))
      .map(([path, detail]) => [pad, '  ', el('span', { class: 'missing violation', title: detail },
        `${JSON.stringify(path.slice(pointer.length + 1))}: (missing) ← ${detail}`), '\n']);
    content = el('span', {}, isArray ? '[' : '{', '\n', ...lines.flat(), ...missing.flat(), pad, isArray ? ']' : '}');
  } else {
    content = el('span', {}, JSON.stringify(value));
  }
  const detail = violations.get(pointer);
  if (detail !== undefined) {
    content.classList.add('violation');
    content.title = detail;
    return el('span', {}, content, el('span', { class: 'violation-note' }, `  ← ${detail}`));
  }
  return content;
}

function parent(pointer) {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

// --- wiring ----------------------------------------------------------------------------------------------------

function report(error) {
  $('#status').textContent = error.message;
}

async function refresh() {
  try {
    await { sessions: refreshSessions, rejections: refreshRejections, reports: reportsView.refresh }[state.tab]();
    $('#status').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    report(error);
  }
}

const TABS = [...document.querySelectorAll('nav button')].map((button) => button.dataset.tab);

/** The tab the address names (#rejections), so that a link or a reload opens it; else the first. */
function tabInAddress() {
  const named = location.hash.slice(1);
  return TABS.includes(named) ? named : TABS[0];
}

function showTab(tab) {
  state.tab = tab;
  document.querySelectorAll('nav button').forEach((button) => button.classList.toggle('active',
    button.dataset.tab === tab));
  document.querySelectorAll('.tab').forEach((section) => { section.hidden = section.id !== tab; });
  // Replaced, not pushed: switching tabs adds no history entry, and the page does not jump to the section.
  history.replaceState(null, '', `#${tab}`);
  refresh();
}

document.querySelectorAll('nav button').forEach((button) => button.addEventListener('click',
  () => showTab(button.dataset.tab)));
window.addEventListener('hashchange', () => showTab(tabInAddress()));
$('#filters').addEventListener('input', refresh);
$('#by-ts').addEventListener('change', () => refreshDetail().catch(report));
$('#token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.token = $('#token').value;
  sessionStorage.setItem('mc.inspection.token', state.token);
  $('#token-form').hidden = true;
  refresh();
});

showTab(tabInAddress());
setInterval(refresh, REFRESH_MS);
