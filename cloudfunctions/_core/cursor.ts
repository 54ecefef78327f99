// Opaque cursors for keyset paging over (sortKey, _id): stable under inserts, one query per page.
// A cursor comes back from the client, so it is untrusted: each paged action says what kind of key
// it pages on, and anything else (not a cursor, a key of another kind, a number the database or
// Date cannot take) is refused with BAD_CURSOR before it reaches a query.
import { DomainError } from '@shared/errors'

/** The largest |epoch ms| a Date can hold (±100,000,000 days). */
const MAX_INSTANT = 8.64e15

export interface CursorKinds {
  /** Epoch milliseconds of a date field (startAt, createdAt): an integer within ±8.64e15. */
  instant: number
  /** A safe integer (counters, minutes). */
  int: number
  /** A string sort key. */
  string: string
}
export type CursorKind = keyof CursorKinds

export interface CursorPosition<K extends CursorKind = CursorKind> {
  /** The sort key of the last item served. */
  key: CursorKinds[K]
  id: string
}

export function encodeCursor(pos: { key: number | string; id: string }): string {
  return Buffer.from(JSON.stringify([pos.key, pos.id]), 'utf8').toString('base64url')
}

function keyFits(kind: CursorKind, key: unknown): boolean {
  switch (kind) {
    case 'instant':
      return typeof key === 'number' && Number.isInteger(key) && Math.abs(key) <= MAX_INSTANT
    case 'int':
      return typeof key === 'number' && Number.isSafeInteger(key)
    case 'string':
      return typeof key === 'string'
  }
}

/** The position a cursor holds, when its key is of `kind` and its id a non-empty string; else BAD_CURSOR. */
export function decodeCursor<K extends CursorKind>(cursor: string, kind: K): CursorPosition<K> {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new DomainError('BAD_CURSOR')
  }
  if (Array.isArray(value) && value.length === 2 && keyFits(kind, value[0]) && typeof value[1] === 'string' && value[1].length > 0) {
    return { key: value[0] as CursorKinds[K], id: value[1] }
  }
  throw new DomainError('BAD_CURSOR')
}
