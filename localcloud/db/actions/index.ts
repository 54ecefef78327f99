// Every action the SDK sends, by name.
import { aggregateDocuments } from './aggregate'
import { addCollection } from './collections'
import type { ActionHandler } from './context'
import { insertDocument } from './insert'
import { modifyAndReturnDoc, modifyDocument } from './modify'
import { calculateDocument, getDocument } from './read'
import { removeDocument } from './remove'
import { abortTransaction, commitTransaction, startTransaction } from './transaction'

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  'database.addCollection': addCollection,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
}

export type { ActionContext, ActionHandler, ActionResult } from './context'
