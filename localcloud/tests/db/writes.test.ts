// Writes through the real wx-server-sdk: add, doc get/set/update/remove, where().update/remove,
// every update operator, server dates, ids and the cloud's errors.
import { ids, rejectionOf, startTestDb, type TestDb } from './helpers'

let t: TestDb
beforeAll(async () => {
  t = await startTestDb()
})
afterAll(async () => {
  await t.stop()
})

const T = Date.UTC(2026, 4, 11, 1, 2, 3, 456)

async function stored(coll: string, id: string): Promise<Record<string, unknown>> {
  return (await t.db.collection(coll).doc(id).get()).data
}

describe('collection.add', () => {
  it('generates a 32-hex _id like the cloud and stores the document', async () => {
    const coll = await t.collection('add')
    const res = await t.db.collection(coll).add({ data: { title: 'x', n: 1.5, when: new Date(T) } })
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    expect(await stored(coll, res._id)).toEqual({ _id: res._id, title: 'x', n: 1.5, when: new Date(T) })
  })

  it('keeps a given _id', async () => {
    const coll = await t.collection('add')
    const res = await t.db.collection(coll).add({ data: { _id: 'mine', v: 1 } })
    expect(res._id).toBe('mine')
    expect(await stored(coll, 'mine')).toEqual({ _id: 'mine', v: 1 })
  })

  it('adds an array of documents and answers their ids in order', async () => {
    const coll = await t.collection('add')
    const res = await t.db.collection(coll).add({ data: [{ _id: 'one' }, { v: 2 }, { _id: 'three' }] })
    expect(res._ids).toHaveLength(3)
    expect(res._ids[0]).toBe('one')
    expect(res._ids[1]).toMatch(/^[0-9a-f]{32}$/)
    expect(res._ids[2]).toBe('three')
    expect((await t.db.collection(coll).count()).total).toBe(3)
  })

  it('refuses a duplicate _id with DATABASE_REQUEST_FAILED (-502001) and writes nothing of the batch', async () => {
    const coll = await t.collection('add')
    await t.db.collection(coll).add({ data: { _id: 'dup', v: 1 } })
    const err = await rejectionOf(t.db.collection(coll).add({ data: { _id: 'dup', v: 2 } }))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/duplicate key/)
    const batch = await rejectionOf(t.db.collection(coll).add({ data: [{ _id: 'fresh' }, { _id: 'dup' }] }))
    expect(batch.errCode).toBe(-502001)
    expect(ids((await t.db.collection(coll).get()).data)).toEqual(['dup'])
    expect((await stored(coll, 'dup')).v).toBe(1)
  })

  it('refuses adding to a collection never created with -502005', async () => {
    const err = await rejectionOf(t.db.collection('no_such_coll').add({ data: { v: 1 } }))
    expect(err.errCode).toBe(-502005)
  })
})

describe('collections', () => {
  it('says a collection exists when it is created twice', async () => {
    const coll = await t.collection('twice')
    const err = await rejectionOf(t.db.createCollection(coll))
    expect(err.errMsg).toMatch(/exist/i)
  })
})

