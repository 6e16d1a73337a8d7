/**
 * What a refusal says, by its stable code, in Chinese and in English. `{name}` is filled from the
 * refusal's details (a field, a unit, an id, a date). A code missing here falls back to the text
 * of its category (see CATEGORY_MESSAGES) and, in English, to the domain's own message.
 */
export type Language = 'zh' | 'en';

export type Message = Readonly<Record<Language, string>>;

export const RULE_MESSAGES: Readonly<Record<string, Message>> = {
  // Shape and content of what was sent.
  'field-required': {
    zh: '{field} 为必填项，不能为空',
    en: '{field} is required and must not be empty',
  },
  'evidence-required': {
    zh: '至少需要一项佐证材料（evidence）',
    en: 'evidence must name at least one item',
  },
  'number-invalid': { zh: '{field} 必须是有限的数字', en: '{field} must be a finite number' },
  'date-invalid': {
    zh: '{field} 必须是 YYYY-MM-DD 格式的有效日期',
    en: '{field} must be a calendar date YYYY-MM-DD',
  },
  'comparator-invalid': {
    zh: 'comparator 必须是 gte、gt、lte、lt、eq 之一',
    en: 'comparator must be one of gte, gt, lte, lt, eq',
  },
  // Who may act.
  'role-not-allowed': {
    zh: '当前角色（{role}）无权执行此操作，需要：{roles}',
    en: "role '{role}' may not do this; needs {roles}",
  },
  'lead-unit-required': {
    zh: '只有代表某一单位的牵头/配合单位人员可以执行此操作',
    en: 'only a lead acting for a unit may do this',
  },
  'unit-not-lead': {
    zh: '{unit} 不是该事项的牵头单位',
    en: '{unit} is not the lead unit of this item',
  },
  'unit-not-owner': {
    zh: '{unit} 既不是 {item} 的牵头单位也不是配合单位',
    en: '{unit} is neither lead nor supporting unit of {item}',
  },
  'unit-declined': {
    zh: '{unit} 已退回 {item} 的交办，不能再报送进展',
    en: '{unit} returned its assignment of {item} and cannot report on it',
  },
  'not-own-unit': { zh: '不能代表 {unit} 答复', en: 'you may not answer for {unit}' },
  'report-not-own': {
    zh: '只有报送单位 {unit} 或督查人员可以更正报送 {reportId}',
    en: 'only {unit}, which filed report {reportId}, or a supervisor may correct it',
  },
  'four-eyes': {
    zh: '调整须由提出人以外的另一名督查人员审批（四眼原则）',
    en: 'a revision must be decided by someone other than its proposer',
  },
  // What does not exist.
  'task-not-found': { zh: '任务 {taskId} 不存在', en: 'task {taskId} does not exist' },
  'target-not-found': { zh: '指标 {targetId} 不存在', en: 'target {targetId} does not exist' },
  'assignment-not-found': {
    zh: '{unit} 在此范围内没有相应交办',
    en: '{unit} has no such assignment at this scope',
  },
  'revision-not-found': {
    zh: '调整申请 {revisionId} 不存在',
    en: 'revision {revisionId} does not exist',
  },
  'extension-not-found': {
    zh: '延期申请 {extensionId} 不存在',
    en: 'extension {extensionId} does not exist',
  },
  'report-not-found': { zh: '报送 {reportId} 不存在', en: 'report {reportId} does not exist' },
  // What the lifecycle does not allow now.
  'item-closed': {
    zh: '{item} 已审核销号，请先重新打开',
    en: '{item} is verified and closed; reopen it first',
  },
  'completion-not-open': {
    zh: '{item} 当前为 {completion} 状态，不能申请办结',
    en: '{item} is {completion}, not open',
  },
  'completion-not-claimed': {
    zh: '{item} 尚未申请办结（当前：{completion}）',
    en: '{item} has no completion claim (it is {completion})',
  },
  'completion-not-verified': {
    zh: '{item} 尚未审核销号（当前：{completion}），无需重新打开',
    en: '{item} is not verified (it is {completion})',
  },
  'revision-pending': {
    zh: '调整申请 {pendingRevisionId} 尚待审批，请先处理',
    en: 'revision {pendingRevisionId} is pending; decide it first',
  },
  'revision-decided': {
    zh: '调整申请 {revisionId} 已处理（{status}）',
    en: 'revision {revisionId} is already {status}',
  },
  'extension-pending': {
    zh: '延期申请 {pendingExtensionId} 尚待审批',
    en: 'extension {pendingExtensionId} is pending',
  },
  'extension-decided': {
    zh: '延期申请 {extensionId} 已处理（{status}）',
    en: 'extension {extensionId} is already {status}',
  },
  'already-acknowledged': {
    zh: '{unit} 已签收第 {version} 版交办内容',
    en: '{unit} has already acknowledged version {version} of these terms',
  },
  'already-answered': {
    zh: '{unit} 已答复第 {version} 版交办内容',
    en: '{unit} has already answered version {version} of these terms',
  },
  // Business rules.
  'already-assigned': {
    zh: '{unit} 已承担该事项（{role}），请先撤销原交办',
    en: '{unit} already holds this item as {role}; remove that assignment first',
  },
  'unit-is-placeholder': {
    zh: '{unit} 是集合名称，须由督查人员先明确具体单位',
    en: '{unit} is a collective placeholder; a supervisor names its units first',
  },
  'task-has-targets': {
    zh: '任务 {taskId} 有量化指标，请针对各指标报送、延期和办结',
    en: 'task {taskId} has quantified targets; report on, extend and close those',
  },
  'report-value-negative': {
    zh: '报送值 {value} 不能为负数',
    en: 'value {value} cannot be negative',
  },
  'report-ratio-over-100': {
    zh: '百分比报送值 {value} 不能超过 100',
    en: 'value {value} is over 100 %',
  },
  'report-date-in-future': {
    zh: '数据截至日期 {asOf} 晚于今天（{today}）',
    en: 'asOf {asOf} is after today ({today}, Asia/Shanghai)',
  },
  'report-date-before-plan-year': {
    zh: '数据截至日期 {asOf} 早于方案年度 {year} 年',
    en: "asOf {asOf} is before the plan's year ({year})",
  },
  'report-id-used': {
    zh: '报送编号 {reportId} 已被使用',
    en: 'report id {reportId} is already used',
  },
  'percent-out-of-range': {
    zh: '完成百分比必须在 0 到 100 之间',
    en: 'percent must be a number from 0 to 100',
  },
  'correction-changes-nothing': {
    zh: '报送 {reportId} 的数值已是 {value}，无需更正',
    en: 'report {reportId} already says {value}',
  },
  'revision-changes-nothing': { zh: '该调整没有改变任何内容', en: 'the revision changes nothing' },
  'revision-id-used': {
    zh: '调整编号 {revisionId} 已被使用',
    en: 'revision id {revisionId} is already used',
  },
  'reference-required': {
    zh: '批准下调指标须填写文号（reference）',
    en: 'approving a lowering needs a reference (文号)',
  },
  'extension-id-used': {
    zh: '延期编号 {extensionId} 已被使用',
    en: 'extension id {extensionId} is already used',
  },
  'extension-too-late': {
    zh: '延期须在截止日期 {currentDueDate} 之前申请',
    en: 'an extension must be requested before the due date {currentDueDate}',
  },
  'date-not-later': {
    zh: '{field}（{dueDate} 之后）必须晚于当前截止日期',
    en: '{field} must be later than the due date {dueDate}',
  },
  // The edge's own refusals.
  'validation-failed': { zh: '请求内容有误', en: 'The request is not valid' },
  'stale-revision': {
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The resource changed since you read it; reload and retry',
  },
  unauthorized: { zh: '未登录或令牌无效', en: 'Not signed in or the token is not valid' },
  forbidden: { zh: '无权执行此操作', en: 'You may not do this' },
  'not-found': { zh: '未找到', en: 'Not found' },
  'illegal-state': {
    zh: '当前状态下不能执行此操作',
    en: 'This cannot be done in the current state',
  },
  'rule-violation': { zh: '不符合业务规则', en: 'A business rule refuses this' },
  conflict: { zh: '请求与当前状态冲突', en: 'The request conflicts with the current state' },
  'payload-too-large': { zh: '请求内容过大', en: 'The request is too large' },
  'too-many-requests': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; retry later' },
  'service-unavailable': {
    zh: '服务暂不可用，请稍后重试',
    en: 'The service is unavailable; retry later',
  },
  'internal-error': { zh: '服务器内部错误', en: 'Internal server error' },
  'bad-request': { zh: '请求格式有误', en: 'The request is malformed' },
};

