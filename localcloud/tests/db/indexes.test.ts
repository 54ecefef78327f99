// Field indexes narrow the documents a query is tested on and must never change a result: for
// random documents (strings, numbers, dates, booleans, null, missing, arrays, arrays of documents)
// and random equality, $in and range queries, the indexed candidates then the matcher give exactly
// the documents, in stored order, that testing every document gives, also after updates and
// deletes. And an index does serve: an equality on a 20,000-document collection tests only its
// matches. A count the indexes answer alone is the matcher's count. Joins ($lookup) through the foreign field's index join what a join over the whole
// collection joins.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Doc } from '../../db/decode'
import { compileQuery, findDocs, runPipeline, type JoinedCollections } from '../../db/engine'
import { CompoundIndex } from '../../db/compound'
import { exactPlans, INDEX_MIN_DOCS, planQuery } from '../../db/indexes'
import { DocStore } from '../../db/store'

let dir: string
let store: DocStore
let seed = 11
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]

const WORDS = ['a', 'b', 'c', 'east', 'west', '东湖', '10', '2']
const NUMS = [0, 1, 2, 2.5, 10, -3, 1e6]
const DATES = [0, 1, 2, 3].map((d) => new Date(Date.UTC(2026, 11, 1 + d)))

function scalar(): unknown {
  const r = rnd()
  if (r < 0.35) return pick(WORDS)
  if (r < 0.65) return pick(NUMS)
  if (r < 0.8) return pick(DATES)
  if (r < 0.9) return rnd() < 0.5
  return null
}

function value(depth = 0): unknown {
  const r = rnd()
  if (r < 0.7 || depth > 1) return scalar()
  if (r < 0.85) return [scalar(), scalar()]
  return [{ v: scalar() }, { v: scalar(), w: value(depth + 1) }]
}

function randomDoc(i: number): Doc {
  const doc: Doc = { _id: `d${i}`, n: i }
  if (rnd() < 0.9) doc.k = pick(WORDS)
  if (rnd() < 0.9) doc.y = scalar() // never an array: ranges on it are planned
  if (rnd() < 0.9) doc.x = rnd() < 0.8 ? scalar() : value()
  if (rnd() < 0.8) doc.o = { v: rnd() < 0.8 ? scalar() : value() }
  if (rnd() < 0.5) doc.list = value()
  return doc
}

function randomCondition(): unknown {
  const s = () => pick([pick(WORDS), pick(NUMS), pick(DATES)])
  const r = rnd()
  if (r < 0.3) return s()
  if (r < 0.45) return { $in: [s(), s(), s()] }
  if (r < 0.55) return { $eq: s() }
  const lo = rnd() < 0.5 ? pick(NUMS) : pick(WORDS)
  const hi = typeof lo === 'number' ? pick(NUMS) : pick(WORDS)
  if (r < 0.7) return { $gte: lo, $lte: hi }
  if (r < 0.8) return { $gt: lo }
  if (r < 0.9) return { $lt: pick(DATES) }
  return { $gte: lo, $ne: hi }
}

function randomQuery(): Doc {
  const field = pick(['k', 'y', 'y', 'x', 'o.v', 'list', 'list.v'])
  const q: Doc = { [field]: randomCondition() }
  if (rnd() < 0.3) q.$and = [{ [pick(['k', 'x', 'y'])]: randomCondition() }, { [field]: randomCondition() }]
  return q
}

