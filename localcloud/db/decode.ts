// EJSON in and out, plus the SDK's own encodings inside it:
//   { $tcb_server_date: { offset } }          db.serverDate({ offset })  -> the server's now + offset
//   { $regularExpression: { pattern, options } }  db.RegExp / JS RegExp -> a JS RegExp (for mingo)
//   { $date }, { $numberInt }, { $numberLong }, { $numberDouble }  plain EJSON
//   { $oid }  an ObjectId (a bson ObjectId the caller passed) -> its 24-hex string, which is what
//             the cloud answers for one (the SDK reads a returned ObjectId back as garbage)
// The SDK serialises query, update, data, projection, order and aggregate stages with
// EJSON.stringify(x, { relaxed: false }) and parses every returned document with EJSON.parse.
import { BSONRegExp, EJSON, Long, ObjectId } from 'bson'
import { invalidParam } from './errors'

export type Doc = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** JS RegExp flags for BSON options (BSON also knows l and x, which JS has no use for). */
function jsFlags(options: string): string {
  return [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('')
}

/**
 * Replaces the SDK's special values in a parsed EJSON tree: server dates become Dates at `now`
 * plus their offset, BSON regular expressions become JS RegExps, Longs become numbers, ObjectIds
 * their hex strings.
 * Returns a fresh tree of plain objects and arrays (never the input's containers).
 */
export function resolveSpecials(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => resolveSpecials(v, now))
  if (value instanceof Date) return new Date(value.getTime())
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsFlags(value.options))
  if (value instanceof RegExp) return value
  if (value instanceof Long) return value.toNumber()
  if (value instanceof ObjectId) return value.toHexString()
  if (!isPlainObject(value)) return value // Decimal128, Binary...: kept as they are
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === SERVER_DATE) {
    const spec = value[SERVER_DATE]
    const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0
    return new Date(now + offset)
  }
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    if (key === '__proto__') continue
    out[key] = resolveSpecials(value[key], now)
  }
  return out
}

/** Parses one EJSON string field of a request and resolves the SDK's special values. */
export function parseEjsonField(text: unknown, field: string, now: number): unknown {
  if (typeof text !== 'string') throw invalidParam(`${field} must be an EJSON string`)
  let parsed: unknown
  try {
    parsed = EJSON.parse(text, { relaxed: true })
  } catch (err) {
    throw invalidParam(`${field} is not valid EJSON (${(err as Error).message})`)
  }
  return resolveSpecials(parsed, now)
}

/** Like parseEjsonField, but the result must be an object. */
export function parseEjsonObject(text: unknown, field: string, now: number): Doc {
  const value = parseEjsonField(text, field, now)
  if (!isPlainObject(value)) throw invalidParam(`${field} must be an object`)
  return value
}

const INT32_MIN = -0x80000000
const INT32_MAX = 0x7fffffff
const INT64_MIN = -(2 ** 63)
const INT64_MAX = 2 ** 63

/** Thrown inside fastEncode for a value only bson knows how to write (ObjectId, Binary, RegExp...). */
const NOT_PLAIN = Symbol('not plain')

/** Canonical EJSON of a number, as bson writes it. */
function encodeNumber(n: number): string {
  if (Number.isInteger(n) && !Object.is(n, -0)) {
    if (n >= INT32_MIN && n <= INT32_MAX) return `{"$numberInt":"${n}"}`
    if (n >= INT64_MIN && n <= INT64_MAX) return `{"$numberLong":"${n}"}`
  }
  return `{"$numberDouble":"${Object.is(n, -0) ? '-0.0' : String(n)}"}`
}

/**
 * Canonical EJSON of a tree of plain objects, arrays, strings, numbers, booleans, null and Dates,
 * character for character what bson's EJSON.stringify writes, several times faster: documents
 * are encoded on every write (a busy activity, with its journal, many times a second in a rush).
 */
function fastEncode(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return encodeNumber(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'undefined':
      return 'null'
    case 'object': {
      if (value === null) return 'null'
      if (Array.isArray(value)) return `[${value.map(fastEncode).join(',')}]`
      if (value instanceof Date) return `{"$date":{"$numberLong":"${value.getTime()}"}}`
      if (!isPlainObject(value)) throw NOT_PLAIN
      const parts: string[] = []
      for (const key of Object.keys(value)) parts.push(`${JSON.stringify(key)}:${fastEncode(value[key])}`)
      return `{${parts.join(',')}}`
    }
    default:
      throw NOT_PLAIN
  }
}

/** Canonical EJSON of a document: what we store and what the SDK parses back (Dates stay Dates). */
export function encodeDoc(doc: unknown): string {
  try {
    return fastEncode(doc)
  } catch (err) {
    if (err !== NOT_PLAIN) throw err
    return EJSON.stringify(doc, { relaxed: false })
  }
}

/** Parses a stored document. */
export function decodeStoredDoc(text: string): Doc {
  return resolveSpecials(EJSON.parse(text, { relaxed: true }), 0) as Doc
}

/** A deep copy of a document tree: containers and Dates are copied, other values are shared. */
export function cloneDoc<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => cloneDoc(v)) as T
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = cloneDoc(value[key])
  return out as T
}
