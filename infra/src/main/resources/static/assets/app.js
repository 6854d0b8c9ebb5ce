import { applyLabels, csrfToken, language, t } from './i18n.js';

const $ = id => document.getElementById(id);
const state = { me: null, centre: null, day: null, position: null, charts: {}, data: null, online: false,
  page: null, args: [], pageData: null, live: 'offline' };

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

/** A link to a page of the dashboard (hash route), for a table cell. */
const link = (text, hash, label) => ({ text, href: hash, label });

/** A table with a header row; rows are arrays of cell texts, or {text, cls}, or {text, href} for a link. */
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
      const object = typeof v === 'object' && v !== null;
      const td = cell(tr, object && !v.href ? v.text : (object ? '' : v));
      if (object && v.href) {
        const a = document.createElement('a');
        a.href = v.href;
        a.textContent = v.text ?? '';
        if (v.label) a.setAttribute('aria-label', v.label);
        td.appendChild(a);
      }
      if (object && v.cls) td.className = v.cls;
      if (object && v.testid) td.dataset.testid = v.testid;
      if (object && v.progress != null) {
        td.dataset.progress = v.progress;
        td.dataset.importId = v.id;
      }
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
const timeLeft = seconds => (seconds == null ? '–' : seconds < 3600 ? t('minutes', Math.ceil(seconds / 60))
  : hours(seconds));
const stamp = instant => (instant == null ? '' : new Intl.DateTimeFormat(locale(), {
  timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit' }).format(new Date(instant)));
const clock = instant => (instant == null ? '' : new Intl.DateTimeFormat(locale(), {
  timeZone: zone(), hour: '2-digit', minute: '2-digit' }).format(new Date(instant)));
const date = day => (day == null ? '' : new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', year: 'numeric',
  month: '2-digit', day: '2-digit' }).format(new Date(`${day}T00:00:00Z`)));
const moneyOf = (minor, currency) => (minor == null ? '–' : money({ minor, currency }));
const code = value => (value == null ? '–' : t(`v.${value}`) === `v.${value}` ? value : t(`v.${value}`));
const details = map => Object.entries(map || {}).map(([k, v]) => `${k}: ${v !== null && typeof v === 'object'
  ? JSON.stringify(v) : v}`).join('; ');
const short = id => (id ? String(id).slice(0, 8) : '');

/** A definition list of facts; each pair is [label key, value, testid]. */
function facts(id, pairs) {
  const el = $(id);
  el.replaceChildren();
  pairs.forEach(([label, value, testid]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = t(label);
    const dd = document.createElement('dd');
    if (value && typeof value === 'object' && value.href) {
      const a = document.createElement('a');
      a.href = value.href;
      a.textContent = value.text;
      dd.appendChild(a);
    } else {
      dd.textContent = value ?? '–';
    }
    if (testid) dd.dataset.testid = testid;
    div.append(dt, dd);
    el.appendChild(div);
  });
}

/** The ISO week (2026-W48) of a day (YYYY-MM-DD). */
function isoWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d - firstThursday) / (7 * 24 * 3600 * 1000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

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

/** Whether a load is still the latest: an older, slower one must not draw over a newer one. */
let loads = 0;
const latest = () => { const mine = loads; return () => mine === loads; };

async function loadDashboard(fresh = latest()) {
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
    getJson(`/api/views/attendance?centre=${c}&date=${day}${wait}`),
    getJson(`/api/views/attendance/reconciliation?centre=${c}&date=${day}${wait}`),
    getJson(`/api/views/complaints?centre=${c}&sla=BREACHED&sort=filedAt,desc&size=100${wait}`),
    getJson(`/api/views/stock/below-reorder-level?centre=${c}${wait}`),
    getJson(`/api/views/timetable?centre=${c}&date=${day}${wait}`),
    getJson(`/api/views/timetable/templates?centre=${c}${wait}`),
  ]);
  // managers only (auditors share this page): the outbox is not a view, so it is read on its own
  const notices = state.me.roles.includes('MANAGER')
    ? await getJson(`/api/notices?centre=${c}&limit=10`).catch(() => null) : null;
  if (!fresh()) return;
  state.data = all;
  state.notices = notices;
  render();
}

