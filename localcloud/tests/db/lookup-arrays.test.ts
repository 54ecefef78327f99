// $lookup localField/foreignField joins on arrays, null and missing fields, as MongoDB runs them
// (cases after MongoDB's jstests/aggregation/sources/lookup/lookup_equijoin_semantics.js).
import { startTestDb, type TestDb } from './helpers'

let t: TestDb

beforeAll(async () => {
  t = await startTestDb()
})
afterAll(async () => {
  await t.stop()
})

/** Joins `local` to `foreign` on localField/foreignField; each local _id with the joined _ids. */
async function join(local: object[], foreign: object[], localField: string, foreignField: string): Promise<Record<string, unknown[]>> {
  const l = await t.collection('lk_local')
  const f = await t.collection('lk_foreign')
  await t.db.collection(l).add({ data: local })
  await t.db.collection(f).add({ data: foreign })
  const res = await t.db.collection(l).aggregate().lookup({ from: f, localField, foreignField, as: 'm' }).sort({ _id: 1 }).end()
  return Object.fromEntries(res.list.map((d: { _id: string; m: { _id: unknown }[] }) => [d._id, d.m.map((x) => x._id)]))
}

it('an array localField joins only the documents its elements match, with no null for the unmatched ones', async () => {
  const joined = await join([{ _id: 'l', ids: ['a', 'x', 'c', 'y'] }], [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }], 'ids', '_id')
  expect(joined).toEqual({ l: ['a', 'c'] })
})

it('a foreign document matched by several elements is joined once, in stored order', async () => {
  const joined = await join(
    [{ _id: 'l', tags: ['y', 'x', 'y'] }],
    [
      { _id: 'f1', tag: 'x' },
      { _id: 'f2', tag: 'y' },
      { _id: 'f3', tag: ['x', 'y'] },
    ],
    'tags',
    'tag',
  )
  expect(joined).toEqual({ l: ['f1', 'f2', 'f3'] })
})

it('a missing, null or empty-array localField matches the foreign documents whose field is null or missing (not [])', async () => {
  const foreign = [
    { _id: 'f-missing' },
    { _id: 'f-null', k: null },
    { _id: 'f-arr-null', k: [null, 1] },
    { _id: 'f-empty', k: [] },
    { _id: 'f-one', k: 1 },
  ]
  const joined = await join([{ _id: 'l-missing' }, { _id: 'l-null', k: null }, { _id: 'l-empty', k: [] }], foreign, 'k', 'k')
  const nullish = ['f-missing', 'f-null', 'f-arr-null']
  expect(joined).toEqual({ 'l-empty': nullish, 'l-missing': nullish, 'l-null': nullish })
})

it('a localField path through an array of documents joins the values present; none present counts as null', async () => {
  const foreign = [
    { _id: 'draft-east', code: 'east' },
    { _id: 'draft-west', code: 'west' },
    { _id: 'rollup', code: null },
    { _id: 'nocode' },
  ]
  const local = [
    { _id: 'organiser', roles: [{ role: 'admin' }, { role: 'organiser', code: 'east' }] },
    { _id: 'admin', roles: [{ role: 'admin' }] },
    { _id: 'noroles', roles: [] },
  ]
  expect(await join(local, foreign, 'roles.code', 'code')).toEqual({
    admin: ['rollup', 'nocode'],
    noroles: ['rollup', 'nocode'],
    organiser: ['draft-east'],
  })
})

it('a scalar localField matches foreign arrays holding it, and an array value matches a foreign array equal to it', async () => {
  const foreign = [
    { _id: 'f0', a: [[1, 2], 3] },
    { _id: 'f1', a: [[1, 2]] },
    { _id: 'f2', a: [1, 2] },
    { _id: 'f3', a: [2, 1] },
    { _id: 'f4', a: 3 },
  ]
  const joined = await join(
    [
      { _id: 'one', b: 1 },
      { _id: 'nested', b: [[1, 2], 42] },
    ],
    foreign,
    'b',
    'a',
  )
  expect(joined).toEqual({ nested: ['f0', 'f1', 'f2'], one: ['f2', 'f3'] })
})

it('with a pipeline beside localField/foreignField, the pipeline runs on the matched documents only', async () => {
  const l = await t.collection('lk_local')
  const f = await t.collection('lk_foreign')
  await t.db.collection(l).add({ data: [{ _id: 'l', ids: ['a', 'b'] }] })
  await t.db.collection(f).add({
    data: [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 3 },
    ],
  })
  const { $ } = t
  const res = await t.db
    .collection(l)
    .aggregate()
    .lookup({ from: f, localField: 'ids', foreignField: '_id', pipeline: $.pipeline().project({ _id: 1 }).done(), as: 'm' })
    .end()
  expect(res.list[0].m).toEqual([{ _id: 'a' }, { _id: 'b' }])
})
