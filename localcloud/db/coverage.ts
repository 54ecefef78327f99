// Index coverage of the queries the functions make, in the spirit of MongoDB's `notablescan`: the
// local database knows the indexes config/environment.ts declares (the ones `npm run deploy` makes
// on the real cloud), records the shape of every query (collection, the fields its filter
// constrains, its sort, aggregations' leading $match and every $lookup's join field) and, when
// enforcing (LOCALCLOUD_NOTABLESCAN=1, set for jest by localcloud/tests/notablescan.ts), refuses a
// query no declared index covers, so a test sees it.
//
// The rules (MongoDB's, kept pragmatic: an index is usable when its FIRST field is bounded):
//  - a filter is covered when it constrains `_id` (equality or $in) or the first field of a declared
//    index of the collection, by equality ({f: v}, $eq, $all, $elemMatch, a whole sub-document), $in
//    or a range ($gt, $gte, $lt, $lte); conditions under a top-level $and count as the filter's own;
//    an $or is covered when every one of its branches is ($nor, $ne, $nin, $exists, $regex and $not
//    bound nothing). An `_id` range is a page's cursor ({activityId, _id: {$gt: last}}): it covers
//    nothing, or a paged read by an unindexed field would pass as a walk of the `_id` index;
//  - a filter that constrains nothing (but such a cursor) is covered when the sort's first field is
//    `_id` or an index's first field (the index is walked in order, as MongoDB's notablescan allows);
//  - any query is covered on a collection marked `scan` in config/environment.ts (small and bounded:
//    scanning it is the plan);
//  - a $lookup is covered when its foreignField is `_id` or an index's first field of the joined
//    collection; a pipeline lookup when its leading $match (fields, or $expr $eq / range on `$field`)
//    is covered there, as above;
//  - only the queries cloud functions make are refused (their requests carry the function's name,
//    gateway/callTag.ts); the seeder's and the tests' own reads are recorded only;
//  - collections the environment does not describe are not checked (the database's own tests use
//    made-up ones; a test keeps the functions' collections and the description equal).
import type { EnvironmentSpec } from '../../config/environment'
import { isPlainObject, type Doc } from './decode'
import { DbError } from './errors'

/** The request URL parameter naming the cloud function a database request comes from. */
export const FUNCTION_TAG = 'localcloudFn'

export type QueryKind = 'get' | 'count' | 'update' | 'remove' | 'aggregate' | 'lookup'

/** What a filter bounds: constrained fields (with how) and $or groups, each a list of branches. */
export interface FilterShape {
  /** field -> 'eq' | 'in' | 'range' (the first way it is bounded). */
  bound: Record<string, 'eq' | 'in' | 'range'>
  /** Fields named in conditions that bound nothing ($ne, $nin, $exists, $regex...). */
  unbound: string[]
  or: FilterShape[][]
}

export interface QueryUse {
  kind: QueryKind
  collection: string
  filter: FilterShape
  sort?: string[]
  /** For lookups: the collection the join starts from. */
  via?: string
}

export interface RecordedShape extends QueryUse {
  /** The cloud function that made it; undefined for the seeder's and tests' own requests. */
  fn?: string
  /** A readable one-line form, also the key shapes are counted under. */
  text: string
  covered: boolean
  /** Whether config/environment.ts describes the collection (only those are checked). */
  declared: boolean
  count: number
}

const RANGE = new Set(['$gt', '$gte', '$lt', '$lte'])
const EQUAL = new Set(['$eq', '$all', '$elemMatch'])

function emptyShape(): FilterShape {
  return { bound: {}, unbound: [], or: [] }
}

/** A segment that is data, not a field name: an array position, or a key holding an id. */
const DATA_SEGMENT = [
  /^\d+$/,
  // a hash or hex id (`pending.r~3f2a…`)
  /[0-9a-f]{12,}/i,
  // a made id of letters and digits, 8 characters or more (`held.nm<time><random>`); no field name is one
  /^(?=[^.]*\d)(?=[^.]*[a-z])[a-z0-9~_-]{8,}$/i,
]

/**
 * A field path with its data-made segments (a key holding an id, like `pending.r~3f2a…` or
 * `held.nmmxcul640h…`, or an array position) as `*`, so one query makes one shape whatever
 * document it is about.
 */
