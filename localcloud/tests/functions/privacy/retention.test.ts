// The week's retention (the privacy function's hourly timer): a week past its retention date
// (summary deadline + its retentionDays, default 180) has the personal fields of its records
// anonymised, in chunks that continue run after run, while every count, the dashboard, the 总结表
// and reconcile stay the same; a week not yet due is untouched; only the timer runs it.
//
// The scripted week of the stats tests (sign-ups, a cancelled activity's notices, a promotion,
// check-ins, walk-ins, ratings with comments, a course, reading) is week 1, given 30 retention days;
// week 2 (default 180 days) has sign-ups and a named walk-in of its own.
import { runRetention, type RetentionRun } from '../../../../cloudfunctions/privacy/src/retention'
import { ANONYMOUS_NAME, REDACTED_TEXT, RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, retentionDate } from '../../../../src/shared/domain/privacy'
import { shanghaiDayRange } from '../../../../src/shared/domain/time'
import { runAsFunction } from '../../../gateway/callTag'
import { invokeFunction, invokeWithFaults } from '../../../gateway/functions'
import { fireTimer, timerTriggers } from '../../../gateway/timers'
import { MODES } from '../faultFixtures'
import { ADMIN, ORGANISER, allDocs, createActivity, createTestWeek, seedResidents, type TestWeek } from '../fixtures'
import { cloud, ids, must, people, reconcileClean, runNow, stats, useStatsCloud, week } from '../stats/setup'

useStatsCloud()

const DAY = 86_400_000
/** The collections retention walks for a week (the outbox through the week's activities). */
const WEEK_COLLECTIONS = ['registrations', 'enrolments', 'readingLogs', 'readers', 'ratings', 'walkins', 'checkins'] as const
/**
 * What a person put in: names, phones, comments, notes, a walk-in's name. A phone is 11 digits standing
 * alone: ids, wait keys and times hold long runs of digits of their own.
 */
const PERSONAL = /居民|(?<!\d)139\d{8}(?!\d)|王小明|李大爷|老师讲得很耐心|声音太小|读得很慢/

let week2: TestWeek
let week2Activity: string

/** Every record of a week (its outbox notices found through its activities). */
async function weekRecords(weekId: string): Promise<Record<string, any[]>> {
  const out: Record<string, any[]> = {}
  for (const c of WEEK_COLLECTIONS) out[c] = await allDocs(cloud, c, { weekId })
  const activityIds = (await allDocs(cloud, 'activities', { weekId })).map((a) => a._id)
  out.outbox = (await allDocs(cloud, 'outbox')).filter((n) => activityIds.includes(n.payload.activityId))
  return out
}

/** The figures people read: dashboard, 总结表, the stored counters. */
async function figures(weekId: string) {
  const dash = await stats('dashboard', { weekId }, ADMIN)
  const summary = await stats('summary', { weekId }, ADMIN)
  if (!dash.ok || !summary.ok) throw new Error(`stats failed: ${JSON.stringify([dash, summary])}`)
  const { totals, byType, byAudience, byDistrict, feedback } = dash.data
  const { rows, figures: f, activities, districts } = summary.data
  const counters = (await allDocs(cloud, 'activities', { weekId })).map((a) => [a._id, a.counters, a.attendance, a.feedback, a.seatsLeft])
  const courses = (await allDocs(cloud, 'courses', { weekId })).map((c) => [c._id, c.counters])
  const books = (await allDocs(cloud, 'books', { weekId })).map((b) => [b._id, b.counters])
  return { totals, byType, byAudience, byDistrict, feedback, rows, f, activities, districts, counters, courses, books }
}

const weekDoc = async (id: string) => (await allDocs(cloud, 'weeks', { _id: id }))[0]
const startOf = (day: string) => shanghaiDayRange(day).start
/** Fires the privacy timer as the cloud does, at `now`. */
async function fireAt(now: number) {
  jest.spyOn(Date, 'now').mockReturnValue(now)
  try {
    return (await fireTimer({ fn: 'privacy', name: 'retention' })) as { ok: boolean; data: { retention: RetentionRun } }
  } finally {
    jest.restoreAllMocks()
  }
}
/** The retention run from the function's source with a small budget (the same queries, checked against the indexes). */
const runSmall = (now: number, pages: number) =>
  runAsFunction('privacy', () => runRetention(cloud.sdkDb as any, now, { ms: 10_000, batch: 2, pages }))

