// Query matching, sorting, projection, updates and aggregation, all by mingo (MongoDB semantics,
// which is what the cloud database speaks). Inputs here are already decoded (see decode.ts).
import { Aggregator, Context, Query } from 'mingo'
import type { AccumulatorOperator, Options, PipelineOperator } from 'mingo/core'
import { $push } from 'mingo/operators/accumulator'
import { compare } from 'mingo/util'
import 'mingo/init/system'
import { update as mingoUpdate, type UpdateExpression } from 'mingo/updater'
import { cloneDoc, isPlainObject, type Doc } from './decode'
import { invalidParam, requestFailed } from './errors'
import { jsonSchemaValidator } from './jsonSchema'
import { $lookup, ForeignCollection } from './lookup'
import { $dateToString, $elemMatch, $indexOfCP, $substrBytes, $week } from './operators'
import { checkCreatablePaths, checkFieldNames, checkOperandTypes, checkUpdateConflicts } from './strict'

/**
 * $sample without repeats: MongoDB picks distinct documents (a random sort) unless it can use its
 * pseudo-random cursor on a big collection; mingo's own $sample draws with replacement.
 */
const $sample: PipelineOperator = (collection, expr) =>
  collection.transform((xs: unknown[]) => {
    const size = isPlainObject(expr) && typeof expr.size === 'number' ? Math.max(0, Math.floor(expr.size)) : 0
    const picked = [...xs]
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[picked[i], picked[j]] = [picked[j], picked[i]]
    }
    return picked.slice(0, size)
  })

/**
 * $max and $min over a group (and as expressions of an array): MongoDB skips only null and missing
 * values and compares the rest in BSON order, strings included. mingo's own skip whatever isNaN()
 * calls not a number, so over strings they answered the first value (a page's "last person" was its
 * first, and reconcile's district pages never advanced).
 */
function extreme(sign: 1 | -1): AccumulatorOperator {
  return (collection, expr, options) => {
    const items = $push(collection, expr, options) as unknown[]
    let best: unknown = null
    for (const v of items) {
      if (v === null || v === undefined) continue
      if (best === null || sign * compare(v, best) > 0) best = v
    }
    return best
  }
}

/**
 * Internal: deep-copies the array a $lookup just joined under `expr` (a field name). See
 * prepareLookups: the join reads the stored documents in place and only what it matched is copied.
 */
const CLONE_JOINED = '$__localcloudCloneJoined'
const $cloneJoined: PipelineOperator = (collection, expr) =>
  collection.map((doc: unknown) => {
    const d = doc as Doc
    const field = String(expr)
    return Array.isArray(d[field]) ? { ...d, [field]: (d[field] as Doc[]).map((x) => cloneDoc(x)) } : d
  })

// Operators of the options' context win over mingo's global ones, so ours are found first ($lookup:
// lookup.ts; $elemMatch, $week, $dateToString, $indexOfCP, $substrBytes: operators.ts, as MongoDB
// has them); every other operator comes from the global context (mingo/init/system registers them
// all). A Query or Aggregator copies its options' context each time it is made: a context holding
// every operator cost about 0.2 ms a query, more than most requests' own work.
const context = Context.init()
  .addPipelineOps({ $sample, $lookup, [CLONE_JOINED]: $cloneJoined })
  .addAccumulatorOps({ $max: extreme(1), $min: extreme(-1) })
  .addQueryOps({ $elemMatch })
  .addExpressionOps({ $week, $dateToString, $indexOfCP, $substrBytes })
// No $where / $function / $accumulator: requests carry data, never code to run.
const QUERY_OPTIONS: Partial<Options> = { context, useGlobalContext: true, scriptEnabled: false, jsonSchemaValidator }
const UPDATE_OPTIONS = {
  cloneMode: 'deep' as const,
  queryOptions: { context, useGlobalContext: true, useStrictMode: true, scriptEnabled: false, jsonSchemaValidator },
}

/** Update operators the SDK can send (geo has none); $bit and $currentDate come with raw updates. */
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$bit',
  '$currentDate',
])

/** Aggregation stages we refuse: geo (not supported locally) and those that write collections. */
const REFUSED_STAGES = new Set(['$geoNear', '$out', '$merge'])

function wrapMingo<T>(what: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw requestFailed(`${what}: ${(err as Error).message}`)
  }
}

