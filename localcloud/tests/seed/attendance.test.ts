// The seeded week as it has gone by `now` (localcloud/seed/attendance.ts): a fresh local cloud
// seeded at 2026-12-02 14:00 (Shanghai), half-way through the Nanchang week, then the real `stats`
// function as the week's admin: the reconcile finds every kept counter equal to its records, the
// 总结表 roll-up has participants, ratings and publicity. Records follow the functions' rules
// (door window, tickets, first check-in per district, ratings after a check-in), the dev personas
// are left alone, the same `now` gives the same data, an activity running at `now` has only its
// arrivals so far, and seeding before the week writes no attendance.
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  COLLECTIONS,
  type ActivityDoc,
  type CheckinDoc,
  type PublicityDoc,
  type RatingDoc,
  type RegistrationDoc,
  type UserDoc,
  type WalkinDoc,
} from '../../../cloudfunctions/_core/collections'
import { readCounters } from '../../../src/shared/domain/counters'
import { shanghaiDate } from '../../../src/shared/domain/time'
import { storageDirOf } from '../../gateway/storage'
import { seedActivities, seedPeople, seedWeeks } from '../../seed/data'
import { activityDoc, seedAll, seedAttendance, type SeedCounts } from '../../seed/seed'
import { reconcileAll } from '../functions/fixtures'
import { startTestCloud, type ActionName, type FnName, type InputOf, type OutputOf, type TestCloud } from '../harness'

const NOW = new Date('2026-12-02T06:00:00Z') // 14:00 in Nanchang, Wednesday of the week
const BEFORE = new Date('2026-11-25T02:00:00Z')
const AFTER = new Date('2026-12-08T02:00:00Z')
const WEEK = 'nc2026'
const ADMIN = seedPeople.find((p) => p.persona === 'admin')!._id
const MIN = 60_000

/** The seed's records and counters planned at `now`, without a database. */
function planAt(now: Date) {
  const activities = seedActivities.map((a) =>
    activityDoc(
      a,
      seedWeeks.find((w) => w._id === a.weekId)!,
      now,
    ),
  )
  return { activities, ...seedAttendance(activities, now) }
}

async function all<T>(cloud: TestCloud, collection: string): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const res = (await cloud.sdkDb.collection(collection).skip(out.length).limit(1000).get()) as unknown as { data: T[] }
    out.push(...res.data)
    if (res.data.length < 1000) return out
  }
}

