// The 总结表 deadline reminders as subscribe messages: someone who runs a unit accepts the
// summary_due template on the 总结表 page (stats summary.subscribe, counted on their account once per
// nonce); the stats timer writes the reminders 3 days and 1 day before the deadline; the notify
// timer sends each to WeChat only where an acceptance pays for it (one message each), and lists the
// rest in the app only (unsendable).
//
// The week: 东湖区 (east) under the bureau, deadline 2027-03-15, run by two organisers.
import { EventEmitter } from 'node:events'
import { SUBSCRIBE_TEMPLATE_IDS } from '../../../../config/subscribe'
import { shanghaiInstant } from '../../../../src/shared/domain/time'
import { fireTimer } from '../../../gateway/timers'
import { startTestCloud, type Answer, type TestCloud } from '../../harness'
import { ADMIN, allDocs, expectRefusedWithoutWrites } from '../fixtures'

const W = 'sdue2027'
const ORG_A = 'sdue-org-a'
const ORG_B = 'sdue-org-b'
const RESIDENT = 'sdue-resident'
const TEMPLATE = SUBSCRIBE_TEMPLATE_IDS.summary_due
const EAST = { weekId: W, districtCode: 'east' }

let cloud: TestCloud
let seq = 0
const db = () => cloud.sdkDb as any
const defaultMaxListeners = EventEmitter.defaultMaxListeners
const at = (day: string) => shanghaiInstant(day, '08:30')

/** Fires a timer as the cloud does, with the clock at `now`. */
async function fireAt(fn: 'stats' | 'notify', name: string, now: number): Promise<Answer<any>> {
  jest.spyOn(Date, 'now').mockReturnValue(now)
  try {
    return (await fireTimer({ fn, name })) as Answer<any>
  } finally {
    jest.restoreAllMocks()
  }
}

/** The person allows the template in WeChat's dialog: held by WeChat (the stand-in) and counted by the app. */
async function allow(openid: string, nonce = `sdue-nonce-${seq++}`) {
  cloud.db.acceptSubscribe(openid, TEMPLATE)
  return cloud.call('stats', 'summary.subscribe', { ...EAST, results: { summary_due: 'accept' }, nonce }, openid)
}

const user = async (id: string) => (await allDocs(cloud, 'users', { _id: id }))[0]
const reminders = async () => allDocs(cloud, 'outbox', { template: 'summary_due' })

beforeAll(async () => {
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  const week = await cloud.call(
    'activity',
    'week.create',
    {
      id: W,
      name: '提醒订阅活动周',
      level: 'province',
      region: '测试省',
      theme: '学习',
      startDate: '2027-03-01',
      endDate: '2027-03-07',
      districts: [{ code: 'east', name: '东湖区' }],
      summaryDeadline: '2027-03-15',
      organiser: '测试省教育厅',
      status: 'published',
    },
    ADMIN,
  )
  expect(week).toMatchObject({ ok: true })
  const now = new Date()
  const roles = [{ role: 'organiser', weekId: W, districtCode: 'east' }]
  await db()
    .collection('users')
    .add({
      data: [
        { _id: ORG_A, roles, family: [], createdAt: now, updatedAt: now },
        { _id: ORG_B, roles, family: [], createdAt: now, updatedAt: now },
        { _id: RESIDENT, roles: [], family: [], createdAt: now, updatedAt: now },
      ],
    })
}, 60_000)

afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud?.stop()
})