/** Draws the last fetched figures; also after a language switch, without fetching again. */
function render() {
  if (!state.data) return;
  const [reception, messages, roster, complaints, kpis, sales, revenue, attendance, reconciliation, breached,
    reorder, timetable, templates] = state.data;

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

  table('reorder', ['productCode', 'productName', 'onHand', 'reorderLevel'], reorder.products.map(p =>
    [p.code, p.name, { text: number(p.onHand), cls: p.onHand === 0 ? 'bad' : 'warn', testid: `reorder-${p.code}` },
      number(p.reorderLevel)]));

  table('roster', ['staff', 'post', 'planned', 'state'], roster.shifts.map(s => {
    let text = s.clockedOut ? t('done') : s.clockedIn ? t('onShift') : s.overdue ? t('overdue') : t('notYet');
    if (s.late) text += ` · ${s.minutesLate != null ? t('lateBy', s.minutesLate) : t('late')}`;
    return [s.staff, s.postName || s.post, `${time(s.plannedStart)}–${time(s.plannedEnd)}`,
      { text, cls: s.late || s.overdue ? 'bad' : '' }];
  }));

  renderClasses(attendance, reconciliation);
  renderNotices(state.notices);
  renderTimetable(timetable, templates);

  // breached cases first, then nearly due ones, then the rest by their next due time
  const byId = new Map();
  [...breached.items, ...complaints.items].forEach(x => byId.set(x.complaintId, x));
  const open = [...byId.values()].filter(x => !x.closedAt && !x.withdrawnAt);
  const rank = x => (x.slaState === 'BREACHED' ? 0 : x.nearlyDue ? 1 : x.slaState === 'ON_TRACK' ? 2 : 3);
  open.sort((a, b) => rank(a) - rank(b) || String(a.nextDueAt ?? '~').localeCompare(String(b.nextDueAt ?? '~'))
    || String(a.filedAt).localeCompare(String(b.filedAt)));
  const o = kpis.overall;
  figures('complaint-kpis', [['openNow', number(kpis.openNow)],
    ['breachedNow', number(open.filter(x => x.slaState === 'BREACHED').length)],
    ['nearlyDueNow', number(open.filter(x => x.slaState !== 'BREACHED' && x.nearlyDue).length)],
    ['filed30', number(o.filed)], ['breachRate', percent(o.slaBreachRate)], ['satisfaction', percent(o.satisfactionRate)],
    ['medianResolution', hours(o.resolutionMedianSeconds)]]);
  table('complaints', ['complaint', 'sla', 'severity', 'category', 'status', 'handler', 'filed', 'nextDue',
    'timeLeft'], open.map(x => {
    const urgent = x.slaState === 'BREACHED' ? 'BREACHED' : x.nearlyDue ? 'NEARLY_DUE' : x.slaState;
    return [link(short(x.complaintId), `#complaint/${encodeURIComponent(x.complaintId)}`,
      t('openComplaint', short(x.complaintId))),
    { text: code(urgent), cls: urgent === 'BREACHED' ? 'bad' : urgent === 'NEARLY_DUE' ? 'warn' : '',
      testid: `sla-${x.complaintId}` },
    code(x.severity), code(x.category), code(x.status), x.handler || '–', time(x.filedAt), time(x.nextDueAt),
    timeLeft(x.businessSecondsLeft)];
  }));
  $('complaints').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (open[i]) tr.dataset.testid = `complaint-row-${open[i].complaintId}`;
  });

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


/** Notices to guardians of the centre: how many are not sent yet, sent and failed, and the newest ones. */
function renderNotices(notices) {
  $('notices-section').hidden = !notices;
  if (!notices) return;
  $('notices-note').textContent = t(notices.brokerEnabled ? 'noticesBrokerOn' : 'noticesBrokerOff');
  figures('notice-figures', [['noticesNotSent', number(notices.counts.pending)],
    ['noticesSent', number(notices.counts.sent)], ['noticesFailed', number(notices.counts.failed)]]);
  table('notices', ['noticeKind', 'status', 'noticeCreated', 'noticeAttempts', 'noticeError'],
    notices.notices.map(n => [code(n.kind),
      { text: code(n.status), cls: n.status === 'FAILED' ? 'bad' : n.status === 'PENDING' ? 'warn' : '' },
      time(n.createdAt), number(n.attempts), n.lastError || '–']));
}

/** The day's timetable (rooms, teachers, roster figures, head-count mismatches) and the template figures. */
function renderTimetable(timetable, templates) {
  table('timetable', ['starts', 'classCode', 'room', 'teacher', 'booked', 'waiting', 'present', 'onLeave',
    'noShow', 'headCount'], timetable.sessions.map(s => [clock(s.start), s.cancelled ? `${s.title} · ${t('cancelled')}`
    : s.title, s.roomName, s.teacher || '–', `${number(s.booked)} / ${number(s.places)}`, number(s.waiting),
  number(s.present), number(s.onLeave), number(s.noShow),
  s.headCount == null ? t('notCounted') : (s.headCountMismatch ? { text: `${number(s.headCount)} · ${t('mismatch')}`,
    cls: 'bad', testid: `timetable-mismatch-${s.sessionId}` } : number(s.headCount))]));
  table('templates', ['classCode', 'sessions', 'occupancy', 'waited', 'noShowRate', 'mismatches'],
    templates.templates.map(r => [r.title, number(r.sessions), percent(r.occupancy), number(r.waited),
      percent(r.noShowRate), number(r.headCountMismatches)]));
}