const ids = (docs: Doc[]) => docs.map((d) => String(d._id))
const scanned = (query: Doc) => {
  const matches = compileQuery(query)
  return [...store.collection('c').values()].map((s) => s.doc).filter(matches)
}
const indexed = (query: Doc) => {
  const matches = compileQuery(query)
  return store
    .candidates('c', query)
    .map((s) => s.doc)
    .filter(matches)
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-indexes-'))
  store = new DocStore(dir)
  store.createCollection('c', Date.now())
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('field indexes', () => {
  test('500 random queries over 2,000 random documents answer what a full scan answers, in stored order', () => {
    store.apply(Array.from({ length: 2000 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: randomDoc(i) })))
    let planned = 0
    for (let q = 0; q < 500; q++) {
      const query = randomQuery()
      if (planQuery(query).length > 0) planned++
      expect({ query, ids: ids(indexed(query)) }).toEqual({ query, ids: ids(scanned(query)) })
    }
    expect(planned).toBeGreaterThan(400)
  })

  test('after random inserts, updates and deletes the indexes still answer what a full scan answers', () => {
    store.apply(Array.from({ length: 1500 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: randomDoc(i) })))
    for (let q = 0; q < 50; q++) indexed(randomQuery()) // make the indexes
    for (let round = 0; round < 20; round++) {
      const changes = Array.from({ length: 50 }, () => {
        const i = Math.floor(rnd() * 1700)
        return { coll: 'c', id: `d${i}`, doc: rnd() < 0.2 ? null : randomDoc(i) }
      })
      store.apply(changes.filter((c, i) => changes.findIndex((d) => d.id === c.id) === i))
      for (let q = 0; q < 25; q++) {
        const query = randomQuery()
        expect({ query, ids: ids(indexed(query)) }).toEqual({ query, ids: ids(scanned(query)) })
      }
    }
  })

  test('an equality on a large collection tests only its matches; a small collection is scanned', () => {
    store.apply(Array.from({ length: 20_000 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: { _id: `d${i}`, a: `a${i % 500}`, t: i } })))
    expect(store.candidates('c', { a: 'a7' })).toHaveLength(40)
    // Strings compare as strings: a10, a11, a12 and a100 to a119 (23 values, 40 documents each).
    expect(store.candidates('c', { a: { $gte: 'a10', $lte: 'a12' } })).toHaveLength(920)
    expect(store.candidates('c', { t: { $gte: 100, $lt: 110 } }).map((s) => s.doc.t)).toEqual([
      100, 101, 102, 103, 104, 105, 106, 107, 108, 109,
    ])
    expect(store.candidates('c', { a: null })).toHaveLength(20_000) // null also matches missing: scanned
    store.createCollection('small', Date.now())
    store.apply(Array.from({ length: INDEX_MIN_DOCS - 1 }, (_, i) => ({ coll: 'small', id: `s${i}`, doc: { _id: `s${i}`, a: i } })))
    expect(store.candidates('small', { a: 3 })).toHaveLength(INDEX_MIN_DOCS - 1)
  })

  test('a range is not planned while a document holds an array on the path (an array meets each bound by any element)', () => {
    store.apply(Array.from({ length: 1200 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: { _id: `d${i}`, v: i } })))
    expect(store.candidates('c', { v: { $gt: 2, $lt: 5 } })).toHaveLength(2)
    store.apply([{ coll: 'c', id: 'arr', doc: { _id: 'arr', v: [1, 10] } }])
    const query = { v: { $gt: 2, $lt: 5 } }
    expect(store.candidates('c', query)).toHaveLength(1201)
    expect(ids(indexed(query))).toEqual(['d3', 'd4', 'arr'])
  })
})

