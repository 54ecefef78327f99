// Reads through the real wx-server-sdk: limits, paging, ordering, projection, count, every query
// operator the SDK can send (geo aside) and server dates in queries.
import { ids, rejectionOf, startTestDb, type TestDb } from './helpers'

let t: TestDb
beforeAll(async () => {
  t = await startTestDb()
})
afterAll(async () => {
  await t.stop()
})

describe('limits and paging', () => {
  let coll: string
  beforeAll(async () => {
    coll = await t.collection('many')
    const data = Array.from({ length: 1200 }, (_, n) => ({ n }))
    const res = await t.db.collection(coll).add({ data })
    expect(res._ids).toHaveLength(1200)
  })

  it('answers 100 documents when no limit is given', async () => {
    const res = await t.db.collection(coll).get()
    expect(res.data).toHaveLength(100)
  })

  it('answers up to 1000 documents when asked for 1000', async () => {
    const res = await t.db.collection(coll).limit(1000).get()
    expect(res.data).toHaveLength(1000)
  })

  it('caps a limit above 1000 at 1000', async () => {
    const res = await t.db.collection(coll).limit(5000).get()
    expect(res.data).toHaveLength(1000)
  })

  it('skips and limits after sorting', async () => {
    const res = await t.db.collection(coll).orderBy('n', 'desc').skip(10).limit(3).get()
    expect(res.data.map((d: { n: number }) => d.n)).toEqual([1189, 1188, 1187])
  })

  it('returns documents in insertion order without orderBy', async () => {
    const res = await t.db.collection(coll).skip(500).limit(2).get()
    expect(res.data.map((d: { n: number }) => d.n)).toEqual([500, 501])
  })

  it('counts every matching document, beyond the read limit', async () => {
    const all = await t.db.collection(coll).count()
    expect(all.total).toBe(1200)
    const some = await t.db
      .collection(coll)
      .where({ n: t._.gte(1150) })
      .count()
    expect(some.total).toBe(50)
  })
})

describe('ordering and projection', () => {
  let coll: string
  beforeAll(async () => {
    coll = await t.collection('order')
    await t.db.collection(coll).add({
      data: [
        { _id: 'p1', g: 'b', n: 1, a: 'x', b: 'y', t: [1, 2, 3] },
        { _id: 'p2', g: 'a', n: 1, a: 'x', b: 'y', t: [4, 5] },
        { _id: 'p3', g: 'b', n: 3, a: 'x', b: 'y', t: [] },
        { _id: 'p4', g: 'a', n: 2, a: 'x', b: 'y', t: [6] },
      ],
    })
  })

  it('orders by several fields in the order they were given', async () => {
    const res = await t.db.collection(coll).orderBy('g', 'asc').orderBy('n', 'desc').get()
    expect(ids(res.data)).toEqual(['p4', 'p2', 'p3', 'p1'])
  })

  it('includes only the requested fields (and _id) with field({x: true})', async () => {
    const res = await t.db.collection(coll).where({ _id: 'p1' }).field({ a: true }).get()
    expect(res.data).toEqual([{ _id: 'p1', a: 'x' }])
  })

  it('excludes fields with field({x: false})', async () => {
    const res = await t.db.collection(coll).doc('p1').field({ a: false, t: false }).get()
    expect(res.data).toEqual({ _id: 'p1', g: 'b', n: 1, b: 'y' })
  })

  it('slices arrays with project.slice', async () => {
    const res = await t.db
      .collection(coll)
      .where({ _id: 'p1' })
      .field({ t: t._.project.slice(2) })
      .get()
    expect(res.data[0].t).toEqual([1, 2])
  })
})

