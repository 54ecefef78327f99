// Course enrolment, lesson completion and reading logs under crashes: the call is killed or its answer lost at every
// database request in turn, the same request is sent again (neither contract has a nonce: the same
// input), and the repair timer runs 61 s later. Then the course's (book's) kept counters equal a
// recount of its raw enrolments (logs), no pending entry is left and each learner has exactly one
// enrolment (one log of the day), and each reader's totals equal their logs. A completion or a log
// sent again while its own move is pending adopts the move and is answered. A call given up on after
// dying between its counter move and its record is made exact by the repair alone.
import { recountCourseOf } from '../../../../cloudfunctions/_core/courseStats'
import { recountBookOf } from '../../../../cloudfunctions/_core/readingStats'
import { MODES, repairLater, startFaultCloud, stopFaultCloud } from '../faultFixtures'
import type { Answer, TestCloud } from '../../harness'
import { createCourse } from '../courseFixtures'
import { createBookList } from '../readingFixtures'
import { ADMIN, allDocs, ORGANISER, reconcileAll, seedResidents, type TestWeek } from '../fixtures'

let cloud: TestCloud
let week: TestWeek
const db = () => cloud.sdkDb as any

beforeAll(async () => {
  ;({ cloud, week } = await startFaultCloud())
}, 60_000)
afterAll(() => stopFaultCloud(cloud))
afterEach(() => jest.restoreAllMocks())

interface Case {
  /** The request sent (the same each time). */
  send(plan: { at?: number; mode?: 'kill' | 'lose' }): Promise<{ answer: Answer | null; requests: number }>
}

/**
 * Counts a clean run's requests, then kills / loses each position of a fresh request, retries it,
 * repairs, checks with `exact`. `retried` says whether the retry's answer is right (by default: ok).
 */
async function everyPosition(next: () => Case, exact: () => Promise<void>, retried = (answer: Answer | null) => answer?.ok === true) {
  const clean = await next().send({})
  expect(clean.answer?.ok).toBe(true)
  const positions = clean.requests
  expect(positions).toBeGreaterThanOrEqual(4)
  for (const mode of MODES) {
    for (let at = 1; at <= positions; at++) {
      const c = next()
      const cut = await c.send({ at, mode })
      expect(cut.answer).toBeNull()
      const retry = await c.send({})
      if (!retried(retry.answer)) throw new Error(`${mode} at ${at}: the retry answered ${JSON.stringify(retry.answer)}`)
      await repairLater()
      await exact()
    }
  }
}

const courseDoc = async (id: string) => (await allDocs(cloud, 'courses', { _id: id }))[0]

/** Course counters = recount of the raw enrolments, no pending entry, one enrolment per learner. */
async function expectCourseExact(courseId: string, learners: string[]) {
  expect((await courseDoc(courseId)).pending ?? {}).toEqual({})
  const recount = await recountCourseOf(db(), courseId)
  expect(recount!.stored).toEqual(recount!.recounted)
  expect(recount!.agree).toBe(true)
  const enrolments = await allDocs(cloud, 'enrolments', { courseId })
  for (const p of learners) expect(enrolments.filter((e) => e.personId === p)).toHaveLength(1)
  expect(enrolments).toHaveLength(learners.length)
}

let seq = 0
const freshCourse = () => createCourse(cloud, ORGANISER, week.id, { title: `断电课程${seq++}` })