/** Today's class sessions with their attendance and the teachers' head-counts, mismatches flagged. */
function renderClasses(attendance, reconciliation) {
  const counts = attendance.totals;
  figures('class-figures', [['sessions', number(attendance.sessions.length)],
    ['attendanceRate', percent(counts.rate)], ['checkedIn', number(counts.checkedIn)],
    ['onLeave', number(counts.onLeave + counts.lateLeave)], ['noShow', number(counts.noShow)],
    ['mismatches', number(reconciliation.mismatches)]]);
  const key = (classId, start) => `${classId}|${new Date(start).toISOString()}`;
  const counted = new Map(reconciliation.sessions.map(r => [key(r.classId, r.scheduledStart), r]));
  const rows = attendance.sessions.map(s => ({ s, r: counted.get(key(s.classCode, s.scheduledStart)) }));
  // a head-count for a session nobody was settled in still shows up
  reconciliation.sessions.filter(r => !attendance.sessions.some(s => key(s.classCode, s.scheduledStart)
    === key(r.classId, r.scheduledStart))).forEach(r => rows.push({ s: null, r }));
  table('classes', ['classCode', 'starts', 'room', 'checkedIn', 'places', 'attendanceRate', 'headCount',
    'difference'], rows.map(({ s, r }) => {
    const classId = s ? s.classCode : r.classId;
    const start = s ? s.scheduledStart : r.scheduledStart;
    const hash = `#session/${state.day}/${encodeURIComponent(classId)}/${encodeURIComponent(
      new Date(start).toISOString())}`;
    return [link(classId, hash, t('openSession', classId, clock(start))), clock(start), s?.room || '–',
      number(s ? s.counts.checkedIn : r.checkIns), number(s ? s.counts.total : 0), percent(s?.counts.rate),
      r?.headCount == null ? t('notCounted') : number(r.headCount),
      r?.mismatch ? { text: `${r.difference > 0 ? '+' : ''}${r.difference} · ${t('mismatch')}`, cls: 'bad',
        testid: `mismatch-${classId}` } : (r?.difference == null ? '–' : String(r.difference))];
  }));
}

async function loadComplaint(id, fresh = latest()) {
  const wait = state.position == null ? '' : `?position=${state.position}`;
  const detail = await getJson(`/api/views/complaints/${encodeURIComponent(id)}${wait}`);
  if (!fresh()) return;
  state.pageData = detail;
  renderComplaint();
}

function renderComplaint() {
  const d = state.pageData;
  if (!d || state.page !== 'complaint') return;
  const x = d.complaint;
  $('h-complaint').textContent = t('complaintN', short(x.complaintId));
  const urgent = x.slaState === 'BREACHED' ? 'BREACHED' : x.nearlyDue ? 'NEARLY_DUE' : x.slaState;
  facts('complaint-facts', [['status', code(x.status), 'complaint-status'], ['sla', code(urgent), 'complaint-sla'],
    ['severity', code(x.severity)], ['category', code(x.category)], ['channel', code(x.channel)],
    ['level', code(x.level)], ['handler', x.handler || '–'], ['department', x.department || '–'],
    ['customer', x.customerName || '–', 'complaint-customer'], ['phone', x.customerPhone || '–', 'complaint-phone'],
    ['member', x.memberId ? link(x.memberId, `#member/${encodeURIComponent(x.memberId)}`) : '–'],
    ['filed', stamp(x.filedAt)], ['filedBy', x.filedBy], ['firstResponseDue', stamp(x.firstResponseDueAt) || '–'],
    ['due', stamp(x.resolutionDueAt) || '–'], ['timeLeft', timeLeft(x.businessSecondsLeft)],
    ['reopened', number(x.reopenCount)]]);
  $('complaint-description').textContent = d.description || '';
  table('complaint-resolutions', ['summary', 'compensation', 'proposedBy', 'proposedAt', 'decision', 'decidedBy'],
    d.resolutions.map(r => [r.summary, r.compensationType ? `${code(r.compensationType)} ${r.compensationMinor == null
      ? '' : moneyOf(r.compensationMinor, r.compensationCurrency)}` : '–', r.proposedBy, stamp(r.proposedAt),
    code(r.decision), r.decidedBy || '–']));
  table('complaint-timeline', ['sequence', 'time', 'type', 'by', 'details'], d.timeline.map(e => [String(e.sequence),
    stamp(e.at), code(e.type), e.by || '–', details(e.details)]));
}

