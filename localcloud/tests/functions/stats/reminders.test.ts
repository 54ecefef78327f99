// The 总结表 reminders (the stats function's timer, cloudfunctions/stats/src/reminders.ts): three days
// and one day before a published week's deadline (Shanghai days), each city and district whose 总结表
// is not submitted or confirmed gets one `summary_due` notice per person who runs it (a district's
// organisers, a city's city admins), exactly once however often the timer runs or dies; the notice
// is in the recipient's list of notices (signup.notices, what 我的 shows).
//
// The week: 甲市 (c1) with 甲一区 (c1-1) and 甲二区 (c1-2), 东湖区 (east) and 直属区 (d1) right under
// the bureau, made through activity.week.create and staff.units.create; its deadline 2027-03-15.
import { EventEmitter } from 'node:events'
import { environment } from '../../../../config/environment'
import type { ReminderRun } from '../../../../cloudfunctions/stats/src/reminders'
import { summaryIdOf, type UnitRef } from '../../../../src/shared/domain/reporting'
import { shanghaiInstant } from '../../../../src/shared/domain/time'
import { invokeFunction, invokeWithFaults } from '../../../gateway/functions'
import { cronFires, fireTimer, timerTriggers } from '../../../gateway/timers'
import { startTestCloud, type Answer, type InputOf, type TestCloud } from '../../harness'
import { MODES } from '../faultFixtures'
import { ADMIN, allDocs, writesIn } from '../fixtures'

const W = 'rem2027'
/** A draft week with the same deadline and an organiser: never reminded. */
const DRAFT = 'remdraft2027'
/** A published week of 130 districts (written directly), deadline 2027-04-15: the reads are paged. */
const BIG = 'rembig2027'
const DEADLINE = '2027-03-15'
const TIMER = { Type: 'Timer', TriggerName: 'reminders', Time: '2027-03-12T00:30:00.000Z' }

let cloud: TestCloud
const db = () => cloud.sdkDb as any
const defaultMaxListeners = EventEmitter.defaultMaxListeners

const district = (code: string): Pick<UnitRef, 'level' | 'code'> => ({ level: 'district', code })
const city = (code: string): Pick<UnitRef, 'level' | 'code'> => ({ level: 'city', code })

/** The people who run the week's units, and some who do not. */
const PEOPLE: Record<string, unknown[]> = {
  'rem-org-east': [{ role: 'organiser', weekId: W, districtCode: 'east' }],
  'rem-org-east2': [
    { role: 'organiser', weekId: W, districtCode: 'east' },
    { role: 'organiser', weekId: DRAFT, districtCode: 'east' },
  ],
  'rem-org-c1-1': [{ role: 'organiser', weekId: W, districtCode: 'c1-1' }],
  'rem-org-d1': [{ role: 'organiser', weekId: W, districtCode: 'd1' }],
  'rem-city-c1': [{ role: 'cityAdmin', weekId: W, cityCode: 'c1' }],
  // Not one of them: the week's admin, a volunteer, an organiser of 东湖区 in another week, a city
  // admin of the week's 甲市 in another week who volunteers in this one.
  'rem-admin': [{ role: 'admin', weekId: W }],
  'rem-volunteer': [{ role: 'volunteer', weekId: W, activityIds: [] }],
  'rem-org-elsewhere': [{ role: 'organiser', weekId: 'nc2026', districtCode: 'east' }],
  'rem-city-elsewhere': [
    { role: 'cityAdmin', weekId: 'nc2026', cityCode: 'c1' },
    { role: 'volunteer', weekId: W, activityIds: [] },
  ],
}

/** Where the units stand: 直属区 submitted, 甲二区 confirmed, 甲一区 returned, 甲市 a draft, 东湖区 no document. */
const STATUSES: [Pick<UnitRef, 'level' | 'code'>, string | null][] = [
  [district('d1'), 'submitted'],
  [district('c1-2'), 'confirmed'],
  [district('c1-1'), 'returned'],
  [city('c1'), null],
]

/** Who is reminded of what while the units stand as STATUSES says, `days` before the deadline. */
const expected = (days: number) =>
  [
    `rem-city-c1 city:c1 ${days}`,
    `rem-org-c1-1 district:c1-1 ${days}`,
    `rem-org-east district:east ${days}`,
    `rem-org-east2 district:east ${days}`,
  ].sort()

