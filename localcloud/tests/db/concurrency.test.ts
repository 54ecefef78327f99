// Conditional updates from many concurrent SDK callers are applied atomically, one at a time:
// where({ _id, n: _.gt(0) }).update({ data: { n: _.inc(-1) } }) never takes n below 0.
import { EventEmitter } from 'node:events'
import { startTestDb, type TestDb } from './helpers'

let t: TestDb
const defaultMaxListeners = EventEmitter.defaultMaxListeners
beforeAll(async () => {
  // node-sdk's request timeout handler adds a 'connect' listener per request to each pooled socket
  // it does not see as reused; hundreds of queued calls trip Node's leak warning. Client-side noise.
  EventEmitter.defaultMaxListeners = 0
  t = await startTestDb()
})
afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await t.stop()
})

async function decrementConcurrently(coll: string, callers: number): Promise<number[]> {
  const _ = t._
  const results = await Promise.all(
    Array.from({ length: callers }, () =>
      t.db
        .collection(coll)
        .where({ _id: 'seat', n: _.gt(0) })
        .update({ data: { n: _.inc(-1) } }),
    ),
  )
  return results.map((r: { stats: { updated: number } }) => r.stats.updated)
}

it('500 concurrent callers on 500 seats: all 500 get updated 1 and n ends at exactly 0', async () => {
  const coll = await t.collection('seats')
  await t.db.collection(coll).add({ data: { _id: 'seat', n: 500 } })
  const updated = await decrementConcurrently(coll, 500)
  expect(updated.filter((u) => u === 1)).toHaveLength(500)
  expect((await t.db.collection(coll).doc('seat').get()).data.n).toBe(0)
})

it('600 concurrent callers on 500 seats: exactly 500 get updated 1, the other 100 get 0, n ends at 0', async () => {
  const coll = await t.collection('seats')
  await t.db.collection(coll).add({ data: { _id: 'seat', n: 500 } })
  const updated = await decrementConcurrently(coll, 600)
  expect(updated.filter((u) => u === 1)).toHaveLength(500)
  expect(updated.filter((u) => u === 0)).toHaveLength(100)
  expect((await t.db.collection(coll).doc('seat').get()).data.n).toBe(0)
})