async function loadMember(id, fresh = latest()) {
  const wait = state.position == null ? '' : `?position=${state.position}`;
  const base = `/api/views/members/${encodeURIComponent(id)}`;
  const [profile, timeline] = await Promise.all([getJson(`${base}${wait}`),
    getJson(`${base}/timeline?size=100${wait ? `&${wait.slice(1)}` : ''}`)]);
  if (!fresh()) return;
  state.pageData = { profile, timeline };
  renderMember();
}

function renderMember() {
  const d = state.pageData;
  if (!d || state.page !== 'member') return;
  const p = d.profile;
  $('h-member').textContent = t('memberN', p.memberId);
  facts('member-profile', [['name', p.erased ? t('erased') : p.name || '–', 'member-name'],
    ['phone', p.phone || '–', 'member-phone'], ['email', p.email || '–'], ['guardian', p.guardianName || '–'],
    ['guardianPhone', p.guardianPhone || '–'], ['kind', code(p.kind)], ['status', code(p.status)],
    ['centreCol', p.centre], ['enrolled', stamp(p.enrolledAt) || '–']]);
  table('member-packages', ['plan', 'creditsLeft', 'validUntil', 'price', 'refunds', 'purchasedAt'],
    p.packages.map(k => [k.plan, k.credits == null ? '–' : `${k.creditsLeft} / ${k.credits}`, stamp(k.validUntil),
      money(k.price), money(k.refunded), stamp(k.purchasedAt)]));
  table('member-timeline', ['time', 'kind', 'summary', 'amount', 'reference', 'note'], d.timeline.items.map(e => [
    stamp(e.at), code(e.kind), e.summary, e.amount ? money(e.amount) : '', e.reference || '', e.note || '']));
}

async function loadSession(day, classCode, start, fresh = latest()) {
  const c = encodeURIComponent(state.centre);
  const wait = state.position == null ? '' : `&position=${state.position}`;
  const [attendance, reconciliation] = await Promise.all([
    getJson(`/api/views/attendance?centre=${c}&date=${day}${wait}`),
    getJson(`/api/views/attendance/reconciliation?centre=${c}&date=${day}${wait}`)]);
  if (!fresh()) return;
  const at = new Date(start).getTime();
  state.pageData = { classCode, start,
    session: attendance.sessions.find(s => s.classCode === classCode && new Date(s.scheduledStart).getTime() === at),
    count: reconciliation.sessions.find(r => r.classId === classCode && new Date(r.scheduledStart).getTime() === at) };
  renderSession();
}

function renderSession() {
  const d = state.pageData;
  if (!d || state.page !== 'session') return;
  const s = d.session;
  const r = d.count;
  $('h-session').textContent = t('sessionN', d.classCode, stamp(d.start));
  facts('session-facts', [['room', s?.room || '–'], ['attendanceRate', percent(s?.counts.rate), 'session-rate'],
    ['checkedIn', number(s ? s.counts.checkedIn : r?.checkIns ?? 0)], ['onLeave', number(s?.counts.onLeave ?? 0)],
    ['lateLeave', number(s?.counts.lateLeave ?? 0)], ['noShow', number(s?.counts.noShow ?? 0)],
    ['headCount', r?.headCount == null ? t('notCounted') : number(r.headCount), 'session-head-count'],
    ['difference', r?.difference == null ? '–' : `${r.difference}${r.mismatch ? ` · ${t('mismatch')}` : ''}`,
      'session-difference']]);
  table('session-roster', ['member', 'state', 'creditConsumed'], (s?.members || []).map(m => [
    link(m.memberId, `#member/${encodeURIComponent(m.memberId)}`, t('openMember', m.memberId)), code(m.status),
    m.creditConsumed ? t('yes') : t('no')]));
}

async function findMembers(event) {
  event.preventDefault();
  const q = encodeURIComponent($('member-q').value.trim());
  const found = await getJson(`/api/views/members?centre=${encodeURIComponent(state.centre)}&q=${q}&size=20`);
  table('member-results', ['member', 'name', 'phone', 'status'], found.items.map(m => [
    link(m.memberId, `#member/${encodeURIComponent(m.memberId)}`, t('openMember', m.memberId)), m.name || '–',
    m.phone || '–', code(m.status)]));
}

function reportLinks() {
  const c = encodeURIComponent(state.centre);
  const week = $('week').value || isoWeek(state.day);
  const month = $('month').value || state.day.slice(0, 7);
  $('weekly-csv').href = `/api/reports/weekly?centre=${c}&week=${encodeURIComponent(week)}&format=csv`;
  $('monthly-csv').href = `/api/reports/monthly-assessment?centre=${c}&month=${encodeURIComponent(month)}&format=csv`;
  return { c, week, month };
}