describe('course enrolment', () => {
  test('killed or lost at every database request, sent again, repaired: exact', async () => {
    const { courseId } = await freshCourse()
    const people = await seedResidents(cloud, 'lf-en', 24)
    let i = 0
    const used: string[] = []
    const next = (): Case => {
      const p = people[i++]
      used.push(p)
      return { send: (plan) => cloud.callWithFault('course', 'enrol', { courseId }, p, plan) }
    }
    await everyPosition(next, () => expectCourseExact(courseId, used))
    expect((await courseDoc(courseId)).counters.enrolled).toBe(used.length)
  }, 60_000)

  test.each(MODES)('given up after dying at the enrolment insert (%s): the repair alone makes it exact', async (mode) => {
    const { courseId } = await freshCourse()
    const people = await seedResidents(cloud, `lf-eg-${mode}`, 2)
    const clean = await cloud.callWithFault('course', 'enrol', { courseId }, people[0], {})
    expect(clean.answer?.ok).toBe(true)
    // The insert is the request before the last (the settle).
    const cut = await cloud.callWithFault('course', 'enrol', { courseId }, people[1], { at: clean.requests - 1, mode })
    expect(cut.answer).toBeNull()
    const held = await courseDoc(courseId)
    expect(Object.keys(held.pending ?? {})).toHaveLength(1)
    expect(held.counters.enrolled).toBe(2)
    await repairLater()
    await expectCourseExact(courseId, mode === 'lose' ? people : people.slice(0, 1))
    expect((await courseDoc(courseId)).counters.enrolled).toBe(mode === 'lose' ? 2 : 1)
  })
})

describe('lesson completion', () => {
  test('killed or lost at every database request, sent again, repaired, sent again: exact', async () => {
    const { courseId, lessonIds } = await freshCourse()
    const people = await seedResidents(cloud, 'lf-lc', 24)
    for (const p of people) expect((await cloud.call('course', 'enrol', { courseId }, p)).ok).toBe(true)
    let i = 0
    let last = ''
    const next = (): Case => {
      const p = people[i++]
      last = p
      return { send: (plan) => cloud.callWithFault('course', 'completeLesson', { courseId, lessonId: lessonIds[0] }, p, plan) }
    }
    const exact = async () => {
      await expectCourseExact(courseId, people)
      // After the repair the lesson completes (or was completed) exactly once.
      const again = await cloud.call('course', 'completeLesson', { courseId, lessonId: lessonIds[0] }, last)
      expect(again.ok).toBe(true)
      const [e] = await allDocs(cloud, 'enrolments', { courseId, personId: last })
      expect(e).toMatchObject({ completedLessonIds: [lessonIds[0]], lessonsDone: 1 })
      await expectCourseExact(courseId, people)
    }
    // Sent again at once, the completion is answered: its pending move is adopted, or it is done.
    await everyPosition(next, exact)
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(i)
  }, 60_000)

  test('five sends of a completion whose move is pending: one lesson done once, every send answered ok', async () => {
    const { courseId, lessonIds } = await freshCourse()
    const [p] = await seedResidents(cloud, 'lf-lt', 1)
    expect((await cloud.call('course', 'enrol', { courseId }, p)).ok).toBe(true)
    // Lost at its counter move (request 2): the move is written, the enrolment not.
    const input = { courseId, lessonId: lessonIds[0] }
    expect((await cloud.callWithFault('course', 'completeLesson', input, p, { at: 2, mode: 'lose' })).answer).toBeNull()
    const sends = await Promise.all(Array.from({ length: 5 }, () => cloud.call('course', 'completeLesson', input, p)))
    for (const r of sends) expect(r).toMatchObject({ ok: true, data: { enrolment: { done: 1, completedLessonIds: [lessonIds[0]] } } })
    await expectCourseExact(courseId, [p])
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(1)
    // Another lesson is not the same request: it goes on once the first has settled.
    expect(await cloud.call('course', 'completeLesson', { courseId, lessonId: lessonIds[1] }, p)).toMatchObject({
      ok: true,
      data: { lessonNewlyCompleted: true },
    })
    await expectCourseExact(courseId, [p])
  })

  test.each(MODES)('given up after dying at the enrolment update (%s): the repair alone makes it exact', async (mode) => {
    const { courseId, lessonIds } = await freshCourse()
    const people = await seedResidents(cloud, `lf-lg-${mode}`, 2)
    for (const p of people) expect((await cloud.call('course', 'enrol', { courseId }, p)).ok).toBe(true)
    const clean = await cloud.callWithFault('course', 'completeLesson', { courseId, lessonId: lessonIds[0] }, people[0], {})
    expect(clean.answer?.ok).toBe(true)
    // The enrolment update is the request before the last (the settle).
    const cut = await cloud.callWithFault('course', 'completeLesson', { courseId, lessonId: lessonIds[0] }, people[1], {
      at: clean.requests - 1,
      mode,
    })
    expect(cut.answer).toBeNull()
    const held = await courseDoc(courseId)
    expect(Object.keys(held.pending ?? {})).toHaveLength(1)
    expect(held.counters.lessonsCompleted).toBe(2)
    await repairLater()
    await expectCourseExact(courseId, people)
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(mode === 'lose' ? 2 : 1)
  })
})