describe('server dates in writes', () => {
  afterEach(() => {
    t.clock.fixed = null
  })

  it('stores db.serverDate() as the server time on insert, with offset', async () => {
    const coll = await t.collection('sd')
    t.clock.fixed = T
    const res = await t.db.collection(coll).add({
      data: { at: t.db.serverDate(), later: t.db.serverDate({ offset: 60_000 }), nested: { at: t.db.serverDate() } },
    })
    const doc = await stored(coll, res._id)
    expect(doc.at).toEqual(new Date(T))
    expect(doc.later).toEqual(new Date(T + 60_000))
    expect(doc.nested).toEqual({ at: new Date(T) })
  })

  it('stores db.serverDate() as the server time on update and set', async () => {
    const coll = await t.collection('sd')
    await t.db.collection(coll).add({ data: { _id: 'u', n: 1 } })
    t.clock.fixed = T + 5
    await t.db
      .collection(coll)
      .doc('u')
      .update({ data: { touched: t.db.serverDate() } })
    expect((await stored(coll, 'u')).touched).toEqual(new Date(T + 5))
    t.clock.fixed = T + 10
    await t.db
      .collection(coll)
      .doc('s')
      .set({ data: { made: t.db.serverDate({ offset: -10 }) } })
    expect(await stored(coll, 's')).toEqual({ _id: 's', made: new Date(T) })
  })

  it('uses the real clock by default', async () => {
    const coll = await t.collection('sd')
    const before = Date.now()
    const res = await t.db.collection(coll).add({ data: { at: t.db.serverDate() } })
    const at = (await stored(coll, res._id)).at as Date
    expect(at).toBeInstanceOf(Date)
    expect(at.getTime()).toBeGreaterThanOrEqual(before)
    expect(at.getTime()).toBeLessThanOrEqual(Date.now())
  })
})

describe('doc(id)', () => {
  let coll: string
  beforeAll(async () => {
    coll = await t.collection('doc')
  })

  it('get() answers the document as an object, types intact', async () => {
    await t.db
      .collection(coll)
      .add({ data: { _id: 'g', int: 3, dbl: 2.25, neg: -7, big: 2 ** 40, when: new Date(T), nul: null, arr: [1, 'a', { b: true }] } })
    const res = await t.db.collection(coll).doc('g').get()
    expect(res.data).toEqual({
      _id: 'g',
      int: 3,
      dbl: 2.25,
      neg: -7,
      big: 2 ** 40,
      when: new Date(T),
      nul: null,
      arr: [1, 'a', { b: true }],
    })
    expect(res.data.when).toBeInstanceOf(Date)
  })

  it('get() of a missing document fails like the cloud: "document with _id X does not exist"', async () => {
    const err = await rejectionOf(t.db.collection(coll).doc('ghost').get())
    expect(err.errMsg).toBe('document.get:fail document with _id ghost does not exist')
  })

  it('get() of a missing document answers data null when throwOnNotFound is false', async () => {
    const lenient = t.cloud.database({ throwOnNotFound: false })
    const res = await lenient.collection(coll).doc('ghost').get()
    expect(res.data).toBeNull()
  })

  it('set() replaces an existing document entirely', async () => {
    await t.db.collection(coll).add({ data: { _id: 'r', a: 1, b: 2 } })
    const res = await t.db
      .collection(coll)
      .doc('r')
      .set({ data: { c: 3 } })
    expect(res.stats).toEqual({ updated: 1, created: 0 })
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', c: 3 })
  })

  it('set() creates a missing document under that id', async () => {
    const res = await t.db
      .collection(coll)
      .doc('new-one')
      .set({ data: { c: 3 } })
    expect(res._id).toBe('new-one')
    expect(res.stats).toEqual({ updated: 0, created: 1 })
    expect(await stored(coll, 'new-one')).toEqual({ _id: 'new-one', c: 3 })
  })

  it('update() merges fields, nested objects included', async () => {
    await t.db.collection(coll).add({ data: { _id: 'm', a: 1, o: { x: 1, y: 1 } } })
    const res = await t.db
      .collection(coll)
      .doc('m')
      .update({ data: { b: 2, o: { y: 5 } } })
    expect(res.stats).toEqual({ updated: 1 })
    expect(await stored(coll, 'm')).toEqual({ _id: 'm', a: 1, b: 2, o: { x: 1, y: 5 } })
  })

  it('update() of a missing document updates nothing and creates nothing', async () => {
    const res = await t.db
      .collection(coll)
      .doc('absent')
      .update({ data: { a: 1 } })
    expect(res.stats).toEqual({ updated: 0 })
    expect((await t.db.collection(coll).where({ _id: 'absent' }).count()).total).toBe(0)
  })

  it('update() that changes nothing reports updated 0', async () => {
    await t.db.collection(coll).add({ data: { _id: 'same', a: 1 } })
    const res = await t.db
      .collection(coll)
      .doc('same')
      .update({ data: { a: 1 } })
    expect(res.stats).toEqual({ updated: 0 })
  })

  it('remove() deletes the document once', async () => {
    await t.db.collection(coll).add({ data: { _id: 'del' } })
    expect((await t.db.collection(coll).doc('del').remove()).stats).toEqual({ removed: 1 })
    expect((await t.db.collection(coll).doc('del').remove()).stats).toEqual({ removed: 0 })
    await rejectionOf(t.db.collection(coll).doc('del').get())
  })

  it('works with numeric ids', async () => {
    await t.db.collection(coll).add({ data: { _id: 42, v: 'num' } })
    expect((await t.db.collection(coll).doc(42).get()).data).toEqual({ _id: 42, v: 'num' })
    await t.db
      .collection(coll)
      .doc(42)
      .update({ data: { v: 'changed' } })
    expect((await t.db.collection(coll).where({ _id: 42 }).get()).data[0].v).toBe('changed')
  })
})

