// Document storage: SQLite (WAL) in the data folder for durability, and an in-memory copy of every
// collection that all reads use. Each write batch goes to SQLite in one transaction first and only
// then into memory, so memory never holds what the disk does not.
//
// Documents in memory are treated as immutable: writers build new objects (see cloneDoc) and
// replace them, which lets readers and transaction snapshots share references safely.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { CompoundIndex } from './compound'
import { decodeStoredDoc, encodeDoc, type Doc } from './decode'
import { collectionNotExist } from './errors'
import { idKey, isDocId, type DocId } from './ids'
import {
  exactPlans,
  FieldIndex,
  INDEX_MIN_DOCS,
  isScalar,
  keysFor,
  planQuery,
  SELECTIVE_ENOUGH,
  type FieldPlan,
  type Scalar,
} from './indexes'

export interface StoredDoc {
  doc: Doc
  /** Canonical EJSON of doc, as stored on disk. */
  body: string
  /** Insertion order within the collection (kept by updates), to answer indexed reads in stored order. */
  seq: number
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
  /** Field indexes by collection and field (indexes.ts), kept up to date by apply(). */
  private readonly indexes = new Map<string, Map<string, FieldIndex>>()
  /** The declared compound indexes by collection (compound.ts), kept up to date by apply(). */
  private readonly compound = new Map<string, CompoundIndex[]>()
  private nextSeq = 0
  /** Stored EJSON of each document object in memory, to answer reads without re-encoding. */
  private readonly bodies = new WeakMap<Doc, string>()
  private readonly stmt: {
    addCollection: Database.Statement
    upsert: Database.Statement
    remove: Database.Statement
  }

  /**
   * `declared`: per collection, the fields of the indexes config/environment.ts declares; they are
   * indexed from the start (and kept on every write). Other fields get an index on first use.
   * `declaredCompound`: per collection, the field lists of the declared indexes of more than one
   * field, also kept as compound indexes (compound.ts).
   */
  constructor(
    dataDir: string,
    private readonly declared: Readonly<Record<string, readonly string[]>> = {},
    private readonly declaredCompound: Readonly<Record<string, readonly (readonly string[])[]>> = {},
  ) {
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
    for (const name of this.collections.keys()) this.buildDeclared(name)
  }

