// notify change.send (cloudfunctions/notify/src/change.ts): an organiser's change notice to every
// active registrant of an activity, through the outbox (listed in their notices, sent as a subscribe
// message where accepted), recorded, at most 3 a Shanghai day per activity; a retry of the same
// request writes nothing twice.
import { randomBytes } from 'node:crypto'
import { SUBSCRIBE_TEMPLATES } from '../../../../config/subscribe'
import { shanghaiDate, shanghaiInstant } from '../../../../src/shared/domain/time'
import { ORGANISER, OTHER_ORGANISER, allDocs, createActivity, expectRefusedWithoutWrites } from '../fixtures'
import { accept, cloud, fireAt, messagesTo, noticesOf, person, useNotifyCloud, week } from './setup'

useNotifyCloud()

const nonce = () => randomBytes(9).toString('base64url')
const send = (activityId: string, over: Record<string, unknown> = {}, as = ORGANISER) =>
  cloud.callRaw('notify', 'change.send', { activityId, change: 'venue', message: '改到二楼多功能厅', nonce: nonce(), ...over }, as)

/** An activity with two people signed up (one accepted change notices), one who cancelled. */
async function withRegistrants() {
  const activityId = await createActivity(cloud, week, { capacity: 5 })
  const [a, b, c] = [await person(), await person(), await person()]
  const regs: Record<string, string> = {}
  for (const p of [a, b, c]) {
    const res = await cloud.call('signup', 'create', { activityId }, p)
    if (!res.ok) throw new Error(JSON.stringify(res))
    regs[p] = res.data.registration.id
  }
  await accept(a, regs[a], 'activity_changed')
  expect((await cloud.call('signup', 'cancel', { registrationId: regs[c] }, c)).ok).toBe(true)
  return { activityId, a, b, c, regs }
}

test('every active registrant gets an activity_changed notice with the message; one who cancelled does not', async () => {
  const { activityId, a, b, c, regs } = await withRegistrants()
  const res = await send(activityId)
  expect(res).toMatchObject({ ok: true, data: { today: 1, notified: 2 } })
  for (const p of [a, b]) {
    const listed = await cloud.call('signup', 'notices', {}, p)
    expect(listed.ok && listed.data.items).toEqual([
      expect.objectContaining({ template: 'activity_changed', activityId, registrationId: regs[p], reason: '改到二楼多功能厅' }),
    ])
  }
  expect(await noticesOf(regs[c])).toEqual(expect.not.arrayContaining([expect.objectContaining({ template: 'activity_changed' })]))
})

test('the timer sends it as a subscribe message to the one who accepted, and to nobody else', async () => {
  const { activityId, a, b, regs } = await withRegistrants()
  await send(activityId)
  await fireAt(Date.now())
  expect(messagesTo(a)).toEqual([
    expect.objectContaining({
      templateId: SUBSCRIBE_TEMPLATES.activity_changed.id,
      data: expect.objectContaining({ phrase2: '活动变更', thing4: '东区社区学校', thing5: '改到二楼多功能厅' }),
    }),
  ])
  expect(messagesTo(b)).toEqual([])
  const [nb] = (await noticesOf(regs[b])).filter((n) => n.template === 'activity_changed')
  expect(nb.send.state).toBe('unsendable')
})

test('the notice is recorded: who, what, when, how many', async () => {
  const { activityId } = await withRegistrants()
  const res = await send(activityId, { change: 'time', message: '改到下午两点开始' })
  const [record] = await allDocs(cloud, 'changeNotices', { _id: (res.data as { changeId: string }).changeId })
  expect(record).toMatchObject({ activityId, change: 'time', message: '改到下午两点开始', by: ORGANISER, slot: 1, notified: 2 })
  expect(record.doneAt).not.toBeNull()
})

test('a fourth on the same Shanghai day: TOO_MANY_ATTEMPTS (the limit and the day), nothing written', async () => {
  const { activityId } = await withRegistrants()
  const day = shanghaiInstant(week.day, '08:00') - 24 * 3_600_000
  jest.spyOn(Date, 'now').mockReturnValue(day)
  for (const n of [1, 2, 3]) expect(await send(activityId)).toMatchObject({ ok: true, data: { today: n } })
  await expectRefusedWithoutWrites(cloud, 'TOO_MANY_ATTEMPTS', () => send(activityId))
  expect(await send(activityId)).toMatchObject({ details: { limit: 3, day: shanghaiDate(day) } })
})