describe('counts from the indexes', () => {
  /** Random queries on one or two fields, some of them with conditions no index answers exactly. */
  const countQuery = (): Doc => {
    const q = randomQuery()
    if (rnd() < 0.4) q[pick(['k', 'y', 'o.v'])] = randomCondition()
    return q
  }

  test('a count the indexes answer alone is what the matcher counts, also after random writes; other counts are left to the matcher', () => {
    store.apply(Array.from({ length: 2000 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: randomDoc(i) })))
    let exact = 0
    let left = 0
    for (let round = 0; round < 6; round++) {
      for (let q = 0; q < 100; q++) {
        const query = countQuery()
        const counted = store.exactCount('c', query)
        if (counted === null) left++
        else {
          exact++
          expect({ query, counted }).toEqual({ query, counted: scanned(query).length })
        }
      }
      const changes = Array.from({ length: 100 }, () => {
        const i = Math.floor(rnd() * 2200)
        return { coll: 'c', id: `d${i}`, doc: rnd() < 0.2 ? null : randomDoc(i) }
      })
      store.apply(changes.filter((c, i) => changes.findIndex((d) => d.id === c.id) === i))
    }
    expect(exact).toBeGreaterThan(150)
    expect(left).toBeGreaterThan(150)
  })

  test('only equalities, $in and ranges of one type on fields no document holds an array on are counted from the indexes', () => {
    store.apply(
      Array.from({ length: 1200 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: { _id: `d${i}`, a: `a${i % 3}`, t: i, o: { v: i % 2 } } })),
    )
    expect(store.exactCount('c', { a: 'a1', t: { $gte: 100, $lt: 200 } })).toBe(34)
    expect(store.exactCount('c', { $and: [{ 'o.v': 1 }, { a: { $in: ['a0', 'a2'] } }] })).toBe(400)
    expect(exactPlans({ a: { $gte: 'a', $ne: 'a1' } })).toBeNull()
    expect(exactPlans({ a: null })).toBeNull()
    expect(exactPlans({ _id: 'd1' })).toBeNull()
    expect(exactPlans({ a: { $gte: 1, $lt: 'b' } })).toBeNull()
    expect(exactPlans({ a: { $gt: false } })).toBeNull()
    expect(exactPlans({ 'o.0': 1 })).toBeNull()
    expect(exactPlans({ $or: [{ a: 'a1' }] })).toBeNull()
    store.apply([{ coll: 'c', id: 'arr', doc: { _id: 'arr', a: ['a1', 'a2'], t: 5 } }])
    expect(store.exactCount('c', { a: 'a1' })).toBeNull()
    expect(store.exactCount('c', { t: 5 })).toBe(2)
    // [1, 10] is within (2, 5) for MongoDB (1 < 5 and 10 > 2): a range on t is left to the matcher.
    store.apply([{ coll: 'c', id: 'arr2', doc: { _id: 'arr2', t: [1, 10], o: { v: 1 } } }])
    expect(store.exactCount('c', { 'o.v': 1, t: { $gt: 2, $lt: 5 } })).toBeNull()
    expect(scanned({ 'o.v': 1, t: { $gt: 2, $lt: 5 } }).map((d) => d._id)).toEqual(['d3', 'arr2'])
    store.createCollection('small', Date.now())
    store.apply([{ coll: 'small', id: 's', doc: { _id: 's', a: 1 } }])
    expect(store.exactCount('small', { a: 1 })).toBeNull()
  })
})

describe('compound indexes', () => {
  /** An equality, $in or range condition (some of them not exact, to be left alone). */
  const leading = () => (rnd() < 0.7 ? pick([pick(WORDS), pick(NUMS), pick(DATES), true]) : { $in: [pick(WORDS), pick(NUMS), pick(WORDS)] })
  const compoundQuery = (): Doc => {
    const r = rnd()
    if (r < 0.45) return { k: leading(), y: randomCondition() }
    if (r < 0.9)
      return { $and: [{ y: leading() }], n: rnd() < 0.5 ? { $gte: Math.floor(rnd() * 2000), $lt: Math.floor(rnd() * 2000) } : { $lt: 900 } }
    return { k: leading(), x: randomCondition() }
  }

  test('a compound index counts what the matcher counts, after random writes too, and answers nothing while a field holds an array', () => {
    const indexes = [new CompoundIndex(['k', 'y']), new CompoundIndex(['y', 'n']), new CompoundIndex(['k', 'x'])]
    const seqs = new Map<string, number>()
    let seq = 0
    const write = (changes: { coll: string; id: string; doc: Doc | null }[]) => {
      for (const c of changes) {
        for (const index of indexes) {
          if (store.collection('c').has(c.id)) index.remove(c.id)
          if (c.doc) index.add(c.id, seqs.get(c.id) ?? seq, c.doc)
        }
        if (c.doc && !seqs.has(c.id)) seqs.set(c.id, seq++)
        if (!c.doc) seqs.delete(c.id)
      }
      store.apply(changes)
    }
    write(Array.from({ length: 1500 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: randomDoc(i) })))
    let counted = 0
    let arrays = 0
    for (let round = 0; round < 5; round++) {
      for (let q = 0; q < 100; q++) {
        const query = compoundQuery()
        const plans = exactPlans(query)
        for (const index of indexes) {
          const n = plans && index.count(plans)
          if (n === null || n === undefined) continue
          counted++
          expect({ query, n }).toEqual({ query, n: scanned(query).length })
        }
        if (plans && 'x' in query && indexes[2].count(plans) === null) arrays++
      }
      const changes = Array.from({ length: 80 }, () => {
        const i = Math.floor(rnd() * 1700)
        return { coll: 'c', id: `d${i}`, doc: rnd() < 0.2 ? null : randomDoc(i) }
      })
      write(changes.filter((c, i) => changes.findIndex((d) => d.id === c.id) === i))
    }
    expect(counted).toBeGreaterThan(200)
    expect(arrays).toBeGreaterThan(10)
  })

  test('a store counts through its declared compound index what the matcher counts', () => {
    const declared = new DocStore(path.join(dir, 'declared'), {}, { r: [['activityId', 'status', 'waitKey']] })
    try {
      declared.createCollection('r', Date.now())
      const regs = Array.from({ length: 3000 }, (_, i) => ({
        _id: `r${i}`,
        activityId: `a${i % 3}`,
        status: pick(['confirmed', 'waitlisted', 'cancelled']),
        waitKey: `${String(Math.floor(rnd() * 1e6)).padStart(7, '0')}-${i}`,
      }))
      declared.apply(regs.map((doc) => ({ coll: 'r', id: doc._id, doc })))
      const queryFor = (i: number) => ({ activityId: `a${i % 3}`, status: 'waitlisted', waitKey: { $lt: regs[i].waitKey } })
      for (const i of [0, 1, 2, 500, 2999]) {
        const query = queryFor(i)
        const matches = compileQuery(query)
        const expected = [...declared.collection('r').values()].filter((s) => matches(s.doc)).length
        expect({ query, n: declared.exactCount('r', query) }).toEqual({ query, n: expected })
      }
    } finally {
      declared.close()
    }
  })
})

