// The race behind "concurrent enrolments of one person make one enrolment" counting 2 under heavy
// load, replayed deterministically: three `course.enrol` calls of one person (bundled as uploaded,
// through the real SDK) whose database requests are held and released in one bad order.
//
//   B and C read the course: no enrolment yet.
//   A moves the counters (entry A, enrolled 1) and inserts the enrolment; its settle is held.
//   B finds A's entry pending, adopts it (same amounts), its insert is a duplicate carrying A's op:
//     the move has followed, B settles entry A.
//   C moves the counters again: the key is free, so entry C, enrolled 2. Its insert is held.
//   A's settle lands. It used to remove `pending.en~<h>` whatever entry was there: C's.
//   C's insert is a duplicate of A's enrolment: C takes its move back, conditional on its entry's
//     op, which is gone, so nothing is taken back: enrolled stayed 2 with no entry left to repair.
// The fix: a settle removes an entry only while it carries the settled move's op (journal.ts
// settleMoves), for the owner's settle and the repair's alike.
//
// Requests are held with a test-only wrapper of http.request (the way gateway/faults.ts cuts them):
// the request's body is not sent until the test opens its gate, and the local database server
// applies a request only once its body is complete.
import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import { recountCourseOf } from '../../../../cloudfunctions/_core/courseStats'
import { startTestCloud, type TestCloud } from '../../harness'
import { createCourse } from '../courseFixtures'
import { allDocs, createTestWeek, ORGANISER, seedResidents, type TestWeek } from '../fixtures'

/** One call's held requests: request n (1-based) waits for `open(n)`. */
class Held {
  requests = 0
  private gates = new Map<number, { reached: Promise<void>; arrive: () => void; opened: Promise<void>; open: () => void }>()
  constructor(positions: number[]) {
    for (const n of positions) {
      let arrive = () => {}
      let open = () => {}
      const reached = new Promise<void>((r) => (arrive = r))
      const opened = new Promise<void>((r) => (open = r))
      this.gates.set(n, { reached, arrive, opened, open })
    }
  }
  gate(n: number) {
    return this.gates.get(n)
  }
  /** Resolves once the call has sent request n's headers (it waits there). */
  reached(n: number) {
    return this.gates.get(n)!.reached
  }
  open(n: number) {
    this.gates.get(n)!.open()
  }
}

const als = new AsyncLocalStorage<Held>()
const originalRequest = http.request

function installHold() {
  const patched = function (this: unknown, ...args: unknown[]) {
    const req = (originalRequest as (...a: unknown[]) => http.ClientRequest).apply(this, args)
    const held = als.getStore()
    if (!held || typeof args[0] !== 'string' || !args[0].includes('/admin?')) return req
    const gate = held.gate(++held.requests)
    if (!gate) return req
    // The body (write and end) waits for the gate: with a Content-Length the server has the whole
    // request as soon as the body is written, before end().
    const write = req.write.bind(req) as (...a: unknown[]) => boolean
    const end = req.end.bind(req) as (...a: unknown[]) => http.ClientRequest
    const r = req as unknown as { write: unknown; end: unknown }
    r.write = (...a: unknown[]) => {
      void gate.opened.then(() => write(...a))
      return true
    }
    r.end = (...a: unknown[]) => {
      gate.arrive()
      void gate.opened.then(() => end(...a))
      return req
    }
    return req
  }
  ;(http as unknown as { request: unknown }).request = patched
}

let cloud: TestCloud
let week: TestWeek
let person: string

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  ;[person] = await seedResidents(cloud, 'er', 1)
  installHold()
}, 120_000)

afterAll(async () => {
  ;(http as unknown as { request: unknown }).request = originalRequest
  await cloud.stop()
})

const enrolHeld = (held: Held, courseId: string) => als.run(held, () => cloud.call('course', 'enrol', { courseId }, person))