test('the next Shanghai day (00:00 there, 16:00 UTC) allows 3 more', async () => {
  const { activityId } = await withRegistrants()
  const eve = shanghaiInstant(week.day, '00:00') - 60_000
  jest.spyOn(Date, 'now').mockReturnValue(eve)
  for (let i = 0; i < 3; i++) await send(activityId)
  expect(await send(activityId)).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
  jest.spyOn(Date, 'now').mockReturnValue(eve + 60_000)
  expect(await send(activityId)).toMatchObject({ ok: true, data: { today: 1 } })
})

test('a retry of the same request answers the same notice and writes no notice twice', async () => {
  const { activityId, a, regs } = await withRegistrants()
  const input = { nonce: nonce() }
  const first = await send(activityId, input)
  const again = await send(activityId, input)
  expect(again).toEqual(first)
  expect((await noticesOf(regs[a])).filter((n) => n.template === 'activity_changed')).toHaveLength(1)
  expect(await send(activityId)).toMatchObject({ ok: true, data: { today: 2 } })
})

test('an organiser of another district, or a resident: FORBIDDEN, nothing written', async () => {
  const { activityId, a } = await withRegistrants()
  await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => send(activityId, {}, OTHER_ORGANISER))
  await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => send(activityId, {}, a))
})

test('a cancelled activity: ACTIVITY_CANCELLED; a draft: ACTIVITY_NOT_FOUND', async () => {
  const { activityId } = await withRegistrants()
  expect((await cloud.call('activity', 'cancel', { id: activityId, reason: '场地维修' }, ORGANISER)).ok).toBe(true)
  expect(await send(activityId)).toMatchObject({ ok: false, code: 'ACTIVITY_CANCELLED' })
  const draft = await createActivity(cloud, week, { publish: false })
  expect(await send(draft)).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
})

test('a message of one character: VALIDATION_FAILED', async () => {
  const { activityId } = await withRegistrants()
  expect(await send(activityId, { message: '改' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: ['message'] })
})

const list = (activityId: string, as = ORGANISER) => cloud.callRaw('notify', 'change.list', { activityId }, as)

test('change.list: today’s notices in the order sent, the day’s limit and how many are signed up', async () => {
  const { activityId } = await withRegistrants()
  expect(await list(activityId)).toMatchObject({ ok: true, data: { limit: 3, registrants: 2, items: [] } })
  await send(activityId, { change: 'time', message: '改到下午两点开始' })
  await send(activityId, { change: 'venue', message: '改到二楼多功能厅' })
  const res = await list(activityId)
  expect(res).toMatchObject({
    ok: true,
    data: {
      day: shanghaiDate(Date.now()),
      items: [
        { slot: 1, change: 'time', message: '改到下午两点开始', notified: 2 },
        { slot: 2, change: 'venue', message: '改到二楼多功能厅', notified: 2 },
      ],
    },
  })
  expect((res.data as { items: { at: number }[] }).items[0].at).toBeGreaterThan(Date.now() - 60_000)
})

test('change.list: yesterday’s notices are not today’s', async () => {
  const { activityId } = await withRegistrants()
  const yesterday = shanghaiInstant(shanghaiDate(Date.now()), '12:00') - 24 * 3_600_000
  jest.spyOn(Date, 'now').mockReturnValue(yesterday)
  await send(activityId)
  expect(await list(activityId)).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ slot: 1 })] } })
  jest.restoreAllMocks()
  expect(await list(activityId)).toMatchObject({ ok: true, data: { items: [] } })
})

test('change.list: an organiser of another district, or a resident: FORBIDDEN; an unknown activity: ACTIVITY_NOT_FOUND', async () => {
  const { activityId, a } = await withRegistrants()
  expect(await list(activityId, OTHER_ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await list(activityId, a)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await list('no-such-activity')).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
})
