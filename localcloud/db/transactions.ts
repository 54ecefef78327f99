// Transactions, as the cloud offers them to wx-server-sdk: single-document operations only, snapshot
// reads, write-write conflicts reported at once, atomic commit, and a 30 s lifetime.
//
// How:
// - Snapshot reads. A transaction starts with an empty `snapshot` map. Whenever a document is about
//   to change in the store (a plain write or another transaction's commit), the store tells us its
//   previous version and we keep it in the snapshot of every live transaction that has not kept one
//   yet. A transaction reads its own pending write first, then its snapshot, then the store: what it
//   sees is the data as of its start plus its own writes. Cost: one map entry per changed document
//   per live transaction, and nothing when no transaction is live.
// - Conflicts. Writing a document fails at once with DATABASE_TRANSACTION_CONFLICT when another live
//   transaction has a pending write on it (a per-document lock) or when the snapshot holds it (so it
//   was changed by someone after this transaction started). Commit checks the snapshot again, which
//   catches plain (non-transactional) writes that landed on a locked document meanwhile. A conflict
//   aborts the transaction and releases its locks.
// - Commit applies all pending writes through one store batch (one SQLite transaction).
// - A finished (committed, rolled back, conflicted) or unknown transaction, or one older than the
//   lifetime, answers DATABASE_TRANSACTION_FAIL. Rolling back a transaction that a conflict already
//   aborted is accepted, so the SDK's runTransaction clean-up does not fail.
// The clock is injected (`now`), so the lifetime rule is testable without waiting.
import { randomBytes } from 'node:crypto'
import type { Doc } from './decode'
import { collectionNotExist, transactionConflict, transactionFail } from './errors'
import { idKey, type DocId } from './ids'
import type { DocChange, DocStore } from './store'

export const TRANSACTION_LIFETIME_MS = 30_000

type State = 'active' | 'committed' | 'rolled back' | 'conflicted' | 'expired'

interface PendingWrite {
  coll: string
  id: DocId
  doc: Doc | null
}

class Transaction {
  state: State = 'active'
  readonly writes = new Map<string, PendingWrite>()
  readonly snapshot = new Map<string, Doc | null>()
  constructor(
    readonly id: string,
    readonly startedAt: number,
  ) {}
}

/** Returned by a TxMutation to write nothing (e.g. update() of a missing document). */
export const UNCHANGED: unique symbol = Symbol('unchanged')

/** What a write inside a transaction does to the document it sees (null = absent, also as a result). */
export type TxMutation = (current: Doc | null) => Doc | null | typeof UNCHANGED

/** A document's key across collections; `storeKey` is the store's idKey() of its _id. */
function docKey(coll: string, storeKey: string): string {
  return `${coll}\u0001${storeKey}`
}

export class TransactionManager {
  private readonly live = new Map<string, Transaction>()
  /** Recently finished transactions, so a rollback after a conflict is accepted. Bounded. */
  private readonly finished = new Map<string, State>()
  private readonly locks = new Map<string, Transaction>()

  constructor(
    private readonly store: DocStore,
    private readonly now: () => number,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {
    store.onBeforeWrite((coll, key, before, origin) => this.keepSnapshots(coll, key, before, origin))
  }

  get liveCount(): number {
    return this.live.size
  }

  begin(): string {
    this.expireOld()
    const tx = new Transaction(randomBytes(16).toString('hex'), this.now())
    this.live.set(tx.id, tx)
    return tx.id
  }

  /** The document as the transaction sees it, or null. */
  read(txId: unknown, coll: string, id: DocId): Doc | null {
    const tx = this.require(txId)
    if (!this.store.hasCollection(coll)) throw collectionNotExist(coll)
    return this.view(tx, coll, id)
  }

  /**
   * Changes one document inside the transaction. `mutate` gets the document as the transaction
   * sees it and returns the new version (null = delete) or UNCHANGED to write nothing.
   */
  write(txId: unknown, coll: string, id: DocId, mutate: TxMutation): void {
    const tx = this.require(txId)
    if (!this.store.hasCollection(coll)) throw collectionNotExist(coll)
    const key = docKey(coll, idKey(id))
    const holder = this.locks.get(key)
    if (holder && holder !== tx) {
      if (this.isExpired(holder)) this.finish(holder, 'expired')
      else this.conflict(tx) // another live transaction is writing the document
    }
    if (tx.snapshot.has(key)) {
      this.conflict(tx) // the document was changed after the transaction started
    }
    const next = mutate(this.view(tx, coll, id))
    if (next === UNCHANGED) return
    tx.writes.set(key, { coll, id, doc: next })
    this.locks.set(key, tx)
  }

  commit(txId: unknown): void {
    const tx = this.require(txId)
    for (const key of tx.writes.keys()) {
      if (tx.snapshot.has(key)) this.conflict(tx) // the document was changed after the transaction started
    }
    const changes: DocChange[] = [...tx.writes.values()].map((w) => ({ coll: w.coll, id: w.id, doc: w.doc }))
    this.store.apply(changes, tx.id)
    this.finish(tx, 'committed')
  }

  rollback(txId: unknown): void {
    if (typeof txId === 'string' && this.finished.get(txId) === 'conflicted') return
    const tx = this.require(txId)
    this.finish(tx, 'rolled back')
  }

  private view(tx: Transaction, coll: string, id: DocId): Doc | null {
    const key = docKey(coll, idKey(id))
    const own = tx.writes.get(key)
    if (own) return own.doc
    if (tx.snapshot.has(key)) return tx.snapshot.get(key) ?? null
    return this.store.get(coll, id)?.doc ?? null
  }

  private require(txId: unknown): Transaction {
    if (typeof txId !== 'string' || txId === '') throw transactionFail()
    const tx = this.live.get(txId)
    if (!tx) throw transactionFail() // unknown, or finished (committed, rolled back, conflicted, expired)
    if (this.isExpired(tx)) {
      this.finish(tx, 'expired')
      throw transactionFail() // older than the lifetime
    }
    return tx
  }

  private conflict(tx: Transaction): never {
    this.finish(tx, 'conflicted')
    throw transactionConflict()
  }

  private isExpired(tx: Transaction): boolean {
    return this.now() - tx.startedAt > this.lifetimeMs
  }

  private finish(tx: Transaction, state: State): void {
    tx.state = state
    this.live.delete(tx.id)
    for (const key of tx.writes.keys()) {
      if (this.locks.get(key) === tx) this.locks.delete(key)
    }
    tx.writes.clear()
    tx.snapshot.clear()
    this.finished.set(tx.id, state)
    if (this.finished.size > 10_000) {
      const oldest = this.finished.keys().next().value
      if (oldest !== undefined) this.finished.delete(oldest)
    }
  }

  private expireOld(): void {
    for (const tx of this.live.values()) if (this.isExpired(tx)) this.finish(tx, 'expired')
  }

  private keepSnapshots(coll: string, key: string, before: Doc | null, origin: string | undefined): void {
    if (this.live.size === 0) return
    const k = docKey(coll, key)
    for (const tx of this.live.values()) {
      if (tx.id !== origin && !tx.snapshot.has(k)) tx.snapshot.set(k, before)
    }
  }
}