describe('reconcile with repair and a pending course move', () => {
  test.each([2, 3])('a completion lost at request %i: the write-back leaves the course alone, the timer makes it exact', async (at) => {
    const { courseId, lessonIds } = await freshCourse()
    const [p] = await seedResidents(cloud, `lf-rc-${at}`, 1)
    expect((await cloud.call('course', 'enrol', { courseId }, p)).ok).toBe(true)
    // 2: the counter move written, the enrolment not; 3: both written, the entry not settled.
    const cut = await cloud.callWithFault('course', 'completeLesson', { courseId, lessonId: lessonIds[0] }, p, { at, mode: 'lose' })
    expect(cut.answer).toBeNull()
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(1)
    await reconcileAll(cloud, week.id, ADMIN, 10_000, true)
    // A fresh entry: its record may still be on its way, so the counters are not rewritten.
    const after = await courseDoc(courseId)
    expect(after.counters.lessonsCompleted).toBe(1)
    expect(Object.keys(after.pending ?? {})).toHaveLength(1)
    await repairLater()
    await expectCourseExact(courseId, [p])
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(at === 2 ? 0 : 1)
  })
})

const bookDoc = async (id: string) => (await allDocs(cloud, 'books', { _id: id }))[0]

/**
 * Book counters = recount of the raw logs, no pending entry, one log per reader (all on the same
 * day here), and each reader's totals = the sum of their logs of the week, each log counted once.
 */
async function expectBookExact(bookId: string, readers: string[]) {
  expect((await bookDoc(bookId)).pending ?? {}).toEqual({})
  const recount = await recountBookOf(db(), bookId)
  expect(recount!.stored).toEqual(recount!.recounted)
  expect(recount!.agree).toBe(true)
  const logs = await allDocs(cloud, 'readingLogs', { bookId })
  for (const p of readers) expect(logs.filter((l) => l.personId === p)).toHaveLength(1)
  expect(logs).toHaveLength(readers.length)
  for (const p of readers) await expectReaderExact(p)
}

/** A reader's totals, days, books and log ids = what their logs of the week add up to. */
async function expectReaderExact(personId: string) {
  const logs = await allDocs(cloud, 'readingLogs', { weekId: week.id, personId })
  const [reader] = await allDocs(cloud, 'readers', { _id: `${week.id}_${personId}` })
  expect({
    totalMinutes: reader?.totalMinutes ?? 0,
    totalLogs: reader?.totalLogs ?? 0,
    days: [...(reader?.days ?? [])].sort(),
    bookIds: [...(reader?.bookIds ?? [])].sort(),
    logIds: [...(reader?.logIds ?? [])].sort(),
  }).toEqual({
    totalMinutes: logs.reduce((n, l) => n + l.minutes, 0),
    totalLogs: logs.length,
    days: [...new Set(logs.map((l) => l.day))].sort(),
    bookIds: [...new Set(logs.map((l) => l.bookId))].sort(),
    logIds: logs.map((l) => l._id).sort(),
  })
}