describe('where()', () => {
  it('update() changes every matching document and answers how many', async () => {
    const coll = await t.collection('wu')
    await t.db.collection(coll).add({
      data: [
        { g: 1, n: 0 },
        { g: 1, n: 0 },
        { g: 2, n: 0 },
        { g: 1, n: 0 },
      ],
    })
    const res = await t.db
      .collection(coll)
      .where({ g: 1 })
      .update({ data: { n: t._.inc(1) } })
    expect(res.stats).toEqual({ updated: 3 })
    const ns = (await t.db.collection(coll).get()).data.map((d: { n: number }) => d.n)
    expect(ns).toEqual([1, 1, 0, 1])
  })

  it('update() matching nothing answers updated 0', async () => {
    const coll = await t.collection('wu')
    await t.db.collection(coll).add({ data: { g: 1 } })
    const res = await t.db
      .collection(coll)
      .where({ g: 9 })
      .update({ data: { n: 1 } })
    expect(res.stats).toEqual({ updated: 0 })
  })

  it('remove() deletes every matching document and answers how many', async () => {
    const coll = await t.collection('wr')
    await t.db.collection(coll).add({ data: [{ g: 1 }, { g: 2 }, { g: 1 }, { g: 3 }] })
    const res = await t.db
      .collection(coll)
      .where({ g: t._.in([1, 3]) })
      .remove()
    expect(res.stats).toEqual({ removed: 3 })
    expect((await t.db.collection(coll).get()).data.map((d: { g: number }) => d.g)).toEqual([2])
  })

  it('update() and remove() on a collection never created answer -502005', async () => {
    expect(
      (
        await rejectionOf(
          t.db
            .collection('nope_w')
            .where({ a: 1 })
            .update({ data: { a: 2 } }),
        )
      ).errCode,
    ).toBe(-502005)
    expect((await rejectionOf(t.db.collection('nope_w').where({ a: 1 }).remove())).errCode).toBe(-502005)
  })
})

