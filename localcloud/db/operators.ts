// Query and expression operators where mingo differs from MongoDB (what the cloud database runs),
// or that mingo lacks. Each follows MongoDB's own implementation (src/mongo/db/pipeline/expression.cpp,
// src/mongo/db/matcher): arguments, results and the errors it refuses with.
import type { ExpressionOperator, Options, QueryOperator } from 'mingo/core'
import { computeValue } from 'mingo/core'
import { $dateToString as mingoDateToString, $dayOfWeek, $dayOfYear } from 'mingo/operators/expression/date'
import { $elemMatch as mingoElemMatch } from 'mingo/operators/query'
import { Query } from 'mingo/query'
import { isOperator, resolve } from 'mingo/util'
import { isPlainObject } from './decode'

/**
 * $elemMatch with field conditions ({tags: {$elemMatch: {value: {$gt: 0}}}}) only looks at the
 * elements that are documents; mingo also tried numbers and strings, so [1, 2] matched. With
 * operators only ({$elemMatch: {$gt: 0}}) every element is a value to test: mingo's own.
 */
export const $elemMatch: QueryOperator = (selector, value, options) => {
  const valueForm =
    isPlainObject(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => isOperator(k) && !['$and', '$or', '$nor'].includes(k))
  if (valueForm || !isPlainObject(value)) return mingoElemMatch(selector, value, options)
  const query = new Query(value, options)
  return (obj) => {
    const found = resolve(obj, selector, { unwrapArray: true })
    if (!Array.isArray(found)) return false
    return found.some((el) => isPlainObject(el) && query.test(el))
  }
}

function fail(message: string): never {
  throw new Error(message)
}

/** UTC parts of the date argument ({date, timezone} too), as mingo's date operators read it; null for no date. */
function datePart(op: ExpressionOperator<number>, obj: Record<string, unknown>, expr: unknown, options: Options): number | null {
  const value = computeValue(obj, expr, null, options)
  if (value === null || value === undefined) return null
  if (isPlainObject(value) && (value.date === null || value.date === undefined)) return null
  return op(obj, expr, options)
}

/**
 * $week: the week of the year, 0 to 53, weeks starting on Sunday; days before the year's first
 * Sunday are week 0 (strftime's %U). mingo derived it from the ISO week and was one off on
 * some dates.
 */
export const $week: ExpressionOperator = (obj, expr, options) => {
  const yearDay = datePart($dayOfYear as ExpressionOperator<number>, obj, expr, options)
  if (yearDay === null) return null
  const weekDay = datePart($dayOfWeek as ExpressionOperator<number>, obj, expr, options) as number
  return Math.floor((yearDay - 1 + 7 - (weekDay - 1)) / 7)
}

/**
 * $dateToString: mingo's, but %U (the week of the year, 00-53) is MongoDB's $week, formatted
 * before mingo's own (the same wrong numbering as its $week) would be.
 */
export const $dateToString: ExpressionOperator = (obj, expr, options) => {
  const args = computeValue(obj, expr, null, options) as Record<string, unknown> | null
  if (!isPlainObject(args) || typeof args.format !== 'string' || !args.format.includes('%U')) return mingoDateToString(obj, expr, options)
  if (args.date === null || args.date === undefined) return mingoDateToString(obj, args, options)
  const week = $week(obj, { date: args.date, timezone: args.timezone }, options) as number
  const format = args.format.replace(/%[\s\S]/g, (token) => (token === '%U' ? String(week).padStart(2, '0') : token))
  return mingoDateToString(obj, { ...args, format }, options)
}

function nonNegativeInteger(value: unknown, op: string, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    fail(`${op} requires an integral ${what}, found a value of type: ${typeof value}`)
  if (value < 0) fail(`${op} requires a nonnegative ${what}, found: ${value}`)
  return value
}

/**
 * $indexOfCP: [string, substring, start?, end?] -> the code point index of the first match at or
 * after start and before end, or -1; null when the string is null or missing.
 */
export const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const args = computeValue(obj, expr, null, options) as unknown[]
  if (!Array.isArray(args) || args.length < 2 || args.length > 4) fail('Expression $indexOfCP takes at least 2 arguments, and at most 4')
  const [input, token, start, end] = args
  if (input === null || input === undefined) return null
  if (typeof input !== 'string') fail(`$indexOfCP requires a string as the first argument, found: ${typeof input}`)
  if (typeof token !== 'string')
    fail(`$indexOfCP requires a string as the second argument, found: ${token === null ? 'null' : typeof token}`)
  const text = [...input]
  const sought = [...token]
  const from = args.length > 2 ? nonNegativeInteger(start, '$indexOfCP', 'starting index') : 0
  const to = args.length > 3 ? Math.min(text.length, nonNegativeInteger(end, '$indexOfCP', 'ending index')) : text.length
  if (text.length === 0 && sought.length === 0 && from === 0) return 0
  for (let i = from; i < to; i++) {
    let hit = i + sought.length <= text.length
    for (let j = 0; hit && j < sought.length; j++) hit = text[i + j] === sought[j]
    if (hit) return i
  }
  return -1
}

/** MongoDB's string form of a value for string expressions (coerceToString). */
function coerceToString(value: unknown, op: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString()
  return fail(`${op}: can't convert from BSON type ${Array.isArray(value) ? 'array' : typeof value} to String`)
}

const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80

/**
 * $substrBytes: [string, start, length] in UTF-8 bytes. A negative length means "to the end of
 * the string"; a start or end inside a character is refused; past the end answers what is there.
 */
export const $substrBytes: ExpressionOperator = (obj, expr, options) => {
  const args = computeValue(obj, expr, null, options) as unknown[]
  if (!Array.isArray(args) || args.length !== 3) fail('Expression $substrBytes takes exactly 3 arguments')
  const bytes = Buffer.from(coerceToString(args[0], '$substrBytes'), 'utf8')
  const [, lower, length] = args
  if (typeof lower !== 'number') fail(`$substrBytes:  starting index must be a numeric type (is BSON type ${typeof lower})`)
  if (typeof length !== 'number') fail(`$substrBytes:  length must be a numeric type (is BSON type ${typeof length})`)
  const start = Math.trunc(lower)
  if (start < 0) fail(`$substrBytes:  starting index must be non-negative (got: ${start})`)
  const count = length < 0 ? bytes.length : Math.trunc(length)
  if (start < bytes.length && isContinuation(bytes[start])) {
    fail('$substrBytes:  Invalid range, starting index is a UTF-8 continuation byte.')
  }
  if (start + count < bytes.length && isContinuation(bytes[start + count])) {
    fail('$substrBytes:  Invalid range, ending index is in the middle of a UTF-8 character.')
  }
  if (start >= bytes.length) return ''
  return bytes.subarray(start, Math.min(bytes.length, start + count)).toString('utf8')
}
