// Pending counter moves: how an action that writes a counted document and a record stays exact when
// its function instance dies between the two writes.
//
// Every move of a kept counter (an activity's seats and counters, attendance, feedback; a course's
// or a book's counters) is written
// FIRST, as one conditional update of the counted document that also records a pending entry
// for the record that must follow:
//   activities.where({ _id, 'pending.<key>': exists(false), ...condition })
//     .update({ <counter>: inc(n), ..., jrev: inc(1), touchedAt, 'pending.<key>': set(entry) })
// and the record is written SECOND, carrying the entry's random `op` (a registration moved to its
// next `rev` with `op` set, a check-in, walk-in or rating inserted with it). So every prefix of an
// action is readable from the data:
//   - entry present, no record carries its op -> the action died after its counter move: revert it
//   - entry present, a record carries its op  -> complete: settle it (remove the entry; follow-ups
//                                                such as the promotion notice are written if missing)
//   - no entry                                -> nothing happened, or it was settled already
// The key is the kind of record and a hash of its id (`r~<hash>`, `ck~<hash>`): one move per record
// can be pending at a time, so a record's `op` is only ever overwritten once its entry is gone, and a
// retry of the same request (same nonce) finds its own entry and finishes the record instead of
// counting twice. Activities are readable by clients (the dashboard's realtime watch), so the key
// is a hash: a registration id holds the person's OPENID and must not show there.
//
// Settling and reverting are done by the repair (cloudfunctions/_core/repair.ts) for entries older
// than SETTLE_AFTER_MS, which no function call outlives (the platform stops every call at 60 s), so an
// entry that old belongs to a call that can no longer write. An action that finds its record write
// refused reverts its own entry at once; one that finds a stale entry of its own record runs the
// repair of that activity (course, book) first.
//
// `jrev` counts the counter moves of the document: the repair writes recounted counters back only
// where({ _id, jrev: <as read before the recount> }), so a write-back never loses a move in flight.
import type { Database } from './cloud'
import { createHash } from 'node:crypto'
import { randomId } from './ids'
import { updateCount } from './write'

/** Pending entries older than this are the repair's to settle or revert. */
export const SETTLE_AFTER_MS = 60_000

export interface PendingEntry {
  /** When the move was written (the call's clock). */
  at: number
  /** Random token of the move; inserted records carry it as their `op`. */
  op: string
  /** The client's request nonce, so a retry of the same request adopts the entry. */
  nonce: string | null
  /** What the move added: [path, amount] pairs, negated to revert it. */
  inc: [string, number][]
  /** Registration moves: the status the registration ends in. */
  to?: 'confirmed' | 'waitlisted' | 'cancelled'
  /** Written once the record follows (a promotion's notice). */
  then?: 'promoted'
}

export type PendingMap = Record<string, PendingEntry>

/** Projection leaving the pending entries out of a counted document read for other purposes. */
export const NO_JOURNAL = { pending: 0 } as const

/** 20 hex characters of the SHA-256 of a record id: names it in a key without showing it. */
const hashOf = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 20)

/**
 * Record kinds: registrations, check-ins, walk-ins, ratings (on activities); enrolments (on courses);
 * reading logs (on books); likes and votes of stars and projects (on nominations).
 */
export type RecordKind = 'r' | 'ck' | 'wk' | 'rt' | 'en' | 'rl' | 'sl' | 'sv'
const RECORD_COLLECTIONS: Record<RecordKind, string> = {
  r: 'registrations',
  ck: 'checkins',
  wk: 'walkins',
  rt: 'ratings',
  en: 'enrolments',
  rl: 'readingLogs',
  sl: 'starLikes',
  sv: 'starVotes',
}

/** The journal key of a registration's pending move. */
export const regKey = (registrationId: string) => recordKey('r', registrationId)
/** The journal key of a record's pending move. */
export const recordKey = (kind: RecordKind, id: string) => `${kind}~${hashOf(id)}`

/** The collection of the record a key names (null for a key this version does not know). */
export function collectionOf(key: string): string | null {
  return RECORD_COLLECTIONS[key.slice(0, key.indexOf('~')) as RecordKind] ?? null
}

export const newOp = (): string => randomId(12)

/** `_.inc` data for the entry's amounts, times `sign`. */
export function incOf(db: Database, inc: [string, number][], sign: 1 | -1 = 1): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [path, n] of inc) if (n !== 0) data[path] = _.inc(sign * n)
  return data
}

/** Turns `_.inc` data of a flat { path: n } into entry amounts. */
export function amounts(flat: Record<string, number>): [string, number][] {
  return Object.entries(flat).filter(([, n]) => n !== 0)
}

export interface Move {
  key: string
  entry: PendingEntry
}

/**
 * Writes one or more counter moves with their pending entries in ONE conditional update of the
 * counted document. False when a key is already pending or `condition` does not hold.
 */