export function fieldPattern(field: string): string {
  return field
    .split('.')
    .map((p) => (DATA_SEGMENT.some((re) => re.test(p)) ? '*' : p))
    .join('.')
}

function bind(shape: FilterShape, field: string, how: 'eq' | 'in' | 'range'): void {
  const f = fieldPattern(field)
  if (!(f in shape.bound)) shape.bound[f] = how
}

/** How a condition on one field bounds it, or null when it does not. */
function conditionBound(cond: unknown): 'eq' | 'in' | 'range' | null {
  if (cond instanceof RegExp) return null
  if (!isPlainObject(cond)) return 'eq' // a scalar, null, a date, an array: equality
  const ops = Object.keys(cond)
  if (ops.length === 0 || !ops.some((op) => op.startsWith('$'))) return 'eq' // a whole sub-document
  if (ops.some((op) => EQUAL.has(op))) return 'eq'
  if ('$in' in cond && Array.isArray(cond.$in)) return 'in'
  if (ops.some((op) => RANGE.has(op))) return 'range'
  return null
}

/** A field path from an aggregation expression operand ('$personId'), or null. */
function fieldRef(v: unknown): string | null {
  return typeof v === 'string' && v.startsWith('$') && !v.startsWith('$$') ? v.slice(1) : null
}

/** $expr's index-usable comparisons: $eq and ranges of a field against anything, under $and. */
function exprShape(expr: unknown, shape: FilterShape): void {
  if (!isPlainObject(expr)) return
  for (const [op, args] of Object.entries(expr)) {
    if (op === '$and' && Array.isArray(args)) {
      for (const a of args) exprShape(a, shape)
      continue
    }
    if ((op === '$eq' || RANGE.has(op)) && Array.isArray(args) && args.length === 2) {
      const [a, b] = args
      const field = fieldRef(a) ?? fieldRef(b)
      if (field) bind(shape, field, op === '$eq' ? 'eq' : 'range')
      continue
    }
    if (op === '$or' && Array.isArray(args)) {
      shape.or.push(
        args.map((a) => {
          const branch = emptyShape()
          exprShape(a, branch)
          return branch
        }),
      )
    }
  }
}

/** The shape of a query filter (a find/count/update/remove query or a $match). */
export function filterShape(query: Doc | undefined): FilterShape {
  const shape = emptyShape()
  for (const [key, cond] of Object.entries(query ?? {})) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const clause of cond) {
        if (!isPlainObject(clause)) continue
        const inner = filterShape(clause)
        for (const [f, how] of Object.entries(inner.bound)) bind(shape, f, how)
        shape.unbound.push(...inner.unbound)
        shape.or.push(...inner.or)
      }
    } else if (key === '$or' && Array.isArray(cond)) {
      shape.or.push(cond.map((c) => filterShape(isPlainObject(c) ? c : {})))
    } else if (key === '$expr') {
      exprShape(cond, shape)
    } else if (key.startsWith('$')) {
      shape.unbound.push(key)
    } else {
      const how = conditionBound(cond)
      if (how) bind(shape, key, how)
      else shape.unbound.push(fieldPattern(key))
    }
  }
  return shape
}

/** Whether the filter constrains nothing but (at most) a range of `_id`, a page's cursor. */
export function boundsNothing(shape: FilterShape): boolean {
  return Object.entries(shape.bound).every(([f, how]) => f === '_id' && how === 'range') && shape.or.length === 0
}

export function filterCovered(shape: FilterShape, leading: ReadonlySet<string>): boolean {
  // An `_id` range is a page's cursor over whatever else the filter bounds: it covers nothing.
  if (Object.entries(shape.bound).some(([f, how]) => (f === '_id' ? how !== 'range' : leading.has(f)))) return true
  return shape.or.some((branches) => branches.length > 0 && branches.every((b) => filterCovered(b, leading)))
}

function shapeText(shape: FilterShape): string {
  const parts = Object.entries(shape.bound).map(([f, how]) => (how === 'eq' ? f : `${f}:${how}`))
  parts.push(...shape.unbound.map((f) => `${f}:unbound`))
  for (const branches of shape.or) parts.push(`$or[${branches.map(shapeText).join(' | ')}]`)
  return `{${parts.join(', ')}}`
}