describe('reading log', () => {
  test('killed or lost at every database request, sent again, repaired: exact', async () => {
    const { bookIds } = await createBookList(cloud, week, { title: '断电书单' })
    const bookId = bookIds[0]
    const people = await seedResidents(cloud, 'lf-rl', 24)
    let i = 0
    const used: string[] = []
    const next = (): Case => {
      const k = i++
      used.push(people[k])
      const input = { bookId, minutes: 10 + k, ...(k % 2 === 0 ? { note: '好看' } : {}) }
      return { send: (plan) => cloud.callWithFault('reading', 'log', input, people[k], plan) }
    }
    // Sent again after it landed and settled, a log answers READING_ALREADY_LOGGED, as it always
    // did; sent again while its entry is pending, it is finished and answered.
    await everyPosition(
      next,
      () => expectBookExact(bookId, used),
      (answer) => answer?.ok === true || answer?.code === 'READING_ALREADY_LOGGED',
    )
    expect((await bookDoc(bookId)).counters).toMatchObject({ logs: used.length, readers: used.length })
  }, 60_000)

  test('killed before its reader update and sent again at once: answered ok with the log, counted once in the totals, nothing pending', async () => {
    const { bookIds } = await createBookList(cloud, week, { title: '断电书单续' })
    const people = await seedResidents(cloud, 'lf-rr', 2)
    const clean = await cloud.callWithFault('reading', 'log', { bookId: bookIds[0], minutes: 20 }, people[0], {})
    expect(clean.answer?.ok).toBe(true)
    // A first log: read, the empty reader document, the book, the log, the reader's totals, the settle.
    expect(clean.requests).toBe(6)
    const cut = await cloud.callWithFault('reading', 'log', { bookId: bookIds[0], minutes: 35 }, people[1], { at: 5, mode: 'kill' })
    expect(cut.answer).toBeNull()
    expect((await allDocs(cloud, 'readers', { _id: `${week.id}_${people[1]}` }))[0]).toMatchObject({ totalMinutes: 0, totalLogs: 0 })
    const retry = await cloud.callWithFault('reading', 'log', { bookId: bookIds[0], minutes: 35 }, people[1], {})
    expect(retry.answer?.ok).toBe(true)
    expect(retry.answer!.data.reader).toMatchObject({ totalMinutes: 35, totalLogs: 1 })
    expect(retry.answer!.data.log).toMatchObject({ bookId: bookIds[0], minutes: 35 })
    const again = await cloud.callWithFault('reading', 'log', { bookId: bookIds[0], minutes: 35 }, people[1], {})
    expect(again.answer?.code).toBe('READING_ALREADY_LOGGED')
    await expectBookExact(bookIds[0], people)
  })

  test.each(MODES)('given up after dying at the log insert (%s): the repair alone makes it exact', async (mode) => {
    const { bookIds } = await createBookList(cloud, week, { title: `断电书单${mode}` })
    const bookId = bookIds[0]
    const people = await seedResidents(cloud, `lf-rg-${mode}`, 2)
    const clean = await cloud.callWithFault('reading', 'log', { bookId, minutes: 20 }, people[0], {})
    expect(clean.answer?.ok).toBe(true)
    // The insert is the request before the last two (the reader's totals, then the settle).
    const cut = await cloud.callWithFault('reading', 'log', { bookId, minutes: 30 }, people[1], { at: clean.requests - 2, mode })
    expect(cut.answer).toBeNull()
    const held = await bookDoc(bookId)
    expect(Object.keys(held.pending ?? {})).toHaveLength(1)
    expect(held.counters).toMatchObject({ logs: 2, minutes: 50, readers: 2 })
    await repairLater()
    await expectBookExact(bookId, mode === 'lose' ? people : people.slice(0, 1))
    expect((await bookDoc(bookId)).counters).toMatchObject(
      mode === 'lose' ? { logs: 2, minutes: 50 } : { logs: 1, minutes: 20, readers: 1 },
    )
  })
})
