// database.insertDocument (collection.add(), single or array; also doc(id).create()).
//   request  { collectionName, data: [EJSON string, ...], transactionId? }
//   response { data: { insertedIds: [id, ...] } }
// Documents without _id get a new 32-hex id; a duplicate _id (stored, or twice in the batch) fails
// the whole batch with the cloud's duplicate key error, in the form the server is set to. A field
// name the cloud cannot store (`$x`, `a.b`: strict.ts) fails the whole batch too.
import { parseEjsonObject, type Doc } from '../decode'
import { duplicateKey, invalidParam } from '../errors'
import { checkFieldNames } from '../strict'
import { idKey, newDocId, requireDocId, type DocId } from '../ids'
import type { DocChange } from '../store'
import { collectionName, transactionIdOf, type ActionHandler } from './context'

function withId(doc: Doc): { id: DocId; doc: Doc } {
  checkFieldNames(doc)
  if (doc._id === undefined || doc._id === null) {
    const id = newDocId()
    return { id, doc: { _id: id, ...doc } }
  }
  return { id: requireDocId(doc._id), doc }
}

export const insertDocument: ActionHandler = (params, { store, transactions, now, duplicateKeyForm }) => {
  const coll = collectionName(params)
  if (!Array.isArray(params.data) || params.data.length === 0) {
    throw invalidParam('data must be a non-empty array of EJSON documents')
  }
  const docs = params.data.map((item, i) => withId(parseEjsonObject(item, `data[${i}]`, now)))
  const txId = transactionIdOf(params)
  if (txId !== undefined) {
    if (docs.length !== 1) throw invalidParam('add() in a transaction takes one document')
    const [{ id, doc }] = docs
    transactions.write(txId, coll, id, (current) => {
      if (current) throw duplicateKey(coll, id, duplicateKeyForm)
      return doc
    })
    return { data: { insertedIds: [id] } }
  }
  const stored = store.collection(coll)
  const seen = new Set<string>()
  const changes: DocChange[] = []
  for (const { id, doc } of docs) {
    const key = idKey(id)
    if (seen.has(key) || stored.has(key)) throw duplicateKey(coll, id, duplicateKeyForm)
    seen.add(key)
    changes.push({ coll, id, doc })
  }
  store.apply(changes)
  return { data: { insertedIds: docs.map((d) => d.id) } }
}