async function loadReports(fresh = latest()) {
  if (!$('week').value) $('week').value = isoWeek(state.day);
  if (!$('month').value) $('month').value = state.day.slice(0, 7);
  const { c, week, month } = reportLinks();
  const wait = state.position == null ? '' : `&position=${state.position}`;
  const [weekly, monthly] = await Promise.all([
    getJson(`/api/reports/weekly?centre=${c}&week=${encodeURIComponent(week)}${wait}`),
    getJson(`/api/reports/monthly-assessment?centre=${c}&month=${encodeURIComponent(month)}${wait}`)]);
  if (!fresh()) return;
  state.pageData = { weekly, monthly };
  renderReports();
}

const moneyList = (list, field) => (list.length === 0 ? '–'
  : list.map(m => moneyOf(m[field], m.currency)).join(' · '));

function renderReports() {
  const d = state.pageData;
  if (!d || state.page !== 'reports') return;
  const w = d.weekly;
  const rows = [['period', `${date(w.from)} – ${date(w.to)}`], ['visits', number(w.visits)],
    ...w.byChannel.map(ch => [t('byChannel', code(ch.channel)), number(ch.count)]),
    ['calls', number(w.calls)], ['callsWithinThreeRings', number(w.callsWithinThreeRings)],
    ['conversions', number(w.conversions)], ['conversionRate', percent(w.conversionRate)],
    ['complaintsOpened', number(w.complaintsOpened)], ['complaintsClosed', number(w.complaintsClosed)],
    ['complaintsBreached', number(w.complaintsBreached)], ['satisfactionRate', percent(w.satisfactionRate)],
    ['gross', moneyList(w.money, 'salesMinor')], ['refunds', moneyList(w.money, 'refundsMinor')],
    ['net', moneyList(w.money, 'netMinor')], ['classPlaces', number(w.classMarks)],
    ['checkedIn', number(w.classCheckIns)], ['attendanceRate', percent(w.attendanceRate)],
    ['shiftsWorked', number(w.shiftsWorked)], ['lateArrivals', number(w.lateArrivals)],
    ['punctuality', percent(w.punctuality)]];
  table('weekly-table', ['figure', 'value'], rows.map(([label, value]) => [t(label), value]));
  table('monthly-table', ['staff', 'visitsHandled', 'callsAnswered', 'callsWithinThreeRings', 'complaintsResolved',
    'complaintsSatisfied', 'satisfactionRate', 'gross', 'refunds', 'shiftsWorked', 'lateArrivals', 'punctuality',
    'checklistCompletion'], d.monthly.staff.map(r => [r.staff, number(r.visitsHandled), number(r.callsAnswered),
    number(r.callsWithinThreeRings), number(r.complaintsResolved), number(r.complaintsSatisfied),
    percent(r.satisfactionRate), moneyList(r.sales, 'salesMinor'), moneyList(r.sales, 'refundsMinor'),
    number(r.shiftsWorked), number(r.lateArrivals), percent(r.punctuality), percent(r.checklistCompletion)]));
}

const replays = { name: null, timer: null, message: null, posting: false, polling: false };

async function loadAdmin(fresh = latest()) {
  const list = await getJson('/api/admin/projections');
  const withLetters = list.filter(p => p.deadLetters > 0);
  const letters = await Promise.all(withLetters.map(p =>
    getJson(`/api/admin/projections/${encodeURIComponent(p.name)}/dead-letters`)));
  const imports = state.centre ? await getJson(`/api/imports/members?centre=${encodeURIComponent(state.centre)}`)
    .catch(() => []) : [];
  if (!fresh()) return;
  state.pageData = list;
  state.imports = imports;
  state.deadLetters = withLetters.map((p, i) => ({ view: p.name, letters: letters[i] }));
  renderAdmin();
  renderImports();
  const busy = state.pageData.some(p => p.replaying) || imports.some(i => i.status === 'RUNNING') || (replays.name
    && !state.pageData.find(p => p.name === replays.name)?.running);
  if (busy && !replays.timer) {
    // one poll at a time: a slow answer is not overtaken (and discarded) by the next poll
    replays.timer = setInterval(() => {
      if (state.page !== 'admin' || replays.polling) return;
      replays.polling = true;
      refresh().finally(() => { replays.polling = false; });
    }, 500);
  } else if (!busy) {
    clearInterval(replays.timer);
    replays.timer = null;
    if (replays.name && !replays.posting) {
      replays.message = ['replayDone', replays.name];
      replays.name = null;
      renderAdmin();
    }
  }
}