let before1: Awaited<ReturnType<typeof figures>>
let records1: Record<string, any[]>
let records2: Record<string, any[]>
let deadline: string

beforeAll(async () => {
  const [r0, r1] = people
  // Week 1 keeps personal data 30 days after its summary deadline.
  await must('activity', 'week.update', { id: week.id, patch: { retentionDays: 30 } }, ADMIN)
  // A named walk-in and a reading note in week 1.
  await must('checkin', 'walkin', { activityId: ids.A1, audience: 'seniors', headcount: 1, name: '王小明' }, ORGANISER)
  await must('reading', 'log', { bookId: ids.book, minutes: 20, note: '读得很慢' }, r1)
  await must('reading', 'board.join', { weekId: week.id, districtCode: 'east', joined: true }, r0)
  // Week 2: its own sign-ups and a named walk-in.
  week2 = await createTestWeek(cloud)
  week2Activity = await createActivity(cloud, week2, { capacity: 5, fields: ['name', 'phone', 'community'], title: '第二周的课' })
  const others = await seedResidents(cloud, 'w2', 3)
  for (const p of others) await must('signup', 'create', { activityId: week2Activity }, p)
  await runNow(week2Activity)
  await must('checkin', 'walkin', { activityId: week2Activity, audience: 'seniors', headcount: 1, name: '李大爷' }, ORGANISER)

  deadline = (await weekDoc(week.id)).summaryDeadline
  expect((await weekDoc(week2.id)).summaryDeadline).toBe(deadline)
  before1 = await figures(week.id)
  records1 = await weekRecords(week.id)
  records2 = await weekRecords(week2.id)
  // The scripted week holds personal data in every collection retention walks.
  for (const c of ['registrations', 'enrolments', 'readingLogs', 'readers', 'ratings', 'walkins', 'outbox']) {
    expect([c, PERSONAL.test(JSON.stringify(records1[c]))]).toEqual([c, true])
  }
  expect(PERSONAL.test(JSON.stringify(records2.registrations))).toBe(true)
}, 120_000)
afterEach(() => jest.restoreAllMocks())

describe('the privacy timer', () => {
  test('fires hourly, as config.json says', () => {
    expect(timerTriggers()).toContainEqual({ fn: 'privacy', name: 'retention', cron: '0 7 * * * * *' })
  })

  test('before a week’s retention date it touches nothing', async () => {
    const run = await fireAt(startOf(retentionDate(deadline, 30)) - 1)
    expect(run).toMatchObject({ ok: true, data: { retention: { weeks: [], partial: false } } })
    expect((await weekDoc(week.id)).retention).toBeUndefined()
    expect(await weekRecords(week.id)).toEqual(records1)
  })

  test('a call from the mini-program (with an OPENID) cannot run it, even dressed as the timer', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(startOf(retentionDate(deadline, 30)) + DAY)
    const res = (await invokeFunction('privacy', { Type: 'Timer', TriggerName: 'retention' }, ADMIN)) as { ok: boolean; code?: string }
    jest.restoreAllMocks()
    expect(res).toMatchObject({ ok: false, code: 'MALFORMED_REQUEST' })
    expect((await weekDoc(week.id)).retention).toBeUndefined()
    expect(await weekRecords(week.id)).toEqual(records1)
  })
})

