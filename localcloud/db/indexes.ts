// Field indexes of the local database, so a filter's cost follows the documents it can match, as
// on the cloud (where every query the functions make has an index), instead of the collection's
// size. For reads and writes they only narrow the documents a query is tested on: every candidate
// still goes through the full matcher, so an index changes speed, never results. They also serve
// joins ($lookup: store.ts equalTo, the same postings an equality uses), counts made only of
// conditions they answer exactly (exactPlans below; store.ts exactCount) and sorted reads on a
// compound index (store.ts sortedHead), all checked against the matcher by tests/db/indexes.test.ts.
//
// The fields of the indexes config/environment.ts declares are indexed from the start (a compound
// index as one index per field: the planner below picks the field that narrows most; it is also
// kept whole, sorted, for counts: compound.ts). Any other
// field gets an index the first time a collection of at least INDEX_MIN_DOCS documents is queried
// on it by equality ({f: v}, $eq, $in) or by a range ($gt, $gte, $lt, $lte). Each is kept up to
// date on every write (store.ts). Whether a query is covered by a declared index, as the cloud
// needs, is checked apart from this (coverage.ts). Values indexed: strings, numbers, booleans and dates,
// at the field's path through arrays and arrays of documents as MongoDB's equality sees them
// (lookup.ts equalityKeys). Used only where it gives a superset of the matches:
//  - equality and $in with such values (not null: null also matches a missing field);
//  - a range only while no indexed document holds an array on the path (MongoDB matches an array
//    when each bound is met by some element, not necessarily the same one) and with bounds of one
//    type (MongoDB compares within a type: {$gte: 'a'} matches strings only).
import { isPlainObject, type Doc } from './decode'
import { equalityKeys } from './lookup'

/** Collections smaller than this are scanned: an index would cost more than it saves. */
export const INDEX_MIN_DOCS = 1000

export type Scalar = string | number | boolean | Date

/** A value the indexes hold: a string, a number (not NaN), a boolean or a date. */
export function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v)) || typeof v === 'boolean' || v instanceof Date
}

/** The type bracket and the comparable form of a scalar. */
export function typeOf(v: Scalar): 's' | 'n' | 'b' | 'd' {
  return typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 'd'
}
export const comparable = (v: Scalar): string | number | boolean => (v instanceof Date ? v.getTime() : v)
export const hashOf = (v: Scalar): string => `${typeOf(v)}:${String(comparable(v))}`

interface Posting {
  value: Scalar
  keys: Set<string>
}

export class FieldIndex {
  private readonly parts: string[]
  private readonly postings = new Map<string, Posting>()
  /** Documents holding an array on the path (a range cannot be planned while there is one). */
  private arrays = 0

  constructor(readonly field: string) {
    this.parts = field.split('.')
  }

  private valuesOf(doc: Doc): { scalars: Scalar[]; array: boolean } {
    const found: unknown[] = []
    equalityKeys(doc, this.parts, 0, found)
    return { scalars: found.filter(isScalar), array: found.some(Array.isArray) || this.throughArray(doc) }
  }

  /** Whether the path passes through an array of documents on the way. */
  private throughArray(doc: Doc): boolean {
    let cur: unknown = doc
    for (let i = 0; i < this.parts.length - 1; i++) {
      if (Array.isArray(cur)) return true
      if (!isPlainObject(cur)) return false
      cur = cur[this.parts[i]]
    }
    return Array.isArray(cur)
  }

  add(key: string, doc: Doc): void {
    const { scalars, array } = this.valuesOf(doc)
    if (array) this.arrays++
    for (const v of scalars) {
      const h = hashOf(v)
      const p = this.postings.get(h)
      if (p) p.keys.add(key)
      else this.postings.set(h, { value: v, keys: new Set([key]) })
    }
  }

  remove(key: string, doc: Doc): void {
    const { scalars, array } = this.valuesOf(doc)
    if (array) this.arrays--
    for (const v of scalars) {
      const h = hashOf(v)
      const p = this.postings.get(h)
      if (!p) continue
      p.keys.delete(key)
      if (p.keys.size === 0) this.postings.delete(h)
    }
  }

  /** How many keys `equal` or `range` would answer at most (without collecting them); null as range's. */
  count(plan: FieldPlan): number | null {
    if ('equal' in plan) {
      let n = 0
      for (const v of plan.equal) n += this.postings.get(hashOf(v))?.keys.size ?? 0
      return n
    }
    if (this.arrays > 0) return null
    let n = 0
    for (const p of this.postings.values()) if (inBounds(p.value, plan.bounds)) n += p.keys.size
    return n
  }

  /**
   * Whether no indexed document holds an array on the path or passes through one: each then has
   * one value there at most, and an equality or range on the field matches exactly the documents
   * its postings hold (see exactPlans).
   */
  get flat(): boolean {
    return this.arrays === 0
  }

  /** Whether a document meets `plan` by its values on the path, as the postings would say. */
  tester(plan: FieldPlan): (doc: Doc) => boolean {
    const hashes = 'equal' in plan ? new Set(plan.equal.map(hashOf)) : null
    const meets = (v: Scalar) => (hashes ? hashes.has(hashOf(v)) : inBounds(v, (plan as { bounds: Bounds }).bounds))
    return (doc) => {
      const found: unknown[] = []
      equalityKeys(doc, this.parts, 0, found)
      return found.some((v) => isScalar(v) && meets(v))
    }
  }

