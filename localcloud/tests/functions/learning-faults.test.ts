// Course enrolment under crashes: the call is killed or its answer lost at every database request
// in turn, the same request is sent again (the contract has no nonce: the same input), and the
// repair timer runs 61 s later. Then the course's kept counters equal a recount of its raw
// enrolments, no pending entry is left on the course and each learner has exactly one enrolment. A
// call given up on after dying between its counter move and its record is made exact by the repair
// alone.
import { EventEmitter } from 'node:events'
import { recountCourseOf } from '../../../cloudfunctions/_core/courseStats'
import { fireTimer } from '../../gateway/timers'
import { startTestCloud, type Envelope, type TestCloud } from '../harness'
import { createCourse } from './courseFixtures'
import { allDocs, createTestWeek, ORGANISER, seedResidents, type TestWeek } from './fixtures'

/* eslint-disable @typescript-eslint/no-explicit-any */
const MODES = ['kill', 'lose'] as const

let cloud: TestCloud
let week: TestWeek
const defaultMaxListeners = EventEmitter.defaultMaxListeners
const db = () => cloud.sdkDb as any

beforeAll(async () => {
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
}, 60_000)
afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud.stop()
})
afterEach(() => jest.restoreAllMocks())

/** Runs what follows as if `ms` had passed (functions read Date.now() at each call). */
function later(ms: number) {
  const real = Date.now.bind(Date)
  jest.spyOn(Date, 'now').mockImplementation(() => real() + ms)
}

/** The repair timer, run 61 s from now (every entry written before is stale by then), clock put back after. */
async function repairLater() {
  later(61_000)
  try {
    const run = (await fireTimer({ fn: 'repair', name: 'repair' })) as { ok: boolean }
    expect(run.ok).toBe(true)
  } finally {
    jest.restoreAllMocks()
  }
}

interface Case {
  /** The request sent (the same each time). */
  send(plan: { at?: number; mode?: 'kill' | 'lose' }): Promise<{ answer: Envelope | null; requests: number }>
}

/**
 * Counts a clean run's requests, then kills / loses each position of a fresh request, retries it,
 * repairs, checks with `exact`.
 */
async function everyPosition(next: () => Case, exact: () => Promise<void>) {
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
      if (retry.answer?.ok !== true) throw new Error(`${mode} at ${at}: the retry answered ${JSON.stringify(retry.answer)}`)
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