async function must<F extends FnName, A extends ActionName<F>>(
  cloud: TestCloud,
  fn: F,
  action: A,
  input: InputOf<F, A>,
  openid: string,
): Promise<OutputOf<F, A>> {
  const res = await cloud.call(fn, action, input, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data
}

describe('a week seeded half-way through', () => {
  let cloud: TestCloud
  let counts: SeedCounts
  let seedMs = 0
  let activities: ActivityDoc[]
  let registrations: RegistrationDoc[]
  let checkins: CheckinDoc[]
  let walkins: WalkinDoc[]
  let ratings: RatingDoc[]
  let publicity: PublicityDoc[]
  let users: UserDoc[]
  const byId = () => new Map(activities.map((a) => [a._id, a]))

  beforeAll(async () => {
    cloud = await startTestCloud('never')
    const t0 = performance.now()
    counts = await seedAll(cloud.sdkDb, { dataDir: cloud.dataDir, now: NOW })
    seedMs = performance.now() - t0
    ;[activities, registrations, checkins, walkins, ratings, publicity, users] = await Promise.all([
      all<ActivityDoc>(cloud, COLLECTIONS.activities),
      all<RegistrationDoc>(cloud, COLLECTIONS.registrations),
      all<CheckinDoc>(cloud, COLLECTIONS.checkins),
      all<WalkinDoc>(cloud, COLLECTIONS.walkins),
      all<RatingDoc>(cloud, COLLECTIONS.ratings),
      all<PublicityDoc>(cloud, COLLECTIONS.publicity),
      all<UserDoc>(cloud, COLLECTIONS.users),
    ])
  }, 60_000)

  afterAll(async () => {
    await cloud.stop()
  })

  test('is seeded well under 10 s, with what the counts say', () => {
    expect(seedMs).toBeLessThan(10_000)
    expect({
      registrations: registrations.length,
      checkins: checkins.length,
      walkins: walkins.length,
      ratings: ratings.length,
      publicity: publicity.length,
      users: users.length,
    }).toEqual({
      registrations: counts.registrations,
      checkins: counts.checkins,
      walkins: counts.walkins,
      ratings: counts.ratings,
      publicity: counts.publicity,
      users: counts.users,
    })
    expect(counts.registrations).toBeGreaterThan(300)
    expect(counts.checkins).toBeGreaterThan(200)
  })

  test('(a) stats.reconcile as the admin finds every kept counter equal to its records', async () => {
    const r = await reconcileAll(cloud, WEEK, ADMIN)
    expect(r.differences).toEqual([])
    expect(r.checked.activities).toBe(seedActivities.filter((a) => a.weekId === WEEK).length)
    expect(r.checked.districts).toBeGreaterThan(5)
  })

  test('(b) the admin roll-up of the 总结表 has participants, ratings and publicity', async () => {
    const s = await must(cloud, 'stats', 'summary', { weekId: WEEK }, ADMIN)
    const f = s.figures
    expect(f.participants).toBeGreaterThan(0)
    expect(f.participants).toBe(f.distinctPeople + f.walkInHeadcount)
    expect(f.checkIns).toBe(checkins.length)
    expect(f.feedback.satisfied + f.feedback.basic + f.feedback.unsatisfied).toBeGreaterThan(0)
    expect(f.feedback.rate).toBeGreaterThan(0.8)
    expect(f.textReports + f.photos + f.videos).toBeGreaterThan(0)
    expect(f.textReports).toBe(publicity.filter((p) => p.kind === 'text').length)
    expect(f.outlets.length).toBeGreaterThan(2)
    // The 活动范围: communities typed on the sign-up forms, not only the venues' addresses.
    expect(f.communities.length).toBeGreaterThan(10)
    expect(f.communities).toContain('彭家桥社区')
  })

  test('records exist only for published nc2026 activities that started before now', () => {
    const act = byId()
    const started = (id: string) => {
      const a = act.get(id)!
      return a.weekId === WEEK && a.status === 'published' && new Date(a.startAt).getTime() < NOW.getTime()
    }
    for (const list of [registrations, checkins, walkins, ratings]) expect(list.filter((x) => !started(x.activityId))).toEqual([])
    expect(new Set(registrations.map((r) => r.activityId)).size).toBeGreaterThan(8)
    for (const p of publicity) expect(new Date(p.createdAt).getTime()).toBeLessThanOrEqual(NOW.getTime())
  })

  test('sign-ups: a realistic fill, some waiting where full, a few cancelled, about one in ten for family', () => {
    const act = byId()
    for (const [id, regs] of groupBy(registrations, (r) => r.activityId)) {
      const a = act.get(id)!
      const c = readCounters(a.counters)
      expect([id, c.confirmed >= a.signup!.capacity * 0.45, c.confirmed <= a.signup!.capacity]).toEqual([id, true, true])
      if (c.waitlisted > 0) expect([id, a.seatsLeft]).toEqual([id, 0])
      for (const r of regs) {
        expect(r.waitKey).toMatch(new RegExp(`^\\d{18}_${r._id}$`))
        expect(r._id).toBe(`${r.activityId}_${r.personId}`)
        expect(new Date(r.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(a.signup!.opensAt).getTime())
        expect(new Date(r.createdAt).getTime()).toBeLessThan(new Date(a.signup!.closesAt).getTime())
        if (r.status === 'cancelled') expect(new Date(r.cancelledAt!).getTime()).toBeLessThan(new Date(a.signup!.cancelDeadline).getTime())
        expect(r.proxy).toBe(r.memberId !== null)
      }
    }
    const cancelled = registrations.filter((r) => r.status === 'cancelled').length / registrations.length
    expect(cancelled).toBeGreaterThan(0.01)
    expect(cancelled).toBeLessThan(0.12)
    const proxy = registrations.filter((r) => r.proxy).length / registrations.length
    expect(proxy).toBeGreaterThan(0.05)
    expect(proxy).toBeLessThan(0.16)
    // People take part in several activities.
    const perPerson = groupBy(registrations, (r) => r.personId)
    expect([...perPerson.values()].filter((l) => l.length > 1).length).toBeGreaterThan(20)
  })

  test('check-ins: confirmed registrations only, 60–85 % of them, in the door window, tickets where scanned', () => {
    const act = byId()
    const regs = new Map(registrations.map((r) => [r._id, r]))
    for (const c of checkins) {
      const r = regs.get(c.registrationId)!
      const a = act.get(c.activityId)!
      expect(r.status).toBe('confirmed')
      expect(c._id).toBe(r._id)
      expect(c.personId).toBe(r.personId)
      expect(c.community ?? null).toBe(r.person.community ?? null)
      if (c.method !== 'manual') expect(r.ticketId).toMatch(/^[a-z0-9]{10}$/)
      expect(c.nonce === null).toBe(c.method !== 'offline')
      const scanned = new Date(c.scannedAt).getTime()
      expect(scanned).toBeGreaterThanOrEqual(new Date(a.startAt).getTime() - 60 * MIN)
      expect(scanned).toBeLessThanOrEqual(new Date(a.endAt).getTime())
      expect(new Date(c.createdAt).getTime()).toBeGreaterThanOrEqual(scanned)
    }
    expect(new Set(checkins.map((c) => c.method))).toEqual(new Set(['ticket', 'manual', 'offline']))
    const confirmed = registrations.filter((r) => r.status === 'confirmed' && act.get(r.activityId)!.mode !== 'online').length
    expect(checkins.length / confirmed).toBeGreaterThan(0.6)
    expect(checkins.length / confirmed).toBeLessThan(0.85)
    // One first check-in per person and district.
    const firsts = checkins.filter((c) => c.firstInDistrict).map((c) => `${c.districtCode}|${c.personId}`)
    expect(new Set(firsts).size).toBe(firsts.length)
    expect(firsts.length).toBe(new Set(checkins.map((c) => `${c.districtCode}|${c.personId}`)).size)
  })

  test('walk-ins: groups of 1–6 of the activity’s audiences, open activities live on them', () => {
    const act = byId()
    expect(walkins.length).toBeGreaterThan(10)
    for (const w of walkins) {
      expect(w.headcount).toBeGreaterThanOrEqual(1)
      expect(w.headcount).toBeLessThanOrEqual(6)
      expect(w._id).toBe(`${w.activityId}_${w.nonce}`)
    }
    const fromActivity = walkins.filter((w) => act.get(w.activityId)!.audiences.includes(w.audience)).length
    expect(fromActivity / walkins.length).toBeGreaterThan(0.7)
    const open = activities.filter(
      (a) =>
        a.weekId === WEEK && a.status === 'published' && !a.signup && a.mode !== 'online' && new Date(a.startAt).getTime() < NOW.getTime(),
    )
    expect(open.length).toBeGreaterThan(0)
    for (const a of open) expect([a._id, walkins.some((w) => w.activityId === a._id)]).toEqual([a._id, true])
  })

  test('ratings: of check-ins, after them, mostly 满意, some comments and declines', () => {
    const ids = new Set(checkins.map((c) => c._id))
    const checkedAt = new Map(checkins.map((c) => [c._id, new Date(c.createdAt).getTime()]))
    for (const r of ratings) {
      expect(ids.has(r._id)).toBe(true)
      expect(new Date(r.createdAt).getTime()).toBeGreaterThan(checkedAt.get(r._id)!)
      expect(new Date(r.createdAt).getTime()).toBeLessThanOrEqual(NOW.getTime())
      if (r.level === 'skipped') expect(r.comment).toBeNull()
    }
    const share = (level: string) => ratings.filter((r) => r.level === level).length / ratings.length
    expect(share('satisfied')).toBeGreaterThan(0.6)
    expect(share('basic')).toBeGreaterThan(0.05)
    expect(share('unsatisfied')).toBeLessThan(0.08)
    expect(share('skipped')).toBeGreaterThan(0)
    expect(ratings.filter((r) => r.comment && /[\u4e00-\u9fa5]/.test(r.comment)).length).toBeGreaterThan(5)
    expect(ratings.length / checkins.length).toBeGreaterThan(0.25)
    expect(ratings.length / checkins.length).toBeLessThan(0.5)
  })

  test('people: generated residents of the districts, not the dev personas', async () => {
    const personas = new Set(seedPeople.map((p) => p._id))
    expect(registrations.filter((r) => personas.has(r.openid))).toEqual([])
    for (const openid of ['dev-resident', 'dev-senior']) {
      const upcoming = await must(cloud, 'signup', 'mine', { when: 'upcoming' }, openid)
      const past = await must(cloud, 'signup', 'mine', { when: 'past' }, openid)
      expect([openid, upcoming.items.length, past.items.length]).toEqual([openid, 0, 0])
    }
    const residents = users.filter((u) => u._id.startsWith(`${WEEK}-r`))
    expect(residents.length).toBeGreaterThan(100)
    for (const u of residents) {
      expect(u.profile!.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/)
      expect(u.profile!.phone).toMatch(/^1380000\d{4}$/)
      expect(u.profile!.community).toMatch(/(社区|村)$/)
    }
    // Every family member signed up is in their resident's family.
    const family = new Map(users.map((u) => [u._id, new Set((u.family ?? []).map((m) => m.id))]))
    for (const r of registrations.filter((x) => x.memberId)) expect(family.get(r.openid)?.has(r.memberId!)).toBe(true)
  })

  test('publicity: a handful per district, example.org links, photos stored and served', async () => {
    const perDistrict = groupBy(publicity, (p) => p.districtCode)
    expect(perDistrict.size).toBeGreaterThan(8)
    for (const list of perDistrict.values()) expect(list.length).toBeLessThanOrEqual(7)
    expect(new Set(publicity.map((p) => p.kind))).toEqual(new Set(['text', 'photo', 'video']))
    for (const p of publicity) {
      if (p.kind === 'photo') {
        expect(p.url).toBeNull()
        expect(p.fileIds.length).toBeGreaterThan(0)
      } else {
        expect(p.url).toMatch(/^https:\/\/[a-z]+\.example\.org\//)
        expect(p.fileIds).toEqual([])
      }
    }
    const files = publicity.flatMap((p) => p.fileIds)
    const missing = files.filter(
      (f) => !existsSync(path.join(storageDirOf(cloud.dataDir), ...f.replace('cloud://localcloud/', '').split('/'))),
    )
    expect(missing).toEqual([])
    const res = await fetch(`${cloud.gateway.url}/storage/${files[0].replace('cloud://localcloud/', '')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
  })

  test('the organiser’s publicity list and dashboard answer on the seeded data', async () => {
    const organiser = seedPeople.find((p) => p.persona === 'organiser')!._id
    const list = await must(cloud, 'stats', 'publicity.list', { weekId: WEEK, districtCode: 'donghu' }, organiser)
    expect(list.items.length).toBe(publicity.filter((p) => p.districtCode === 'donghu').length)
    const dash = await must(cloud, 'stats', 'dashboard', { weekId: WEEK, day: '2026-12-01' }, ADMIN)
    expect(dash.totals.checkedIn).toBe(checkins.length)
    const day = checkins.filter((c) => shanghaiDate(activityStart(activities, c.activityId)) === '2026-12-01')
    expect(dash.today.reduce((n: number, a: any) => n + a.checkedIn, 0)).toBe(day.length)
    // The day's curve: arrivals in the hour around each start.
    const curve = dash.curve.filter((h: any) => h.participants > 0).map((h: any) => h.hour)
    expect(curve.length).toBeGreaterThan(1)
    expect(curve.every((h: number) => h >= 7 && h <= 20)).toBe(true)
  })
})

describe('the plan', () => {
  test('is the same for the same now', () => {
    expect(JSON.stringify(planAt(NOW))).toBe(JSON.stringify(planAt(NOW)))
  })

  test('seeded later only adds what happened since: earlier activities keep their records', () => {
    const now = planAt(NOW)
    const later = planAt(AFTER)
    // Ratings come within 36 hours of the end.
    const done = new Set(
      now.activities.filter((a) => a.weekId === WEEK && a.endAt.getTime() + 37 * 3_600_000 < NOW.getTime()).map((a) => a._id),
    )
    expect(done.size).toBeGreaterThan(3)
    const of = <T extends { activityId: string }>(list: T[]) => JSON.stringify(list.filter((x) => done.has(x.activityId)))
    expect(of(later.registrations)).toBe(of(now.registrations))
    expect(of(later.walkins)).toBe(of(now.walkins))
    expect(of(later.checkins)).toBe(of(now.checkins))
    expect(of(later.ratings)).toBe(of(now.ratings))
  })

  test('after the week, every published activity has its attendance', () => {
    const p = planAt(AFTER)
    const nc = p.activities.filter((a) => a.weekId === WEEK && a.status === 'published')
    for (const a of nc) {
      if (a.signup) expect([a._id, readCounters(a.counters).confirmed > 0]).toEqual([a._id, true])
      if (a.mode !== 'online')
        expect([a._id, (a.attendance?.checkedIn ?? 0) + (a.attendance?.walkInHeadcount ?? 0) > 0]).toEqual([a._id, true])
    }
    expect(p.notices.length).toBeGreaterThan(0)
    for (const n of p.notices) expect(n.template).toBe('waitlist_promoted')
    expect(p.activities.filter((a) => a.weekId !== WEEK).every((a) => !a.counters || readCounters(a.counters).confirmed === 0)).toBe(true)
  })

  test('an activity running at now has only its arrivals so far and no ratings yet', () => {
    const now = new Date('2026-12-02T06:40:00Z') // 14:40: three activities began at 14:00 or 14:30
    const p = planAt(now)
    const later = planAt(AFTER)
    const running = p.activities.filter((a) => a.weekId === WEEK && a.status === 'published' && a.startAt < now && a.endAt > now)
    expect(running.length).toBeGreaterThan(0)
    let partly = 0
    for (const a of running) {
      const mine = p.checkins.filter((c) => c.activityId === a._id)
      const whole = later.checkins.filter((c) => c.activityId === a._id)
      expect(mine.every((c) => c.createdAt.getTime() <= now.getTime())).toBe(true)
      expect(mine.length).toBeLessThanOrEqual(whole.length)
      if (mine.length > 0 && mine.length < whole.length) partly++
      expect(p.ratings.filter((r) => r.activityId === a._id)).toEqual([])
      expect(a.attendance?.checkedIn ?? 0).toBe(mine.length)
    }
    expect(partly).toBeGreaterThan(0)
  })
})

describe('a week seeded before it begins', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud('never')
    const counts = await seedAll(cloud.sdkDb, { dataDir: cloud.dataDir, now: BEFORE })
    expect(counts).toMatchObject({ registrations: 0, checkins: 0, walkins: 0, ratings: 0, notices: 0, publicity: 0 })
  }, 60_000)
  afterAll(async () => {
    await cloud.stop()
  })

  test('(c) has no sign-ups, check-ins, walk-ins, ratings or publicity, and zero counters', async () => {
    for (const c of [
      COLLECTIONS.registrations,
      COLLECTIONS.checkins,
      COLLECTIONS.walkins,
      COLLECTIONS.ratings,
      COLLECTIONS.publicity,
      COLLECTIONS.outbox,
    ]) {
      expect([c, ((await cloud.sdkDb.collection(c).count()) as { total: number }).total]).toEqual([c, 0])
    }
    const activities = await all<ActivityDoc>(cloud, COLLECTIONS.activities)
    for (const a of activities) {
      expect(readCounters(a.counters)).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 0, proxy: 0 })
      expect(a.attendance).toBeUndefined()
      expect(a.seatsLeft).toBe(a.signup ? a.signup.capacity : null)
    }
    const s = await must(cloud, 'stats', 'summary', { weekId: WEEK }, ADMIN)
    expect(s.figures).toMatchObject({ participants: 0, checkIns: 0, textReports: 0, photos: 0, videos: 0 })
    expect((await reconcileAll(cloud, WEEK, ADMIN)).differences).toEqual([])
  })
})

describe('a week seeded without attendance', () => {
  let cloud: TestCloud
  afterAll(async () => {
    await cloud.stop()
  })

  test('attendance: false leaves every activity as before anyone signed up, whatever now is', async () => {
    cloud = await startTestCloud('never')
    const counts = await seedAll(cloud.sdkDb, { dataDir: cloud.dataDir, now: AFTER, attendance: false })
    expect(counts).toMatchObject({
      users: seedPeople.length,
      registrations: 0,
      checkins: 0,
      walkins: 0,
      ratings: 0,
      notices: 0,
      publicity: 0,
    })
    const activities = await all<ActivityDoc>(cloud, COLLECTIONS.activities)
    expect(activities.filter((a) => a.signup && a.seatsLeft !== a.signup.capacity)).toEqual([])
  })
})

describe('a week seeded after it ended', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud('never')
    await seedAll(cloud.sdkDb, { dataDir: cloud.dataDir, now: AFTER })
  }, 60_000)
  afterAll(async () => {
    await cloud.stop()
  })

  test('reconciles with waitlists, promotions and every district in the 总结表', async () => {
    expect((await reconcileAll(cloud, WEEK, ADMIN)).differences).toEqual([])
    const s = await must(cloud, 'stats', 'summary', { weekId: WEEK }, ADMIN)
    for (const d of s.districts) expect([d.code, d.people > 0]).toEqual([d.code, true])
    const promoted = (await all<RegistrationDoc>(cloud, COLLECTIONS.registrations)).filter((r) => r.promotedAt)
    const notices = await all<{ payload: { registrationId: string } }>(cloud, COLLECTIONS.outbox)
    expect(promoted.length).toBeGreaterThan(0)
    expect(notices.map((n) => n.payload.registrationId).sort()).toEqual(promoted.map((r) => r._id).sort())
  })
})

function groupBy<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const x of list) out.set(key(x), [...(out.get(key(x)) ?? []), x])
  return out
}

const activityStart = (activities: ActivityDoc[], id: string) => new Date(activities.find((a) => a._id === id)!.startAt).getTime()