  /** Keys of documents equal to (or holding) one of `values`. */
  equal(values: Scalar[]): Set<string> {
    const out = new Set<string>()
    for (const v of values) for (const k of this.postings.get(hashOf(v))?.keys ?? []) out.add(k)
    return out
  }

  /** Keys of documents whose value lies within the bounds, or null when a range cannot be planned. */
  range(bounds: Bounds): Set<string> | null {
    if (this.arrays > 0) return null
    const out = new Set<string>()
    for (const p of this.postings.values()) if (inBounds(p.value, bounds)) for (const k of p.keys) out.add(k)
    return out
  }
}

function inBounds(value: Scalar, bounds: Bounds): boolean {
  if (typeOf(value) !== bounds.type) return false
  const v = comparable(value)
  if (bounds.gt !== undefined && !(v > bounds.gt)) return false
  if (bounds.gte !== undefined && !(v >= bounds.gte)) return false
  if (bounds.lt !== undefined && !(v < bounds.lt)) return false
  if (bounds.lte !== undefined && !(v <= bounds.lte)) return false
  return true
}

export interface Bounds {
  type: 's' | 'n' | 'b' | 'd'
  gt?: string | number | boolean
  gte?: string | number | boolean
  lt?: string | number | boolean
  lte?: string | number | boolean
}

/** What an index can serve of one field's condition. */
export type FieldPlan = { field: string; equal: Scalar[] } | { field: string; bounds: Bounds }

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const

/** The plan for one condition on a field, or null when none serves it. */
function planCondition(field: string, cond: unknown): FieldPlan | null {
  if (isScalar(cond)) return { field, equal: [cond] }
  if (!isPlainObject(cond)) return null
  const ops = Object.keys(cond)
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return null
  if ('$eq' in cond && isScalar(cond.$eq)) return { field, equal: [cond.$eq] }
  if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.length > 0 && cond.$in.every(isScalar)) return { field, equal: cond.$in }
  const bounds: Partial<Bounds> = {}
  for (const op of RANGE_OPS) {
    const v = cond[op]
    if (v === undefined || !isScalar(v)) continue
    const t = typeOf(v)
    if (bounds.type && bounds.type !== t) return null
    bounds.type = t
    bounds[op.slice(1) as 'gt' | 'gte' | 'lt' | 'lte'] = comparable(v)
  }
  return bounds.type ? { field, bounds: bounds as Bounds } : null
}

/** Conditions an index could serve, from a query's top level and its top-level $and. */
export function planQuery(query: Doc): FieldPlan[] {
  const plans: FieldPlan[] = []
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const clause of cond) if (isPlainObject(clause)) plans.push(...planQuery(clause))
      continue
    }
    // _id is looked up directly (actions/context.ts); a numeric part may be an array position.
    if (key.startsWith('$') || key === '_id' || key.split('.').some((p) => /^\d+$/.test(p))) continue
    const plan = planCondition(key, cond)
    if (plan) plans.push(plan)
  }
  return plans
}

/** A value an exact plan compares with: a scalar, not an invalid date. */
export const isExactValue = (v: unknown): v is Scalar => isScalar(v) && !(v instanceof Date && Number.isNaN(v.getTime()))

/** The exact plan of one condition: a value, $eq or $in of values, or a range of one type (not booleans); else null. */
function exactCondition(field: string, cond: unknown): FieldPlan | null {
  if (isExactValue(cond)) return { field, equal: [cond] }
  if (!isPlainObject(cond)) return null
  const ops = Object.keys(cond)
  if (ops.length === 1 && ops[0] === '$eq') return isExactValue(cond.$eq) ? { field, equal: [cond.$eq] } : null
  if (ops.length === 1 && ops[0] === '$in') {
    const values = cond.$in
    return Array.isArray(values) && values.length > 0 && values.every(isExactValue) ? { field, equal: values } : null
  }
  if (ops.length === 0 || !ops.every((op) => (RANGE_OPS as readonly string[]).includes(op) && isExactValue(cond[op]))) return null
  const plan = planCondition(field, cond)
  return plan && 'bounds' in plan && plan.bounds.type !== 'b' ? plan : null
}

/**
 * The plans of a query made only of conditions field indexes answer exactly, or null when anything
 * else is in it: each key of the query (or of a clause of its top-level $and) a field, not _id,
 * without numeric parts, compared by a value, $eq or $in of values (strings, numbers, booleans,
 * dates) or a range of strings, numbers or dates. On fields whose indexes are flat, the documents
 * every plan's postings hold are exactly those the query matches (store.ts exactCount).
 */
export function exactPlans(query: Doc): FieldPlan[] | null {
  const plans: FieldPlan[] = []
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and') {
      if (!Array.isArray(cond) || cond.length === 0) return null
      for (const clause of cond) {
        const inner = isPlainObject(clause) ? exactPlans(clause) : null
        if (!inner) return null
        plans.push(...inner)
      }
      continue
    }
    if (key.startsWith('$') || key === '_id' || key.split('.').some((p) => p === '' || /^\d+$/.test(p))) return null
    const plan = exactCondition(key, cond)
    if (!plan) return null
    plans.push(plan)
  }
  return plans.length > 0 ? plans : null
}

/** Candidate keys for one plan through its index (null: the index cannot serve it). */
export function keysFor(index: FieldIndex, plan: FieldPlan): Set<string> | null {
  return 'equal' in plan ? index.equal(plan.equal) : index.range(plan.bounds)
}

/** A plan this selective (a share of the collection) is taken without looking at the others. */
export const SELECTIVE_ENOUGH = 0.05