export async function writeMoves(
  db: Database,
  collection: string,
  docId: string,
  moves: Move[],
  condition: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const _ = db.command
  const where: Record<string, unknown> = { _id: docId, ...condition }
  const data: Record<string, unknown> = { ...extra }
  const total = new Map<string, number>()
  for (const { key, entry } of moves) {
    where[`pending.${key}`] = _.exists(false)
    data[`pending.${key}`] = _.set(entry)
    for (const [path, n] of entry.inc) total.set(path, (total.get(path) ?? 0) + n)
  }
  for (const [path, n] of total) if (n !== 0) data[path] = _.inc(n)
  data.jrev = _.inc(1)
  data.touchedAt = new Date(Math.max(...moves.map((m) => m.entry.at)))
  return (await updateCount(db.collection(collection).where(where), data)) === 1
}

/** Takes one pending move back (counters and entry), if that very entry is still pending. */
export async function revertMove(db: Database, collection: string, docId: string, move: Move, now: number): Promise<boolean> {
  const _ = db.command
  const data: Record<string, unknown> = {
    ...incOf(db, move.entry.inc, -1),
    [`pending.${move.key}`]: _.remove(),
    jrev: _.inc(1),
    touchedAt: new Date(now),
  }
  return (await updateCount(db.collection(collection).where({ _id: docId, [`pending.${move.key}.op`]: move.entry.op }), data)) === 1
}

/**
 * Removes entries whose records have followed (no counter changes), each only if that very entry
 * (its `op`) is still pending: by the time a settle lands, a twin of the call (or the repair) may
 * have settled it and another request may have written a new move under the same key, whose entry
 * must stay until that move's record follows or the move is reverted (revertMove needs the entry).
 * One conditional write for all of them; when it finds any one gone, one per move.
 */
export async function settleMoves(db: Database, collection: string, docId: string, moves: Move[]): Promise<void> {
  if (moves.length === 0) return
  const _ = db.command
  const settleWhere = (ms: Move[]) => {
    const where: Record<string, unknown> = { _id: docId }
    const data: Record<string, unknown> = {}
    for (const { key, entry } of ms) {
      where[`pending.${key}.op`] = entry.op
      data[`pending.${key}`] = _.remove()
    }
    return updateCount(db.collection(collection).where(where), data)
  }
  if ((await settleWhere(moves)) === 1 || moves.length === 1) return
  for (const move of moves) await settleWhere([move])
}

/**
 * The owner's settle, right after its record was written. It only tidies (the repair settles an
 * entry whose record followed), so a database error here does not turn a done action into a
 * failure: the entry waits for the repair.
 */
export async function settleOwnMoves(db: Database, collection: string, docId: string, moves: Move[]): Promise<void> {
  try {
    await settleMoves(db, collection, docId, moves)
  } catch (err) {
    console.warn(`[journal] settling ${moves.length} move(s) on ${collection}/${docId} left to the repair: ${(err as Error).message}`)
  }
}

/**
 * A retry that finds its record already written (its first call died before settling): removes the
 * entry that record followed (`op`), if that very entry is still pending and has no follow-up to
 * write (a promotion's notice is the repair's). One conditional write; nothing when it is gone.
 */
export async function settleFollowed(db: Database, collection: string, docId: string, key: string, op: string | undefined): Promise<void> {
  if (!op) return
  const _ = db.command
  const where = { _id: docId, [`pending.${key}.op`]: op, [`pending.${key}.then`]: _.exists(false) }
  await updateCount(db.collection(collection).where(where), { [`pending.${key}`]: _.remove() })
}

/** The pending entry under `key` of a counted document, read alone (null when none). */
export async function readPending(db: Database, collection: string, docId: string, key: string): Promise<PendingEntry | null> {
  const res = (await db
    .collection(collection)
    .where({ _id: docId })
    .field({ [`pending.${key}`]: true })
    .limit(1)
    .get()) as { data: { pending?: PendingMap }[] }
  return res.data[0]?.pending?.[key] ?? null
}

/** A registration's revision (documents written before revisions existed count as 1). */
export function revOf(doc: { rev?: number } | null | undefined): number {
  if (!doc) return 0
  return typeof doc.rev === 'number' ? doc.rev : 1
}

/** The query condition "revision is `rev`" (revision 1 also matches documents without one). */
export function revIs(db: Database, rev: number): unknown {
  return rev === 1 ? db.command.in([1, null]) : rev
}

/** A registration move's entry. */
export function regEntry(args: {
  regId: string
  to: PendingEntry['to']
  inc: [string, number][]
  now: number
  nonce?: string | null
  then?: 'promoted'
}): Move {
  const entry: PendingEntry = { at: args.now, op: newOp(), nonce: args.nonce ?? null, inc: args.inc, to: args.to }
  if (args.then) entry.then = args.then
  return { key: regKey(args.regId), entry }
}

/** An insert-once record's entry. */
export function recordEntry(
  kind: Exclude<RecordKind, 'r'>,
  id: string,
  inc: [string, number][],
  now: number,
  nonce: string | null = null,
): Move {
  return { key: recordKey(kind, id), entry: { at: now, op: newOp(), nonce, inc } }
}

/** Whether the record of an entry has followed it, given the record found carrying its op (null: none). */
export function hasFollowed(entry: PendingEntry, record: { op?: string } | null): boolean {
  return record !== null && record.op === entry.op
}

/** Whether an entry is old enough to be the repair's (its call can no longer write). */
export const isStale = (entry: PendingEntry, now: number) => now - entry.at >= SETTLE_AFTER_MS