describe('query operators', () => {
  let coll: string
  const find = async (where: object): Promise<unknown[]> => {
    const res = await t.db.collection(coll).where(where).orderBy('_id', 'asc').get()
    return ids(res.data)
  }

  beforeAll(async () => {
    coll = await t.collection('ops')
    await t.db.collection(coll).add({
      data: [
        {
          _id: 'a',
          n: 1,
          s: 'Apple pie',
          tags: ['x', 'y'],
          o: { x: 1 },
          arr: [
            { k: 1, v: 'p' },
            { k: 5, v: 'q' },
          ],
          lo: 3,
          hi: 5,
        },
        { _id: 'b', n: 2, s: 'banana', tags: ['y'], o: { x: 2 }, arr: [{ k: 2, v: 'p' }], lo: 7, hi: 4 },
        { _id: 'c', n: 3, s: 'Cherry', tags: [], none: null, lo: 1, hi: 1 },
        { _id: 'd', n: 4, s: 'apricot', tags: ['x', 'y', 'z'], o: { x: 1, y: 2 }, lo: 2, hi: 9 },
      ],
    })
  })

  it('compares with eq, neq, gt, gte, lt and lte', async () => {
    const _ = t._
    expect(await find({ n: _.eq(2) })).toEqual(['b'])
    expect(await find({ n: _.neq(2) })).toEqual(['a', 'c', 'd'])
    expect(await find({ n: _.gt(2) })).toEqual(['c', 'd'])
    expect(await find({ n: _.gte(2) })).toEqual(['b', 'c', 'd'])
    expect(await find({ n: _.lt(2) })).toEqual(['a'])
    expect(await find({ n: _.lte(2) })).toEqual(['a', 'b'])
  })

  it('matches sets with in and nin', async () => {
    expect(await find({ n: t._.in([1, 3]) })).toEqual(['a', 'c'])
    expect(await find({ n: t._.nin([1, 3]) })).toEqual(['b', 'd'])
  })

  it('combines conditions with and, or, nor and not (field level and top level)', async () => {
    const _ = t._
    expect(await find({ n: _.gt(1).and(_.lt(4)) })).toEqual(['b', 'c'])
    expect(await find(_.and([{ n: _.gt(1) }, { tags: 'x' }]))).toEqual(['d'])
    expect(await find({ n: _.lt(2).or(_.gt(3)) })).toEqual(['a', 'd'])
    expect(await find(_.or([{ s: 'banana' }, { n: 3 }]))).toEqual(['b', 'c'])
    expect(await find(_.nor([{ n: 1 }, { n: 2 }]))).toEqual(['c', 'd'])
    expect(await find({ n: _.not(_.gt(2)) })).toEqual(['a', 'b'])
  })

  it('tests fields and arrays with exists, size, elemMatch and all', async () => {
    const _ = t._
    expect(await find({ o: _.exists(true) })).toEqual(['a', 'b', 'd'])
    expect(await find({ none: _.exists(true) })).toEqual(['c'])
    expect(await find({ o: _.exists(false) })).toEqual(['c'])
    expect(await find({ tags: _.size(2) })).toEqual(['a'])
    expect(await find({ arr: _.elemMatch({ k: _.gt(1), v: 'p' }) })).toEqual(['b'])
    expect(await find({ tags: _.all(['x', 'y']) })).toEqual(['a', 'd'])
  })

  it('matches array members and nested fields by value', async () => {
    expect(await find({ tags: 'z' })).toEqual(['d'])
    expect(await find({ o: { x: 1 } })).toEqual(['a', 'd'])
    expect(await find({ 'o.y': 2 })).toEqual(['d'])
  })

  it('computes remainders with mod', async () => {
    expect(await find({ n: t._.mod(2, 0) })).toEqual(['b', 'd'])
  })

  it('evaluates aggregation expressions with expr', async () => {
    expect(await find(t._.expr(t.$.gt(['$hi', '$lo'])))).toEqual(['a', 'd'])
    expect(await find(t._.expr(t.$.eq([t.$.add(['$lo', 1]), '$hi'])))).toEqual([])
    expect(await find(t._.expr(t.$.eq([t.$.add(['$lo', 2]), '$hi'])))).toEqual(['a'])
  })

  it('matches regular expressions from db.RegExp and JS RegExp, also under not', async () => {
    expect(await find({ s: t.db.RegExp({ regexp: '^a', options: 'i' }) })).toEqual(['a', 'd'])
    expect(await find({ s: /^a/ })).toEqual(['d'])
    expect(await find({ s: /PIE$/i })).toEqual(['a'])
    expect(await find({ s: t._.not(/^a/i) })).toEqual(['b', 'c'])
  })

  it('answers an unknown query operator with a database error, not a crash', async () => {
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .where(t._.expr({ $noSuchOperator: 1 }))
        .get(),
    )
    expect(err.errCode).toBe(-502001)
    const res = await t.db.collection(coll).count()
    expect(res.total).toBe(4)
  })
})

describe('server dates in queries', () => {
  it('compares against the server clock, with offset', async () => {
    const coll = await t.collection('sdq')
    const T = Date.UTC(2026, 4, 10, 8, 0, 0)
    t.clock.fixed = T
    try {
      await t.db.collection(coll).add({
        data: [
          { _id: 'past', at: new Date(T - 1000) },
          { _id: 'future', at: new Date(T + 1000) },
        ],
      })
      const now = await t.db
        .collection(coll)
        .where({ at: t._.lte(t.db.serverDate()) })
        .get()
      expect(ids(now.data)).toEqual(['past'])
      const later = await t.db
        .collection(coll)
        .where({ at: t._.lte(t.db.serverDate({ offset: 2000 })) })
        .get()
      expect(ids(later.data)).toEqual(['past', 'future'])
      const earlier = await t.db
        .collection(coll)
        .where({ at: t._.lte(t.db.serverDate({ offset: -2000 })) })
        .count()
      expect(earlier.total).toBe(0)
    } finally {
      t.clock.fixed = null
    }
  })
})

describe('missing collections', () => {
  it('answers DATABASE_COLLECTION_NOT_EXIST (-502005) to reads of a collection never created', async () => {
    const get = await rejectionOf(t.db.collection('never_created').get())
    expect(get.errCode).toBe(-502005)
    expect(get.errMsg).toMatch(/collection not exists/)
    const count = await rejectionOf(t.db.collection('never_created').count())
    expect(count.errCode).toBe(-502005)
    const doc = await rejectionOf(t.db.collection('never_created').doc('x').get())
    expect(doc.errCode).toBe(-502005)
  })
})
