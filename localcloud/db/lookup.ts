// $lookup with localField/foreignField, joined as MongoDB joins (mingo differs: an array localField
// adds an undefined, answered as null, for each element nothing matched, and an empty or missing one
// matches nothing). MongoDB (DocumentSourceLookUp::makeMatchStageFromInput, and the cases of its
// jstests lookup_equijoin_semantics.js):
//  - the local values are every value at localField's path, an array's elements rather than the
//    array, through arrays of documents on the way; when there is none (field missing, [], or no
//    document of an array has it) the value is null;
//  - the joined documents are those { [foreignField]: { $in: values } } matches, in stored order, each
//    once: null matches a foreignField that is null or missing (or an array holding null), not [].
// Joins by pipeline only (no localField) are mingo's; with both, the pipeline runs on the matches.
// A stored collection joined by localField/foreignField (engine.ts prepareLookups) is a
// ForeignCollection: each document's local values are looked up in the foreignField's index
// (store.ts equalTo), and only when no index serves them is the whole collection hashed, once.
import type { Options, PipelineOperator } from 'mingo/core'
import { Lazy } from 'mingo/lazy'
import { $lookup as mingoLookup } from 'mingo/operators/pipeline'
import { Query } from 'mingo/query'
import { HashMap } from 'mingo/util'
import { isPlainObject, type Doc } from './decode'

interface LookupSpec {
  from: string | Doc[]
  localField?: unknown
  foreignField?: unknown
  let?: unknown
  pipeline?: unknown[]
  as: string
}

/** Values at `parts` from `i` on, MongoDB's visitAllValuesAtPath: a leaf array gives its elements. */
function visitValues(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value)) out.push(...value)
    else if (value !== undefined) out.push(value)
    return
  }
  if (Array.isArray(value)) {
    for (const el of value) if (isPlainObject(el)) visitValues(el[parts[i]], parts, i + 1, out)
  } else if (isPlainObject(value)) {
    visitValues(value[parts[i]], parts, i + 1, out)
  }
}

/** What an equality on the path compares with: each value there, and a leaf array's elements too. */
export function equalityKeys(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (value === undefined) return
    out.push(value)
    if (Array.isArray(value)) out.push(...value)
    return
  }
  if (Array.isArray(value)) {
    for (const el of value) if (isPlainObject(el)) equalityKeys(el[parts[i]], parts, i + 1, out)
  } else if (isPlainObject(value)) {
    equalityKeys(value[parts[i]], parts, i + 1, out)
  }
}

/** The local values to join on: none at all counts as null. */
export function localValues(doc: unknown, localField: string): unknown[] {
  const out: unknown[] = []
  visitValues(doc, localField.split('.'), 0, out)
  return out.length > 0 ? out : [null]
}

/** The foreign documents by the values their foreignField is equal to, built once per stage. */
function indexForeign(foreign: Doc[], foreignField: string, options: Options) {
  const parts = foreignField.split('.')
  const byValue = HashMap.init(options.hashFunction) as unknown as Map<unknown, number[]>
  foreign.forEach((doc, i) => {
    const keys: unknown[] = []
    equalityKeys(doc, parts, 0, keys)
    for (const key of new Set(keys)) {
      if (key === null) continue // null is matched by the query below: it also means missing
      const list = byValue.get(key)
      if (list) {
        if (list[list.length - 1] !== i) list.push(i)
      } else byValue.set(key, [i])
    }
  })
  let nullMatches: number[] | null = null
  const matchingNull = () => {
    if (!nullMatches) {
      const query = new Query({ [foreignField]: null }, options)
      nullMatches = foreign.flatMap((doc, i) => (query.test(doc) ? [i] : []))
    }
    return nullMatches
  }
  return (values: unknown[]): Doc[] => {
    const hits = new Set<number>()
    for (const v of values) for (const i of v === null ? matchingNull() : (byValue.get(v) ?? [])) hits.add(i)
    return [...hits].sort((a, b) => a - b).map((i) => foreign[i])
  }
}

/**
 * A stored collection to join, read in place: `all()` its documents in stored order, `equalTo(field,
 * values)` those whose field is equal to one of the values (stored order), or null when no index
 * serves them.
 */
export class ForeignCollection {
  constructor(
    readonly all: () => Doc[],
    readonly equalTo: (field: string, values: unknown[]) => Doc[] | null,
  ) {}
}

export const $lookup: PipelineOperator = (collection, expr, options) => {
  const spec = expr as Omit<LookupSpec, 'from'> & { from: LookupSpec['from'] | ForeignCollection }
  if (typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string') return mingoLookup(collection, expr, options)
  const { localField, foreignField } = spec
  const source = spec.from instanceof ForeignCollection ? spec.from : null
  let scanned: ((values: unknown[]) => Doc[]) | null = null
  const byScan = () => {
    if (!scanned) {
      const from = spec.from
      const foreign = source ? source.all() : ((typeof from === 'string' ? options.collectionResolver?.(from) : from) ?? [])
      scanned = indexForeign(foreign as Doc[], foreignField, options)
    }
    return scanned
  }
  const sub = Array.isArray(spec.pipeline) && spec.pipeline.length > 0 ? spec.pipeline : null
  return collection.map((doc: unknown) => {
    const values = localValues(doc, localField)
    const matched = source?.equalTo(foreignField, values) ?? byScan()(values)
    if (!sub) return { ...(doc as Doc), [spec.as]: matched }
    return mingoLookup(Lazy([doc]), { from: matched, let: spec.let, pipeline: sub, as: spec.as }, options).value()[0]
  })
}