describe('update operators', () => {
  let coll: string
  let n = 0
  beforeAll(async () => {
    coll = await t.collection('uops')
  })

  /** Adds `doc`, applies `update` through doc(id).update(), answers the stored result. */
  async function after(doc: object, update: object): Promise<Record<string, unknown>> {
    const id = `u${++n}`
    await t.db.collection(coll).add({ data: { _id: id, ...doc } })
    await t.db.collection(coll).doc(id).update({ data: update })
    const { _id, ...rest } = await stored(coll, id)
    expect(_id).toBe(id)
    return rest
  }

  it('set replaces a whole value, objects included', async () => {
    expect(await after({ o: { x: 1, y: 2 } }, { o: t._.set({ z: 3 }) })).toEqual({ o: { z: 3 } })
    expect(await after({}, { 'a.b': 1 })).toEqual({ a: { b: 1 } })
  })

  it('remove deletes a field', async () => {
    expect(await after({ a: 1, b: 2 }, { a: t._.remove() })).toEqual({ b: 2 })
  })

  it('inc and mul do arithmetic, inc creating missing fields', async () => {
    expect(await after({ n: 5 }, { n: t._.inc(-2), m: t._.inc(3) })).toEqual({ n: 3, m: 3 })
    expect(await after({ n: 5 }, { n: t._.mul(1.5) })).toEqual({ n: 7.5 })
  })

  it('min and max keep the smaller or larger value', async () => {
    expect(await after({ a: 5, b: 5 }, { a: t._.min(3), b: t._.min(9) })).toEqual({ a: 3, b: 5 })
    expect(await after({ a: 5, b: 5 }, { a: t._.max(3), b: t._.max(9) })).toEqual({ a: 5, b: 9 })
    expect(await after({ at: new Date(T) }, { at: t._.max(new Date(T + 1)) })).toEqual({ at: new Date(T + 1) })
  })

  it('rename moves a field', async () => {
    expect(await after({ old: 1, keep: 2 }, { old: t._.rename('fresh') })).toEqual({ fresh: 1, keep: 2 })
  })

  it('push appends values, with each, position, sort and slice', async () => {
    expect(await after({ a: [1] }, { a: t._.push(2) })).toEqual({ a: [1, 2] })
    expect(await after({ a: [1] }, { a: t._.push([2, 3]) })).toEqual({ a: [1, 2, 3] })
    expect(await after({ a: [1, 4] }, { a: t._.push({ each: [2, 3], position: 1 }) })).toEqual({ a: [1, 2, 3, 4] })
    expect(await after({ a: [5, 1] }, { a: t._.push({ each: [3, 9], sort: -1, slice: 3 }) })).toEqual({ a: [9, 5, 3] })
    expect(await after({}, { a: t._.push(['x']) })).toEqual({ a: ['x'] })
  })

  it('pop, shift and unshift take from and add to the ends', async () => {
    expect(await after({ a: [1, 2, 3] }, { a: t._.pop() })).toEqual({ a: [1, 2] })
    expect(await after({ a: [1, 2, 3] }, { a: t._.shift() })).toEqual({ a: [2, 3] })
    expect(await after({ a: [3] }, { a: t._.unshift([1, 2]) })).toEqual({ a: [1, 2, 3] })
  })

  it('pull, pullAll and addToSet edit arrays by value', async () => {
    expect(await after({ a: [1, 2, 3, 2] }, { a: t._.pull(2) })).toEqual({ a: [1, 3] })
    expect(await after({ a: [1, 5, 3, 8] }, { a: t._.pull(t._.gt(4)) })).toEqual({ a: [1, 3] })
    expect(await after({ a: [{ k: 1 }, { k: 2 }] }, { a: t._.pull({ k: 2 }) })).toEqual({ a: [{ k: 1 }] })
    expect(await after({ a: [1, 2, 3, 1] }, { a: t._.pullAll([1, 3]) })).toEqual({ a: [2] })
    expect(await after({ a: [1, 2] }, { a: t._.addToSet(2) })).toEqual({ a: [1, 2] })
    expect(await after({ a: [1, 2] }, { a: t._.addToSet(3) })).toEqual({ a: [1, 2, 3] })
    expect(await after({ a: [1] }, { a: t._.addToSet({ $each: [1, 4, 4, 5] }) })).toEqual({ a: [1, 4, 5] })
  })

  it('applies several operators of one update together', async () => {
    expect(await after({ n: 1, tags: ['a'], gone: true }, { n: t._.inc(1), tags: t._.push('b'), gone: t._.remove(), s: 'x' })).toEqual({
      n: 2,
      tags: ['a', 'b'],
      s: 'x',
    })
  })

  it('refuses an operator that does not fit the stored value, changing nothing', async () => {
    await t.db.collection(coll).add({ data: { _id: 'bad', s: 'text' } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .doc('bad')
        .update({ data: { s: t._.inc(1) } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(await stored(coll, 'bad')).toEqual({ _id: 'bad', s: 'text' })
  })
})
