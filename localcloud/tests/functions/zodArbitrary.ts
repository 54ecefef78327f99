// Inputs for property-based tests, generated from the zod 4 contracts: a small zod-schema-to-
// fast-check translator for the kinds our contracts use (object, string with min/max/regex,
// enum, number int/min/max, boolean, array, optional/nullable/default, record, union, literal,
// pipe), with real values mixed in by field name (ids of seeded documents, days of the week, ...)
// so that valid inputs reach deep paths, and junk mixed in so that invalid ones are tried too.
import fc from 'fast-check'
import type { z } from 'zod'
import { NO_CONTROL, NO_CONTROL_MULTILINE } from '../../../src/shared/contracts/text'

type Arb = fc.Arbitrary<unknown>

export interface GenOptions {
  /** Real values by field name (the key of the object field, or of the array holding the value). */
  pools?: Record<string, readonly unknown[]>
  /** Chance (0..1) that any one node is replaced by junk; 0 for inputs that try to be valid. */
  junk?: number
  /**
   * Keep to what the contract allows where a generator can tell (no control characters, lengths,
   * ranges and array sizes within the limits, real days, no extra keys), so that big forms pass
   * their contract and reach the function's own rules. Pooled values are mixed in either way.
   */
  valid?: boolean
}

const CONTROL_CHARS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u009f']
const PLAIN_UNITS: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'终身学习活动周东湖区读书会智慧助老手机课堂张王李刘'.split('')) },
  { weight: 4, arbitrary: fc.constantFrom(...'abcxyzABC0129-_.,:;!?()@#/'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👨‍👩‍👧', '$', '.*', '\\', '"', "'", '{', '%', '·', '—') },
)
const TEXT_UNITS: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'终身学习活动周东湖区读书会智慧助老手机课堂张王李刘'.split('')) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ' ',
      '\u3000',
      '\u200b',
      '\ufeff',
      '\u2028',
      '😀',
      '👨‍👩‍👧',
      '\ud800',
      '\udc00',
      '$',
      '.*',
      '\\',
      '"',
      "'",
      '{',
      '%',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL_CHARS) },
)

/** Any JSON value (what can reach a function over the wire), or a string made to hurt. */
export const junkArb: Arb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '$where',
    '.*',
    '{"$gt":""}',
    'x'.repeat(100_000),
    '终'.repeat(5000),
    -1,
    0,
    1.5,
    -0,
    1e308,
    -1e308,
    2 ** 53,
    true,
    null,
    [],
    {},
  ),
  fc.record({ $gt: fc.constant('') }),
  fc.string({ unit: TEXT_UNITS, maxLength: 40 }),
)

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url')
/** Cursors a client could send back: forged, of the wrong kind, out of range. */
export const weirdCursors: string[] = [
  b64(['x', 'y']),
  b64([1e308, 'x']),
  b64([-1e20, 'x']),
  b64([8.64e15 + 1, 'x']),
  b64([8.64e15, 'x']),
  b64([-8.64e15, 'x']),
  b64([0, 'x']),
  b64([Date.now(), 'zzz']),
  b64([1.5, 'x']),
  b64([0, '']),
  b64([0, 1]),
  b64({ key: 0, id: 'x' }),
  b64(null),
  b64([null, 'x']),
  b64([0, 'x\u0000']),
  b64([0, { $gt: '' }]),
  'bm90LWEtY3Vyc29y',
  '',
  '!!!',
  '\u0000',
]

function checksOf(def: any): any[] {
  return (def.checks ?? []).map((c: any) => c._zod.def)
}

