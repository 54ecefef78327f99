// Property-based: every action of every function, fed inputs generated from its own contract
// (mostly valid, with ids of real seeded documents mixed in, and junk: wrong types, extra keys,
// huge strings, control characters, forged cursors), called through the real wx-server-sdk as a
// resident, a volunteer, an organiser, an admin and a newcomer. Whatever the input:
//   - the answer is never INTERNAL (bad input is refused with its own code);
//   - the answer is a well-formed envelope: { ok: true, data } matching the contract's output, or
//     { ok: false, code, message } with a known code and its message;
//   - a refusal writes nothing (the database server counts every document it writes).
// FUZZ_RUNS (default 200) inputs per action; FUZZ_SEED picks another run (the seed is printed).
import fc from 'fast-check'
import { contracts } from '../../../../src/shared/contracts'
import { shanghaiDate } from '../../../../src/shared/domain/time'
import { startTestCloud, type ActionName, type FnName, type InputOf, type OutputOf, type TestCloud } from '../../harness'
import { envelopeProblems, type Contract } from '../envelopeCheck'
import { ADMIN, ORGANISER, allDocs, createActivity, createTestWeek, dayFromToday, type TestWeek } from '../fixtures'
import { arbitraryOf, junkArb, overTheWire, weirdCursors } from '../zodArbitrary'

const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SEED = Number(process.env.FUZZ_SEED ?? 20261205)
const CALLERS = ['dev-resident', 'dev-volunteer', ORGANISER, ADMIN, 'fuzz-newcomer']
const DAY = 86_400_000

const ACTIONS: [fn: string, action: string, contract: Contract][] = Object.entries(contracts).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, Contract>).map(([action, contract]) => [fn, action, contract] as [string, string, Contract]),
)

let cloud: TestCloud
let week: TestWeek
let pools: Record<string, unknown[]> = {}
const tally = new Map<string, Map<string, number>>()

async function must<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
  openid: string,
): Promise<OutputOf<F, A>> {
  const res = await cloud.call(fn, action, input, openid)
  if (!res.ok) throw new Error(`set-up ${fn}.${action} failed: ${JSON.stringify(res)}`)
  return res.data
}

const ids = (docs: any[], n = 40) => docs.slice(0, n).map((d) => d._id as string)
const uniq = <T>(xs: T[]) => [...new Set(xs)]