describe('sorts through compound indexes', () => {
  test('a sorted, limited read through a compound index answers what sorting every match answers', () => {
    const declared = new DocStore(path.join(dir, 'sorted'), {}, { r: [['a', 's', 'w']] })
    try {
      declared.createCollection('r', Date.now())
      const w = () => {
        const r = rnd()
        if (r < 0.9) return `k${Math.floor(rnd() * 300)}` // ties among 1,500 documents
        return pick([undefined, null, 5, ['k1', 'k2'], new Date(0)])
      }
      const doc = (i: number): Doc => ({ _id: `r${i}`, a: `a${i % 3}`, s: pick(['x', 'y', 'y']), ...(rnd() < 0.97 ? { w: w() } : {}) })
      const all = () => [...declared.collection('r').values()].map((d) => d.doc)
      // Start without odd values on w, so the index serves; then random writes bring some in.
      declared.apply(
        Array.from({ length: 1500 }, (_, i) => ({
          coll: 'r',
          id: `r${i}`,
          doc: { _id: `r${i}`, a: `a${i % 3}`, s: pick(['x', 'y']), w: `k${Math.floor(rnd() * 300)}` },
        })),
      )
      let served = 0
      for (let round = 0; round < 8; round++) {
        for (let q = 0; q < 15; q++) {
          const query = rnd() < 0.8 ? { a: `a${Math.floor(rnd() * 3)}`, s: pick(['x', 'y']) } : { a: 'a1', s: { $in: ['x', 'y'] } }
          const opts = { order: { w: 1 }, offset: Math.floor(rnd() * 30), limit: 1 + Math.floor(rnd() * 40) }
          const head = declared.sortedHead('r', query, opts.order, opts.offset + opts.limit)
          if (head) served++
          const viaIndex = findDocs(head ? head.map((s) => s.doc) : all(), query, opts)
          expect({ query, opts, ids: ids(viaIndex) }).toEqual({ query, opts, ids: ids(findDocs(all(), query, opts)) })
        }
        const changes = Array.from({ length: 20 }, () => {
          const i = Math.floor(rnd() * 1600)
          return { coll: 'r', id: `r${i}`, doc: rnd() < 0.2 ? null : doc(i) }
        })
        declared.apply(changes.filter((c, i) => changes.findIndex((d) => d.id === c.id) === i))
      }
      expect(served).toBeGreaterThan(15)
      expect(declared.sortedHead('r', { a: 'a1', s: 'x' }, { w: -1 }, 10)).toBeNull() // descending: sorted by the matcher
    } finally {
      declared.close()
    }
  })
})

