// The self check-in kiosk: find a member by card token or member number, show today's sessions, check in.
import { csrfToken, language } from './i18n.js';

const LABELS = {
  en: {
    title: 'Check in', language: 'Language', signOut: 'Sign out', find: 'Find', scan: 'Scan with the camera',
    prompt: 'Scan the member card or type the member number', hello: 'Hello, {0}', checkIn: 'Check in',
    checkedIn: 'Checked in', waiting: 'On the waitlist', noSessionToday: 'No class for you today.',
    unknownCard: 'This card is not valid. Please ask at the desk.', unknownMember: 'No member with this number.',
    badCode: 'Please scan the card again or check the number.', alreadyCheckedIn: 'Already checked in.',
    noCredits: 'No credits left. Please see the desk.', full: 'The class is full. Please see the desk.',
    notYet: 'Check-in opens two hours before the class.', cancelled: 'This class is cancelled.',
    done: 'Checked in to {0}. Enjoy the class!', failed: 'That did not work ({0}). Please see the desk.',
  },
  zh: {
    title: '自助签到', language: '语言', signOut: '退出', find: '查找', scan: '用摄像头扫码',
    prompt: '请扫描会员卡二维码或输入会员编号', hello: '您好，{0}', checkIn: '签到',
    checkedIn: '已签到', waiting: '候补中', noSessionToday: '您今天没有课程。',
    unknownCard: '此卡无效，请到前台咨询。', unknownMember: '没有此编号的会员。',
    badCode: '请重新扫码或检查编号。', alreadyCheckedIn: '已经签到过了。',
    noCredits: '课时已用完，请到前台。', full: '本课已满，请到前台。',
    notYet: '课程开始前两小时可以签到。', cancelled: '本课已取消。',
    done: '已签到：{0}。祝上课愉快！', failed: '签到未成功（{0}），请到前台。',
  },
};

const CODES = {
  CARD_NOT_FOUND: 'unknownCard', NOT_FOUND: 'unknownMember', VALIDATION_FAILED: 'badCode',
  ALREADY_CHECKED_IN: 'alreadyCheckedIn', NO_CREDITS_LEFT: 'noCredits', NO_ACTIVE_PACKAGE: 'noCredits',
  SESSION_FULL: 'full', TIME_OUT_OF_RANGE: 'notYet', SESSION_CANCELLED: 'cancelled',
};

function t(key, ...args) {
  const text = LABELS[language()][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);
}

function applyLabels() {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-k]').forEach(el => { el.textContent = t(el.dataset.k); });
  document.querySelectorAll('input.csrf').forEach(el => { el.value = csrfToken(); });
}

const message = document.getElementById('message');
const codeInput = document.getElementById('code');
let current = null;

function say(key, ...args) {
  message.textContent = key ? t(key, ...args) : '';
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, json };
}

function problem(result) {
  const key = CODES[result.json.code];
  if (key) say(key); else say('failed', result.json.code || result.status);
}

function time(iso) {
  return new Date(iso).toLocaleTimeString(language() === 'zh' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' });
}

function render() {
  const section = document.getElementById('member');
  const list = document.getElementById('sessions');
  list.replaceChildren();
  if (!current) { section.hidden = true; return; }
  section.hidden = false;
  document.getElementById('member-name').textContent = t('hello', current.firstName || '');
  if (current.sessions.length === 0) say('noSessionToday');
  for (const s of current.sessions) {
    const item = document.createElement('li');
    item.dataset.testid = 'kiosk-session';
    const label = document.createElement('span');
    label.textContent = `${time(s.start)}–${time(s.end)} ${s.title} · ${s.room}${s.teacher ? ' · ' + s.teacher : ''}`;
    item.append(label);
    if (s.status === 'PRESENT') {
      const done = document.createElement('strong');
      done.textContent = t('checkedIn');
      done.dataset.testid = 'kiosk-present';
      item.append(' ', done);
    } else {
      if (s.status === 'WAITING') item.append(' ', t('waiting'));
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('checkIn');
      button.dataset.testid = 'kiosk-check-in';
      button.addEventListener('click', () => checkIn(s, button));
      item.append(' ', button);
    }
    list.append(item);
  }
}

async function lookup(code) {
  current = null;
  render();
  say('');
  const result = await post('/api/kiosk/lookup', { code: code.trim() });
  if (!result.ok) { problem(result); return; }
  current = result.json;
  render();
}

async function checkIn(session, button) {
  button.disabled = true;
  const result = await post(`/api/timetable/sessions/${encodeURIComponent(session.sessionId)}/check-ins`,
    { memberId: current.memberId });
  if (!result.ok) { button.disabled = false; problem(result); return; }
  session.status = 'PRESENT';
  render();
  say('done', session.title);
}

document.getElementById('lookup-form').addEventListener('submit', event => {
  event.preventDefault();
  const code = codeInput.value;
  codeInput.value = '';
  if (code.trim()) lookup(code);
});

// the camera, where the browser can read QR codes itself (BarcodeDetector); a USB or Bluetooth scanner types
async function startCamera() {
  const video = document.getElementById('camera');
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  const tick = async () => {
    const codes = await detector.detect(video).catch(() => []);
    if (codes.length > 0) {
      stream.getTracks().forEach(track => track.stop());
      video.hidden = true;
      lookup(codes[0].rawValue);
      return;
    }
    requestAnimationFrame(tick);
  };
  tick();
}

if ('BarcodeDetector' in window && navigator.mediaDevices) {
  const scan = document.getElementById('scan');
  scan.hidden = false;
  scan.addEventListener('click', () => startCamera().catch(() => say('badCode')));
}

const picker = document.getElementById('lang');
picker.value = language();
picker.addEventListener('change', () => {
  localStorage.setItem('deskledger.lang', picker.value);
  applyLabels();
  render();
});
applyLabels();
