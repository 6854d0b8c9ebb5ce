// The member's card on the member page: issue (or re-issue) a card and print its QR code, or revoke it.
// The token is shown only once, right after issuing; the server keeps only its hash.
import { csrfToken, language } from './i18n.js';
import qrcode from './vendor/qrcode-generator/qrcode.mjs';

const LABELS = {
  en: {
    memberCard: 'Member card', issueCard: 'Issue a new card', revokeCard: 'Revoke the card', printCard: 'Print',
    cardNote: 'A new card makes the old one invalid. The code is shown only now: print it.',
    cardIssued: 'Card issued.', cardRevoked: 'Card revoked.', noCard: 'This member has no card.',
    cardFailed: 'Could not change the card ({0}).',
  },
  zh: {
    memberCard: '会员卡', issueCard: '发新卡', revokeCard: '作废会员卡', printCard: '打印',
    cardNote: '发新卡后旧卡失效。二维码只显示这一次，请立即打印。',
    cardIssued: '已发卡。', cardRevoked: '会员卡已作废。', noCard: '该会员没有会员卡。',
    cardFailed: '会员卡操作未成功（{0}）。',
  },
};

const t = (key, ...args) => (LABELS[language()][key] ?? LABELS.en[key])
  .replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);
const $ = id => document.getElementById(id);

function memberId() {
  const match = location.hash.match(/^#member\/(.+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

function labels() {
  document.querySelectorAll('[data-card-i18n]').forEach(el => { el.textContent = t(el.dataset.cardI18n); });
}

async function post(path) {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } });
  const json = response.status === 204 ? {} : await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, json };
}

function clear() {
  $('card-qr').replaceChildren();
  $('card-print').hidden = true;
}

async function issue() {
  const id = memberId();
  if (!id) return;
  clear();
  const result = await post(`/api/members/${encodeURIComponent(id)}/card`);
  if (!result.ok) { $('card-status').textContent = t('cardFailed', result.json.code || result.status); return; }
  const qr = qrcode(0, 'M');
  qr.addData(result.json.token);
  qr.make();
  const img = document.createElement('img');
  img.src = qr.createDataURL(6, 4);
  img.alt = t('memberCard');
  img.dataset.testid = 'card-qr-image';
  $('card-qr').append(img);
  $('card-print').hidden = false;
  $('card-status').textContent = `${t('cardIssued')} ${t('cardNote')}`;
}

async function revoke() {
  const id = memberId();
  if (!id) return;
  clear();
  const result = await post(`/api/members/${encodeURIComponent(id)}/card/revocation`);
  $('card-status').textContent = result.ok ? t('cardRevoked')
    : result.json.code === 'CARD_NOT_FOUND' ? t('noCard') : t('cardFailed', result.json.code || result.status);
}

if ($('card-section')) {
  labels();
  $('card-issue').addEventListener('click', () => issue().catch(e => { $('card-status').textContent = String(e); }));
  $('card-revoke').addEventListener('click', () => revoke().catch(e => { $('card-status').textContent = String(e); }));
  $('card-print').addEventListener('click', () => {
    document.body.classList.add('printing-card');
    window.print();
    document.body.classList.remove('printing-card');
  });
  window.addEventListener('hashchange', () => { clear(); $('card-status').textContent = ''; });
  const picker = $('lang');
  if (picker) picker.addEventListener('change', labels);
}
