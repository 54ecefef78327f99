// The reconcile's resumable position: which phase, where in it, and the progress so far, as an
// opaque base64url string the caller hands back. Every field is checked when it comes back; one
// that is not a cursor this action wrote for this week and scope answers BAD_CURSOR.
import { createHash } from 'node:crypto'
import { DomainError } from '@shared/errors'

/** The phases in order: activities by _id, districts' distinct people, courses by _id, books by _id. */
export const PHASES = ['activities', 'districts', 'courses', 'books'] as const
export type Phase = (typeof PHASES)[number]

export const CURSOR_MAX_CHARS = 512

export interface ReconcilePosition {
  weekId: string
  /** Fingerprint of the scope (admin: the week; organiser: their districts). */
  scope: string
  phase: Phase
  /** activities, courses, books: the _id of the last one checked ('' before the first). */
  after: string
  /** districts: the index of the district being counted (in the scope's order). */
  district: number
  /** districts: the last person counted in that district ('' before the first), and how many so far. */
  personAfter: string
  people: number
  /** Units of work done before this position, and the total fixed at the first call. */
  done: number
  total: number
}

/** A short fingerprint of the scope, so a cursor cannot be replayed in another scope. */
export function scopeKey(districtCodes: string[] | null): string {
  const text = districtCodes === null ? '*' : [...districtCodes].sort().join(',')
  return createHash('sha256').update(text).digest('base64url').slice(0, 10)
}

export function encodePosition(p: ReconcilePosition): string {
  const packed = [1, p.weekId, p.scope, PHASES.indexOf(p.phase), p.after, p.district, p.personAfter, p.people, p.done, p.total]
  const text = Buffer.from(JSON.stringify(packed), 'utf8').toString('base64url')
  // Ids are at most 64 characters and person ids short; a longer cursor would be refused by the contract.
  if (text.length > CURSOR_MAX_CHARS) throw new Error(`reconcile cursor of ${text.length} characters`)
  return text
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max

/** The position a cursor holds, checked against the week and scope asked for; BAD_CURSOR otherwise. */
export function decodePosition(cursor: string, weekId: string, scope: string): ReconcilePosition {
  let value: unknown
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url')
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new DomainError('BAD_CURSOR')
  }
  if (!Array.isArray(value) || value.length !== 10) throw new DomainError('BAD_CURSOR')
  const [version, w, s, phase, after, district, personAfter, people, done, total] = value as unknown[]
  const ok =
    version === 1 &&
    w === weekId &&
    s === scope &&
    typeof phase === 'number' &&
    Number.isInteger(phase) &&
    phase >= 0 &&
    phase < PHASES.length &&
    isText(after, 200) &&
    isCount(district) &&
    isText(personAfter, 200) &&
    isCount(people) &&
    isCount(done) &&
    isCount(total) &&
    done <= total
  if (!ok) throw new DomainError('BAD_CURSOR')
  return {
    weekId,
    scope,
    phase: PHASES[phase as number],
    after: after as string,
    district: district as number,
    personAfter: personAfter as string,
    people: people as number,
    done: done as number,
    total: total as number,
  }
}
