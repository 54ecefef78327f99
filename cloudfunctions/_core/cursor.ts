// Opaque cursors for keyset paging over (sortKey, _id): stable under inserts, one query per page.
import { DomainError } from '@shared/errors'

export interface CursorPosition {
  /** The sort key of the last item served (epoch ms or string). */
  key: number | string
  id: string
}

export function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(JSON.stringify([pos.key, pos.id]), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'number' || typeof value[0] === 'string') &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] }
    }
  } catch {
    // fall through
  }
  throw new DomainError('BAD_CURSOR')
}