describe('past week 1’s 30 days (week 2 keeps the default 180)', () => {
  let now: number

  test('small runs each continue where the last stopped, each well under 20 s, progress stored on the week', async () => {
    now = startOf(retentionDate(deadline, 30)) + 3_600_000
    const seen: string[] = []
    let runs = 0
    for (;;) {
      const t0 = performance.now()
      const run = await runSmall(now, 3)
      expect(performance.now() - t0).toBeLessThan(20_000)
      runs++
      expect(run.weeks.map((w) => w.weekId)).toEqual([week.id])
      const stored = (await weekDoc(week.id)).retention
      expect(stored.startedAt).toEqual(new Date(now))
      if (run.partial) {
        expect(stored.doneAt).toBeNull()
        const at = `${stored.step} ${stored.after}`
        expect(seen).not.toContain(at)
        seen.push(at)
        expect(run.weeks[0]).toMatchObject({ done: false, pages: 3, step: stored.step })
      } else {
        expect(run.weeks[0]).toMatchObject({ done: true })
        expect(stored.doneAt).toEqual(new Date(now))
        break
      }
      if (runs > 200) throw new Error('retention never finished')
    }
    expect(runs).toBeGreaterThan(3)
    // The steps were walked in order: registrations first, walk-ins last.
    expect(seen[0].startsWith('registrations')).toBe(true)
    // A run after the end finds nothing to do for week 1, and week 2 is not due.
    const again = await fireAt(now + 1_000)
    expect(again).toMatchObject({ ok: true, data: { retention: { weeks: [], partial: false } } })
  })

  test('week 1’s names, phones, comments and notes are gone from every collection; ids and categories stay', async () => {
    const after = await weekRecords(week.id)
    for (const [c, docs] of Object.entries(after)) {
      expect([c, docs.length]).toEqual([c, records1[c].length])
      expect([c, JSON.stringify(docs).match(PERSONAL)?.[0] ?? null]).toEqual([c, null])
    }
    for (const r of after.registrations) {
      const was = records1.registrations.find((x) => x._id === r._id)
      expect(r).toMatchObject({
        openid: was.openid,
        personId: was.personId,
        status: was.status,
        person: { name: ANONYMOUS_NAME, phone: null },
      })
      expect(r.person.community).toBe(was.person.community)
      expect(r.person.audience).toBe(was.person.audience)
      expect(r.anonymisedAt).toEqual(new Date(now))
    }
    expect(after.outbox.length).toBeGreaterThan(0)
    for (const n of after.outbox) expect(n.person.name).toBe(ANONYMOUS_NAME)
    for (const e of after.enrolments) expect(e.learnerName).toBe(ANONYMOUS_NAME)
    for (const r of after.readers) expect(r).toMatchObject({ name: ANONYMOUS_NAME, board: null })
    // A comment's words go; whether there was one stays (the feedback.comments counter).
    for (const r of after.ratings) {
      const was = records1.ratings.find((x) => x._id === r._id)
      expect(r.comment).toBe(was.comment ? REDACTED_TEXT : was.comment)
    }
    for (const w of after.walkins) expect(w.name).toBeNull()
    // Check-ins hold nothing personal and are left as they were.
    expect(after.checkins).toEqual(records1.checkins)
  })

  test('week 2 is untouched', async () => {
    expect(await weekRecords(week2.id)).toEqual(records2)
    expect((await weekDoc(week2.id)).retention).toBeUndefined()
  })

  test('every count, the dashboard, the 总结表 figures and reconcile are unchanged', async () => {
    expect(await figures(week.id)).toEqual(before1)
    await reconcileClean()
  })

  test('activity week.update takes retentionDays within its bounds; outside them VALIDATION_FAILED, nothing written', async () => {
    const before = await weekDoc(week2.id)
    for (const retentionDays of [RETENTION_DAYS_MIN - 1, RETENTION_DAYS_MAX + 1, 90.5]) {
      const res = await cloud.callRaw('activity', 'week.update', { id: week2.id, patch: { retentionDays } }, ADMIN)
      expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    }
    expect(await weekDoc(week2.id)).toEqual(before)
    const res = await must('activity', 'week.update', { id: week2.id, patch: { retentionDays: 365 } }, ADMIN)
    expect(res.week).toMatchObject({ retentionDays: 365, retentionDate: retentionDate(deadline, 365), anonymisedAt: null })
    await must('activity', 'week.update', { id: week2.id, patch: { retentionDays: 180 } }, ADMIN)
  })

  test('activity week.get answers the retention date and when it was anonymised', async () => {
    const one = await must('activity', 'week.get', { id: week.id }, ADMIN)
    expect(one.week).toMatchObject({ retentionDays: 30, retentionDate: retentionDate(deadline, 30), anonymisedAt: now })
    const two = await must('activity', 'week.get', { id: week2.id }, ADMIN)
    expect(two.week).toMatchObject({ retentionDays: 180, retentionDate: retentionDate(deadline, 180), anonymisedAt: null })
  })
})