// Member imports of the centre: a progress bar per running import (rows read of the file's rows), the counts, the
// rate and the time left, and the final report's CSV through a plain link (the session reads it).
function renderImports() {
  const list = state.imports || [];
  $('imports-section').hidden = list.length === 0;
  table('imports', ['file', 'status', 'importProgress', 'imported', 'skipped', 'failed', 'rate', 'importTimeLeft', 'report'],
    list.map(i => {
      const total = i.rows || 0;
      const share = total > 0 ? Math.min(1, i.read / total) : 0;
      return [i.fileName, t('import_' + i.status), { text: `${number(i.read)} / ${number(total)}`,
        progress: share, id: i.id }, number(i.imported), number(i.skipped), number(i.failed),
        i.ratePerSecond == null ? '–' : t('perSecond', number(i.ratePerSecond)),
        i.secondsLeft == null ? '–' : `${number(i.secondsLeft)} s`,
        link(t('downloadCsv'), `/api/imports/members/${encodeURIComponent(i.id)}/report.csv`, t('importReport'))];
    }));
  document.querySelectorAll('#imports td[data-progress]').forEach(td => {
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = Math.round(Number(td.dataset.progress) * 100);
    bar.dataset.testid = `import-progress-${td.dataset.importId}`;
    bar.setAttribute('aria-label', t('importProgress'));
    td.prepend(bar, ' ');
  });
}

function renderAdmin() {
  const list = state.pageData;
  if (!list || state.page !== 'admin') return;
  $('replay-status').textContent = replays.message ? t(...replays.message) : '';
  const el = $('projections');
  el.replaceChildren();
  const head = el.createTHead().insertRow();
  ['projection', 'state', 'position', 'lag', 'segments', 'deadLetters', 'progress', 'action']
    .forEach(h => cell(head, t(h), true));
  const body = el.createTBody();
  list.forEach(p => {
    const tr = body.insertRow();
    tr.dataset.testid = `projection-${p.name}`;
    cell(tr, p.name);
    const status = p.error ? t('error') : p.replaying ? t('replaying') : p.degraded ? t('degraded')
      : p.running ? t('running') : t('stopped');
    const st = cell(tr, status);
    st.dataset.testid = `projection-state-${p.name}`;
    if (p.error || p.degraded) st.className = 'bad';
    cell(tr, p.position == null ? '–' : number(p.position));
    cell(tr, p.lag == null ? '–' : number(p.lag));
    // each segment with the node that holds it (from the shared token table: the same on every node)
    const segs = cell(tr, (p.segments || []).map(s => `#${s.segment} ${s.owner ?? t('unclaimed')} @ `
      + (s.position == null ? '–' : number(s.position))).join(', '));
    segs.dataset.testid = `segments-${p.name}`;
    const dead = cell(tr, p.kind !== 'streaming' ? '' : p.deadLetters > 0
      ? t('deadLettersSince', number(p.deadLetters), number(p.deadLetterSequences), stamp(p.oldestDeadLetter))
      : '0');
    dead.dataset.testid = `dead-letters-${p.name}`;
    if (p.deadLetters > 0) dead.className = 'bad';
    const progressCell = cell(tr, '');
    if (p.replaying) {
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = Math.round((p.replayProgress ?? 0) * 100);
      bar.id = `progress-${p.name}`;
      bar.dataset.testid = `progress-${p.name}`;
      bar.setAttribute('aria-label', t('replayProgressOf', p.name));
      progressCell.append(bar, ` ${bar.value} %`);
    } else {
      progressCell.textContent = p.kind === 'streaming' ? (p.lag === 0 ? t('caughtUp') : '–') : '';
    }
    const action = cell(tr, '');
    if (p.kind === 'streaming') {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `replay-${p.name}`;
      button.dataset.testid = `replay-${p.name}`;
      button.textContent = t('replay');
      button.setAttribute('aria-label', t('replayN', p.name));
      button.disabled = p.replaying || replays.name === p.name;
      button.addEventListener('click', () => replay(p.name).catch(showError));
      action.appendChild(button);
    } else {
      action.textContent = t('notReplayable');
    }
  });
  renderDeadLetters();
}

/**
 * Each view's dead letters: the event, its aggregate and why (an exception class and an SQLState: never a value),
 * with a retry (after a fix) and an eviction per aggregate, and a retry of them all.
 */
