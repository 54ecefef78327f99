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
