// Stable error codes shared by the app and the cloud functions. Programs and tests match codes;
// people read the Chinese message the client derives from the code.

export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再试',
  MALFORMED_REQUEST: '请求格式有误',
  PAYLOAD_TOO_LARGE: '提交的内容太多了，请精简后再试',
  UNKNOWN_FUNCTION: '请求的服务不存在',
  UNKNOWN_ACTION: '请求的操作不存在',
  UNAUTHENTICATED: '请在微信中打开后再试',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  WEEK_NOT_FOUND: '没有找到这一届活动周',
  ACTIVITY_NOT_FOUND: '活动不存在或已下线',
  BAD_CURSOR: '列表已更新，请下拉刷新',
  INTERNAL: '服务暂时出了点问题，请稍后再试',
  NETWORK: '网络不太好，请检查网络后再试',
  BAD_RESPONSE: '服务返回的数据有误，请稍后再试',
  CONFLICT: '内容刚刚被别人修改过，请刷新后再试',
  // sign-up (residents)
  PROFILE_REQUIRED: '第一次报名，请先填写您的报名信息',
  ALREADY_REGISTERED: '已经报过名了，可在“我的活动”中查看',
  SIGNUP_NOT_REQUIRED: '本活动无需报名，按时到场即可参加',
  SIGNUP_NOT_OPEN: '报名还没有开始，请留意报名时间',
  SIGNUP_CLOSED: '报名已经截止',
  ACTIVITY_CANCELLED: '该活动已取消',
  ACTIVITY_FULL: '名额已满',
  CANCEL_DEADLINE_PASSED: '已过取消报名的截止时间，如有变动请联系主办单位',
  REGISTRATION_NOT_FOUND: '没有找到这条报名记录',
  ALREADY_CANCELLED: '这条报名已经取消了',
  FAMILY_MEMBER_NOT_FOUND: '没有找到这位家人，请刷新后再试',
  FAMILY_LIMIT: '最多可以添加10位家人',
  // activities (organisers)
  DISTRICT_NOT_IN_WEEK: '该县区不在本届活动周的范围内',
  VENUE_REQUIRED: '线下活动请填写场地名称和地址',
  ONLINE_URL_REQUIRED: '线上活动请填写参与链接',
  ACTIVITY_TIME_INVALID: '结束时间需要晚于开始时间',
  ACTIVITY_START_PASSED: '开始时间已经过去，请重新选择',
  ACTIVITY_OUTSIDE_WEEK: '活动时间需要在活动周期间',
  SIGNUP_WINDOW_INVALID: '报名截止需晚于报名开始，且不晚于活动开始',
  CANCEL_DEADLINE_INVALID: '取消报名的截止时间不能晚于活动开始',
  SIGNUP_ALREADY_CLOSED: '报名截止时间已经过去，发布后居民无法报名。请把报名截止改到现在之后再发布',
  CAPACITY_BELOW_CONFIRMED: '名额不能少于已经报名成功的人数',
  SIGNUP_HAS_REGISTRATIONS: '已有人报名，不能改为无需报名',
  // activity weeks (bureau admins)
  WEEK_EXISTS: '这个活动周编号已经存在',
  WEEK_DATES_INVALID: '活动周的结束日期不能早于开始日期',
  WEEK_DEADLINE_INVALID: '总结材料截止日期不能早于活动周结束',
  WEEK_DISTRICTS_INVALID: '请至少填写一个县区，且编号不能重复',
  WEEK_DISTRICT_IN_USE: '该县区已有活动，不能从活动周中移除',
  // tickets and check-in (residents, volunteers)
  REGISTRATION_NOT_CONFIRMED: '报名成功后才有入场码',
  TOKEN_INVALID: '入场码无效，可能是伪造或已损坏的二维码',
  WRONG_ACTIVITY: '这不是本场活动的入场码',
  REGISTRATION_CANCELLED: '这条报名已取消，不能签到',
  OUTSIDE_WINDOW: '不在签到时间内',
  ALREADY_CHECKED_IN: '已经签到过了',
  INVITE_NOT_FOUND: '邀请码不存在，请核对后再输入',
  INVITE_EXPIRED: '邀请码已过期，请联系组织者重新获取',
  INVITE_SCOPE_INVALID: '只能邀请志愿者参加同一活动周、您负责的活动',
  INVITE_EXPIRY_INVALID: '邀请码的有效期须晚于现在，且不晚于所选活动最晚一场结束后1天',
  // staff: the setup code, units, appointments (bureau and unit admins)
  SETUP_CODE_WRONG: '设置码不正确，请核对后再输入',
  SETUP_CLAIMED: '设置码已被使用，管理员已设定',
  SETUP_NOT_ENABLED: '本环境没有设置设置码',
  TOO_MANY_ATTEMPTS: '尝试次数太多，请稍后再试',
  UNIT_NAME_TAKEN: '这个名称已经有了，请换一个名称',
  UNIT_NOT_IN_WEEK: '该单位不在本届活动周的范围内',
  INVITE_INVALID: '任命码不存在，请核对后再输入',
  INVITE_REVOKED: '任命码已被撤回，请联系发出任命的管理员',
  INVITE_USED: '任命码已被他人使用，请联系发出任命的管理员',
  // courses (residents, organisers)
  COURSE_NOT_FOUND: '课程不存在或已下线',
  LESSON_NOT_FOUND: '这一课不存在，可能已被调整，请返回课程重新进入',
  NOT_ENROLLED: '请先点“开始学习”加入这门课',
  COURSE_NOT_COMPLETED: '学完全部课程后才能领取结业证书',
  COURSE_ACTIVITY_INVALID: '只能关联本县区、本届活动周的活动',
  // reading
  BOOK_NOT_FOUND: '这本书不在书单里了，请刷新后再试',
  BOOK_LIST_NOT_FOUND: '书单不存在或已下线',
  READING_ALREADY_LOGGED: '这本书今天已经打过卡了，明天再来吧',
  // ratings (residents)
  NOT_CHECKED_IN: '签到参加活动后才能评价',
  ALREADY_RATED: '您已经评价过这场活动了，谢谢！',
  // publicity and the 总结表 (organisers)
  PUBLICITY_LINK_REQUIRED: '文字报道和视频请填写链接',
  PUBLICITY_PHOTOS_REQUIRED: '请至少上传一张照片',
  PUBLICITY_NOT_FOUND: '这条宣传记录不存在或已删除',
  FEATURED_ACTIVITY_INVALID: '只能选择本县区已发布的活动',
  // reporting up (总结表 submission)
  SUMMARY_ALREADY_SUBMITTED: '总结表已提交，上级退回后才能修改或再次提交',
  SUMMARY_LOCKED: '总结表已提交给上级，退回修改前不能编辑',
  SUMMARY_NO_PARENT: '这是最高一级的总结表，请导出后按通知要求上报',
  SUMMARY_NOT_SUBMITTED: '该单位尚未提交总结表',
  SUMMARY_REASON_REQUIRED: '退回修改时请写明原因（至少 2 个字）',
  UPLOAD_FAILED: '图片上传失败，请稍后再试',
  // 百姓学习之星 and 品牌项目
  NOMINATION_NOT_FOUND: '没有找到这条推荐',
  NOMINATION_LOCKED: '推荐已提交，不能再修改',
  NOMINATION_STATUS_INVALID: '这条推荐当前的状态不能进行此操作',
  NOMINATION_REASON_REQUIRED: '不予推荐时请写明原因（至少 2 个字）',
  NOMINEE_CONSENT_REQUIRED: '请先取得被推荐人本人同意，并勾选确认',
  SELF_NOMINATION_CLOSED: '本届活动周未开放个人自荐',
  PLACES_FULL: '评选名额已满，请先调整名额或取消其他入选',
  PLACES_BELOW_USED: '名额不能少于已入选的数量',
  CONTENT_FLAGGED: '内容未通过安全检测，请修改后再提交',
  VOTE_CLOSED: '当前不在投票时间内',
  VOTE_DATES_INVALID: '投票结束日期不能早于开始日期',
  ENTRY_NOT_FOUND: '没有找到这条展示内容',
  // personal data
  CONSENT_REQUIRED: '请先阅读并同意《隐私保护指引》，再填写个人信息',
  CONSENT_VERSION_STALE: '隐私保护指引已更新，请重新阅读后同意',
  PHONE_CODE_INVALID: '没有取到手机号，请手动填写',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code)
}

/** Chinese text for a code; unknown codes get the generic message. */
export function messageFor(code: string): string {
  return isErrorCode(code) ? ERROR_MESSAGES[code] : ERROR_MESSAGES.INTERNAL
}

/** A rule broken on purpose: carries a stable code, never internals. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(ERROR_MESSAGES[code])
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}