function renderDeadLetters() {
  const el = $('dead-letters');
  el.replaceChildren();
  const views = state.deadLetters || [];
  $('dead-letters-section').hidden = views.length === 0;
  views.forEach(({ view, letters }) => {
    const heading = document.createElement('h3');
    heading.textContent = view;
    const all = actionButton(t('retryAll'), t('retryAllOf', view), `retry-all-${view}`,
      () => deadLetterAction(`/api/admin/projections/${encodeURIComponent(view)}/dead-letters/retry`, view));
    heading.append(' ', all);
    const list = document.createElement('table');
    list.dataset.testid = `dead-letter-table-${view}`;
    const head = list.createTHead().insertRow();
    ['aggregate', 'event', 'enqueuedAt', 'cause', 'action'].forEach(h => cell(head, t(h), true));
    const body = list.createTBody();
    let previous = null;
    letters.forEach(letter => {
      const tr = body.insertRow();
      cell(tr, letter.sequence === previous ? '' : letter.sequence);
      cell(tr, `${letter.eventType}${letter.aggregateSequence == null ? '' : ` #${letter.aggregateSequence}`}`);
      cell(tr, stamp(letter.enqueuedAt));
      cell(tr, letter.causeType ? `${letter.causeType.replace(/^.*\./, '')} (${letter.causeMessage})`
        : t('behindEarlier'));
      const action = cell(tr, '');
      if (letter.sequence !== previous) {
        const base = `/api/admin/projections/${encodeURIComponent(view)}/dead-letters/`
          + encodeURIComponent(letter.sequence);
        action.append(actionButton(t('retry'), t('retryOf', letter.sequence), `retry-${view}-${letter.sequence}`,
          () => deadLetterAction(`${base}/retry`, view)), ' ',
        actionButton(t('evict'), t('evictOf', letter.sequence), `evict-${view}-${letter.sequence}`,
          () => window.confirm(t('evictConfirm', letter.sequence)) && deadLetterAction(`${base}/eviction`, view)));
      }
      previous = letter.sequence;
    });
    el.append(heading, list);
  });
}

function actionButton(text, label, testid, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.dataset.testid = testid;
  button.setAttribute('aria-label', label);
  button.addEventListener('click', () => Promise.resolve(onClick()).catch(showError));
  return button;
}

async function deadLetterAction(path, view) {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    $('dead-letter-status').textContent = t('deadLetterFailed', view, answer.detail || answer.code || response.status);
  } else {
    const outcomes = Array.isArray(answer) ? answer : [answer];
    const applied = outcomes.filter(o => o.applied).length;
    const failed = outcomes.filter(o => o.applied === false).length;
    $('dead-letter-status').textContent = answer.evicted != null ? t('evicted', number(answer.evicted), view)
      : t('retried', number(applied), number(failed), view);
  }
  await refresh();
}

async function replay(name) {
  replays.name = name;
  replays.message = ['replayStarted', name];
  renderAdmin();
  replays.posting = true;
  let response;
  try {
    response = await fetch(`/api/admin/projections/${encodeURIComponent(name)}/replay`, {
      method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } });
  } finally {
    replays.posting = false;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    replays.name = null;
    replays.message = ['replayFailed', name, problem.detail || problem.code || response.status];
    renderAdmin();
    return;
  }
  await refresh();
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

const loaders = {
  dashboard: (args, fresh) => loadDashboard(fresh),
  complaint: ([id], fresh) => loadComplaint(id, fresh),
  member: ([id], fresh) => loadMember(id, fresh),
  session: ([day, classCode, start], fresh) => loadSession(day, classCode, start, fresh),
  reports: (args, fresh) => loadReports(fresh),
  admin: (args, fresh) => loadAdmin(fresh),
};

async function refresh() {
  loads += 1;
  const fresh = latest();
  try {
    const loader = loaders[state.page];
    if (loader) await loader(state.args, fresh);
    $('error').hidden = true;
  } catch (error) {
    showError(error);
  }
}

function showLive() {
  const labels = { live: `● ${t('live')}`, reconnected: `● ${t('reconnected')}`, offline: `○ ${t('offline')}` };
  $('live').textContent = labels[state.live];
  $('live').dataset.state = state.live;
  $('live').className = state.live === 'offline' ? 'live off' : 'live on';
}

const HEARTBEAT_MISSED_MS = 45000;
let pending = null;
let source = null;
let watchdog = null;
let reconnectTimer = null;
let everConnected = false;

function setLive(online) {
  if (online) {
    state.live = everConnected && !state.online ? 'reconnected' : (state.live === 'reconnected' ? 'reconnected'
      : 'live');
    everConnected = true;
    if (state.live === 'reconnected') setTimeout(() => { if (state.online) { state.live = 'live'; showLive(); } }, 5000);
  } else {
    state.live = 'offline';
  }
  state.online = online;
  showLive();
}

