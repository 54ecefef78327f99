// `stats` src/reconcile.ts (with reconcileActivities, reconcileDistricts, reconcileCursor and
// reconcileRepair) through the real wx-server-sdk against the local cloud, on the scripted week of
// ./setup.ts: no difference after the week, a drifted counter reported, resumable chunks that find
// exactly what a one-shot run finds, bad cursors refused, repair for bureau admins only.
import { ADMIN, ORGANISER, createTestWeek, reconcileAll, writesIn } from '../fixtures'
import { cloud, db, ids, must, reconcileClean, stats, useStatsCloud, week } from './setup'

useStatsCloud()

describe('the reconcile after a scripted week', () => {
  test('the reconcile finds no difference after the scripted week', async () => {
    const r = await reconcileClean()
    expect(r.checked.activities).toBeGreaterThanOrEqual(5)
    expect(r.checked.districts).toBe(2)
    await reconcileClean(ORGANISER)
  })

  test('the reconcile reports a counter that drifted from its records', async () => {
    await db()
      .collection('activities')
      .doc(ids.A4)
      .update({ data: { 'attendance.checkedIn': db().command.inc(1) } })
    try {
      const r = await reconcileAll(cloud, week.id, ORGANISER)
      expect(r.differences).toEqual([
        { scope: 'activity', id: ids.A4, name: '防诈骗讲座', field: 'attendance.checkedIn', stored: 3, recounted: 2 },
      ])
    } finally {
      await db()
        .collection('activities')
        .doc(ids.A4)
        .update({ data: { 'attendance.checkedIn': db().command.inc(-1) } })
    }
    await reconcileClean()
  })
})

