// database.aggregateDocuments (collection.aggregate()...end()).
//   request  { collectionName, stages: [{ stageKey: '$match', stageValue: EJSON/JSON string }, ...] }
//   response { data: { list: [EJSON string, ...] } }
// Like the cloud, a pipeline without a $limit stage returns at most 20 results, and at most 10000
// with one, however big its $limit: a cap, not an error. The cloud documents no error for a big
// $limit (Aggregate.limit: "正整数"); the caps are what developers measured against it
// (developers.weixin.qq.com community, "云函数端Aggregate聚合操作limit默认20条限制", 2020: 20 without
// limit, "上限可以达到1万条数据" with one). Tested in tests/db/conformance.test.ts.
import { isPlainObject, parseEjsonField, type Doc } from '../decode'
import { runPipeline, type PipelineStage } from '../engine'
import { invalidParam } from '../errors'
import { aggregateUse, lookupUses } from '../coverage'
import { collectionName, storedCandidates, type ActionHandler } from './context'

export const AGGREGATE_DEFAULT_LIMIT = 20
export const AGGREGATE_MAX_LIMIT = 10_000

export const aggregateDocuments: ActionHandler = (params, { store, now, coverage }) => {
  const coll = collectionName(params)
  if (!Array.isArray(params.stages)) throw invalidParam('stages must be an array')
  const pipeline: PipelineStage[] = params.stages.map((stage, i) => {
    const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown }
    if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) {
      throw invalidParam(`stages[${i}].stageKey must be a stage name such as $match`)
    }
    return { [stageKey]: parseEjsonField(stageValue, `stages[${i}].stageValue`, now) }
  })
  // A leading $match is served like a query (an index narrows the documents; runPipeline still matches).
  const first = pipeline[0]
  const leading = first && Object.keys(first)[0] === '$match' && isPlainObject(first.$match) ? (first.$match as Doc) : null
  store.collection(coll) // the cloud's error when it is missing
  // The collection's own use (leading $match, then $sort), then each join's (coverage.ts).
  coverage.check(aggregateUse(coll, pipeline))
  for (const use of lookupUses(coll, pipeline)) coverage.check(use)
  const docs = (leading ? storedCandidates(store, coll, leading) : [...store.collection(coll).values()]).map((s) => s.doc)
  const joined = {
    all: (name: string) => store.docsOrEmpty(name),
    candidates: (name: string, query: Doc) => (store.hasCollection(name) ? storedCandidates(store, name, query).map((s) => s.doc) : []),
    equalTo: (name: string, field: string, values: unknown[]) => store.equalTo(name, field, values),
  }
  const list = runPipeline(docs, pipeline, joined, {
    defaultLimit: AGGREGATE_DEFAULT_LIMIT,
    maxLimit: AGGREGATE_MAX_LIMIT,
  })
  return { data: { list: list.map((d) => store.encode(d)) } }
}