function stringArb(def: any, valid: boolean): Arb {
  const checks = checksOf(def)
  let min = 0
  let max = 60
  let regex: RegExp | undefined
  let multiline = false
  let custom = false
  for (const c of checks) {
    if (c.check === 'min_length') min = c.minimum
    else if (c.check === 'max_length') max = c.maximum
    else if (c.check === 'string_format' && c.format === 'regex') {
      if (c.pattern.source === NO_CONTROL_MULTILINE.source) multiline = true
      else if (c.pattern.source !== NO_CONTROL.source) regex = c.pattern
    } else if (c.check === 'custom') custom = true
  }
  if (custom) {
    // The one refined string of the contracts is a day (YYYY-MM-DD): real days, and near misses.
    const days = fc
      .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    if (valid) return days
    return fc.oneof(days, fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-1-1', '2026-12-01T00:00'))
  }
  if (regex) {
    const matching = fc.stringMatching(regex)
    if (valid) return matching.filter((s) => s.length >= min && s.length <= max && s === s.trim() && NO_CONTROL.test(s))
    return fc.oneof({ weight: 4, arbitrary: matching.filter((s) => s.length <= max) }, { weight: 1, arbitrary: matching })
  }
  const cap = Math.min(max, 80)
  if (valid) {
    const unit = multiline
      ? fc.oneof({ weight: 8, arbitrary: PLAIN_UNITS }, { weight: 1, arbitrary: fc.constantFrom('\n', '\t') })
      : PLAIN_UNITS
    return fc
      .string({ unit, minLength: Math.min(min, cap), maxLength: cap })
      .map((s) => s.trim())
      .filter((s) => s.length >= min && s.length <= max)
  }
  const unit = multiline
    ? fc.oneof({ weight: 8, arbitrary: TEXT_UNITS }, { weight: 1, arbitrary: fc.constantFrom('\n', '\t', '\r\n') })
    : TEXT_UNITS
  return fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit, minLength: Math.min(min, cap), maxLength: cap }) },
    // around the limits
    { weight: 1, arbitrary: fc.constantFrom(max, max + 1, Math.max(0, min - 1)).map((n) => '学'.repeat(n)) },
    { weight: 1, arbitrary: fc.string({ unit, minLength: 0, maxLength: 3 }).map((s) => `  ${s}\t `) },
  )
}

function numberArb(def: any, valid: boolean): Arb {
  let min = -Infinity
  let max = Infinity
  let int = false
  for (const c of checksOf(def)) {
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true
    else if (c.check === 'greater_than') min = c.inclusive ? c.value : c.value + (int ? 1 : Number.EPSILON)
    else if (c.check === 'less_than') max = c.inclusive ? c.value : c.value - (int ? 1 : Number.EPSILON)
  }
  const edges = [0, -1, 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e15, -8.64e15, 8.64e15 + 1, 1e15, Date.now()]
  const inRange = edges.filter((n) => n >= min && n <= max)
  if (int) {
    const lo = Number.isFinite(min) ? min : -Number.MAX_SAFE_INTEGER
    const hi = Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER
    const parts: Arb[] = [fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) })]
    if (valid) return inRange.length ? fc.oneof(parts[0], fc.constantFrom(...inRange)) : parts[0]
    if (Number.isFinite(min) || Number.isFinite(max)) parts.push(fc.constantFrom(...[lo, hi, lo - 1, hi + 1].filter(Number.isFinite)))
    if (inRange.length) parts.push(fc.constantFrom(...inRange))
    parts.push(fc.maxSafeInteger())
    return fc.oneof(...parts)
  }
  // Non-integers: within the bounds when asked for valid values; else anything, the bounds and just past them.
  const bounded = fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(Number.isFinite(min) ? { min } : {}),
    ...(Number.isFinite(max) ? { max } : {}),
  })
  if (valid) return inRange.length ? fc.oneof(bounded, fc.constantFrom(...inRange)) : bounded
  const limits = [min, max, min - 1, max + 1].filter(Number.isFinite)
  return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...edges, ...limits))
}

/** Keys whose values come from pools when the pool has any. Array fields use their singular. */
function poolFor(pools: Record<string, readonly unknown[]> | undefined, key: string | undefined): readonly unknown[] | undefined {
  if (!pools || !key) return undefined
  const pool = pools[key] ?? (key.endsWith('s') ? pools[key.slice(0, -1)] : undefined)
  return pool && pool.length ? pool : undefined
}