/** No heartbeat for three beats: the connection died without saying so; open a new one. */
function heard() {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => { setLive(false); reconnect(); }, HEARTBEAT_MISSED_MS);
}

/** Opens a new stream once the application answers again; signed out meanwhile, getJson goes to the login page. */
function reconnect() {
  if (source) source.close();
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(async () => {
    try {
      await getJson('/app/me');
      listen();
    } catch {
      reconnect();
    }
  }, 3000);
}

function listen() {
  source = new EventSource('/app/events');
  source.addEventListener('hello', message => {
    heard();
    const wasOffline = !state.online;
    setLive(true);
    // after a drop, fetch what may have changed meanwhile
    if (wasOffline) state.position = JSON.parse(message.data).position;
    refresh();
  });
  source.addEventListener('heartbeat', heard);
  source.addEventListener('changed', message => {
    heard();
    const notice = JSON.parse(message.data);
    if (notice.centres.length && !notice.centres.includes(state.centre)) return;
    state.position = notice.position;
    // several notices in a burst give one refetch
    clearTimeout(pending);
    pending = setTimeout(refresh, 100);
  });
  source.onerror = () => {
    setLive(false);
    // the browser retries by itself unless the stream was refused (signed out, server gone): then we do
    if (source.readyState === EventSource.CLOSED) reconnect();
  };
}

const PAGES = ['dashboard', 'audit', 'reports', 'admin', 'complaint', 'member', 'session'];
const PAGE_ELEMENTS = { dashboard: 'dashboard', audit: 'audit', reports: 'reports', admin: 'admin',
  complaint: 'complaint-page', member: 'member-page', session: 'session-page' };

function route() {
  const roles = state.me.roles;
  // managers and auditors read the dashboard, its drill-downs, the reports and the audit pages; ADMIN the
  // projections; desk staff (receptionists, supervisors) have no pages here
  const manager = roles.includes('MANAGER') || roles.includes('AUDITOR');
  const auditor = manager;
  const admin = roles.includes('ADMIN');
  const allowed = { dashboard: manager, reports: manager, complaint: manager, member: manager, session: manager,
    audit: auditor, admin };
  const [name, ...args] = location.hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  let page = PAGES.includes(name) && allowed[name] ? name : null;
  if (page === null) page = manager ? 'dashboard' : admin ? 'admin' : null;
  if (page !== state.page || args.join('/') !== state.args.join('/')) state.pageData = null;
  state.page = page;
  state.args = page === name ? args : [];
  Object.entries(PAGE_ELEMENTS).forEach(([p, id]) => { $(id).hidden = p !== page; });
  $('no-pages').hidden = page !== null;
  document.querySelectorAll('.manager-only').forEach(el => { el.hidden = !manager; });
  document.querySelectorAll('.auditor-only').forEach(el => { el.hidden = !auditor; });
  document.querySelectorAll('.admin-only').forEach(el => { el.hidden = !admin; });
  document.querySelectorAll('nav a').forEach(a => {
    if (a.getAttribute('href') === `#${page}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.body.dataset.page = page || 'none';
  refresh();
}

async function start() {
  applyLabels(() => {
    render();
    renderComplaint();
    renderMember();
    renderSession();
    renderReports();
    renderAdmin();
    showLive();
  });
  document.querySelectorAll('input.csrf').forEach(el => { el.value = csrfToken(); });
  state.me = await getJson('/app/me');
  $('who').textContent = state.me.user;
  const picker = $('centre');
  state.me.centres.forEach(c => picker.add(new Option(c.id, c.id)));
  state.centre = state.me.centres[0]?.id;
  picker.disabled = state.me.centres.length < 2;
  state.day = isoDay(new Date());
  $('day').value = state.day;
  picker.addEventListener('change', () => {
    state.centre = picker.value;
    if (state.page === 'reports') reportLinks();
    refresh();
  });
  $('day').addEventListener('change', () => { if ($('day').value) { state.day = $('day').value; refresh(); } });
  $('history-form').addEventListener('submit', e => loadHistory(e).catch(showError));
  $('verify').addEventListener('click', () => verifyChain().catch(showError));
  $('search-form').addEventListener('submit', e => search(e).catch(showError));
  $('search-form').addEventListener('input', updateExportLinks);
  $('member-form').addEventListener('submit', e => findMembers(e).catch(showError));
  $('weekly-form').addEventListener('submit', e => { e.preventDefault(); refresh(); });
  $('monthly-form').addEventListener('submit', e => { e.preventDefault(); refresh(); });
  ['week', 'month'].forEach(id => $(id).addEventListener('input', reportLinks));
  window.addEventListener('hashchange', route);
  route();
  listen();
}

start().catch(showError);
