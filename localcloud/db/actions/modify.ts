// database.modifyDocument: doc(id).set() (merge false, upsert true), doc(id).update() and
// where().update() (merge true: operators), and database.modifyAndReturnDoc (updateAndReturn()).
//   modifyDocument   -> { data: { updated, upsert_id? } }
//   modifyAndReturnDoc -> { data: { updated, doc: EJSON string | null } }
// Each request reads, matches and writes inside one synchronous step (no await), and the write is
// one SQLite transaction: concurrent conditional updates such as
// where({ _id, n: _.gt(0) }).update({ data: { n: _.inc(-1) } }) are applied one after the other.
// modifyDocument's `updated` counts documents whose content changed (MongoDB's nModified, as the
// cloud reports); modifyAndReturnDoc's is 1 when a document matched (findAndModify's n).
import { parseEjsonObject, type Doc } from '../decode'
import { applyUpdate, checkReplacement, compileQuery, normalizeUpdate, replacementDoc, type UpdateOps } from '../engine'
import { isDocId, newDocId, type DocId } from '../ids'
import type { DocChange } from '../store'
import { UNCHANGED } from '../transactions'
import {
  candidates,
  collectionName,
  multiOf,
  queryOf,
  singleDocId,
  transactionIdOf,
  type ActionContext,
  type ActionHandler,
  type Params,
} from './context'

interface ModifyRequest {
  coll: string
  query: Doc
  /** The checked update operators (update()), or null when data replaces the document (set()). */
  ops: UpdateOps | null
  data: Doc
  upsert: boolean
}

function readRequest(params: Params, now: number): ModifyRequest {
  const data = parseEjsonObject(params.data, 'data', now)
  const merge = params.merge !== false
  if (!merge) checkReplacement(data)
  return {
    coll: collectionName(params),
    query: queryOf(params, now),
    ops: merge ? normalizeUpdate(data) : null,
    data,
    upsert: params.upsert === true,
  }
}

function nextVersion(req: ModifyRequest, current: Doc): Doc {
  return req.ops ? applyUpdate(current, req.ops) : replacementDoc(current._id, req.data)
}

function upsertDoc(req: ModifyRequest): { id: DocId; doc: Doc } {
  const id = isDocId(req.query._id) ? req.query._id : newDocId()
  return { id, doc: req.ops ? applyUpdate({ _id: id }, req.ops) : replacementDoc(id, req.data) }
}

/** Applies the request to matching stored documents (all, or the first) outside any transaction. */
function modifyStored(req: ModifyRequest, multi: boolean, ctx: ActionContext) {
  const { store } = ctx
  const matches = compileQuery(req.query)
  const changes: DocChange[] = []
  const results: Doc[] = []
  let matched = 0
  for (const s of candidates(ctx, req.coll, req.query, 'update')) {
    if (!matches(s.doc)) continue
    matched++
    const next = nextVersion(req, s.doc)
    const body = store.encode(next)
    results.push(next)
    if (body !== s.body) changes.push({ coll: req.coll, id: s.doc._id as DocId, doc: next, body })
    if (!multi) break
  }
  let upsertId: DocId | undefined
  if (matched === 0 && req.upsert) {
    const { id, doc } = upsertDoc(req)
    changes.push({ coll: req.coll, id, doc })
    results.push(doc)
    upsertId = id
  }
  store.apply(changes)
  return { updated: upsertId === undefined ? changes.length : 0, upsertId, results }
}

/** Applies the request to the one document of a transaction. */
function modifyInTransaction(req: ModifyRequest, txId: string, { store, transactions }: ActionContext) {
  const id = singleDocId(req.query, req.ops ? 'update()' : 'set()')
  const out: { updated: number; upsertId?: DocId; results: Doc[] } = { updated: 0, results: [] }
  transactions.write(txId, req.coll, id, (current) => {
    if (!current) {
      if (!req.upsert) return UNCHANGED
      const { doc } = upsertDoc(req)
      out.upsertId = id
      out.results.push(doc)
      return doc
    }
    const next = nextVersion(req, current)
    out.results.push(next)
    if (store.encode(next) === store.encode(current)) return UNCHANGED
    out.updated = 1
    return next
  })
  return out
}

export const modifyDocument: ActionHandler = (params, ctx) => {
  const req = readRequest(params, ctx.now)
  const txId = transactionIdOf(params)
  const { updated, upsertId } = txId !== undefined ? modifyInTransaction(req, txId, ctx) : modifyStored(req, multiOf(params), ctx)
  return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } }
}

export const modifyAndReturnDoc: ActionHandler = (params, ctx) => {
  const req: ModifyRequest = { ...readRequest({ ...params, merge: true }, ctx.now), upsert: false }
  const txId = transactionIdOf(params)
  const { results } = txId !== undefined ? modifyInTransaction(req, txId, ctx) : modifyStored(req, false, ctx)
  const doc = results[0]
  // MongoDB's findAndModify: n is 1 when a document matched, whether or not its content changed.
  return { data: { updated: doc ? 1 : 0, doc: doc ? ctx.store.encode(doc) : null } }
}
