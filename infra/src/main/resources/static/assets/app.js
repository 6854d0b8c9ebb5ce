import { applyLabels, csrfToken, language, t } from './i18n.js';

const $ = id => document.getElementById(id);
const state = { me: null, centre: null, day: null, position: null, charts: {}, data: null, online: false };

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.redirected) {
    location.href = '/login';
    throw new Error('signed out');
  }
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function cell(row, text, header) {
  const el = document.createElement(header ? 'th' : 'td');
  if (header) el.scope = 'col';
  el.textContent = text ?? '';
  row.appendChild(el);
  return el;
}

/** A table with a header row; rows are arrays of cell texts (or {text, cls}). */
function table(id, headers, rows) {
  const el = $(id);
  el.replaceChildren();
  const head = el.createTHead().insertRow();
  headers.forEach(h => cell(head, t(h), true));
  const body = el.createTBody();
  if (rows.length === 0) {
    const td = cell(body.insertRow(), t('none'));
    td.colSpan = headers.length;
    return;
  }
  rows.forEach(values => {
    const tr = body.insertRow();
    values.forEach(v => {
      const td = cell(tr, typeof v === 'object' && v !== null ? v.text : v);
      if (v && v.cls) td.className = v.cls;
    });
  });
}

function figures(id, pairs) {
  const el = $(id);
  el.replaceChildren();
  pairs.forEach(([label, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = t(label);
    const dd = document.createElement('dd');
    dd.textContent = value;
    div.append(dt, dd);
    el.appendChild(div);
  });
}

const locale = () => (language() === 'zh' ? 'zh-CN' : 'en-GB');
const percent = share => (share == null ? '–' : `${(share * 100).toFixed(1)} %`);
const number = n => new Intl.NumberFormat(locale()).format(n);
const money = m => (m == null ? '–' : new Intl.NumberFormat(locale(), { style: 'currency', currency: m.currency })
  .format(m.minor / 100));
const zone = () => state.me.centres.find(c => c.id === state.centre)?.zone || 'UTC';
const time = instant => (instant == null ? '' : new Intl.DateTimeFormat(locale(), {
  timeZone: zone(), month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(instant)));
const hours = seconds => (seconds == null ? '–' : `${(seconds / 3600).toFixed(1)} h`);

function isoDay(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date);
}

function minusDays(day, days) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function chart(id, config) {
  if (state.charts[id]) state.charts[id].destroy();
  state.charts[id] = new window.Chart($(id), config);
}

async function loadDashboard() {
  const c = encodeURIComponent(state.centre);
  const day = state.day;
  const from = minusDays(day, 29);
  const wait = state.position == null ? '' : `&position=${state.position}`;
  const all = await Promise.all([
    getJson(`/api/views/reception?centre=${c}&date=${day}${wait}`),
    getJson(`/api/views/reception/messages?centre=${c}&size=20${wait}`),
    getJson(`/api/views/roster?centre=${c}&date=${day}${wait}`),
    getJson(`/api/views/complaints?centre=${c}&sort=resolutionDueAt,asc&size=100${wait}`),
    getJson(`/api/views/complaints/kpis?centre=${c}&from=${from}&to=${day}${wait}`),
    getJson(`/api/views/sales?centre=${c}&from=${from}&to=${day}${wait}`),
    getJson(`/api/views/sales/revenue?centre=${c}&from=${from}&to=${day}&by=day${wait}`),
  ]);
  state.data = all;
  render();
}

/** Draws the last fetched figures; also after a language switch, without fetching again. */
function render() {
  if (!state.data) return;
  const [reception, messages, roster, complaints, kpis, sales, revenue] = state.data;

  figures('reception-figures', [
    ['total', number(reception.total)], ['calls', number(reception.calls)],
    ['withinThreeRings', percent(reception.shareWithinThreeRings)],
    ['conversions', number(reception.conversions)], ['undelivered', number(reception.undeliveredMessages)]]);
  chart('hours-chart', {
    // visits count every arrival, calls included: grouped bars, not stacked
    type: 'bar',
    data: {
      labels: reception.byHour.map(h => `${String(h.hour).padStart(2, '0')}:00`),
      datasets: [{ label: t('total'), data: reception.byHour.map(h => h.visits), backgroundColor: '#1d4e89' },
        { label: t('calls'), data: reception.byHour.map(h => h.calls), backgroundColor: '#e07a1f' }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  table('messages', ['recipient', 'takenAt'], messages.items.map(m => [m.recipient, time(m.takenAt)]));

  table('roster', ['staff', 'post', 'planned', 'state'], roster.shifts.map(s => {
    let text = s.clockedOut ? t('done') : s.clockedIn ? t('onShift') : s.overdue ? t('overdue') : t('notYet');
    if (s.late) text += ` · ${s.minutesLate != null ? t('lateBy', s.minutesLate) : t('late')}`;
    return [s.staff, s.postName || s.post, `${time(s.plannedStart)}–${time(s.plannedEnd)}`,
      { text, cls: s.late || s.overdue ? 'bad' : '' }];
  }));

  const open = complaints.items.filter(x => !x.closedAt && !x.withdrawnAt);
  const rank = x => (x.slaState === 'BREACHED' ? 0 : x.slaState === 'ON_TRACK' ? 1 : 2);
  open.sort((a, b) => rank(a) - rank(b) || String(a.resolutionDueAt).localeCompare(String(b.resolutionDueAt)));
  const o = kpis.overall;
  figures('complaint-kpis', [['openNow', number(kpis.openNow)], ['filed30', number(o.filed)],
    ['breachRate', percent(o.slaBreachRate)], ['satisfaction', percent(o.satisfactionRate)],
    ['medianResolution', hours(o.resolutionMedianSeconds)]]);
  table('complaints', ['sla', 'severity', 'category', 'status', 'handler', 'filed', 'due'], open.map(x => [
    { text: x.slaState, cls: x.slaState === 'BREACHED' ? 'bad' : '' }, x.severity, x.category, x.status,
    x.handler || '–', time(x.filedAt), time(x.resolutionDueAt)]));

  figures('sales-figures', [['gross', money(sales.gross)], ['refunds', money(sales.refunds)],
    ['net', money(sales.net)], ['renewals', number(sales.renewals)], ['renewalRate', percent(sales.renewalRate)],
    ['conversionRate', percent(sales.conversionRate)], ['pendingRefunds', number(sales.pendingRefunds)]]);
  chart('revenue-chart', {
    type: 'line',
    data: {
      labels: revenue.rows.map(r => r.key),
      datasets: [{ label: t('gross'), data: revenue.rows.map(r => r.gross.minor / 100), borderColor: '#1d4e89' },
        { label: t('refunds'), data: revenue.rows.map(r => r.refunds.minor / 100), borderColor: '#b3261e' }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { beginAtZero: true } } },
  });
}

async function loadHistory(event) {
  event.preventDefault();
  const kind = $('kind').value;
  const id = encodeURIComponent($('aggregate').value.trim());
  const history = await getJson(`/api/audit/${kind}/${id}/events`);
  const events = history.events || history.items || [];
  table('history', ['sequence', 'type', 'time', 'user'], events.map(e => [e.sequence, e.type, e.timestamp || e.time,
    e.metadata?.user]));
  const at = $('at').value;
  $('state').textContent = at
    ? JSON.stringify(await getJson(`/api/audit/${kind}/${id}/state?at=${new Date(at).toISOString()}`), null, 2) : '';
}

async function verifyChain() {
  const id = encodeURIComponent($('aggregate').value.trim());
  if (!id) return;
  const verdict = await getJson(`/api/audit/verify?aggregate=${id}`);
  $('verdict').textContent = verdict.intact ? t('intact', verdict.eventsChecked)
    : t('broken', verdict.firstBroken?.sequence);
  $('verdict').className = verdict.intact ? '' : 'bad';
}

function searchParams() {
  const params = new URLSearchParams();
  const put = (name, value) => { if (value) params.set(name, value); };
  put('actor', $('s-actor').value.trim());
  put('type', $('s-type').value.trim());
  put('from', $('s-from').value && new Date($('s-from').value).toISOString());
  put('to', $('s-to').value && new Date($('s-to').value).toISOString());
  return params;
}

function updateExportLinks() {
  const params = searchParams();
  ['csv', 'ndjson'].forEach(format => {
    params.set('format', format);
    $(`export-${format}`).href = `/api/audit/events/export?${params}`;
  });
}

async function search(event) {
  event.preventDefault();
  updateExportLinks();
  const params = searchParams();
  params.set('size', '50');
  const found = await getJson(`/api/audit/events?${params}`);
  table('search', ['time', 'user', 'type', 'aggregate', 'centreCol'], found.items.map(e => [e.occurredAt, e.actor,
    e.type, `${e.aggregateType} ${e.aggregateId}`, e.centre]));
}

function showError(error) {
  $('error').hidden = false;
  $('error').textContent = t('loadFailed', error.message);
}

async function refresh() {
  try {
    if (!$('dashboard').hidden) await loadDashboard();
    $('error').hidden = true;
  } catch (error) {
    showError(error);
  }
}

function showLive() {
  $('live').textContent = state.online ? `● ${t('live')}` : `○ ${t('offline')}`;
  $('live').className = state.online ? 'live on' : 'live off';
}

let pending = null;
function listen() {
  const source = new EventSource('/app/events');
  const live = online => {
    state.online = online;
    showLive();
  };
  source.addEventListener('hello', () => { live(true); refresh(); });
  source.addEventListener('changed', message => {
    const notice = JSON.parse(message.data);
    if (notice.centres.length && !notice.centres.includes(state.centre)) return;
    state.position = notice.position;
    // several notices in a burst give one refetch
    clearTimeout(pending);
    pending = setTimeout(refresh, 100);
  });
  source.onerror = () => live(false);
}

function route() {
  const manager = state.me.roles.includes('MANAGER') || state.me.roles.includes('AUDITOR');
  const auditor = state.me.roles.includes('AUDITOR') || state.me.roles.includes('MANAGER');
  const page = location.hash === '#audit' && auditor ? 'audit' : manager ? 'dashboard' : null;
  $('dashboard').hidden = page !== 'dashboard';
  $('audit').hidden = page !== 'audit';
  $('no-pages').hidden = page !== null;
  document.querySelectorAll('.auditor-only').forEach(el => { el.hidden = !auditor; });
  refresh();
}

async function start() {
  applyLabels(() => { render(); showLive(); });
  document.querySelectorAll('input.csrf').forEach(el => { el.value = csrfToken(); });
  state.me = await getJson('/app/me');
  $('who').textContent = state.me.user;
  const picker = $('centre');
  state.me.centres.forEach(c => picker.add(new Option(c.id, c.id)));
  state.centre = state.me.centres[0]?.id;
  picker.disabled = state.me.centres.length < 2;
  state.day = isoDay(new Date());
  $('day').value = state.day;
  picker.addEventListener('change', () => { state.centre = picker.value; refresh(); });
  $('day').addEventListener('change', () => { if ($('day').value) { state.day = $('day').value; refresh(); } });
  $('history-form').addEventListener('submit', e => loadHistory(e).catch(showError));
  $('verify').addEventListener('click', () => verifyChain().catch(showError));
  $('search-form').addEventListener('submit', e => search(e).catch(showError));
  $('search-form').addEventListener('input', updateExportLinks);
  window.addEventListener('hashchange', route);
  route();
  listen();
}

start().catch(showError);
