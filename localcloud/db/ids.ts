// Document ids. The cloud's generated _id is 32 lowercase hex characters; a caller may also give
// its own _id (a string or a number), which is then used as is.
import { randomBytes } from 'node:crypto'
import { invalidParam } from './errors'

export type DocId = string | number

let counter = randomBytes(3).readUIntBE(0, 3)

/** A new 32-hex id: seconds, a process-wide counter and randomness (unique and roughly ordered). */
export function newDocId(): string {
  counter = (counter + 1) % 0x1000000
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8)
  return seconds + counter.toString(16).padStart(6, '0') + randomBytes(9).toString('hex')
}

export function isDocId(value: unknown): value is DocId {
  return (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value))
}

export function requireDocId(value: unknown, field = '_id'): DocId {
  if (!isDocId(value)) throw invalidParam(`${field} must be a non-empty string or a number`)
  return value
}

/** The key a document is stored under: strings as they are, numbers marked so "1" and 1 differ. */
export function idKey(id: DocId): string {
  return typeof id === 'string' ? id : `\u0000n:${id}`
}
