// The index check proves itself: with config/environment.ts minus the `checkins.personId` index, a
// check-in at the door (whose read joins the person's earlier check-ins on `checkins.personId`) is
// refused by the local database as a query no index covers. The call answers INTERNAL, the refusal
// is written to stderr naming the collection and field, and the test cloud's stop fails listing it,
// so a function that caught the error could not hide it either.
import { environment, type EnvironmentSpec } from '../../../../config/environment'
import { startTestCloud, type TestCloud } from '../../harness'
import { createActivity, createTestWeek, ORGANISER, seedResidents } from '../fixtures'

const HOUR = 3_600_000

/** The environment without the index of `collection` whose first field is `field`. */
function without(spec: EnvironmentSpec, collection: string, field: string): EnvironmentSpec {
  return {
    ...spec,
    collections: spec.collections.map((c) =>
      c.name === collection ? { ...c, indexes: c.indexes.filter((i) => i.fields[0][0] !== field) } : c,
    ),
  }
}

let cloud: TestCloud | null = null

afterAll(async () => {
  await cloud?.stop().catch(() => {})
})

test('the declared index the check-in needs is there, and removing it makes the check-in fail the check', async () => {
  const checkins = environment.collections.find((c) => c.name === 'checkins')!
  expect(checkins.indexes.some((i) => i.fields[0][0] === 'personId')).toBe(true)
  const reduced = without(environment, 'checkins', 'personId')
  expect(reduced.collections.find((c) => c.name === 'checkins')!.indexes.length).toBe(checkins.indexes.length - 1)

  cloud = await startTestCloud('always', { environment: reduced })
  expect(cloud.db.notablescan).toBe(true)
  const week = await createTestWeek(cloud)
  const activityId = await createActivity(cloud, week, { capacity: 5, fields: ['name', 'phone', 'audience'], title: '索引检查' })
  const [person] = await seedResidents(cloud, 'ix', 1)
  expect((await cloud.call('signup', 'create', { activityId }, person)).ok).toBe(true)
  const ticket = await cloud.call('signup', 'ticket', { registrationId: `${activityId}_${person}` }, person)
  expect(ticket.ok).toBe(true)
  const startAt = new Date(Date.now() + 30 * 60_000)
  await (cloud.sdkDb as any)
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + 3 * HOUR) } })
  const invite = await cloud.call('checkin', 'invite.create', { activityIds: [activityId], expiresAt: Date.now() + 2 * HOUR }, ORGANISER)
  expect(invite.ok).toBe(true)
  expect((await cloud.call('checkin', 'invite.redeem', { code: invite.data.code }, 'ix-volunteer')).ok).toBe(true)

  const written: string[] = []
  const write = process.stderr.write.bind(process.stderr)
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any, ...rest: any[]) => {
    written.push(String(chunk))
    return write(chunk, ...rest)
  })
  let res
  try {
    res = await cloud.call('checkin', 'scan', { activityId, token: ticket.data.token }, 'ix-volunteer')
  } finally {
    spy.mockRestore()
  }
  expect(res).toMatchObject({ ok: false, code: 'INTERNAL' })
  const refusal = 'query not covered by any index in config/environment.ts: checkins {personId}'
  expect(written.join('')).toContain(refusal)
  expect(
    cloud.db
      .queryShapes()
      .filter((s) => !s.covered && s.fn === 'checkin')
      .map((s) => s.text),
  ).toEqual([expect.stringMatching(/^lookup checkins \{personId\} \(joined from \w+\)$/)])
  // Nothing was checked in.
  expect(await (cloud.sdkDb as any).collection('checkins').where({ activityId }).count()).toMatchObject({ total: 0 })

  const stopping = cloud.stop()
  cloud = null
  await expect(stopping).rejects.toThrow(/queries not covered by any index in config\/environment\.ts:\n {2}lookup checkins \{personId\}/)
})
