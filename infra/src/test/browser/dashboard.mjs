// The dashboard in headless Chromium against a running DeskLedger with the demo users (BASE_URL).
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL || 'http://localhost:8080';
const out = process.env.OUT_DIR || 'infra/target/browser';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;

function check(ok, message) {
  if (!ok) throw new Error(`FAILED: ${message}`);
  passed++;
  console.log(`ok - ${message}`);
}

async function api(user, path, body) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') },
    body: JSON.stringify(body),
  });
  check(response.status === 201, `${user} POST ${path} answers 201`);
  return response.json();
}

async function login(browser, user, locale = 'en-GB') {
  const page = await browser.newPage({ locale, viewport: { width: 1180, height: 820 } });
  await page.goto(base + '/');
  check(page.url().endsWith('/login'), `${user}: / sends an anonymous browser to the login page`);
  await page.getByLabel(locale.startsWith('zh') ? '用户名' : 'User name').fill(user);
  await page.getByLabel(locale.startsWith('zh') ? '密码' : 'Password').fill(user);
  await page.keyboard.press('Enter');
  await page.waitForURL(url => url.pathname === '/');
  return page;
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  await api('reception', '/api/visits', { centre: 'main', channel: 'CALL_IN', purpose: 'CONSULTATION', rings: 2 });
  const page = await login(browser, 'manager');
  const total = page.locator('#reception-figures div').first().locator('dd');
  await total.waitFor();
  await page.waitForFunction(() => document.querySelector('#live')?.classList.contains('on'));
  const before = Number((await total.textContent()).replace(/\D/g, ''));
  check(before >= 1, `the manager sees today's visits (${before})`);
  await api('reception', '/api/visits', { centre: 'main', channel: 'WALK_IN', purpose: 'ENROLMENT' });
  await page.waitForFunction(n => Number(document.querySelector('#reception-figures dd').textContent
    .replace(/\D/g, '')) === n, before + 1, { timeout: 5000 });
  check(true, 'a visit made through the API appears without reloading');
  await page.screenshot({ path: `${out}/dashboard-en.png`, fullPage: true });
  await page.selectOption('#lang', 'zh');
  await page.getByRole('heading', { name: '今日来访与来电' }).waitFor();
  await page.locator('#reception-figures dt', { hasText: '合计' }).waitFor();
  check(true, 'the page switches to Simplified Chinese');
  await page.screenshot({ path: `${out}/dashboard-zh.png`, fullPage: true });
  await page.close();

  const auditor = await login(browser, 'auditor');
  await auditor.goto(base + '/#audit');
  await auditor.getByRole('button', { name: 'Show' }).last().click();
  await auditor.locator('#search tbody tr td').first().waitFor();
  check(await auditor.locator('#search tbody tr').count() >= 1, 'an auditor searches the audit log');
  check((await auditor.locator('#export-csv').getAttribute('href')).includes('format=csv'), 'with an export link');
  await auditor.screenshot({ path: `${out}/audit-en.png`, fullPage: true });
  await auditor.close();

  const desk = await login(browser, 'reception');
  await desk.locator('#no-pages').waitFor();
  check(await desk.locator('#dashboard').isHidden(), 'a receptionist sees no manager pages');
  await desk.close();
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, 0 failed`);