test('a late settle of a followed enrolment does not remove a concurrent move: counted once', async () => {
  const { courseId } = await createCourse(cloud, ORGANISER, week.id)
  // enrol's requests: 1 read (course, enrolment, account), 2 counters moved, 3 enrolment inserted, 4 settle.
  const a = new Held([4])
  const b = new Held([2])
  const c = new Held([2, 3])

  const callB = enrolHeld(b, courseId)
  const callC = enrolHeld(c, courseId)
  await Promise.all([b.reached(2), c.reached(2)]) // both read no enrolment
  const callA = enrolHeld(a, courseId)
  await a.reached(4) // A: moved, inserted, its settle in the air

  b.open(2) // B adopts A's entry, finds A's enrolment carrying its op, settles entry A
  const answerB = await callB
  expect(answerB).toMatchObject({ ok: true, data: { created: false } })

  c.open(2) // C moves the counters again (the key is free)
  await c.reached(3)
  expect((await allDocs(cloud, 'courses', { _id: courseId }))[0].counters.enrolled).toBe(2)

  a.open(4) // A's settle lands while C's move is pending
  const answerA = await callA
  expect(answerA).toMatchObject({ ok: true, data: { created: true } })

  c.open(3) // C's insert: a duplicate, so C takes its move back
  const answerC = await callC
  expect(answerC).toMatchObject({ ok: true, data: { created: false } })

  const [course] = await allDocs(cloud, 'courses', { _id: courseId })
  expect(course.pending ?? {}).toEqual({})
  expect(course.counters.enrolled).toBe(1)
  expect(await allDocs(cloud, 'enrolments', { courseId })).toHaveLength(1)
  expect((await recountCourseOf(cloud.sdkDb as any, courseId))!.agree).toBe(true)
})

// The CONFLICT seen once under load is not a counting error: a completion waits for another
// completion of the same enrolment in flight (it holds the enrolment's journal key) for at most
// WAIT_IN_FLIGHT_MS (1.5 s, learning.ts, measured on the wall clock from the call's start), then
// answers CONFLICT having written nothing. At a load average of ~12 on 2 cores, the four
// concurrent completions of "concurrent completions of different lessons all count" run one after
// the other through one process and the last can wait longer than that. Replayed here by holding
// one completion in flight past that budget.
test('a completion waiting over 1.5 s for another in flight answers CONFLICT and writes nothing; sent again it counts', async () => {
  const { courseId, lessonIds } = await createCourse(cloud, ORGANISER, week.id)
  expect(await cloud.call('course', 'enrol', { courseId }, person)).toMatchObject({ ok: true })
  // completeLesson's requests: 1 read, 2 counters moved, 3 enrolment updated, 4 settle.
  // X's enrolment update is held (its move pending, not yet followed: a held settle alone would not
  // do, as Y settles a move the enrolment already carries and goes on).
  const x = new Held([3])
  const callX = als.run(x, () => cloud.call('course', 'completeLesson', { courseId, lessonId: lessonIds[0] }, person))
  await x.reached(3)
  const y = await cloud.call('course', 'completeLesson', { courseId, lessonId: lessonIds[1] }, person)
  expect(y).toMatchObject({ ok: false, code: 'CONFLICT' })
  x.open(3)
  expect(await callX).toMatchObject({ ok: true, data: { lessonNewlyCompleted: true } })
  expect((await allDocs(cloud, 'courses', { _id: courseId }))[0].counters.lessonsCompleted).toBe(1)
  const again = await cloud.call('course', 'completeLesson', { courseId, lessonId: lessonIds[1] }, person)
  expect(again).toMatchObject({ ok: true, data: { lessonNewlyCompleted: true } })
  const [course] = await allDocs(cloud, 'courses', { _id: courseId })
  expect(course.pending ?? {}).toEqual({})
  expect(course.counters.lessonsCompleted).toBe(2)
  expect((await recountCourseOf(cloud.sdkDb as any, courseId))!.agree).toBe(true)
})