describe('joins through indexes', () => {
  const LIMITS = { defaultLimit: 10_000, maxLimit: 10_000 }
  /** The stored collections as an aggregation sees them, with or without the indexes. */
  const collections = (indexes: boolean): JoinedCollections => ({
    all: (name) => store.docsOrEmpty(name),
    candidates: (name, query) => (indexes ? store.candidates(name, query) : [...store.collection(name).values()]).map((s) => s.doc),
    equalTo: (name, field, values) => (indexes ? store.equalTo(name, field, values) : null),
  })
  const joinedIds = (out: Doc[]) => out.map((d) => [d._id, ids(d.m as Doc[])])

  test('32 random localField/foreignField joins of 6 documents into 1,200 random documents join what a whole-collection join joins', () => {
    store.apply(Array.from({ length: 1200 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: randomDoc(i) })))
    const local = Array.from({ length: 60 }, (_, i) => ({
      ...randomDoc(5000 + i),
      ref: rnd() < 0.8 ? `d${Math.floor(rnd() * 1300)}` : pick([null, 3, ['d1', 'd2']]),
    }))
    let served = 0
    for (let j = 0; j < 32; j++) {
      const localField = ['k', 'y', 'x', 'o.v', 'list', 'list.v', 'ref', 'missing'][j % 8]
      const foreignField = localField === 'ref' ? '_id' : pick(['k', 'y', 'x', 'o.v', 'list', 'list.v'])
      const pipeline = [{ $lookup: { from: 'c', localField, foreignField, as: 'm' } }]
      const viaIndex = runPipeline(local, pipeline, collections(true), LIMITS)
      const whole = runPipeline(local, pipeline, collections(false), LIMITS)
      expect({ localField, foreignField, joined: joinedIds(viaIndex) }).toEqual({ localField, foreignField, joined: joinedIds(whole) })
      if (local.some((d) => store.equalTo('c', foreignField, [(d as Doc)[localField]].flat()) !== null)) served++
    }
    expect(served).toBeGreaterThanOrEqual(20)
  })

  test('a pipeline join starting with a $match joins what it joins over the whole collection', () => {
    store.apply(Array.from({ length: 2000 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: randomDoc(i) })))
    const local = [{ _id: 'l1' }, { _id: 'l2' }]
    for (let j = 0; j < 100; j++) {
      const match = rnd() < 0.2 ? { _id: `d${Math.floor(rnd() * 2100)}` } : randomQuery()
      const pipeline = [{ $lookup: { from: 'c', pipeline: [{ $match: match }, { $project: { n: 1 } }], as: 'm' } }]
      expect({ match, joined: joinedIds(runPipeline(local, pipeline, collections(true), LIMITS)) }).toEqual({
        match,
        joined: joinedIds(runPipeline(local, pipeline, collections(false), LIMITS)),
      })
    }
  })

  test('a join into a collection under INDEX_MIN_DOCS without a declared index reads it whole; a declared index serves at any size', () => {
    store.apply(Array.from({ length: 10 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: { _id: `d${i}`, a: i % 3 } })))
    expect(store.equalTo('c', 'a', [1])).toBeNull()
    expect(store.equalTo('c', '_id', ['d4', 'd1', 'nope'])?.map((d) => d._id)).toEqual(['d1', 'd4'])
    expect(store.equalTo('c', 'a', [null])).toBeNull() // null also matches a missing field
    const declared = new DocStore(path.join(dir, 'declared'), { c: ['a'] })
    try {
      declared.createCollection('c', Date.now())
      declared.apply(Array.from({ length: 10 }, (_, i) => ({ coll: 'c', id: `d${i}`, doc: { _id: `d${i}`, a: i % 3 } })))
      expect(declared.equalTo('c', 'a', [1])?.map((d) => d._id)).toEqual(['d1', 'd4', 'd7'])
      expect(declared.equalTo('none', 'a', [1])).toEqual([])
    } finally {
      declared.close()
    }
  })
})
