// A place left held by a select that died (select.ts: the place taken, the nomination not yet
// written) is freed when the district declines the entry instead.
import { startTestCloud, type TestCloud } from '../../harness'
import { CITY, ORG, insertEntry, starsWeek } from './starsFixtures'

let cloud: TestCloud
const W = `sd${Date.now().toString(36)}`
const places = async () => (await (cloud.sdkDb as any).collection('starPlaces').doc(`${W}_ca`).get()).data

beforeAll(async () => {
  cloud = await startTestCloud()
  await starsWeek(cloud, W)
  expect((await cloud.call('stars', 'places.set', { weekId: W, cityCode: 'ca', star: 2, project: 0 }, CITY.ca)).ok).toBe(true)
})
afterAll(async () => {
  await cloud.stop()
})

test('declining an entry a died select left holding a place frees the place', async () => {
  const id = await insertEntry(cloud, W, 'a1')
  const _ = (cloud.sdkDb as any).command
  await (cloud.sdkDb as any)
    .collection('starPlaces')
    .doc(`${W}_ca`)
    .update({ data: { 'used.star': _.inc(1), [`held.${id}`]: 'star' } })
  expect((await places()).used.star).toBe(1)
  const res = await cloud.call('stars', 'review', { id, decision: 'decline', reason: '材料不实' }, ORG.a1)
  expect(res).toMatchObject({ ok: true, data: { nomination: { status: 'declined' } } })
  const after = await places()
  expect(after.used.star).toBe(0)
  expect(after.held?.[id]).toBeUndefined()
})