export function useText(use: QueryUse): string {
  const sort = use.sort && use.sort.length > 0 ? ` sort(${use.sort.join(', ')})` : ''
  const via = use.via ? ` (joined from ${use.via})` : ''
  return `${use.kind} ${use.collection} ${shapeText(use.filter)}${sort}${via}`
}

/** What an action checks its queries with: the coverage, as seen from one request's origin. */
export interface CoverageCheck {
  check(use: QueryUse): void
}

export interface CoverageOptions {
  /** Refuse uncovered queries (notablescan); otherwise they are only recorded. */
  enforce: boolean
  /** Where the refusal is written besides the error (default: stderr), so no catch can hide it. */
  report?: (line: string) => void
}

/** The declared indexes' first fields and the collections that may be scanned, per collection. */
export class QueryCoverage {
  private readonly leading = new Map<string, Set<string>>()
  private readonly scannable = new Set<string>()
  private readonly recorded = new Map<string, RecordedShape>()
  private readonly report: (line: string) => void

  constructor(
    spec: EnvironmentSpec,
    readonly options: CoverageOptions,
  ) {
    for (const c of spec.collections) {
      this.leading.set(c.name, new Set(c.indexes.map((i) => i.fields[0]?.[0]).filter((f): f is string => !!f)))
      if (c.scan) this.scannable.add(c.name)
    }
    this.report = options.report ?? ((line) => process.stderr.write(`${line}\n`))
  }

  /** Whether the environment describes the collection (only those are checked). */
  declares(collection: string): boolean {
    return this.leading.has(collection)
  }

  covers(use: QueryUse): boolean {
    const leading = this.leading.get(use.collection)
    if (!leading) return true
    if (filterCovered(use.filter, leading) || this.scannable.has(use.collection)) return true
    const firstSort = use.sort?.[0]
    return boundsNothing(use.filter) && !!firstSort && (firstSort === '_id' || leading.has(firstSort))
  }

