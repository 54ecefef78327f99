// database.addCollection (db.createCollection(name)).
//   request  { collectionName }   response {} (the SDK only reads requestId)
// Creating an existing collection fails, with a message that says it exists.
import { collectionAlreadyExists, invalidParam } from '../errors'
import { collectionName, type ActionHandler } from './context'

const NAME_RE = /^[A-Za-z0-9_-]{1,128}$/

export const addCollection: ActionHandler = (params, { store, now }) => {
  const name = collectionName(params)
  if (!NAME_RE.test(name)) throw invalidParam(`collection name ${JSON.stringify(name)} may only hold letters, digits, _ and -`)
  if (!store.createCollection(name, now)) throw collectionAlreadyExists(name)
  return {}
}