/** The title of each status (RFC 9457 `title`: the same for every problem of that kind). */
export const STATUS_TITLES: Readonly<Record<number, Message>> = {
  400: { zh: '请求有误', en: 'Bad Request' },
  401: { zh: '未认证', en: 'Unauthorized' },
  403: { zh: '无权操作', en: 'Forbidden' },
  404: { zh: '未找到', en: 'Not Found' },
  409: { zh: '状态冲突', en: 'Conflict' },
  413: { zh: '请求过大', en: 'Payload Too Large' },
  422: { zh: '不符合业务规则', en: 'Unprocessable Content' },
  429: { zh: '请求过于频繁', en: 'Too Many Requests' },
  500: { zh: '服务器错误', en: 'Internal Server Error' },
  503: { zh: '服务不可用', en: 'Service Unavailable' },
};

/**
 * What a class-validator constraint says about a field, by constraint name. Listed from the most
 * basic problem to the most specific: when a field breaks several, the first of this list is
 * named first (a missing `reason` is "required", not "too long").
 */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, Message>> = {
  whitelistValidation: { zh: '{field} 不是可接受的字段', en: '{field} is not an accepted field' },
  isDefined: { zh: '{field} 为必填项', en: '{field} is required' },
  isNotEmpty: { zh: '{field} 为必填项，不能为空', en: '{field} is required and must not be empty' },
  isString: { zh: '{field} 必须是文本', en: '{field} must be text' },
  isNumber: { zh: '{field} 必须是数字', en: '{field} must be a number' },
  isInt: { zh: '{field} 必须是整数', en: '{field} must be an integer' },
  isBoolean: { zh: '{field} 必须是 true 或 false', en: '{field} must be true or false' },
  isArray: { zh: '{field} 必须是列表', en: '{field} must be a list' },
  isIn: { zh: '{field} 的取值不在允许范围内', en: '{field} is not one of the accepted values' },
  isEnum: { zh: '{field} 的取值不在允许范围内', en: '{field} is not one of the accepted values' },
  matches: { zh: '{field} 的格式不正确', en: '{field} is not in the expected format' },
  isUrl: { zh: '{field} 必须是链接（URL）', en: '{field} must be a link (URL)' },
  isIsoDate: {
    zh: '{field} 必须是 YYYY-MM-DD 格式的有效日期',
    en: '{field} must be a calendar date YYYY-MM-DD',
  },
  min: { zh: '{field} 小于允许的最小值', en: '{field} is below the smallest value allowed' },
  max: { zh: '{field} 大于允许的最大值', en: '{field} is above the largest value allowed' },
  minLength: { zh: '{field} 太短', en: '{field} is too short' },
  maxLength: { zh: '{field} 太长', en: '{field} is too long' },
  arrayMinSize: { zh: '{field} 的项数太少', en: '{field} has too few items' },
  arrayMaxSize: { zh: '{field} 的项数太多', en: '{field} has too many items' },
};

/** Fills `{name}` placeholders from `params`; an unknown name stays as written. */
export function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