describe('stats summary.subscribe', () => {
  test('an accept is counted on the account once per nonce: a retry with the nonce counts nothing again', async () => {
    const first = await allow(ORG_A, 'sdue-once-1')
    expect(first).toEqual({ ok: true, data: { accepted: 1, left: 1 } })
    const retry = await cloud.call(
      'stats',
      'summary.subscribe',
      { ...EAST, results: { summary_due: 'accept' }, nonce: 'sdue-once-1' },
      ORG_A,
    )
    expect(retry).toEqual({ ok: true, data: { accepted: 1, left: 1 } })
    const stored = await user(ORG_A)
    expect(stored.subscribe.summary_due.accepted).toBe(1)
    expect(stored.subscribeNonces).toEqual(['sdue-once-1'])
  })

  test('a reject (or the dialog turned off) writes nothing', async () => {
    await expectOkWithoutWrites(() =>
      cloud.call('stats', 'summary.subscribe', { ...EAST, results: { summary_due: 'reject' }, nonce: 'sdue-reject-1' }, ORG_B),
    )
    expect((await user(ORG_B)).subscribe).toBeUndefined()
  })

  test('someone who does not run the unit: FORBIDDEN, nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      cloud.call('stats', 'summary.subscribe', { ...EAST, results: { summary_due: 'accept' }, nonce: 'sdue-forbidden' }, RESIDENT),
    )
  })

  test('the top reports to nobody: SUMMARY_NO_PARENT, nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'SUMMARY_NO_PARENT', () =>
      cloud.call('stats', 'summary.subscribe', { weekId: W, results: { summary_due: 'accept' }, nonce: 'sdue-top-1' }, ADMIN),
    )
  })
})

describe('the deadline reminders sent as subscribe messages', () => {
  test('3 days before: the organiser who accepted gets the message, fields fitted; the other is listed only', async () => {
    expect(await fireAt('stats', 'reminders', at('2027-03-12'))).toMatchObject({ ok: true, data: { weeks: [{ weekId: W, written: 2 }] } })
    const run = await fireAt('notify', 'notify', at('2027-03-12') + 60_000)
    expect(run).toMatchObject({ ok: true, data: { send: { sent: 1, unsendable: 1 } } })

    const sent = cloud.db.subscribeMessages(ORG_A).filter((m) => m.templateId === TEMPLATE)
    expect(sent).toHaveLength(1)
    expect(sent[0].data).toEqual({ thing1: '东湖区总结表', date2: '2027年3月15日', thing3: '还有3天截止，请按时提交给上级' })
    expect(cloud.db.subscribeMessages(ORG_B)).toEqual([])
    const byWho = Object.fromEntries((await reminders()).map((n) => [n.recipient, n.send.state]))
    expect(byWho).toEqual({ [ORG_A]: 'sent', [ORG_B]: 'unsendable' })
    // Its one acceptance is spent: nothing left to send with.
    expect(await allow(ORG_A)).toEqual({ ok: true, data: { accepted: 2, left: 1 } })
  })

  test('1 day before: sent again only because a second acceptance pays for it; never twice per run', async () => {
    expect(await fireAt('stats', 'reminders', at('2027-03-14'))).toMatchObject({ ok: true, data: { weeks: [{ weekId: W, written: 2 }] } })
    const [one, two] = await Promise.all([
      fireAt('notify', 'notify', at('2027-03-14') + 60_000),
      fireAt('notify', 'notify', at('2027-03-14') + 60_000),
    ])
    expect(one.ok && two.ok).toBe(true)
    const sent = cloud.db.subscribeMessages(ORG_A).filter((m) => m.templateId === TEMPLATE)
    expect(sent.map((m) => m.data.thing3)).toEqual(['还有3天截止，请按时提交给上级', '还有1天截止，请按时提交给上级'])
    expect(cloud.db.unusedAcceptances(ORG_A, TEMPLATE)).toBe(0)
    expect(cloud.db.subscribeMessages(ORG_B)).toEqual([])
    const states = (await reminders()).map((n) => `${n.recipient} ${n.payload.daysLeft} ${n.send.state}`).sort()
    expect(states).toEqual([`${ORG_A} 1 sent`, `${ORG_A} 3 sent`, `${ORG_B} 1 unsendable`, `${ORG_B} 3 unsendable`])
    expect(await cloud.call('stats', 'summary.subscribe', { ...EAST, results: {}, nonce: 'sdue-read-1' }, ORG_A)).toEqual({
      ok: true,
      data: { accepted: 2, left: 0 },
    })
  })
})

/** A call answered ok that wrote nothing (a reject counts nothing). */
async function expectOkWithoutWrites(call: () => Promise<{ ok: boolean }>) {
  cloud.db.resetStats()
  const res = await call()
  expect(res).toMatchObject({ ok: true, data: { accepted: 0, left: 0 } })
  const { byAction } = cloud.db.stats()
  for (const action of Object.keys(byAction)) expect(action).toMatch(/getDocument|calculateDocument|aggregate/)
}
