// `npm start` a month after the seeded weeks: a local cloud seeded as it does (the weeks moved around
// today, what has happened by now) with the clock injected at Wednesday 2027-01-06 10:00 Shanghai,
// then the real `activity` actions at that clock: the Nanchang week runs this week, a newcomer finds
// activities still open for sign-up today, and the seeded attendance is this week's up to now.
import { createFunction } from '../../../cloudfunctions/_core/handler'
import { activityActions } from '../../../cloudfunctions/activity/src/index'
import { canStillJoin } from '../../../src/shared/domain/signupRules'
import { shanghaiDate, shanghaiInstant } from '../../../src/shared/domain/time'
import { runAsCaller } from '../../gateway/wx-context'
import { NANCHANG_WEEK_ID } from '../../seed/data'
import { allDocs } from '../functions/fixtures'
import { startTestCloud, type AnswerOf, type InputOf, type TestCloud } from '../harness'

const NOW = Date.UTC(2027, 0, 6, 2) // Wednesday 2027-01-06 10:00 in Shanghai
const activity = createFunction('activity', activityActions, { now: () => NOW })
const callAt = <A extends 'list' | 'weeks'>(action: A, input: InputOf<'activity', A>) =>
  runAsCaller({ openid: 'dev-resident' }, () => activity({ action, input }, { request_id: 'live-week-test' })) as Promise<
    AnswerOf<'activity', A>
  >

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud('always', { attendance: true, liveWeek: true, now: new Date(NOW) })
}, 120_000)
afterAll(async () => {
  await cloud.stop()
})

const ms = (d: unknown) => new Date(d as string).getTime()

test('the Nanchang week is this week, today its Wednesday', async () => {
  const res = await callAt('weeks', {})
  expect(res.ok).toBe(true)
  const nc = res.data.weeks.find((w) => w.id === NANCHANG_WEEK_ID)!
  expect([nc.startDate, nc.endDate, nc.summaryDeadline]).toEqual(['2027-01-04', '2027-01-10', '2027-01-14'])
  expect(shanghaiDate(NOW)).toBe('2027-01-06')
})

test('a newcomer finds activities open for sign-up today (只看还能参加的 at the clock), exactly those canStillJoin allows', async () => {
  const items: AnswerOf<'activity', 'list'>['data']['items'] = []
  let cursor: string | undefined
  for (let page = 0; page < 20; page++) {
    const res = await callAt('list', { weekId: NANCHANG_WEEK_ID, hasSeats: true, limit: 50, ...(cursor ? { cursor } : {}) })
    expect(res.ok).toBe(true)
    items.push(...res.data.items)
    cursor = res.data.nextCursor ?? undefined
    if (!cursor) break
  }
  const docs = (await allDocs(cloud, 'activities', { weekId: NANCHANG_WEEK_ID })).filter((d) => d.status !== 'draft')
  const target = (d: any) => ({
    status: d.status,
    startAt: ms(d.startAt),
    endAt: ms(d.endAt),
    signup: d.signup ? { opensAt: ms(d.signup.opensAt), closesAt: ms(d.signup.closesAt) } : null,
    seatsLeft: d.seatsLeft ?? null,
  })
  const joinable = docs.filter((d) => canStillJoin(target(d), NOW))
  // Sign-up activities with a seat among them, some of them today.
  const withSignup = joinable.filter((d) => d.signup)
  expect(withSignup.length).toBeGreaterThan(5)
  expect(withSignup.some((d) => shanghaiDate(ms(d.startAt)) === '2027-01-06')).toBe(true)
  expect(items.map((i) => i.id).sort()).toEqual(joinable.map((d) => d._id).sort())
})

test('the seeded attendance is this week’s up to now: nothing after the clock, check-ins only at activities that started', async () => {
  const [registrations, checkins, walkins, ratings, publicity, activities] = await Promise.all(
    ['registrations', 'checkins', 'walkins', 'ratings', 'publicity', 'activities'].map((c) => allDocs(cloud, c)),
  )
  expect(registrations.length).toBeGreaterThan(100)
  expect(checkins.length).toBeGreaterThan(100)
  const times = [
    ...registrations.map((r) => r.createdAt),
    ...checkins.flatMap((c) => [c.scannedAt, c.createdAt]),
    ...walkins.map((w) => w.createdAt),
    ...ratings.map((r) => r.createdAt),
    ...publicity.map((p) => p.createdAt),
  ].map(ms)
  expect(Math.max(...times)).toBeLessThanOrEqual(NOW)
  // Sign-ups opened 2026-12-25 08:00 (ten days before the moved week) and nobody signed up before.
  expect(Math.min(...registrations.map((r) => ms(r.createdAt)))).toBeGreaterThanOrEqual(shanghaiInstant('2026-12-25', '08:00'))
  const byId = new Map(activities.map((a) => [a._id, a]))
  for (const c of checkins) {
    const a = byId.get(c.activityId)!
    expect(ms(a.startAt)).toBeLessThan(NOW)
    expect(ms(c.scannedAt)).toBeGreaterThanOrEqual(ms(a.startAt) - 3_600_000)
  }
  for (const r of registrations) {
    const a = byId.get(r.activityId)!
    expect(ms(r.createdAt)).toBeGreaterThanOrEqual(ms(a.signup.opensAt))
    expect(ms(r.createdAt)).toBeLessThan(ms(a.signup.closesAt))
    expect(ms(r.startAt)).toBe(ms(a.startAt))
  }
})
