// Errors the local database answers with. The codes are the cloud's: the SDK turns a response body
// `{ code, message }` into a thrown TcbError, and wx-server-sdk maps known codes to numeric errCodes
// (DATABASE_COLLECTION_NOT_EXIST -> -502005, DATABASE_REQUEST_FAILED -> -502001, INVALID_PARAM ->
// -501007; anything else -> -501001 with our message kept in errMsg).

export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'SYS_ERR'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DbError'
  }
}

const SUFFIX = 'Please check your request, but if the problem persists, contact us.'

export function invalidParam(detail: string): DbError {
  return new DbError('INVALID_PARAM', `[InvalidParameter] ${detail}. ${SUFFIX}`)
}

export function requestFailed(detail: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail}. ${SUFFIX}`)
}

export function collectionNotExist(name: string): DbError {
  return new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}. ${SUFFIX}`)
}

export function collectionAlreadyExists(name: string): DbError {
  return new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: collection ${name} already exists`)
}

/**
 * How a duplicate key is answered; the cloud has been seen to answer both ways, and wx-server-sdk
 * 4.0.2 turns them into different errors:
 *  - 'E11000': DATABASE_REQUEST_FAILED with MongoDB's E11000 text -> errCode -502001;
 *  - 'DUPLICATE_WRITE': the documented DATABASE_DUPLICATE_WRITE code, which the SDK does not map
 *    -> errCode -501001, the code only left in the message.
 */
export const DUPLICATE_KEY_FORMS = ['E11000', 'DUPLICATE_WRITE'] as const
export type DuplicateKeyForm = (typeof DUPLICATE_KEY_FORMS)[number]

export function isDuplicateKeyForm(value: unknown): value is DuplicateKeyForm {
  return (DUPLICATE_KEY_FORMS as readonly unknown[]).includes(value)
}

export function duplicateKey(collection: string, id: unknown, form: DuplicateKeyForm = 'E11000'): DbError {
  if (form === 'DUPLICATE_WRITE') {
    return new DbError(
      'DATABASE_DUPLICATE_WRITE',
      `[FailedOperation.DuplicateWrite] DATABASE_DUPLICATE_WRITE: index key duplicate, collection: ${collection} _id: ${JSON.stringify(id)}`,
    )
  }
  return requestFailed(`E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`)
}

// The cloud's own messages (TencentCloudBase node-sdk's transaction tests assert them verbatim):
// every conflict, and every use of a transaction that is not live (unknown, committed, rolled back,
// aborted by a conflict, or older than 30 s), answers the same text.
const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.'

export function transactionConflict(): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE)
}

export function transactionFail(): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST_MESSAGE)
}

/** Any thrown value as a DbError: our own pass through, anything else is a failed request. */
export function toDbError(err: unknown): DbError {
  if (err instanceof DbError) return err
  const message = err instanceof Error ? err.message : String(err)
  return requestFailed(message)
}
