// Document storage: SQLite (WAL) in the data folder for durability, and an in-memory copy of every
// collection that all reads use. Each write batch goes to SQLite in one transaction first and only
// then into memory, so memory never holds what the disk does not.
//
// Documents in memory are treated as immutable: writers build new objects (see cloneDoc) and
// replace them, which lets readers and transaction snapshots share references safely.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { decodeStoredDoc, encodeDoc, type Doc } from './decode'
import { collectionNotExist } from './errors'
import { idKey, type DocId } from './ids'

export interface StoredDoc {
  doc: Doc
  /** Canonical EJSON of doc, as stored on disk. */
  body: string
}

export interface DocChange {
  coll: string
  id: DocId
  /** The new document, or null to delete it. */
  doc: Doc | null
  /** encodeDoc(doc), when the caller already has it. */
  body?: string
}

/** Told about each document about to change, with its current (soon previous) version. */
export type BeforeWriteListener = (coll: string, key: string, before: Doc | null, origin: string | undefined) => void

const SCHEMA = `
CREATE TABLE IF NOT EXISTS collections (
  name TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  coll TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (coll, id)
);
`

export class DocStore {
  private readonly db: Database.Database
  private readonly collections = new Map<string, Map<string, StoredDoc>>()
  private readonly listeners: BeforeWriteListener[] = []
  /** Stored EJSON of each document object in memory, to answer reads without re-encoding. */
  private readonly bodies = new WeakMap<Doc, string>()
  private readonly stmt: {
    addCollection: Database.Statement
    upsert: Database.Statement
    remove: Database.Statement
  }

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, 'localcloud-db.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(SCHEMA)
    this.stmt = {
      addCollection: this.db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)'),
      upsert: this.db.prepare(
        'INSERT INTO documents (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body',
      ),
      remove: this.db.prepare('DELETE FROM documents WHERE coll = ? AND id = ?'),
    }
    this.load()
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT name FROM collections ORDER BY created_at, name').all() as { name: string }[]) {
      this.collections.set(row.name, new Map())
    }
    const rows = this.db.prepare('SELECT coll, id, body FROM documents ORDER BY rowid').iterate() as Iterable<{
      coll: string
      id: string
      body: string
    }>
    for (const row of rows) {
      const docs = this.collections.get(row.coll)
      if (!docs) continue
      const doc = decodeStoredDoc(row.body)
      docs.set(row.id, { doc, body: row.body })
      this.bodies.set(doc, row.body)
    }
  }

  onBeforeWrite(listener: BeforeWriteListener): void {
    this.listeners.push(listener)
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  /** Creates a collection; false when it already exists. */
  createCollection(name: string, createdAt: number): boolean {
    if (this.collections.has(name)) return false
    this.stmt.addCollection.run(name, createdAt)
    this.collections.set(name, new Map())
    return true
  }

  /** The documents of a collection in insertion order; throws the cloud's error when it is missing. */
  collection(name: string): ReadonlyMap<string, StoredDoc> {
    const docs = this.collections.get(name)
    if (!docs) throw collectionNotExist(name)
    return docs
  }

  /** The documents of a collection, or [] when it does not exist (for $lookup). */
  docsOrEmpty(name: string): Doc[] {
    const docs = this.collections.get(name)
    return docs ? [...docs.values()].map((s) => s.doc) : []
  }

  /** The EJSON of a document (the stored text when `doc` is a stored object). */
  encode(doc: Doc): string {
    return this.bodies.get(doc) ?? encodeDoc(doc)
  }

  get(coll: string, id: DocId): StoredDoc | undefined {
    return this.collection(coll).get(idKey(id))
  }

  /**
   * Applies a batch of changes atomically: one SQLite transaction, then memory. `origin` names the
   * transaction committing the batch (if any), for the before-write listeners.
   */
  apply(changes: DocChange[], origin?: string): void {
    if (changes.length === 0) return
    const prepared = changes.map((c) => {
      const docs = this.collections.get(c.coll)
      if (!docs) throw collectionNotExist(c.coll)
      const key = idKey(c.id)
      return { ...c, key, docs, body: c.doc ? (c.body ?? encodeDoc(c.doc)) : null }
    })
    this.db.transaction(() => {
      for (const p of prepared) {
        if (p.body === null) this.stmt.remove.run(p.coll, p.key)
        else this.stmt.upsert.run(p.coll, p.key, p.body)
      }
    })()
    for (const p of prepared) {
      const before = p.docs.get(p.key)?.doc ?? null
      for (const listener of this.listeners) listener(p.coll, p.key, before, origin)
      if (p.doc === null || p.body === null) p.docs.delete(p.key)
      else {
        p.docs.set(p.key, { doc: p.doc, body: p.body })
        this.bodies.set(p.doc, p.body)
      }
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
