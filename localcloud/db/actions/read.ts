// database.getDocument (collection/query get(), doc(id).get()) and database.calculateDocument (count()).
//   getDocument  -> { data: { list: [EJSON string, ...], limit, offset } }
//   calculateDocument -> { data: { total } }
// A missing document is an empty list: the SDK's doc().get() then throws
// "document.get:fail document with _id X does not exist" itself (or answers data: null when the
// database was made with throwOnNotFound: false), exactly as against the cloud.
import { isPlainObject, parseEjsonField, type Doc } from '../decode'
import { compileQuery, findDocs, projectDoc } from '../engine'
import { invalidParam } from '../errors'
import { exactPlans } from '../indexes'
import {
  candidates,
  clampLimit,
  indexedCount,
  collectionName,
  offsetOf,
  optionalObject,
  queryOf,
  singleDocId,
  storedCandidates,
  transactionIdOf,
  type ActionContext,
  type ActionHandler,
  type Params,
} from './context'
import { filterShape } from '../coverage'
import type { StoredDoc } from '../store'

/** The order field: {field: 1|-1} as Query.orderBy() builds it (older SDKs sent [{field, direction}]). */
function orderOf(params: Params, now: number): Doc | undefined {
  if (params.order === undefined || params.order === null || params.order === '') return undefined
  const raw = parseEjsonField(params.order, 'order', now)
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((o) => (isPlainObject(o) ? [String(o.field), o.direction] : ['', undefined]))
    : isPlainObject(raw)
      ? Object.entries(raw)
      : []
  if (!Array.isArray(raw) && !isPlainObject(raw)) throw invalidParam('order must be an object')
  const order: Doc = {}
  for (const [field, dir] of entries) {
    if (!field) throw invalidParam('order has an empty field')
    if (dir === 1 || dir === 'asc') order[field] = 1
    else if (dir === -1 || dir === 'desc') order[field] = -1
    else throw invalidParam(`order direction of ${field} must be 1, -1, 'asc' or 'desc'`)
  }
  return order
}

/**
 * The documents a get() is answered from: the first `count` in order when a compound index gives
 * them sorted (store.ts sortedHead; a sort then only reorders those), else the candidates.
 */
function candidatesInOrder(ctx: ActionContext, coll: string, query: Doc, order: Doc | undefined, count: number): StoredDoc[] {
  const all = () => candidates(ctx, coll, query, 'get', order)
  if (!order) return all()
  ctx.store.collection(coll) // the cloud's error when it is missing
  const head = ctx.store.sortedHead(coll, query, order, count)
  if (!head) return all()
  ctx.coverage.check({ kind: 'get', collection: coll, filter: filterShape(query), sort: Object.keys(order) })
  return head
}

export const getDocument: ActionHandler = (params, ctx) => {
  const { store, transactions, now } = ctx
  const coll = collectionName(params)
  const query = queryOf(params, now)
  const projection = optionalObject(params, 'projection', now)
  const txId = transactionIdOf(params)
  if (txId !== undefined) {
    const doc = transactions.read(txId, coll, singleDocId(query, 'get()'))
    return { data: { list: doc ? [store.encode(projectDoc(doc, projection))] : [], limit: 1, offset: 0 } }
  }
  store.collection(coll) // the cloud's error when it is missing
  const limit = clampLimit(params.limit)
  const offset = offsetOf(params.offset)
  const order = orderOf(params, now)
  const stored = candidatesInOrder(ctx, coll, query, order, offset + limit)
  const list = findDocs(
    stored.map((s) => s.doc),
    query,
    { order, offset, limit, projection },
  )
  return { data: { list: list.map((d) => store.encode(d)), limit, offset } }
}

export const calculateDocument: ActionHandler = (params, ctx) => {
  const coll = collectionName(params)
  const query = queryOf(params, ctx.now)
  // A query of plain conditions only (exactPlans) has nothing for the matcher to refuse: it is
  // compiled only if the indexes cannot count it. Any other is checked first, as before.
  const plain = exactPlans(query) !== null
  const checked = plain ? null : compileQuery(query)
  const exact = indexedCount(ctx, coll, query)
  if (exact !== null) return { data: { total: exact } }
  const matches = checked ?? compileQuery(query)
  let total = 0
  for (const s of storedCandidates(ctx.store, coll, query)) if (matches(s.doc)) total++
  return { data: { total } }
}