/** An arbitrary of inputs for `schema`: mostly valid, with pooled real values and some junk. */
export function arbitraryOf(schema: z.ZodTypeAny, opts: GenOptions = {}, key?: string): Arb {
  const def: any = (schema as any)._zod.def
  const inner = (s: any, k = key) => arbitraryOf(s, opts, k)
  let arb: Arb
  switch (def.type) {
    case 'string':
      arb = stringArb(def, !!opts.valid)
      break
    case 'number':
      arb = numberArb(def, !!opts.valid)
      break
    case 'boolean':
      arb = fc.boolean()
      break
    case 'enum':
      arb = fc.constantFrom(...Object.values(def.entries))
      break
    case 'literal':
      arb = fc.constantFrom(...def.values)
      break
    case 'never':
      arb = junkArb
      break
    case 'optional':
    case 'default':
    case 'prefault':
      arb = fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: inner(def.innerType) })
      break
    case 'nullable':
      arb = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: inner(def.innerType) })
      break
    case 'array': {
      const checks = checksOf(def)
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 10
      const element = inner(def.element)
      if (opts.valid) {
        arb = fc.array(element, { minLength: min, maxLength: Math.min(max, min + 3) })
        break
      }
      arb = fc.oneof(
        { weight: 6, arbitrary: fc.array(element, { minLength: min, maxLength: Math.min(max, min + 3) }) },
        // the limits: the most allowed and one more
        {
          weight: 1,
          arbitrary: fc.constantFrom(max, max + 1, Math.max(0, min - 1)).chain((n) => fc.array(element, { minLength: n, maxLength: n })),
        },
      )
      break
    }
    case 'object': {
      const model: Record<string, Arb> = {}
      const required: string[] = []
      for (const [k, v] of Object.entries(def.shape as Record<string, any>)) {
        model[k] = inner(v, k)
        const t = v._zod.def.type
        if (t !== 'optional' && t !== 'default' && t !== 'prefault') required.push(k)
      }
      let record: Arb = fc.record(model, { requiredKeys: required })
      // An object refined as a whole (one unit of the 总结表: a district or a city, not both): valid
      // inputs are the generated ones the refinement takes.
      if (opts.valid && (def.checks ?? []).length > 0) record = record.filter((v) => schema.safeParse(v).success)
      if (opts.valid) {
        arb = record
        break
      }
      const extra = fc.dictionary(fc.constantFrom('extra', '_id', 'openid', '__proto__', 'constructor', '$where'), junkArb, { maxKeys: 2 })
      arb = fc.oneof(
        { weight: 9, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...(r as object) })) },
      )
      break
    }
    case 'record': {
      const keyDef = def.keyType._zod.def
      if (keyDef.type === 'enum') {
        const keys = Object.values(keyDef.entries) as string[]
        const model = Object.fromEntries(keys.map((k) => [k, inner(def.valueType, k)]))
        arb = fc.record(model, { requiredKeys: def.partial ? [] : keys })
      } else {
        arb = fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType), { maxKeys: 4 })
      }
      break
    }
    case 'union':
      arb = fc.oneof(...def.options.map((o: any) => inner(o)))
      break
    case 'pipe':
      // A valid input is what the output side takes (an invite code typed as normalised); else any input.
      arb = opts.valid && def.out._zod.def.type !== 'transform' ? inner(def.out) : inner(def.in)
      break
    case 'transform':
      arb = fc.string({ unit: TEXT_UNITS, maxLength: 20 })
      break
    default:
      throw new Error(`zodArbitrary: no generator for zod type ${def.type}`)
  }
  let pool = def.type === 'string' || def.type === 'number' ? poolFor(opts.pools, key) : undefined
  // A pool is by field name only ('id' of an activity, of a lesson...): valid inputs take the values that fit.
  if (pool && opts.valid) pool = pool.filter((v) => schema.safeParse(v).success)
  if (pool && pool.length === 0) pool = undefined
  if (pool) arb = fc.oneof({ weight: 1, arbitrary: arb }, { weight: 3, arbitrary: fc.constantFrom(...pool) })
  if (opts.junk && opts.junk > 0) {
    const n = Math.max(1, Math.round(opts.junk * 1000))
    arb = fc.oneof({ weight: 1000 - n, arbitrary: arb }, { weight: n, arbitrary: junkArb })
  }
  return arb
}

/** What a client can send: the value after a JSON round trip (undefined keys dropped, -0 -> 0). */
export function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : JSON.parse(text)
}
