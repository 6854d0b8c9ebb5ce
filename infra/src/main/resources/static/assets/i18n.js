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
    // pages added with issue 8's drill-downs, reports and projections
    reports: 'Reports', admin: 'Projections', classesToday: 'Classes today',
    nearlyDueNote: 'Breached cases first, then nearly due ones (less than a quarter of the SLA target left).',
    findMember: "A member's timeline", memberQuery: 'Name, phone or member id', backToDashboard: '← Back to the dashboard',
    back: '← Back', complaintDetail: 'Complaint', resolutions: 'Resolutions', timeline: 'Timeline',
    memberTimeline: 'Customer timeline', packages: 'Packages', classSession: 'Class session', sessionRoster: 'Roster',
    weeklyReport: 'Weekly report', week: 'Week', downloadCsv: 'Download CSV', monthlyAssessment: 'Monthly staff assessment',
    month: 'Month', projections: 'Projections', minutes: '{0} min', complaint: 'Complaint', nextDue: 'Next due',
    timeLeft: 'Business time left', breachedNow: 'Breached now', nearlyDueNow: 'Nearly due now',
    openComplaint: 'Open complaint {0}', sessions: 'Class sessions', attendanceRate: 'Attendance rate',
    checkedIn: 'Checked in', onLeave: 'On leave', lateLeave: 'Late leave', noShow: 'No-show',
    mismatches: 'Head-count mismatches', classCode: 'Class', starts: 'Starts', room: 'Room', places: 'Places',
    headCount: "Teacher's head-count", difference: 'Difference', openSession: 'Open class {0} at {1}',
    notCounted: 'not counted', mismatch: 'mismatch', complaintN: 'Complaint {0}', channel: 'Channel', level: 'Level',
    department: 'Department', customer: 'Customer', phone: 'Phone', member: 'Member', filedBy: 'Filed by',
    firstResponseDue: 'First response due', reopened: 'Reopened', summary: 'Summary', compensation: 'Compensation',
    proposedBy: 'Proposed by', proposedAt: 'Proposed at', decision: 'Decision', decidedBy: 'Decided by', by: 'By',
    details: 'Details', memberN: 'Customer timeline of {0}', name: 'Name', erased: 'erased', email: 'E-mail',
    guardian: 'Guardian', guardianPhone: "Guardian's phone", enrolled: 'Enrolled', plan: 'Plan',
    creditsLeft: 'Credits left', validUntil: 'Valid until', price: 'Price', purchasedAt: 'Bought at', amount: 'Amount',
    reference: 'Reference', note: 'Note', sessionN: 'Class {0}, {1}', creditConsumed: 'Credit used', yes: 'yes',
    no: 'no', openMember: 'Open member {0}', period: 'Period', byChannel: 'Visits: {0}',
    complaintsOpened: 'Complaints filed', complaintsClosed: 'Complaints closed', complaintsBreached: 'Complaints breached',
    classPlaces: 'Class places', shiftsWorked: 'Shifts worked', lateArrivals: 'Late arrivals', punctuality: 'Punctuality',
    figure: 'Figure', value: 'Value', visitsHandled: 'Visits handled', callsAnswered: 'Calls answered',
    callsWithinThreeRings: 'Calls within three rings', complaintsResolved: 'Complaints resolved',
    complaintsSatisfied: 'Customers satisfied', checklistCompletion: 'Checklist done', projection: 'Projection',
    position: 'Position', lag: 'Events behind', segments: 'Segments: node @ position', unclaimed: 'unclaimed', progress: 'Replay progress', action: 'Action', error: 'error',
    replaying: 'replaying', running: 'running', stopped: 'stopped', replayProgressOf: 'Replay progress of {0}',
    caughtUp: 'up to date', replay: 'Replay', replayN: 'Replay {0} from the first event',
    notReplayable: 'not replayable', replayStarted: 'Replay of {0} started…', replayDone: 'Replay of {0} finished.',
    replayFailed: 'Replay of {0} failed: {1}', reconnected: 'Reconnected',
    deadLetters: 'Dead letters', degraded: 'degraded', deadLetterQueue: 'Dead letters',
    deadLettersSince: '{0} in {1} aggregate(s), oldest {2}',
    deadLetterHelp: 'Events a view could not apply, with the later events of the same aggregate. The view goes on '
      + 'with every other aggregate. Retry after a fix, or evict to drop them until a replay.',
    event: 'Event', enqueuedAt: 'Since', cause: 'Cause',
    behindEarlier: 'waits behind an earlier event', retry: 'Retry', retryOf: 'Retry the dead letters of {0}',
    retryAll: 'Retry all', retryAllOf: 'Retry every dead letter of {0}', evict: 'Evict',
    evictOf: 'Evict the dead letters of {0}', evictConfirm: 'Drop the dead letters of {0} for good?',
    retried: '{0} applied, {1} still failing ({2}).', evicted: '{0} dead letter(s) of {1} evicted.',
    deadLetterFailed: '{0}: {1}',
    'v.BREACHED': 'breached', 'v.NEARLY_DUE': 'nearly due', 'v.ON_TRACK': 'on track', 'v.PAUSED': 'paused',
    'v.OPEN': 'open', 'v.IN_PROGRESS': 'in progress', 'v.WAITING_ON_CUSTOMER': 'waiting on the customer',
    'v.AWAITING_APPROVAL': 'awaiting approval', 'v.RESOLVED': 'resolved', 'v.CLOSED': 'closed',
    'v.WITHDRAWN': 'withdrawn', 'v.GENERAL': 'general', 'v.MAJOR': 'major', 'v.HANDLER': 'handler',
    'v.SUPERVISOR': 'supervisor', 'v.MANAGER': 'manager', 'v.SERVICE': 'service', 'v.COURSE_PRODUCT': 'course',
    'v.FACILITY': 'facility', 'v.BILLING': 'billing', 'v.STAFF_CONDUCT': 'staff conduct', 'v.SAFETY': 'safety',
    'v.OTHER': 'other', 'v.WALK_IN': 'walk-in', 'v.PHONE': 'phone', 'v.LETTER': 'letter', 'v.EMAIL': 'e-mail',
    'v.ONLINE': 'online', 'v.THIRD_PARTY': 'third party', 'v.REFUND': 'refund', 'v.VOUCHER': 'voucher',
    'v.PRE_COMPENSATION': 'advance compensation', 'v.CHECKED_IN': 'checked in', 'v.ON_LEAVE': 'on leave',
    'v.LATE_LEAVE': 'late leave', 'v.NO_SHOW': 'no-show', 'v.CHILD': 'child', 'v.ADULT': 'adult',
    'v.ENROLLED': 'enrolled', 'v.FROZEN': 'frozen', 'v.UNFROZEN': 'unfrozen', 'v.ERASED': 'erased',
    'v.REFUNDED': 'refunded', 'v.REFUND_REQUESTED': 'refund requested', 'v.REFUND_REJECTED': 'refund rejected',
    'v.PRODUCTS_SOLD': 'products sold', 'v.CONTACT_CHANGED': 'contact changed', 'v.ACTIVE': 'active',
    'v.APPROVED': 'approved', 'v.REJECTED': 'rejected', 'v.CALL_IN': 'call', 'v.MEMBER': 'member visit',
    'v.PARTNER': 'partner', 'v.PACKAGE_PURCHASED': 'package bought', 'v.RENEWAL': 'renewal', 'v.LEAVE': 'leave',
    'v.VISIT': 'visit', 'v.CALL': 'call', satisfactionRate: 'Satisfaction rate',
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
    reports: '报表', admin: '投影', classesToday: '今日课程',
    nearlyDueNote: '超时的投诉在前，其次是即将到期的（SLA 剩余不足四分之一）。',
    findMember: '会员时间线', memberQuery: '姓名、电话或会员编号', backToDashboard: '← 返回仪表板',
    back: '← 返回', complaintDetail: '投诉', resolutions: '解决方案', timeline: '时间线',
    memberTimeline: '客户时间线', packages: '课程包', classSession: '课节', sessionRoster: '名单',
    weeklyReport: '周报表', week: '周', downloadCsv: '下载 CSV', monthlyAssessment: '月考核表',
    month: '月份', projections: '投影', minutes: '{0} 分钟', complaint: '投诉', nextDue: '下一期限',
    timeLeft: '剩余营业时间', breachedNow: '当前超时', nearlyDueNow: '即将到期',
    openComplaint: '打开投诉 {0}', sessions: '课节数', attendanceRate: '出勤率',
    checkedIn: '已签到', onLeave: '请假', lateLeave: '迟请假', noShow: '缺席',
    mismatches: '人数不符', classCode: '班级', starts: '开始', room: '教室', places: '名额',
    headCount: '老师点名人数', difference: '差异', openSession: '打开班级 {0}（{1}）',
    notCounted: '未点名', mismatch: '不符', complaintN: '投诉 {0}', channel: '渠道', level: '级别',
    department: '部门', customer: '客户', phone: '电话', member: '会员', filedBy: '登记人',
    firstResponseDue: '首次响应期限', reopened: '重开次数', summary: '摘要', compensation: '补偿',
    proposedBy: '提出人', proposedAt: '提出时间', decision: '审批结果', decidedBy: '审批人', by: '操作人',
    details: '详情', memberN: '{0} 的客户时间线', name: '姓名', erased: '已删除', email: '电子邮件',
    guardian: '监护人', guardianPhone: '监护人电话', enrolled: '入会时间', plan: '方案',
    creditsLeft: '剩余课时', validUntil: '有效期至', price: '价格', purchasedAt: '购买时间', amount: '金额',
    reference: '参考', note: '备注', sessionN: '班级 {0}，{1}', creditConsumed: '扣课时', yes: '是',
    no: '否', openMember: '打开会员 {0}', period: '期间', byChannel: '来访：{0}',
    complaintsOpened: '新登记投诉', complaintsClosed: '已结投诉', complaintsBreached: '超时投诉',
    classPlaces: '课节名额', shiftsWorked: '出勤班次', lateArrivals: '迟到次数', punctuality: '准时率',
    figure: '指标', value: '数值', visitsHandled: '接待来访', callsAnswered: '接听来电',
    callsWithinThreeRings: '三声内接听', complaintsResolved: '已解决投诉',
    complaintsSatisfied: '客户满意', checklistCompletion: '检查单完成率', projection: '投影',
    position: '位置', lag: '落后事件数', segments: '分段：节点 @ 位置', unclaimed: '未认领', progress: '重放进度', action: '操作', error: '错误',
    replaying: '重放中', running: '运行中', stopped: '已停止', replayProgressOf: '{0} 的重放进度',
    caughtUp: '已是最新', replay: '重放', replayN: '从第一个事件重放 {0}',
    notReplayable: '不可重放', replayStarted: '{0} 开始重放…', replayDone: '{0} 重放完成。',
    replayFailed: '{0} 重放失败：{1}', reconnected: '已重新连接',
    deadLetters: '死信', degraded: '降级', deadLetterQueue: '死信',
    deadLettersSince: '{0} 条，{1} 个聚合，最早 {2}',
    deadLetterHelp: '视图无法处理的事件，以及同一聚合之后的事件。视图继续处理其他所有聚合。修复后可重试，或剔除（直到重放前不再处理）。',
    event: '事件', enqueuedAt: '自', cause: '原因',
    behindEarlier: '等待之前的事件', retry: '重试', retryOf: '重试 {0} 的死信',
    retryAll: '全部重试', retryAllOf: '重试 {0} 的全部死信', evict: '剔除',
    evictOf: '剔除 {0} 的死信', evictConfirm: '确定永久剔除 {0} 的死信？',
    retried: '{0} 条已处理，{1} 条仍失败（{2}）。', evicted: '已剔除 {1} 的 {0} 条死信。',
    deadLetterFailed: '{0}：{1}',
    'v.BREACHED': '已超时', 'v.NEARLY_DUE': '即将到期', 'v.ON_TRACK': '正常', 'v.PAUSED': '已暂停',
    'v.OPEN': '待处理', 'v.IN_PROGRESS': '处理中', 'v.WAITING_ON_CUSTOMER': '等待客户',
    'v.AWAITING_APPROVAL': '待审批', 'v.RESOLVED': '已解决', 'v.CLOSED': '已关闭',
    'v.WITHDRAWN': '已撤回', 'v.GENERAL': '一般', 'v.MAJOR': '重大', 'v.HANDLER': '处理人',
    'v.SUPERVISOR': '主管', 'v.MANAGER': '经理', 'v.SERVICE': '服务', 'v.COURSE_PRODUCT': '课程产品',
    'v.FACILITY': '设施', 'v.BILLING': '收费', 'v.STAFF_CONDUCT': '员工行为', 'v.SAFETY': '安全',
    'v.OTHER': '其他', 'v.WALK_IN': '到访', 'v.PHONE': '电话', 'v.LETTER': '信件', 'v.EMAIL': '电子邮件',
    'v.ONLINE': '网络', 'v.THIRD_PARTY': '第三方', 'v.REFUND': '退款', 'v.VOUCHER': '代金券',
    'v.PRE_COMPENSATION': '先行赔付', 'v.CHECKED_IN': '已签到', 'v.ON_LEAVE': '请假',
    'v.LATE_LEAVE': '迟请假', 'v.NO_SHOW': '缺席', 'v.CHILD': '儿童', 'v.ADULT': '成人',
    'v.ENROLLED': '入会', 'v.FROZEN': '冻结', 'v.UNFROZEN': '解冻', 'v.ERASED': '已删除',
    'v.REFUNDED': '已退款', 'v.REFUND_REQUESTED': '申请退款', 'v.REFUND_REJECTED': '退款被拒',
    'v.PRODUCTS_SOLD': '售出商品', 'v.CONTACT_CHANGED': '联系方式变更', 'v.ACTIVE': '有效',
    'v.APPROVED': '已批准', 'v.REJECTED': '已拒绝', 'v.CALL_IN': '来电', 'v.MEMBER': '会员来访',
    'v.PARTNER': '合作方', 'v.PACKAGE_PURCHASED': '购买课程包', 'v.RENEWAL': '续约', 'v.LEAVE': '请假',
    'v.VISIT': '来访', 'v.CALL': '来电', satisfactionRate: '满意率',
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
