// The compound indexes config/environment.ts declares (e.g. registrations' activityId, status,
// waitKey), kept as MongoDB keeps them: the documents grouped by the values of all fields but the
// last, each group sorted by the last field. A count with an equality (or $in) on each leading
// field and an equality, $in or range on the last one is then answered by binary search, as
// MongoDB's COUNT_SCAN answers it, instead of testing every document that shares the leading values.
//
// Exact only where the postings are: documents whose every field holds a string, number, boolean
// or date (not null, missing, a document) are indexed; those cannot match such a query otherwise.
// While any document holds an array on (or through) one of the fields the index answers nothing
// (MongoDB matches an array by any element, and a range by elements meeting each bound apart).
import { isPlainObject, type Doc } from './decode'
import { comparable, hashOf, isExactValue, typeOf, type Bounds, type FieldPlan, type Scalar } from './indexes'

const ARRAY = Symbol('array')
const TYPE_RANK = { n: 0, s: 1, d: 2, b: 3 } as const
/** $in lists on the leading fields making more groups than this are left to the field indexes. */
const MAX_GROUPS = 1000

interface Entry {
  rank: number
  value: string | number | boolean
  seq: number
  key: string
}

/** The value at a path through documents only; ARRAY when an array is on the way or there. */
function flatValue(doc: Doc, parts: string[]): unknown {
  let cur: unknown = doc
  for (const part of parts) {
    if (Array.isArray(cur)) return ARRAY
    if (!isPlainObject(cur)) return undefined
    cur = cur[part]
  }
  return Array.isArray(cur) ? ARRAY : cur
}

/** Orders entries by the last field's type, then its value, then stored order. */
function before(a: Pick<Entry, 'rank' | 'value' | 'seq'>, b: Entry): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank
  if (a.value !== b.value) return a.value < b.value
  return a.seq < b.seq
}

/** The first position in `list` (ordered so `below` holds for a leading part) where `below` fails. */
function lowerBound(list: Entry[], below: (e: Entry) => boolean): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (below(list[mid])) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class CompoundIndex {
  private readonly paths: string[][]
  private readonly groups = new Map<string, Entry[]>()
  private readonly where = new Map<string, { group: string; entry: Entry }>()
  /** Keys of documents holding an array on one of the fields. */
  private readonly arrays = new Set<string>()

  constructor(readonly fields: readonly string[]) {
    this.paths = fields.map((f) => f.split('.'))
  }

  /** Indexes a stored document (its insertion order `seq`); replace = remove, then add. */
  add(key: string, seq: number, doc: Doc): void {
    const values = this.paths.map((parts) => flatValue(doc, parts))
    if (values.includes(ARRAY)) {
      this.arrays.add(key)
      return
    }
    if (!values.every(isExactValue)) return
    const scalars = values as Scalar[]
    const last = scalars[scalars.length - 1]
    const group = JSON.stringify(scalars.slice(0, -1).map(hashOf))
    const entry: Entry = { rank: TYPE_RANK[typeOf(last)], value: comparable(last), seq, key }
    let list = this.groups.get(group)
    if (!list) this.groups.set(group, (list = []))
    list.splice(
      lowerBound(list, (e) => before(e, entry)),
      0,
      entry,
    )
    this.where.set(key, { group, entry })
  }

  remove(key: string): void {
    if (this.arrays.delete(key)) return
    const at = this.where.get(key)
    if (!at) return
    this.where.delete(key)
    const list = this.groups.get(at.group)
    if (!list) return
    const i = lowerBound(list, (e) => before(e, at.entry))
    if (list[i] === at.entry) list.splice(i, 1)
    if (list.length === 0) this.groups.delete(at.group)
  }

  /**
   * How many documents meet `plans` (exact plans, indexes.ts exactPlans), or null when this index
   * cannot tell: the plans must be one per field of the index, equalities on the leading fields.
   */
  count(plans: FieldPlan[]): number | null {
    if (this.arrays.size > 0 || plans.length !== this.fields.length) return null
    const byField = new Map(plans.map((p) => [p.field, p]))
    if (byField.size !== plans.length || !this.fields.every((f) => byField.has(f))) return null
    const leading: Scalar[][] = []
    for (const field of this.fields.slice(0, -1)) {
      const plan = byField.get(field) as FieldPlan
      if (!('equal' in plan)) return null
      leading.push(distinct(plan.equal))
    }
    const lastPlan = byField.get(this.fields[this.fields.length - 1]) as FieldPlan
    const ranges: Bounds[] =
      'equal' in lastPlan
        ? distinct(lastPlan.equal).map((v) => ({ type: typeOf(v), gte: comparable(v), lte: comparable(v) }))
        : [lastPlan.bounds]
    const combos = product(leading)
    if (combos.length > MAX_GROUPS) return null
    let n = 0
    for (const combo of combos) {
      const list = this.groups.get(JSON.stringify(combo.map(hashOf)))
      if (list) for (const bounds of ranges) n += countWithin(list, bounds)
    }
    return n
  }

  /**
   * The keys of the documents meeting `plans` (one equality of one value per leading field, nothing
   * on the last) in ascending order of the last field, then stored order: what a sort on the last
   * field gives, when the group holds one type of value and `expected` documents, so that none
   * that matches lacks a value there (a missing one sorts first). Null when it cannot tell.
   */
  ascending(plans: FieldPlan[], expected: number): string[] | null {
    if (this.arrays.size > 0 || plans.length !== this.fields.length - 1) return null
    const values: Scalar[] = []
    for (const field of this.fields.slice(0, -1)) {
      const plan = plans.find((p) => p.field === field)
      if (!plan || !('equal' in plan) || distinct(plan.equal).length !== 1) return null
      values.push(plan.equal[0])
    }
    const list = this.groups.get(JSON.stringify(values.map(hashOf))) ?? []
    if (list.length !== expected || (list.length > 0 && list[0].rank !== list[list.length - 1].rank)) return null
    return list.map((e) => e.key)
  }
}

function distinct(values: Scalar[]): Scalar[] {
  const seen = new Map<string, Scalar>()
  for (const v of values) if (!seen.has(hashOf(v))) seen.set(hashOf(v), v)
  return [...seen.values()]
}

function product(lists: Scalar[][]): Scalar[][] {
  return lists.reduce<Scalar[][]>((acc, list) => acc.flatMap((combo) => list.map((v) => [...combo, v])), [[]])
}

/** Entries of a group within the bounds (all of one type). */
function countWithin(list: Entry[], bounds: Bounds): number {
  const rank = TYPE_RANK[bounds.type]
  const { gt, gte, lt, lte } = bounds
  type V = string | number | boolean
  const belowLow = (v: V) => (gt !== undefined && !(v > gt)) || (gte !== undefined && !(v >= gte))
  const notAboveHigh = (v: V) => (lt === undefined || v < lt) && (lte === undefined || v <= lte)
  const from = lowerBound(list, (e) => (e.rank !== rank ? e.rank < rank : belowLow(e.value)))
  const to = lowerBound(list, (e) => (e.rank !== rank ? e.rank < rank : notAboveHigh(e.value)))
  return Math.max(0, to - from)
}