async function setStatus(unit: Pick<UnitRef, 'level' | 'code'>, status: string | null, weekId = W) {
  const now = new Date()
  const doc: Record<string, unknown> = {
    weekId,
    districtCode: unit.level === 'district' ? unit.code : null,
    cityCode: unit.level === 'city' ? unit.code : null,
    level: unit.level,
    typed: {},
    featuredIds: [],
    typicalCase: null,
    revision: 1,
    updatedBy: 'test',
    updatedAt: now,
  }
  if (status) doc.status = status
  await db().collection('summaries').doc(summaryIdOf(weekId, unit)).set({ data: doc })
}

/** Fires the stats timer as the cloud does, with the clock at `now`. */
async function fireAt(now: number) {
  jest.spyOn(Date, 'now').mockReturnValue(now)
  try {
    return (await fireTimer({ fn: 'stats', name: 'reminders' })) as Answer<ReminderRun>
  } finally {
    jest.restoreAllMocks()
  }
}
const at = (day: string, clock = '08:30') => shanghaiInstant(day, clock)

/** The week's reminder notices. */
const notices = async (weekId = W) =>
  (await allDocs(cloud, 'outbox', { template: 'summary_due' })).filter((n) => n.payload.weekId === weekId)
/** Each notice as `<recipient> <unit> <days>`, sorted. */
const who = (docs: any[]) => docs.map((n) => `${n.recipient} ${n.payload.level}:${n.payload.unitCode} ${n.payload.daysLeft}`).sort()

async function must(res: Promise<Answer>) {
  const answer = await res
  if (!answer.ok) throw new Error(JSON.stringify(answer))
  return answer
}

const weekInput = (id: string, status: 'draft' | 'published'): InputOf<'activity', 'week.create'> => ({
  id,
  name: `${id}活动周`,
  level: 'province',
  region: '测试省',
  theme: '学习',
  startDate: '2027-03-01',
  endDate: '2027-03-07',
  districts: [{ code: 'east', name: '东湖区' }],
  summaryDeadline: DEADLINE,
  organiser: '测试省教育厅',
  status,
})

beforeAll(async () => {
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  await must(cloud.call('activity', 'week.create', weekInput(W, 'published'), ADMIN))
  await must(cloud.call('activity', 'week.create', weekInput(DRAFT, 'draft'), ADMIN))
  const unit = (name: string, level: 'city' | 'district', cityCode: string | null = null) =>
    must(cloud.call('staff', 'units.create', { weekId: W, name, level, cityCode }, ADMIN))
  await unit('甲市', 'city')
  await unit('甲一区', 'district', 'c1')
  await unit('甲二区', 'district', 'c1')
  await unit('直属区', 'district')
  const week = (await allDocs(cloud, 'weeks', { _id: W }))[0]
  expect(week.cities).toEqual([{ code: 'c1', name: '甲市' }])
  expect(week.districts.map((d: { code: string }) => d.code)).toEqual(['east', 'c1-1', 'c1-2', 'd1'])

  const now = new Date()
  await db()
    .collection('users')
    .add({ data: Object.entries(PEOPLE).map(([_id, roles]) => ({ _id, roles, family: [], createdAt: now, updatedAt: now })) })
  for (const [unit, status] of STATUSES) await setStatus(unit, status)

  // The large week: 130 districts under the bureau, each with its organiser, none submitted.
  const codes = Array.from({ length: 130 }, (_, i) => `b${String(i).padStart(3, '0')}`)
  await db()
    .collection('weeks')
    .add({
      data: {
        ...weekInput(BIG, 'published'),
        _id: BIG,
        districts: codes.map((code) => ({ code, name: `${code}区` })),
        summaryDeadline: '2027-04-15',
        contacts: [],
        createdAt: now,
        updatedAt: now,
      },
    })
  await db()
    .collection('users')
    .add({
      data: codes.map((code) => ({
        _id: `rem-big-${code}`,
        roles: [{ role: 'organiser', weekId: BIG, districtCode: code }],
        createdAt: now,
      })),
    })
}, 60_000)

afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud?.stop()
})

beforeEach(async () => {
  await db().collection('outbox').where({ template: 'summary_due' }).remove()
  for (const [unit, status] of STATUSES) await setStatus(unit, status)
  await db()
    .collection('summaries')
    .where({ _id: summaryIdOf(W, district('east')) })
    .remove()
})
afterEach(() => jest.restoreAllMocks())