  /**
   * Records the query made by function `fn` (undefined: not by a function); throws when enforcing,
   * the query is a function's and no declared index covers it.
   */
  check(use: QueryUse, fn?: string): void {
    const text = useText(use)
    const key = `${fn ?? ''} ${text}`
    const seen = this.recorded.get(key)
    if (seen) seen.count++
    const covered = seen ? seen.covered : this.covers(use)
    if (!seen) this.recorded.set(key, { ...use, fn, text, covered, declared: this.declares(use.collection), count: 1 })
    if (covered || !this.options.enforce || fn === undefined) return
    const message = `query not covered by any index in config/environment.ts: ${use.collection} ${shapeText(use.filter)}`
    this.report(`${message} (${text}, by the ${fn} function)`)
    throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message} (${text})`)
  }

  /** The checker of one request's queries, made by function `fn` (or undefined). */
  by(fn: string | undefined): CoverageCheck {
    return { check: (use) => this.check(use, fn) }
  }

  /** Every shape seen (per function), in first-seen order. */
  shapes(): RecordedShape[] {
    return [...this.recorded.values()]
  }

  uncovered(): RecordedShape[] {
    return this.shapes().filter((s) => !s.covered)
  }
}

/** The $lookup stages of a pipeline (also inside sub-pipelines), as join uses of the joined collections. */
export function lookupUses(collection: string, pipeline: unknown[]): QueryUse[] {
  const uses: QueryUse[] = []
  for (const stage of pipeline) {
    if (!isPlainObject(stage)) continue
    const spec = stage.$lookup
    if (!isPlainObject(spec) || typeof spec.from !== 'string') continue
    const from = spec.from
    const sub = Array.isArray(spec.pipeline) ? spec.pipeline : null
    if (typeof spec.foreignField === 'string') {
      const filter = emptyShape()
      bind(filter, spec.foreignField, 'eq')
      uses.push({ kind: 'lookup', collection: from, filter, via: collection })
    } else {
      const first = sub?.[0]
      const match = isPlainObject(first) && isPlainObject(first.$match) ? (first.$match as Doc) : undefined
      const second = sub?.[match ? 1 : 0]
      const sort = isPlainObject(second) && isPlainObject(second.$sort) ? Object.keys(second.$sort) : undefined
      uses.push({ kind: 'lookup', collection: from, filter: filterShape(match), sort, via: collection })
    }
    if (sub) uses.push(...lookupUses(from, sub))
  }
  return uses
}

/** The use an aggregation makes of its own collection: its leading $match and the $sort after it. */
export function aggregateUse(collection: string, pipeline: Doc[]): QueryUse {
  const first = pipeline[0]
  const match = first && isPlainObject(first.$match) ? (first.$match as Doc) : undefined
  const next = pipeline[match ? 1 : 0]
  const sort = next && isPlainObject(next.$sort) ? Object.keys(next.$sort) : undefined
  return { kind: 'aggregate', collection, filter: filterShape(match), sort }
}

// Which declared index a query would use, MongoDB's way (the ESR rule: equality, sort, range). An
// index's score for a filter counts its leading run of fields the filter pins by equality or $in
// (3 each), then its next field: +2 when that is the query's first sort field not pinned (the
// index returns the documents in order, no blocking sort: ESR puts the sort before the range),
// else +1 when the filter bounds it by a range. Its first field serves a sort alone only when the
// filter bounds nothing but an `_id` cursor (the whole index walked in order). 0: of no use. A
// query bounding `_id` by equality or $in is the `_id` index's: no declared index is its best. An
// $or is planned branch by branch, each with the conditions beside the $or. Coverage above asks
// only that some index be usable; this measures which one is best, so that each declared index can
// be shown necessary (localcloud/tests/db/queryShapes.test.ts, over the recorded shapes).

/** The conjunctions a filter is planned as: itself, or one per branch of its $or groups (with the rest). */
export function plannedFilters(shape: FilterShape): Record<string, 'eq' | 'in' | 'range'>[] {
  let out: Record<string, 'eq' | 'in' | 'range'>[] = [{ ...shape.bound }]
  for (const branches of shape.or) {
    const next: Record<string, 'eq' | 'in' | 'range'>[] = []
    for (const base of out) {
      for (const branch of branches) {
        for (const planned of plannedFilters(branch)) {
          const merged = { ...base }
          for (const [f, how] of Object.entries(planned)) if (!(f in merged)) merged[f] = how
          next.push(merged)
        }
      }
    }
    out = next
  }
  return out
}

/** The ESR score of an index (its fields in order) for one planned conjunction and the query's sort. */
export function indexScore(fields: readonly string[], bound: Record<string, 'eq' | 'in' | 'range'>, sort?: readonly string[]): number {
  let n = 0
  while (n < fields.length && (bound[fields[n]] === 'eq' || bound[fields[n]] === 'in')) n++
  const next = fields[n]
  if (next === undefined) return 3 * n
  const firstSort = sort?.find((f) => !(bound[f] === 'eq' || bound[f] === 'in'))
  const walkable = n > 0 || Object.entries(bound).every(([f, how]) => f === '_id' && how === 'range')
  if (next === firstSort && walkable) return 3 * n + 2
  return bound[next] === 'range' ? 3 * n + 1 : 3 * n
}

/** Whether a planned conjunction is the `_id` index's (bounds `_id` by equality or $in). */
export function byId(bound: Record<string, 'eq' | 'in' | 'range'>): boolean {
  return bound._id === 'eq' || bound._id === 'in'
}

export interface IndexChoice {
  /** The best score any of the indexes reaches (0: none usable). */
  score: number
  /** The indexes reaching it (empty when the score is 0 or the `_id` index serves). */
  best: string[]
}

/** The best of `indexes` for one planned conjunction of a query. */
export function bestIndex(
  indexes: readonly { name: string; fields: readonly (readonly [string, 1 | -1])[] }[],
  bound: Record<string, 'eq' | 'in' | 'range'>,
  sort?: readonly string[],
): IndexChoice {
  if (byId(bound)) return { score: Infinity, best: [] }
  let score = 0
  let best: string[] = []
  for (const index of indexes) {
    const s = indexScore(
      index.fields.map(([f]) => f),
      bound,
      sort,
    )
    if (s > score) {
      score = s
      best = [index.name]
    } else if (s === score && s > 0) best.push(index.name)
  }
  return { score, best }
}
