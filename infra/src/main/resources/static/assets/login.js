import { applyLabels, csrfToken, t } from './i18n.js';

function show() {
  applyLabels();
  const params = new URLSearchParams(location.search);
  const status = document.getElementById('status');
  status.textContent = params.has('error') ? t('loginFailed') : params.has('logout') ? t('loggedOut') : '';
  status.className = params.has('error') ? 'error' : '';
}
document.getElementById('csrf').value = csrfToken();
show();
document.getElementById('lang').addEventListener('change', show);
