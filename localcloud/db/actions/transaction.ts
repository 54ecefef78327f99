// The transaction actions of @cloudbase/database (transaction/index.ts):
//   database.startTransaction  {}                 -> { transactionId }   (read at the top level)
//   database.commitTransaction { transactionId }  -> {}
//   database.abortTransaction  { transactionId }  -> {}
// The operations in between are the ordinary actions with a transactionId field
// (getDocument / insertDocument / modifyDocument / removeDocument on single documents).
import { transactionIdOf, type ActionHandler } from './context'

export const startTransaction: ActionHandler = (_params, { transactions }) => ({
  transactionId: transactions.begin(),
})

export const commitTransaction: ActionHandler = (params, { transactions }) => {
  transactions.commit(transactionIdOf(params))
  return {}
}

export const abortTransaction: ActionHandler = (params, { transactions }) => {
  transactions.rollback(transactionIdOf(params))
  return {}
}