describe('the stats timer', () => {
  test('fires at 08:30 and 10:30 Shanghai every day, as config.json and config/environment.ts say', () => {
    const cron = '0 30 8,10 * * * *'
    expect(timerTriggers()).toContainEqual({ fn: 'stats', name: 'reminders', cron })
    expect(environment.functions.find((f) => f.name === 'stats')?.triggers).toEqual([{ name: 'reminders', cron }])
    expect(cronFires(cron, new Date(at('2027-03-12', '08:30')))).toBe(true)
    expect(cronFires(cron, new Date(at('2027-03-12', '10:30')))).toBe(true)
    expect(cronFires(cron, new Date(at('2027-03-12', '09:30')))).toBe(false)
  })

  test('a call from the mini-program (with an OPENID) cannot run it, even dressed as the timer', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(at('2027-03-12'))
    cloud.db.resetStats()
    expect(await invokeFunction('stats', TIMER, 'rem-org-east')).toMatchObject({ ok: false, code: 'MALFORMED_REQUEST' })
    expect(await invokeFunction('stats', { action: 'timer:reminders', input: {} }, 'rem-org-east')).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    // An event without an OPENID that is not the reminders timer is refused too.
    expect(await invokeFunction('stats', { ...TIMER, TriggerName: 'other' }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await notices()).toEqual([])
  })
})

