import { z } from 'zod'

/**
 * Control characters: C0 (U+0000-U+001F, NUL included), DEL and C1 (U+0080-U+009F). Nothing a
 * person types; the database refuses some of them (a NUL in a regular expression), and the rest
 * would end up in the 总结表, notices and exports.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
export const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/
/** The same, but line feeds, carriage returns and tabs are kept (text typed in a TextArea). */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
export const NO_CONTROL_MULTILINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/

export interface TextOptions {
  /** Characters at most (after trimming). Every free-text field has a limit. */
  max: number
  /** Characters at least (after trimming); default 0. */
  min?: number
  /** Keep \n, \r and \t (descriptions, comments, typed 总结表 rows); default false: one line. */
  multiline?: boolean
  /** Trim surrounding white space first; default true. */
  trim?: boolean
}

/**
 * The one schema of every free-text field of every contract (names, keywords, comments,
 * descriptions, addresses, ...): trimmed, with a length limit, refusing control characters.
 */
export function textSchema({ max, min = 0, multiline = false, trim = true }: TextOptions) {
  let schema = z.string()
  if (trim) schema = schema.trim()
  if (min > 0) schema = schema.min(min)
  return schema.max(max).regex(multiline ? NO_CONTROL_MULTILINE : NO_CONTROL, { message: 'control characters are not allowed' })
}