describe('past week 2’s 180 days', () => {
  test('the timer anonymises week 2 in one run, week 1 left as it was', async () => {
    const week1 = await weekRecords(week.id)
    const now = startOf(retentionDate(deadline, 180)) + 60_000
    const t0 = performance.now()
    const run = await fireAt(now)
    expect(performance.now() - t0).toBeLessThan(20_000)
    // (The seeded 2026 weeks are past their dates too by then.)
    expect(run).toMatchObject({ ok: true, data: { retention: { partial: false } } })
    expect(run.data.retention.weeks).toContainEqual(expect.objectContaining({ weekId: week2.id, done: true, records: 4 }))
    expect(run.data.retention.weeks.map((w) => w.weekId)).not.toContain(week.id)
    const after = await weekRecords(week2.id)
    expect(JSON.stringify(after).match(PERSONAL)).toBeNull()
    expect(after.registrations).toHaveLength(records2.registrations.length)
    expect(await weekRecords(week.id)).toEqual(week1)
    const two = await must('activity', 'week.get', { id: week2.id }, ADMIN)
    expect(two.week.anonymisedAt).toBe(now)
  })
})

describe('crash safety: a run that dies at any database request, then runs again, ends as a clean run does', () => {
  const TIMER = { Type: 'Timer', TriggerName: 'retention' }
  let week3: TestWeek
  let original: Record<string, any[]>
  let at: number

  /** Puts week 3's records and week document back as they were before any retention. */
  async function restore() {
    const sdk: any = cloud.sdkDb
    for (const [c, docs] of Object.entries(original)) {
      for (const { _id, ...data } of docs) await sdk.collection(c).doc(_id).set({ data })
    }
    await sdk
      .collection('weeks')
      .doc(week3.id)
      .update({ data: { retention: sdk.command.remove() } })
  }
  const endState = async () => ({ records: await weekRecords(week3.id), retention: (await weekDoc(week3.id)).retention })
  /** The timer at `at` (fixed: every run's clock is the same), under a fault plan. */
  async function timer(plan: { at?: number; mode?: 'kill' | 'lose' }) {
    jest.spyOn(Date, 'now').mockReturnValue(at)
    try {
      return await invokeWithFaults('privacy', TIMER, '', plan)
    } finally {
      jest.restoreAllMocks()
    }
  }

  beforeAll(async () => {
    week3 = await createTestWeek(cloud)
    const activity = await createActivity(cloud, week3, { capacity: 2, fields: ['name', 'phone'], title: '第三周的课' })
    // Three sign-ups for two seats (one waits), one cancels (a notice: the waiting one is promoted).
    const residents = await seedResidents(cloud, 'w3', 3)
    for (const p of residents) await must('signup', 'create', { activityId: activity }, p)
    await must('signup', 'cancel', { registrationId: `${activity}_${residents[0]}` }, residents[0])
    await runNow(activity)
    await must('checkin', 'walkin', { activityId: activity, audience: 'seniors', headcount: 1, name: '王小明' }, ORGANISER)
    original = await weekRecords(week3.id)
    expect(original.outbox.length).toBeGreaterThan(0)
    at = startOf(retentionDate((await weekDoc(week3.id)).summaryDeadline, 180)) + 2 * 3_600_000
    // Every other week due by then is finished first: the runs below have week 3 alone to do.
    await timer({})
  }, 60_000)

  test.each(MODES)(
    'cut by %s at each request',
    async (mode) => {
      await restore()
      const clean = await timer({})
      expect(clean.lost).toBe(false)
      const expected = await endState()
      expect(expected.retention.doneAt).toEqual(new Date(at))
      expect(JSON.stringify(expected.records).match(PERSONAL)).toBeNull()
      const requests = clean.run.requests
      expect(requests).toBeGreaterThan(10)
      for (let k = 1; k <= requests; k++) {
        await restore()
        const cut = await timer({ at: k, mode })
        expect([k, cut.lost]).toEqual([k, true])
        const again = await timer({})
        expect([k, again.lost, (again.result as { ok: boolean }).ok]).toEqual([k, false, true])
        expect([k, await endState()]).toEqual([k, expected])
      }
    },
    120_000,
  )
})