  /** Builds the declared indexes of a collection (see the constructor). */
  private buildDeclared(name: string): void {
    const docs = this.collections.get(name)
    if (!docs) return
    if (Object.prototype.hasOwnProperty.call(this.declared, name)) for (const field of this.declared[name]) this.indexOf(name, field, docs)
    if (!Object.prototype.hasOwnProperty.call(this.declaredCompound, name)) return
    const compound = this.declaredCompound[name].map((fields) => new CompoundIndex(fields))
    for (const index of compound) for (const [key, s] of docs) index.add(key, s.seq, s.doc)
    this.compound.set(name, compound)
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
      docs.set(row.id, { doc, body: row.body, seq: this.nextSeq++ })
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
    this.buildDeclared(name)
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
      const stored = p.docs.get(p.key)
      const before = stored?.doc ?? null
      for (const listener of this.listeners) listener(p.coll, p.key, before, origin)
      const seq = stored?.seq ?? this.nextSeq++
      if (p.doc === null || p.body === null) p.docs.delete(p.key)
      else {
        p.docs.set(p.key, { doc: p.doc, body: p.body, seq })
        this.bodies.set(p.doc, p.body)
      }
      for (const index of this.indexes.get(p.coll)?.values() ?? []) {
        if (before) index.remove(p.key, before)
        if (p.doc) index.add(p.key, p.doc)
      }
      for (const index of this.compound.get(p.coll) ?? []) {
        if (before) index.remove(p.key)
        if (p.doc) index.add(p.key, seq, p.doc)
      }
    }
  }

  /**
   * The stored documents that can match `query`, in stored order: through the field index that
   * narrows them most (made on first use, see indexes.ts), or all of them.
   */
  candidates(coll: string, query: Doc): StoredDoc[] {
    const docs = this.collection(coll)
    const plans = docs.size >= INDEX_MIN_DOCS ? planQuery(query) : []
    // The plan that narrows most, counted before any key is collected; in the query's order, the
    // first one selective enough ends the search (its fields' indexes are all that get made).
    let best: { index: FieldIndex; plan: FieldPlan; n: number } | null = null
    for (const plan of plans) {
      const index = this.indexOf(coll, plan.field, docs)
      const n = index.count(plan)
      if (n === null || (best && n >= best.n)) continue
      best = { index, plan, n }
      if (n <= docs.size * SELECTIVE_ENOUGH) break
    }
    const keys = best ? keysFor(best.index, best.plan) : null
    if (!keys) return [...docs.values()]
    const found: StoredDoc[] = []
    for (const key of keys) {
      const s = docs.get(key)
      if (s) found.push(s)
    }
    return found.sort((a, b) => a.seq - b.seq)
  }

  /**
   * How many documents of `coll` match `query`, told by the field indexes alone, or null when they
   * cannot tell it exactly (then the matcher counts): a collection under INDEX_MIN_DOCS documents,
   * a query with anything but equalities, $in and ranges on fields (indexes.ts exactPlans), or a
   * field some document holds an array on. A declared compound index whose fields are the query's
   * answers by binary search (compound.ts); otherwise the field indexes' documents are intersected.
   * MongoDB counts such a query from its index too.
   */
  exactCount(coll: string, query: Doc): number | null {
    const docs = this.collections.get(coll)
    if (!docs || docs.size < INDEX_MIN_DOCS) return null
    const plans = exactPlans(query)
    if (!plans) return null
    for (const index of this.compound.get(coll) ?? []) {
      const n = index.count(plans)
      if (n !== null) return n
    }
    const indexed = plans.map((plan) => ({ plan, index: this.indexOf(coll, plan.field, docs) }))
    if (!indexed.every(({ index }) => index.flat)) return null
    // The documents of the plan that holds fewest, each tested against the other plans.
    let best = indexed[0]
    let fewest = best.index.count(best.plan) ?? Infinity
    for (const one of indexed.slice(1)) {
      const n = one.index.count(one.plan) ?? Infinity
      if (n < fewest) [best, fewest] = [one, n]
    }
    const keys = keysFor(best.index, best.plan)
    if (!keys) return null
    const others = indexed.filter((one) => one !== best).map(({ index, plan }) => index.tester(plan))
    let n = 0
    for (const key of keys) {
      const s = docs.get(key)
      if (s && others.every((meets) => meets(s.doc))) n++
    }
    return n
  }

  /**
   * The first `count` documents matching `query` in the order of `order`, read through a declared
   * compound index (compound.ts ascending) when that gives exactly what sorting every match would:
   * a collection of at least INDEX_MIN_DOCS documents, a query of one-value equalities on the
   * index's leading fields, an ascending sort on its last field. Null otherwise.
   */
  sortedHead(coll: string, query: Doc, order: Doc | undefined, count: number): StoredDoc[] | null {
    const docs = this.collections.get(coll)
    const keys = order ? Object.keys(order) : []
    if (!docs || docs.size < INDEX_MIN_DOCS || keys.length !== 1 || order?.[keys[0]] !== 1) return null
    const plans = exactPlans(query)
    const indexes = (this.compound.get(coll) ?? []).filter((i) => i.fields[i.fields.length - 1] === keys[0])
    if (!plans || indexes.length === 0) return null
    const matching = this.exactCount(coll, query)
    if (matching === null) return null
    for (const index of indexes) {
      const ordered = index.ascending(plans, matching)
      if (ordered) return ordered.slice(0, count).map((key) => docs.get(key) as StoredDoc)
    }
    return null
  }

  /**
   * The documents of `coll` whose `field` is equal to one of `values` as an equality sees it (lookup.ts
   * equalityKeys: a leaf array's elements too, through arrays of documents), in stored order: what a
   * $lookup joins, read through the field's index (or by _id). Null when no index serves it: a value
   * that is not a string, number, boolean or date (null also means missing), a path with a numeric
   * part, or a collection under INDEX_MIN_DOCS documents without a declared index on the field.
   * A missing collection has no documents.
   */
  equalTo(coll: string, field: string, values: readonly unknown[]): Doc[] | null {
    const docs = this.collections.get(coll)
    if (!docs) return []
    if (!values.every(isScalar) || field.split('.').some((p) => p === '' || /^\d+$/.test(p))) return null
    const found = new Map<string, StoredDoc>()
    if (field === '_id') {
      for (const v of values) {
        if (!isDocId(v)) continue // a boolean or a date is never an _id
        const s = docs.get(idKey(v))
        if (s) found.set(idKey(v), s)
      }
    } else {
      const index = this.indexes.get(coll)?.get(field) ?? (docs.size >= INDEX_MIN_DOCS ? this.indexOf(coll, field, docs) : null)
      if (!index) return null
      for (const key of index.equal(values as Scalar[])) {
        const s = docs.get(key)
        if (s) found.set(key, s)
      }
    }
    return [...found.values()].sort((a, b) => a.seq - b.seq).map((s) => s.doc)
  }

  private indexOf(coll: string, field: string, docs: ReadonlyMap<string, StoredDoc>): FieldIndex {
    let byField = this.indexes.get(coll)
    if (!byField) this.indexes.set(coll, (byField = new Map()))
    let index = byField.get(field)
    if (!index) {
      index = new FieldIndex(field)
      for (const [key, s] of docs) index.add(key, s.doc)
      byField.set(field, index)
    }
    return index
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