describe('the 总结表 reminders', () => {
  test('3 days before: each unit not submitted (a draft, no document, returned), one notice per person who runs it', async () => {
    const run = await fireAt(at('2027-03-12'))
    expect(run).toMatchObject({
      ok: true,
      data: { today: '2027-03-12', weeks: [{ weekId: W, daysLeft: 3, units: 3, notices: 4, written: 4 }] },
    })
    const docs = await notices()
    expect(who(docs)).toEqual(expected(3))
    const east = docs.find((n) => n.recipient === 'rem-org-east')
    expect(east).toMatchObject({
      template: 'summary_due',
      payload: { weekId: W, level: 'district', unitCode: 'east', unitName: '东湖区', deadline: DEADLINE, daysLeft: 3 },
      readAt: null,
      sentAt: null,
      // For the notify timer: sent as a subscribe message where the organiser accepted one.
      send: { state: 'pending', tries: 0, errcode: null },
    })
    expect(new Date(east.createdAt).getTime()).toBe(at('2027-03-12'))
    expect(east.person).toBeUndefined()
    // The draft week with the same deadline: nothing.
    expect(await notices(DRAFT)).toEqual([])
  })

  test('1 day before: again, to the units still not submitted', async () => {
    await setStatus(district('east'), 'submitted')
    const run = await fireAt(at('2027-03-14'))
    expect(run).toMatchObject({ ok: true, data: { weeks: [{ weekId: W, daysLeft: 1, units: 2, notices: 2, written: 2 }] } })
    expect(who(await notices())).toEqual([`rem-city-c1 city:c1 1`, `rem-org-c1-1 district:c1-1 1`])
  })

  test('the day is Shanghai’s: 00:30 on the 12th there (16:30 UTC the day before) is 3 days; 23:30 on the 11th is not', async () => {
    expect(await fireAt(at('2027-03-11', '23:30'))).toMatchObject({ ok: true, data: { today: '2027-03-11', weeks: [] } })
    expect(await notices()).toEqual([])
    const run = await fireAt(at('2027-03-12', '00:30'))
    expect(new Date(at('2027-03-12', '00:30')).toISOString()).toBe('2027-03-11T16:30:00.000Z')
    expect(run).toMatchObject({ ok: true, data: { today: '2027-03-12' } })
    expect(who(await notices())).toEqual(expected(3))
  })

  test('no notice 2 days before, on the deadline, or after it', async () => {
    for (const day of ['2027-03-13', '2027-03-15', '2027-03-16', '2027-03-18']) {
      expect(await fireAt(at(day))).toMatchObject({ ok: true, data: { weeks: [] } })
    }
    expect(await notices()).toEqual([])
  })

  test('every unit submitted or confirmed: nobody is reminded, and the people are not even read', async () => {
    for (const unit of [district('east'), district('c1-1'), city('c1')]) await setStatus(unit, 'submitted')
    cloud.db.resetStats()
    const run = await fireAt(at('2027-03-12'))
    expect(run).toMatchObject({ ok: true, data: { weeks: [{ weekId: W, units: 0, notices: 0, written: 0 }] } })
    // The weeks, then the units' statuses.
    expect(cloud.db.stats().total).toBe(2)
    expect(await notices()).toEqual([])
  })

  test('two runs the same day (08:30, 10:30) write each notice once: the second reads and writes nothing', async () => {
    cloud.db.resetStats()
    await fireAt(at('2027-03-12'))
    const first = cloud.db.stats()
    // weeks, statuses, people, the notices written so far; then the four notices.
    expect(first.total).toBe(8)
    expect(writesIn(first.byAction)).toBe(4)
    cloud.db.resetStats()
    const again = await fireAt(at('2027-03-12', '10:30'))
    expect(again).toMatchObject({ ok: true, data: { weeks: [{ weekId: W, notices: 4, written: 0 }] } })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    expect(who(await notices())).toEqual(expected(3))
  })

  test.each(MODES)('a run cut by %s at each request, then run again, ends with exactly one of each notice', async (mode) => {
    // A whole run, counted: the requests to cut.
    jest.spyOn(Date, 'now').mockReturnValue(at('2027-03-12'))
    const { run } = await invokeWithFaults('stats', TIMER, '', {})
    jest.restoreAllMocks()
    expect(run.requests).toBe(8)
    for (let n = 1; n <= run.requests; n++) {
      await db().collection('outbox').where({ template: 'summary_due' }).remove()
      jest.spyOn(Date, 'now').mockReturnValue(at('2027-03-12'))
      const cut = await invokeWithFaults('stats', TIMER, '', { at: n, mode })
      jest.restoreAllMocks()
      expect([n, cut.run.dead]).toEqual([n, true])
      const left = await notices()
      expect(left.length).toBeLessThanOrEqual(4)
      await fireAt(at('2027-03-12', '10:30'))
      const docs = await notices()
      expect([n, who(docs)]).toEqual([n, expected(3)])
      // The notices the cut run wrote are kept as written (08:30), the others are the rerun's.
      expect(docs.filter((d) => new Date(d.createdAt).getTime() === at('2027-03-12')).length).toBe(left.length)
    }
  })

  test('a week of 130 districts: every one reminded, its reads paged', async () => {
    cloud.db.resetStats()
    const run = await fireAt(at('2027-04-12'))
    expect(run).toMatchObject({ ok: true, data: { weeks: [{ weekId: BIG, daysLeft: 3, units: 130, notices: 130, written: 130 }] } })
    const st = cloud.db.stats()
    // The weeks (1), the statuses (2 pages), the people (2), the notices written so far (2); 130 writes.
    expect(writesIn(st.byAction)).toBe(130)
    expect(st.total - 130).toBe(7)
    const docs = await notices(BIG)
    expect(new Set(docs.map((d) => `${d.recipient} ${d.payload.unitCode}`)).size).toBe(130)
    expect(docs.every((d) => d.recipient === `rem-big-${d.payload.unitCode}`)).toBe(true)
  })

  test('the notice is in the recipient’s notices (我的), worded by the app, and marked read there; nobody else sees it', async () => {
    await fireAt(at('2027-03-12'))
    const mine = await cloud.call('signup', 'notices', {}, 'rem-org-east')
    expect(mine).toMatchObject({ ok: true, data: { unread: 1 } })
    if (!mine.ok) return
    expect(mine.data.items).toEqual([
      {
        id: expect.stringMatching(/^summary-due_[0-9a-f]{32}$/),
        template: 'summary_due',
        weekId: W,
        level: 'district',
        unitCode: 'east',
        unitName: '东湖区',
        deadline: DEADLINE,
        daysLeft: 3,
        createdAt: at('2027-03-12'),
        readAt: null,
      },
    ])
    const city = await cloud.call('signup', 'notices', {}, 'rem-city-c1')
    expect(city.ok && city.data.items.map((n) => n.template === 'summary_due' && [n.level, n.unitCode, n.unitName])).toEqual([
      ['city', 'c1', '甲市'],
    ])
    for (const other of ['rem-admin', 'rem-volunteer', 'rem-org-elsewhere', 'rem-city-elsewhere', 'rem-org-d1']) {
      expect(await cloud.call('signup', 'notices', {}, other)).toMatchObject({ ok: true, data: { items: [], unread: 0 } })
    }
    const read = await cloud.call('signup', 'notices.read', { ids: [mine.data.items[0].id] }, 'rem-org-east')
    expect(read).toMatchObject({ ok: true, data: { updated: 1 } })
    expect(await cloud.call('signup', 'notices', { unreadOnly: true }, 'rem-org-east')).toMatchObject({ ok: true, data: { items: [] } })
  })
})