describe('a larger week at the timer’s own budget', () => {
  const REGISTRATIONS = 1_050
  const NOTICES = 230
  let week4: TestWeek
  let at: number

  beforeAll(async () => {
    at = startOf(retentionDate(deadline, 180)) + 3 * 3_600_000
    // Every other week due by then is finished first: the timer below has week 4 alone to do.
    await fireAt(at)
    week4 = await createTestWeek(cloud)
    const activity = await createActivity(cloud, week4, { capacity: 2000, title: '第四周的大课' })
    // Written straight into the database (what a thousand sign-ups leave), in batches.
    const sdk: any = cloud.sdkDb
    const now = new Date()
    const regs = Array.from({ length: REGISTRATIONS }, (_, i) => {
      const personId = `w4-${String(i).padStart(5, '0')}`
      return {
        _id: `${activity}_${personId}`,
        activityId: activity,
        weekId: week4.id,
        districtCode: 'east',
        openid: personId,
        personId,
        memberId: null,
        relation: null,
        proxy: false,
        person: { name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, ageGroup: '60-69' },
        status: 'confirmed',
        waitKey: String(i),
        title: '第四周的大课',
        startAt: now,
        endAt: now,
        activityCancelled: false,
        createdAt: now,
        updatedAt: now,
        confirmedAt: now,
        promotedAt: null,
        cancelledAt: null,
      }
    })
    for (let i = 0; i < regs.length; i += 200) await sdk.collection('registrations').add({ data: regs.slice(i, i + 200) })
    const notices = regs.slice(0, NOTICES).map((r) => ({
      recipient: r.openid,
      person: { personId: r.personId, name: r.person.name },
      template: 'waitlist_promoted',
      payload: { activityId: activity, registrationId: r._id, title: r.title, startAt: now, reason: null },
      createdAt: now,
      readAt: null,
      sentAt: null,
    }))
    for (let i = 0; i < notices.length; i += 200) await sdk.collection('outbox').add({ data: notices.slice(i, i + 200) })
    expect((await weekDoc(week4.id)).summaryDeadline).toBe(deadline)
  }, 120_000)

  test('a run with no time left does nothing and says it is not finished', async () => {
    const run = await runAsFunction('privacy', () => runRetention(cloud.sdkDb as any, at, { ms: 0, batch: 100 }))
    expect(run).toMatchObject({ weeks: [], partial: true })
    expect((await weekDoc(week4.id)).retention).toBeUndefined()
  })

  test('the timer does it in pages of 100, well under 20 s, with about one read and one write per 100 records', async () => {
    cloud.db.resetStats()
    const t0 = performance.now()
    const run = await fireAt(at)
    const ms = performance.now() - t0
    const { reads, writes } = cloud.db.billing()
    expect(ms).toBeLessThan(20_000)
    expect(run).toMatchObject({ ok: true, data: { retention: { partial: false } } })
    expect(run.data.retention.weeks).toEqual([expect.objectContaining({ weekId: week4.id, done: true, records: REGISTRATIONS + NOTICES })])
    const after = await weekRecords(week4.id)
    expect(after.registrations).toHaveLength(REGISTRATIONS)
    expect(after.outbox).toHaveLength(NOTICES)
    expect(JSON.stringify(after).match(PERSONAL)).toBeNull()
    // Reads: the erasure finisher's look for marks (the timer's first job), the weeks, 11 pages of registrations, 3 of notices (each with its page of activities),
    // one page of each other step (enrolments, reading logs, readers, the two of nominations; walk-ins
    // and ratings with their page of activities). Writes: the start, one update per page that found
    // records, a progress write every 10 pages and at each of the 9 steps' end.
    expect(reads).toBe(1 + 1 + 11 + 3 * 2 + 5 + 2 * 2)
    expect(writes).toBe(1 + 11 + 3 + 1 + 9)
  })
})