/** Real documents for the callers to act on, and the pools of real values the generator mixes in. */
async function setUp(): Promise<void> {
  cloud = await startTestCloud('always', { attendance: process.env.FUZZ_ATTENDANCE === '1' })
  week = await createTestWeek(cloud)
  const open = await createActivity(cloud, week)
  const small = await createActivity(cloud, week, { capacity: 1, start: '14:00' })
  const free = await createActivity(cloud, week, { capacity: null, start: '16:00' })
  const draft = await createActivity(cloud, week, { publish: false, start: '18:00' })
  const doomed = await createActivity(cloud, week, { start: '19:00' })

  const { member } = await must('signup', 'family.add', { name: '刘妈妈', ageGroup: '70+', relation: 'parent' }, 'dev-resident')
  const own = await must('signup', 'create', { activityId: open }, 'dev-resident')
  await must('signup', 'create', { activityId: open, personId: member.id }, 'dev-resident')
  await must('signup', 'create', { activityId: small }, 'dev-resident')
  await must('signup', 'create', { activityId: small }, 'dev-senior')
  await must('signup', 'create', { activityId: doomed }, 'dev-resident')
  await must('activity', 'cancel', { id: doomed, reason: '场地检修' }, ORGANISER)
  const ticket = await must('signup', 'ticket', { registrationId: own.registration.id }, 'dev-resident')
  const invite = await must('checkin', 'invite.create', { activityIds: [open, small], expiresAt: Date.now() + DAY }, ORGANISER)
  const redeemed = await must('checkin', 'invite.create', { activityIds: [open, free], expiresAt: Date.now() + DAY }, ORGANISER)
  await must('checkin', 'invite.redeem', { code: redeemed.code }, 'dev-volunteer')

  const { courses } = await must('course', 'list', { weekId: 'nc2026' }, 'dev-resident')
  await must('course', 'enrol', { courseId: courses[0].id }, 'dev-resident')
  const { lists } = await must('reading', 'lists', { weekId: 'nc2026' }, 'dev-resident')
  await must('reading', 'log', { bookId: lists[0].books[0].id, minutes: 30, note: '读完第一章' }, 'dev-resident')
  const page = await must('activity', 'list', { weekId: 'nc2026', limit: 3 }, 'dev-resident')

  const [weeks, activities, lessons, books, bookLists, courseDocs, registrations, outbox, publicity] = await Promise.all(
    ['weeks', 'activities', 'lessons', 'books', 'bookLists', 'courses', 'registrations', 'outbox', 'publicity'].map((c) =>
      allDocs(cloud, c),
    ),
  )
  const mine = registrations.filter((r) => r.openid === 'dev-resident' || r.openid === 'dev-senior')
  const days = uniq([
    ...weeks.flatMap((w) => [w.startDate, w.endDate, w.summaryDeadline]),
    week.day,
    dayFromToday(0),
    dayFromToday(-1),
    shanghaiDate(Date.now() + 30 * DAY),
  ])
  const instants = [
    Date.now(),
    Date.now() + DAY,
    Date.now() - DAY,
    ...activities.slice(0, 10).flatMap((a) => [+new Date(a.startAt), +new Date(a.endAt)]),
  ]
  const activityIds = uniq([open, small, free, draft, doomed, ...ids(activities)])
  pools = {
    weekId: ['nc2026', 'hn2026', week.id],
    districtCode: uniq(weeks.flatMap((w) => w.districts.map((d: any) => d.code))),
    activityId: activityIds,
    featuredId: activityIds,
    id: [...activityIds.slice(0, 10), ...ids(weeks), ...ids(publicity, 10)],
    ids: ids(outbox),
    courseId: ids(courseDocs),
    lessonId: uniq(lessons.map((l) => l.lessonId)),
    bookId: ids(books),
    listId: ids(bookLists),
    memberId: [member.id],
    personId: ['self', member.id],
    registrationId: [...mine.map((r) => r._id), ...ids(registrations, 10)],
    code: [invite.code, redeemed.code, invite.code.toLowerCase()],
    token: [ticket.token, `${ticket.token}x`, ticket.token.replace(/\.[^.]*$/, '.AAAA'), 'LLW1.a.b.c'],
    cursor: [...weirdCursors, page.nextCursor],
    surname: ['刘', '居', '熊'],
    phoneTail: ['1021', '0001', '1072'],
    day: days,
    date: days,
    startDate: days,
    endDate: days,
    summaryDeadline: days,
    publishedOn: days,
    startAt: instants,
    endAt: instants,
    opensAt: instants,
    closesAt: instants,
    cancelDeadline: instants,
    expiresAt: instants,
    scannedAt: instants,
  }
}

beforeAll(setUp, 120_000)
afterAll(async () => {
  const lines = [...tally].map(
    ([name, codes]) =>
      `${name.padEnd(28)} ${[...codes]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
  )
  console.log(`fuzz seed ${SEED}, ${RUNS} inputs per action, answers by code:\n${lines.join('\n')}`)
  await cloud?.stop()
})

describe.each(ACTIONS)('%s.%s', (fn, action, contract) => {
  test(`${RUNS} generated inputs as any caller: never INTERNAL, a well-formed envelope, a refusal writes nothing`, async () => {
    const codes = new Map<string, number>()
    tally.set(`${fn}.${action}`, codes)
    const input = fc
      .oneof(
        { weight: 10, arbitrary: arbitraryOf(contract.input, { pools, valid: true }) },
        { weight: 7, arbitrary: arbitraryOf(contract.input, { pools, junk: 0.02 }) },
        { weight: 3, arbitrary: junkArb },
      )
      .map(overTheWire)
    const seed = SEED + [...`${fn}.${action}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALLERS), input, async (openid, value) => {
        const before = cloud.db.documentWrites()
        const res = await cloud.callRaw(fn, action, value, openid)
        const written = cloud.db.documentWrites() - before
        const problems = envelopeProblems(res, contract)
        if (res && res.ok === false && written > 0) problems.push(`refused with ${res.code} but wrote ${written} document(s)`)
        const key = res?.ok ? 'ok' : String(res?.code)
        codes.set(key, (codes.get(key) ?? 0) + 1)
        if (problems.length) {
          throw new Error(
            `${fn}.${action} as ${openid}: ${problems.join('; ')}\ninput: ${JSON.stringify(value)?.slice(0, 2000)}\nanswer: ${JSON.stringify(res).slice(0, 500)}`,
          )
        }
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    )
  }, 180_000)
})
