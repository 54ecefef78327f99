// What every action handler gets, and the request-field readers they share.
//
// Request bodies are what @cloudbase/database sends through node-sdk (POST JSON):
//   { action, collectionName, queryType: 'WHERE'|'DOC', query, data, order, projection, offset,
//     limit, multi, merge, upsert, transactionId, stages, ... , envName, sessionToken, ... }
// where query, data (or each item of data for inserts), order, projection and stage values are
// EJSON strings. A handler returns the response body without requestId.
import { filterShape, type CoverageCheck, type QueryKind } from '../coverage'
import { parseEjsonObject, type Doc } from '../decode'
import { invalidParam, type DuplicateKeyForm } from '../errors'
import { isDocId, type DocId } from '../ids'
import type { DocStore, StoredDoc } from '../store'
import type { TransactionManager } from '../transactions'

export type Params = Record<string, unknown>

export interface ActionContext {
  store: DocStore
  transactions: TransactionManager
  /** This request's time in ms (server dates resolve to it). */
  now: number
  /** How an insert over an existing _id is answered (dev switch; see errors.ts). */
  duplicateKeyForm: DuplicateKeyForm
  /** Records each query's shape and refuses one no declared index covers (coverage.ts). */
  coverage: CoverageCheck
}

export type ActionResult = Record<string, unknown>
export type ActionHandler = (params: Params, ctx: ActionContext) => ActionResult

/** Reads given by a function, at most: what Query.get() caps limit at. */
export const MAX_LIMIT = 1000
/** Reads without a limit: the SDK sends 100 itself; a raw request without one gets the same. */
export const DEFAULT_LIMIT = 100

export function collectionName(params: Params): string {
  const name = params.collectionName
  if (typeof name !== 'string' || name.length === 0) throw invalidParam('collectionName must be a non-empty string')
  return name
}

/** The optional `query` field, decoded ({} when absent). */
export function queryOf(params: Params, now: number): Doc {
  if (params.query === undefined || params.query === null || params.query === '') return {}
  return parseEjsonObject(params.query, 'query', now)
}

export function optionalObject(params: Params, field: string, now: number): Doc | undefined {
  const value = params[field]
  if (value === undefined || value === null || value === '') return undefined
  return parseEjsonObject(value, field, now)
}

export function transactionIdOf(params: Params): string | undefined {
  const id = params.transactionId
  return id === undefined || id === null || id === '' ? undefined : String(id)
}

/** The _id of a single-document operation (doc(id).x() sends query {_id: id}). */
export function singleDocId(query: Doc, what: string): DocId {
  const id = query._id
  if (!isDocId(id) || Object.keys(query).length !== 1) {
    throw invalidParam(`${what} in a transaction only works on a single document: use doc(id)`)
  }
  return id
}

/** multi as sent; when absent, DOC queries touch one document and WHERE queries all. */
export function multiOf(params: Params): boolean {
  if (typeof params.multi === 'boolean') return params.multi
  return params.queryType !== 'DOC'
}

/**
 * Documents that can match `query`, in stored order: the one document for an {_id: value} query,
 * otherwise those a field index narrows it to (store.candidates), otherwise all. The query's shape
 * is checked first (coverage.ts): `kind` and `sort` say how it is used.
 */
export function candidates(
  { store, coverage }: Pick<ActionContext, 'store' | 'coverage'>,
  coll: string,
  query: Doc,
  kind: QueryKind,
  sort?: Doc,
): StoredDoc[] {
  store.collection(coll) // the cloud's error when it is missing
  coverage.check({ kind, collection: coll, filter: filterShape(query), sort: sort ? Object.keys(sort) : undefined })
  return storedCandidates(store, coll, query)
}

/**
 * count(): the number of matches when the field indexes tell it exactly (store.ts exactCount), else
 * null; after the same checks as candidates().
 */
export function indexedCount({ store, coverage }: Pick<ActionContext, 'store' | 'coverage'>, coll: string, query: Doc): number | null {
  store.collection(coll) // the cloud's error when it is missing
  coverage.check({ kind: 'count', collection: coll, filter: filterShape(query) })
  return store.exactCount(coll, query)
}

/** candidates() without the coverage check (for uses checked otherwise, like an aggregation's $match). */
export function storedCandidates(store: DocStore, coll: string, query: Doc): StoredDoc[] {
  if (isDocId(query._id)) {
    const one = store.get(coll, query._id)
    return one ? [one] : []
  }
  return store.candidates(coll, query)
}

export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return DEFAULT_LIMIT
  return Math.min(Math.floor(limit), MAX_LIMIT)
}

export function offsetOf(offset: unknown): number {
  if (offset === undefined || offset === null) return 0
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw invalidParam('offset must be a non-negative integer')
  }
  return offset
}
