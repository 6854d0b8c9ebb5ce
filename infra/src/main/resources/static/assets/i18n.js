// Labels in English and Simplified Chinese; the browser's language unless the user chose one.
const LABELS = {
  en: {
    username: 'User name', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', language: 'Language',
    loginFailed: 'Wrong user name or password.', loggedOut: 'You are signed out.',
    centre: 'Centre', day: 'Day', dashboard: 'Dashboard', audit: 'Audit',
    noPages: 'There are no pages for your role.',
    reception: 'Visits and calls today', messages: 'Undelivered messages', roster: 'On shift',
    complaints: 'Open complaints', sales: 'Sales, last 30 days',
    visits: 'Visits', calls: 'Calls', total: 'Total', withinThreeRings: 'Calls answered within three rings',
    conversions: 'Conversions', undelivered: 'Undelivered messages', hour: 'Hour',
    recipient: 'Recipient', takenAt: 'Taken at', staff: 'Staff', post: 'Post', planned: 'Planned',
    state: 'State', late: 'late', lateBy: 'late by {0} min', onShift: 'on shift', notYet: 'not clocked in',
    overdue: 'overdue', done: 'clocked out',
    filed: 'Filed', severity: 'Severity', category: 'Category', status: 'Status', sla: 'SLA',
    handler: 'Handler', due: 'Resolution due', openNow: 'Open now', breachRate: 'SLA breach rate (30 days)',
    satisfaction: 'Satisfaction (30 days)', filed30: 'Filed (30 days)', medianResolution: 'Median resolution',
    gross: 'Revenue', refunds: 'Refunds', net: 'Net', renewals: 'Renewals', renewalRate: 'Renewal rate',
    conversionRate: 'Conversion rate', pendingRefunds: 'Refunds waiting for approval', none: 'None',
    live: 'Live', offline: 'Connection lost — reconnecting…', history: 'History of an aggregate', kind: 'Kind',
    id: 'Id', asOf: 'State as of', show: 'Show', sequence: 'Seq.', type: 'Type', time: 'Time', user: 'User',
    loadFailed: 'Could not load: {0}',
    verifyChain: 'Verify its hash chain', intact: 'Intact: {0} events checked.', broken: 'Broken at sequence {0}.',
    search: 'Search the audit log', from: 'From', to: 'To', exportCsv: 'Export CSV', exportNdjson: 'Export NDJSON',
    aggregate: 'Aggregate', centreCol: 'Centre',
  },
  zh: {
    username: '用户名', password: '密码', signIn: '登录', signOut: '退出', language: '语言',
    loginFailed: '用户名或密码错误。', loggedOut: '您已退出。',
    centre: '中心', day: '日期', dashboard: '仪表板', audit: '审计',
    noPages: '您的角色没有可用页面。',
    reception: '今日来访与来电', messages: '未送达留言', roster: '当班人员',
    complaints: '未结投诉', sales: '销售（近30天）',
    visits: '来访', calls: '来电', total: '合计', withinThreeRings: '三声内接听比例',
    conversions: '转化', undelivered: '未送达留言', hour: '小时',
    recipient: '收件人', takenAt: '记录时间', staff: '员工', post: '岗位', planned: '计划',
    state: '状态', late: '迟到', lateBy: '迟到 {0} 分钟', onShift: '在岗', notYet: '未打卡',
    overdue: '逾期未到', done: '已下班',
    filed: '登记时间', severity: '严重程度', category: '类别', status: '状态', sla: 'SLA',
    handler: '处理人', due: '解决期限', openNow: '当前未结', breachRate: 'SLA超时率（30天）',
    satisfaction: '满意率（30天）', filed30: '登记数（30天）', medianResolution: '解决时长中位数',
    gross: '收入', refunds: '退款', net: '净额', renewals: '续约', renewalRate: '续约率',
    conversionRate: '转化率', pendingRefunds: '待审批退款', none: '无',
    live: '实时', offline: '连接中断，正在重连…', history: '聚合历史', kind: '类型',
    id: '编号', asOf: '截至时刻的状态', show: '显示', sequence: '序号', type: '事件', time: '时间', user: '用户',
    loadFailed: '加载失败：{0}',
    verifyChain: '校验哈希链', intact: '完整：已校验 {0} 个事件。', broken: '在序号 {0} 处断裂。',
    search: '搜索审计日志', from: '从', to: '至', exportCsv: '导出 CSV', exportNdjson: '导出 NDJSON',
    aggregate: '聚合', centreCol: '中心',
  },
};

export function language() {
  const chosen = localStorage.getItem('deskledger.lang');
  if (chosen && LABELS[chosen]) return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function t(key, ...args) {
  const text = LABELS[language()][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);
}

/** Fills every [data-i18n] element and wires the language picker; calls onChange after a switch. */
export function applyLabels(onChange) {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  const picker = document.getElementById('lang');
  if (picker && !picker.dataset.wired) {
    picker.dataset.wired = 'yes';
    picker.value = language();
    picker.addEventListener('change', () => {
      localStorage.setItem('deskledger.lang', picker.value);
      applyLabels(onChange);
      if (onChange) onChange();
    });
  }
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}
