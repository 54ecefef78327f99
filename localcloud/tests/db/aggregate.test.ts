// collection.aggregate() pipelines through the real wx-server-sdk, run by mingo.
import { rejectionOf, startTestDb, type TestDb } from './helpers'

let t: TestDb
let sales: string
let people: string

beforeAll(async () => {
  t = await startTestDb()
  sales = await t.collection('sales')
  people = await t.collection('people')
  await t.db.collection(sales).add({
    data: [
      { _id: 's1', item: 'tea', qty: 2, price: 10, who: 'p1', tags: ['hot', 'drink'] },
      { _id: 's2', item: 'tea', qty: 1, price: 10, who: 'p2', tags: ['hot'] },
      { _id: 's3', item: 'cake', qty: 5, price: 4, who: 'p1', tags: [] },
      { _id: 's4', item: 'juice', qty: 3, price: 6, who: 'p3', tags: ['cold', 'drink'] },
    ],
  })
  await t.db.collection(people).add({
    data: [
      { _id: 'p1', name: 'Ann' },
      { _id: 'p2', name: 'Bo' },
    ],
  })
})
afterAll(async () => {
  await t.stop()
})

it('matches, groups with accumulators and sorts', async () => {
  const { $, _ } = t
  const res = await t.db
    .collection(sales)
    .aggregate()
    .match({ qty: _.gte(1) })
    .group({ _id: '$item', total: $.sum($.multiply(['$qty', '$price'])), n: $.sum(1) })
    .sort({ total: -1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'tea', total: 30, n: 2 },
    { _id: 'cake', total: 20, n: 1 },
    { _id: 'juice', total: 18, n: 1 },
  ])
})

it('projects and adds computed fields', async () => {
  const { $ } = t
  const res = await t.db
    .collection(sales)
    .aggregate()
    .match({ _id: 's1' })
    .addFields({ amount: $.multiply(['$qty', '$price']) })
    .project({ _id: 0, item: 1, amount: 1, upper: $.toUpper('$item') })
    .end()
  expect(res.list).toEqual([{ item: 'tea', amount: 20, upper: 'TEA' }])
})

it('unwinds arrays and counts', async () => {
  const res = await t.db.collection(sales).aggregate().unwind('$tags').match({ tags: 'drink' }).count('drinks').end()
  expect(res.list).toEqual([{ drinks: 2 }])
})

it('joins another collection with lookup', async () => {
  const res = await t.db
    .collection(sales)
    .aggregate()
    .match({ item: 'tea' })
    .lookup({ from: people, localField: 'who', foreignField: '_id', as: 'buyer' })
    .project({ _id: 1, buyer: 1 })
    .sort({ _id: 1 })
    .end()
  expect(res.list).toEqual([
    { _id: 's1', buyer: [{ _id: 'p1', name: 'Ann' }] },
    { _id: 's2', buyer: [{ _id: 'p2', name: 'Bo' }] },
  ])
})

it('skips, limits and samples', async () => {
  const page = await t.db.collection(sales).aggregate().sort({ _id: 1 }).skip(1).limit(2).end()
  expect(page.list.map((d: { _id: string }) => d._id)).toEqual(['s2', 's3'])
  const sample = await t.db.collection(sales).aggregate().sample({ size: 2 }).end()
  expect(sample.list).toHaveLength(2)
  expect(new Set(sample.list.map((d: { _id: string }) => d._id)).size).toBe(2)
})

it('leaves the stored documents untouched', async () => {
  await t.db.collection(sales).aggregate().addFields({ 'nested.x': 1, qty: 0 }).end()
  const s1 = await t.db.collection(sales).doc('s1').get()
  expect(s1.data).toEqual({ _id: 's1', item: 'tea', qty: 2, price: 10, who: 'p1', tags: ['hot', 'drink'] })
})

it('leaves the joined documents untouched when a later stage changes what a lookup joined', async () => {
  const { $ } = t
  const res = await t.db
    .collection(sales)
    .aggregate()
    .match({ _id: 's1' })
    .lookup({ from: people, localField: 'who', foreignField: '_id', as: 'buyer' })
    .addFields({ 'buyer.name': 'changed' })
    .lookup({ from: people, pipeline: $.pipeline().match({ _id: 'p2' }).addFields({ name: 'changed too' }).done(), as: 'other' })
    .end()
  expect(res.list[0].buyer).toHaveLength(1)
  expect(res.list[0].other).toEqual([{ _id: 'p2', name: 'changed too' }])
  const stored = await t.db.collection(people).where({}).orderBy('_id', 'asc').get()
  expect(stored.data).toEqual([
    { _id: 'p1', name: 'Ann' },
    { _id: 'p2', name: 'Bo' },
  ])
})

it('a pipeline lookup joins only the documents its first $match selects, and nested lookups still join', async () => {
  const { $ } = t
  const res = await t.db
    .collection(people)
    .aggregate()
    .match({ _id: 'p1' })
    .lookup({
      from: sales,
      pipeline: $.pipeline().match({ item: 'tea' }).lookup({ from: people, localField: 'who', foreignField: '_id', as: 'buyer' }).done(),
      as: 'teas',
    })
    .end()
  expect(res.list[0].teas.map((x: { _id: string; buyer: { name: string }[] }) => [x._id, x.buyer[0].name])).toEqual([
    ['s1', 'Ann'],
    ['s2', 'Bo'],
  ])
})

it('answers at most 20 results without a limit stage, like the cloud', async () => {
  const many = await t.collection('agg_many')
  await t.db.collection(many).add({ data: Array.from({ length: 30 }, (_, i) => ({ i })) })
  const plain = await t.db.collection(many).aggregate().match({}).end()
  expect(plain.list).toHaveLength(20)
  const limited = await t.db.collection(many).aggregate().match({}).limit(25).end()
  expect(limited.list).toHaveLength(25)
})

it('answers DATABASE_COLLECTION_NOT_EXIST for a collection never created', async () => {
  // wx-server-sdk's aggregate end() passes the node-sdk error through without mapping its code to
  // an errCode (unlike get/add/update...), so the cloud's code is on err.code.
  const err = await rejectionOf(t.db.collection('no_agg').aggregate().match({}).end())
  expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  expect(err.errMsg).toMatch(/^collection\.aggregate:fail .*Db or Table not exist: no_agg/)
})

it('$max and $min compare strings as MongoDB does (BSON order), skipping null and missing values', async () => {
  const { $ } = t
  const res = await t.db
    .collection(sales)
    .aggregate()
    .group({
      _id: null,
      lastItem: $.max('$item'),
      firstItem: $.min('$item'),
      lastWho: $.max('$who'),
      most: $.max('$qty'),
      none: $.max('$nothing'),
    })
    .end()
  expect(res.list).toEqual([{ _id: null, lastItem: 'tea', firstItem: 'cake', lastWho: 'p3', most: 5, none: null }])
})

it("$max over a group of ids after a group-by (a page's last key) is the greatest id", async () => {
  const { $ } = t
  const res = await t.db
    .collection(sales)
    .aggregate()
    .sort({ who: 1 })
    .group({ _id: '$who', n: $.sum(1) })
    .group({ _id: null, people: $.sum(1), last: $.max('$_id'), first: $.min('$_id') })
    .end()
  expect(res.list).toEqual([{ _id: null, people: 3, last: 'p3', first: 'p1' }])
})