describe('the reconcile in resumable chunks', () => {
  const TINY = JSON.stringify({ activitiesPerChunk: 1, peoplePerPage: 1, itemsPerChunk: 1, chunksPerCall: 1 })
  /** Runs `fn` with the reconcile's chunks forced tiny (one activity, check-in, course or book per call). */
  async function withTinyChunks<T>(fn: () => Promise<T>): Promise<T> {
    const before = process.env.STATS_RECONCILE_LIMITS
    process.env.STATS_RECONCILE_LIMITS = TINY
    try {
      return await fn()
    } finally {
      if (before === undefined) delete process.env.STATS_RECONCILE_LIMITS
      else process.env.STATS_RECONCILE_LIMITS = before
    }
  }
  const key = (d: any) => `${d.scope}|${d.id}|${d.field}`
  const sorted = (ds: any[]) => [...ds].sort((a, b) => key(a).localeCompare(key(b)))
  /** Moves kept counters away from their records (an activity's check-ins and arrivals, a course, a book); undo() puts them back. */
  async function drift() {
    const _ = db().command
    const moves: [string, string, Record<string, unknown>][] = [
      ['activities', ids.A1, { 'attendance.checkedIn': 2, 'attendance.people': 1 }],
      ['activities', ids.B1, { 'counters.confirmed': -1 }],
      ['courses', ids.course, { 'counters.enrolled': 5 }],
      ['books', ids.book, { 'counters.minutes': 7 }],
    ]
    const apply = (sign: number) =>
      Promise.all(
        moves.map(([c, id, inc]) =>
          db()
            .collection(c)
            .doc(id)
            .update({ data: Object.fromEntries(Object.entries(inc).map(([f, n]) => [f, _.inc(sign * (n as number))])) }),
        ),
      )
    await apply(1)
    return () => apply(-1)
  }

  test("pages of a district's check-ins holding several people each count every person once (a page ends at its greatest person)", async () => {
    const before = process.env.STATS_RECONCILE_LIMITS
    process.env.STATS_RECONCILE_LIMITS = JSON.stringify({ peoplePerPage: 2, chunksPerCall: 1 })
    try {
      const run = await reconcileAll(cloud, week.id, ADMIN)
      expect(run.calls).toBeGreaterThan(3)
      expect(run.differences).toEqual([])
    } finally {
      if (before === undefined) delete process.env.STATS_RECONCILE_LIMITS
      else process.env.STATS_RECONCILE_LIMITS = before
    }
  })

  test('tiny chunks over many calls find exactly the differences of a one-shot run, none twice and none skipped', async () => {
    const undo = await drift()
    try {
      const oneShot = await reconcileAll(cloud, week.id, ADMIN)
      expect(oneShot.calls).toBe(1)
      const tiny = await withTinyChunks(() => reconcileAll(cloud, week.id, ADMIN))
      // One unit per call, plus the calls that move from one phase to the next.
      expect(tiny.calls).toBeGreaterThanOrEqual(oneShot.progress[0].total)
      expect(sorted(tiny.differences)).toEqual(sorted(oneShot.differences))
      expect(new Set(tiny.differences.map(key)).size).toBe(tiny.differences.length)
      expect(tiny.checked).toEqual(oneShot.checked)
      // What drifted, recounted from the records (A1: 3 check-ins, each its person's first in the east; east: 4 distinct people).
      expect(sorted(oneShot.differences)).toEqual(
        sorted([
          { scope: 'activity', id: ids.A1, name: '智能手机入门课', field: 'attendance.checkedIn', stored: 5, recounted: 3 },
          { scope: 'activity', id: ids.A1, name: '智能手机入门课', field: 'attendance.people', stored: 4, recounted: 3 },
          { scope: 'activity', id: ids.B1, name: '西区书法体验', field: 'counters.confirmed', stored: 2, recounted: 3 },
          { scope: 'district', id: 'east', name: '东区', field: 'people', stored: 5, recounted: 4 },
          { scope: 'course', id: ids.course, name: expect.any(String), field: 'counters.enrolled', stored: 7, recounted: 2 },
          { scope: 'book', id: ids.book, name: expect.any(String), field: 'counters.minutes', stored: 37, recounted: 30 },
        ]),
      )
    } finally {
      await undo()
    }
    await reconcileClean()
  })

  test('tiny chunks count each person of a district once, however the pages cut their check-ins', async () => {
    const run = await withTinyChunks(() => reconcileAll(cloud, week.id, ORGANISER))
    expect(run.differences).toEqual([])
    expect(run.checked.districts).toBe(1)
  })

  test('progress only grows, keeps its total and ends at it', async () => {
    const run = await withTinyChunks(() => reconcileAll(cloud, week.id, ADMIN))
    const { activities, districts, courses, books } = run.checked
    const total = activities + districts + courses + books
    expect(run.progress.every((p) => p.total === total)).toBe(true)
    for (let i = 1; i < run.progress.length; i++) expect(run.progress[i].done).toBeGreaterThanOrEqual(run.progress[i - 1].done)
    expect(run.progress[0].done).toBeLessThan(total)
    expect(run.progress[run.progress.length - 1]).toEqual({ done: total, total })
  })

  test('a cursor it did not write, or one of another week or scope, answers BAD_CURSOR and writes nothing', async () => {
    const first = await withTinyChunks(() => must('stats', 'reconcile', { weekId: week.id }, ORGANISER))
    expect(typeof first.cursor).toBe('string')
    const forged = Buffer.from(JSON.stringify([1, week.id, 'x', 0, '', 0, '', 0, 5, 2]), 'utf8').toString('base64url')
    const other = await createTestWeek(cloud)
    for (const [input, openid] of [
      [{ weekId: week.id, cursor: 'not-a-cursor' }, ORGANISER],
      [{ weekId: week.id, cursor: first.cursor!.slice(0, -3) }, ORGANISER],
      [{ weekId: week.id, cursor: forged }, ORGANISER],
      // The organiser's cursor in the admin's scope, and in another week.
      [{ weekId: week.id, cursor: first.cursor }, ADMIN],
      [{ weekId: other.id, cursor: first.cursor }, ORGANISER],
    ] as const) {
      cloud.db.resetStats()
      expect(await cloud.callRaw('stats', 'reconcile', input, openid)).toMatchObject({ ok: false, code: 'BAD_CURSOR' })
      expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    }
    expect(await stats('reconcile', { weekId: week.id, cursor: 'x'.repeat(513) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    // The good cursor still resumes.
    expect(await stats('reconcile', { weekId: week.id, cursor: first.cursor! })).toMatchObject({ ok: true })
  })

  test('repair is for bureau admins: an organiser asking for it gets FORBIDDEN and nothing is written', async () => {
    cloud.db.resetStats()
    expect(await stats('reconcile', { weekId: week.id, repair: true }, ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    const admin = await must('stats', 'reconcile', { weekId: week.id, repair: true }, ADMIN)
    // Nothing differs: nothing is rewritten.
    expect(admin).toMatchObject({ repair: { rewritten: 0, busy: 0, changes: 0 }, cursor: null, differences: [] })
  })
})
