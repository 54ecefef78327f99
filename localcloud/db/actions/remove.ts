// database.removeDocument: doc(id).remove() (multi false) and where().remove() (multi true).
//   request  { collectionName, query, queryType, multi, transactionId? }
//   response { data: { deleted } }
import type { DocId } from '../ids'
import { compileQuery } from '../engine'
import type { DocChange } from '../store'
import { UNCHANGED } from '../transactions'
import { candidates, collectionName, multiOf, queryOf, singleDocId, transactionIdOf, type ActionHandler } from './context'

export const removeDocument: ActionHandler = (params, ctx) => {
  const { store, transactions, now } = ctx
  const coll = collectionName(params)
  const query = queryOf(params, now)
  const txId = transactionIdOf(params)
  if (txId !== undefined) {
    let deleted = 0
    transactions.write(txId, coll, singleDocId(query, 'remove()'), (current) => {
      if (!current) return UNCHANGED
      deleted = 1
      return null
    })
    return { data: { deleted } }
  }
  const multi = multiOf(params)
  const matches = compileQuery(query)
  const changes: DocChange[] = []
  for (const s of candidates(ctx, coll, query, 'remove')) {
    if (!matches(s.doc)) continue
    changes.push({ coll, id: s.doc._id as DocId, doc: null })
    if (!multi) break
  }
  store.apply(changes)
  return { data: { deleted: changes.length } }
}