export type Matcher = (doc: Doc) => boolean

export function compileQuery(query: Doc | undefined): Matcher {
  if (!query || Object.keys(query).length === 0) return () => true
  const compiled = wrapMingo('invalid query', () => new Query(query, QUERY_OPTIONS))
  return (doc) => wrapMingo('query failed', () => compiled.test(doc))
}

export interface FindOptions {
  order?: Doc
  offset?: number
  limit?: number
  projection?: Doc
}

/** Matching documents, sorted, skipped, limited and projected (in that order, like MongoDB). */
export function findDocs(source: Iterable<Doc>, query: Doc | undefined, opts: FindOptions = {}): Doc[] {
  return wrapMingo('query failed', () => {
    const cursor = new Query(query ?? {}, QUERY_OPTIONS).find<Doc>([...source], opts.projection ?? {})
    if (opts.order && Object.keys(opts.order).length > 0) cursor.sort(opts.order)
    if (opts.offset) cursor.skip(opts.offset)
    if (opts.limit !== undefined) cursor.limit(opts.limit)
    return cursor.all()
  })
}

/** Projects one document (for doc().field().get()). */
export function projectDoc(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc
  return findDocs([doc], undefined, { projection })[0] ?? doc
}

/** True when the update document holds operators only ($set, $inc...). */
export function isOperatorUpdate(update: Doc): boolean {
  const keys = Object.keys(update)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

export type UpdateOps = Record<string, Doc>

/**
 * Checks an update (operators, as the SDK's update() sends) and groups it by operator. Plain fields
 * next to operators are treated as $set, like the SDK's raw mode does. Checked before any document
 * is touched, so a bad update fails even when nothing matches.
 */
export function normalizeUpdate(update: Doc): UpdateOps {
  const ops: UpdateOps = {}
  for (const [key, value] of Object.entries(update)) {
    if (key.startsWith('$')) {
      if (!UPDATE_OPERATORS.has(key)) throw requestFailed(`Unknown modifier: ${key}`)
      if (!isPlainObject(value)) throw requestFailed(`Modifiers operate on fields but we found ${key} with a non-object value`)
      ops[key] = { ...(ops[key] ?? {}), ...value }
    } else {
      ops.$set = { ...(ops.$set ?? {}), [key]: value }
    }
  }
  if (Object.keys(ops).length === 0) throw invalidParam('update data must not be empty')
  checkUpdateConflicts(ops)
  for (const [op, args] of Object.entries(ops)) {
    for (const [field, value] of Object.entries(args)) {
      if (field === '_id' || field.startsWith('_id.') || (op === '$rename' && (value === '_id' || String(value).startsWith('_id.')))) {
        throw requestFailed(`Performing an update on the path '_id' would modify the immutable field '_id'`)
      }
    }
  }
  return ops
}

/**
 * Applies checked update operators to a copy of `doc`; the input is not touched. Fails, writing
 * nothing, when a path would create a field inside a non-document, an operator meets a value of
 * the wrong type, or the result holds a field name the cloud cannot store (strict.ts).
 */
export function applyUpdate(doc: Doc, ops: UpdateOps): Doc {
  checkCreatablePaths(doc, ops)
  checkOperandTypes(doc, ops)
  const next = cloneDoc(doc)
  for (const [op, args] of Object.entries(ops)) {
    wrapMingo(`${op} failed`, () => mingoUpdate(next, { [op]: args } as unknown as UpdateExpression, [], {}, UPDATE_OPTIONS))
  }
  checkFieldNames(next)
  return next
}

/** Checks set() data: a whole document, no operators. */
export function checkReplacement(data: Doc): void {
  for (const key of Object.keys(data)) {
    if (key.startsWith('$')) throw invalidParam(`set() data cannot hold update operators (${key})`)
  }
}

/** A replacement document (doc().set()): the data as given, under the same _id. */
export function replacementDoc(id: unknown, data: Doc): Doc {
  checkReplacement(data)
  const { _id: _ignored, ...rest } = data
  checkFieldNames(rest)
  return { _id: id, ...cloneDoc(rest) }
}

export interface PipelineStage {
  [stage: string]: unknown
}

export interface PipelineLimits {
  /** Results returned when the pipeline has no $limit stage (the cloud answers 20). */
  defaultLimit: number
  /** Results returned at most. */
  maxLimit: number
}

/** The stored collections an aggregation joins, read in place (never modified). */
export interface JoinedCollections {
  /** Every document of a collection, in stored order ([] when it does not exist). */
  all(name: string): Doc[]
  /** The documents that can match `query` (all that do, maybe more), in stored order: through an index when one narrows them. */
  candidates(name: string, query: Doc): Doc[]
  /** The documents whose `field` is equal to one of `values`, in stored order; null when no index serves them (store.ts equalTo). */
  equalTo(name: string, field: string, values: unknown[]): Doc[] | null
}

/**
 * Rewrites the $lookup stages (also inside sub-pipelines) so a join does not copy the whole joined
 * collection, which made every lookup cost a copy of every stored document, nor read it whole:
 *  - localField/foreignField joins read the stored documents in place (a join only reads them),
 *    each document's through the foreignField's index when one serves it (lookup.ts
 *    ForeignCollection), and a stage right after copies just the matched ones into the result;
 *  - pipeline joins that start with a $match and use no `let` get the documents that match it,
 *    found through an index when one narrows them, copied (the sub-pipeline then runs on those copies).
 * Anything else keeps the plain resolver (a copy of the collection).
 */
function prepareLookups(stages: PipelineStage[], collections: JoinedCollections): PipelineStage[] {
  const out: PipelineStage[] = []
  for (const stage of stages) {
    const spec = stage.$lookup
    if (!isPlainObject(spec) || typeof spec.from !== 'string') {
      out.push(stage)
      continue
    }
    const from = spec.from
    const sub = Array.isArray(spec.pipeline) ? prepareLookups(spec.pipeline as PipelineStage[], collections) : null
    const as = typeof spec.as === 'string' ? spec.as : ''
    if (!sub && typeof spec.localField === 'string' && typeof spec.foreignField === 'string' && as && !as.includes('.')) {
      const foreign = new ForeignCollection(
        () => collections.all(from),
        (field, values) => collections.equalTo(from, field, values),
      )
      out.push({ $lookup: { ...spec, from: foreign } }, { [CLONE_JOINED]: as })
      continue
    }
    const first = sub?.[0]
    if (sub && spec.let === undefined && spec.localField === undefined && first && Object.keys(first)[0] === '$match') {
      const match = first.$match
      const matches = compileQuery(match as Doc)
      const joined = (isPlainObject(match) ? collections.candidates(from, match) : collections.all(from))
        .filter(matches)
        .map((d) => cloneDoc(d))
      out.push({ $lookup: { ...spec, from: joined, pipeline: sub } })
      continue
    }
    out.push(sub ? { $lookup: { ...spec, pipeline: sub } } : stage)
  }
  return out
}

/** Runs an aggregation pipeline over copies of `docs`; `collections` gives the others for $lookup. */
export function runPipeline(docs: Iterable<Doc>, pipeline: PipelineStage[], collections: JoinedCollections, limits: PipelineLimits): Doc[] {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0]
    if (REFUSED_STAGES.has(name)) throw invalidParam(`aggregation stage ${name} is not supported by the local cloud`)
  }
  let input = [...docs]
  let stages = prepareLookups(pipeline, collections)
  // A leading $match filters the stored documents before they are copied.
  if (stages.length > 0 && Object.keys(stages[0])[0] === '$match') {
    const matches = compileQuery(stages[0].$match as Doc)
    input = input.filter(matches)
    stages = stages.slice(1)
  }
  // A $sort then $limit right after it only reorder and cut: run on the stored documents (sorting
  // reads them), so only those kept are copied.
  const [sort, limit] = stages
  if (sort && limit && Object.keys(sort)[0] === '$sort' && Object.keys(limit)[0] === '$limit') {
    const head = [sort, limit]
    input = wrapMingo('aggregate failed', () => new Aggregator(head, QUERY_OPTIONS).run(input)) as Doc[]
    stages = stages.slice(2)
  }
  const hasLimit = pipeline.some((s) => Object.keys(s)[0] === '$limit')
  const out = wrapMingo('aggregate failed', () =>
    new Aggregator(stages, {
      ...QUERY_OPTIONS,
      collectionResolver: (name: string) => collections.all(name).map((d) => cloneDoc(d)),
    }).run(input.map((d) => cloneDoc(d))),
  ) as Doc[]
  return out.slice(0, hasLimit ? limits.maxLimit : limits.defaultLimit)
}
