// The `reading` function through the real wx-server-sdk against the local cloud: book lists
// (drafts invisible, organiser scope, linked activities), the daily log rule with its code and no
// write, streaks on an injected clock, family members' own reading, the opt-in district board,
// and counters that equal a recount from the raw logs with totals equal to a hand count.
// Most calls run the bundled function (what is uploaded); calls that need another day run the
// same actions through createFunction with an injected clock.
import { createFunction } from '../../../../cloudfunctions/_core/handler'
import { recountBookOf } from '../../../../cloudfunctions/_core/readingStats'
import { readingActions } from '../../../../cloudfunctions/reading/src/index'
import { runAsCaller } from '../../../gateway/wx-context'
import { startTestCloud, type ActionName, type Answer, type AnswerOf, type InputOf, type TestCloud } from '../../harness'
import {
  ADMIN,
  allDocs,
  createActivity,
  createTestWeek,
  ORGANISER,
  OTHER_ORGANISER,
  seedResidents,
  writesIn,
  type TestWeek,
} from '../fixtures'
import { createBookList, sampleBooks, type TestList } from '../readingFixtures'

const DAY = 86_400_000

let cloud: TestCloud
let week: TestWeek
let east: TestList
let eastActivity: string
let westActivity: string
const db = () => cloud.sdkDb as any

let clock = Date.now()
const clocked = createFunction('reading', readingActions, { now: () => clock })
/** A reading call as `openid` with the function's clock at `now`. */
const callAt = <A extends ActionName<'reading'>>(now: number, openid: string, action: A, input: InputOf<'reading', A>) => {
  clock = now
  return runAsCaller({ openid }, () => clocked({ action, input }, { request_id: 'reading-test' })) as Promise<AnswerOf<'reading', A>>
}
const call = <A extends ActionName<'reading'>>(openid: string, action: A, input: InputOf<'reading', A>) =>
  cloud.call('reading', action, input, openid)

const READING_COLLECTIONS = ['bookLists', 'books', 'readingLogs', 'readers', 'users']
const readingState = async () => JSON.stringify(await Promise.all(READING_COLLECTIONS.map((c) => allDocs(cloud, c))))

/** A refused call: its code, no write request reached the database, nothing stored changed. */
async function expectRefused(code: string, run: () => Promise<Answer>) {
  const before = await readingState()
  cloud.db.resetStats()
  const res = await run()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await readingState()).toBe(before)
}

const readerDoc = async (weekId: string, personId: string) => (await allDocs(cloud, 'readers', { _id: `${weekId}_${personId}` }))[0] ?? null

async function addMember(openid: string, name: string, ageGroup: InputOf<'signup', 'family.add'>['ageGroup']) {
  const res = await cloud.call('signup', 'family.add', { name, ageGroup, relation: 'parent' }, openid)
  if (!res.ok) throw new Error(`family.add failed: ${JSON.stringify(res)}`)
  return res.data.member.id as string
}

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  eastActivity = await createActivity(cloud, week, { title: '书友会：共读平凡的世界' })
  westActivity = await createActivity(cloud, week, { district: 'west', title: '西区读书沙龙' })
  east = await createBookList(cloud, week, {
    title: '东区好书推荐',
    books: [{ ...sampleBooks()[0], activityIds: [eastActivity] }, sampleBooks()[1]],
  })
  await seedResidents(cloud, 'rd', 8)
}, 120_000)

afterAll(async () => {
  await cloud.stop()
})

describe('book lists', () => {
  test('a published list shows its books in order, with the readers counter', async () => {
    const res = await call('rd-0', 'lists', { weekId: week.id })
    expect(res.ok).toBe(true)
    const list = res.data.lists.find((l) => l.id === east.listId)
    expect(list).toMatchObject({ weekId: week.id, districtCode: 'east', districtName: '东区', title: '东区好书推荐', status: 'published' })
    expect(list!.books.map((b) => b.id)).toEqual(east.bookIds)
    expect(list!.books[0]).toMatchObject({ title: '平凡的世界', author: '路遥', activityIds: [eastActivity], readers: 0 })
    for (const id of east.bookIds) expect(id).toMatch(/^b[a-z0-9]+$/)
  })

  test('a draft list is invisible to residents: not listed, its book BOOK_NOT_FOUND, a log refused with no write', async () => {
    const draft = await createBookList(cloud, week, { title: '还没发布的书单', publish: false, books: sampleBooks('草稿') })
    const listed = await call('rd-0', 'lists', { weekId: week.id })
    expect(listed.data.lists.map((l) => l.id)).not.toContain(draft.listId)
    expect(await call('rd-0', 'book', { bookId: draft.bookIds[0] })).toMatchObject({ ok: false, code: 'BOOK_NOT_FOUND' })
    await expectRefused('BOOK_NOT_FOUND', () => call('rd-0', 'log', { bookId: draft.bookIds[0], minutes: 20 }))
  })

  test('taking a list offline hides it and its books again', async () => {
    const list = await createBookList(cloud, week, { title: '临时书单', books: sampleBooks('临时') })
    expect((await call('rd-0', 'book', { bookId: list.bookIds[0] })).ok).toBe(true)
    expect(await call(ORGANISER, 'list.publish', { listId: list.listId, published: false })).toMatchObject({
      ok: true,
      data: { status: 'draft' },
    })
    expect(await call('rd-0', 'book', { bookId: list.bookIds[0] })).toMatchObject({ ok: false, code: 'BOOK_NOT_FOUND' })
    const listed = await call('rd-0', 'lists', { weekId: week.id })
    expect(listed.data.lists.map((l) => l.id)).not.toContain(list.listId)
  })

  test('an organiser of another district is FORBIDDEN to save or publish lists of this one, and writes nothing', async () => {
    const input = { weekId: week.id, districtCode: 'east', title: '越权书单', books: sampleBooks() }
    await expectRefused('FORBIDDEN', () => call(OTHER_ORGANISER, 'list.save', input))
    await expectRefused('FORBIDDEN', () => call(OTHER_ORGANISER, 'list.save', { ...input, listId: east.listId }))
    await expectRefused('FORBIDDEN', () => call(OTHER_ORGANISER, 'list.publish', { listId: east.listId, published: false }))
  })

  test('a resident is FORBIDDEN to save lists, manage them or read totals', async () => {
    await expectRefused('FORBIDDEN', () =>
      call('rd-0', 'list.save', { weekId: week.id, districtCode: 'east', title: '居民书单', books: sampleBooks() }),
    )
    expect(await call('rd-0', 'manage', { weekId: week.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('rd-0', 'totals', { weekId: week.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('linking an activity of another district: COURSE_ACTIVITY_INVALID, nothing written', async () => {
    const books = [{ ...sampleBooks()[0], activityIds: [westActivity] }]
    await expectRefused('COURSE_ACTIVITY_INVALID', () =>
      call(ORGANISER, 'list.save', { weekId: week.id, districtCode: 'east', title: '越区活动', books }),
    )
    await expectRefused('COURSE_ACTIVITY_INVALID', () =>
      call(ORGANISER, 'list.save', {
        weekId: week.id,
        districtCode: 'east',
        title: '不存在的活动',
        books: [{ ...books[0], activityIds: ['no-such-activity'] }],
      }),
    )
  })

  test('a district not in the week: DISTRICT_NOT_IN_WEEK, nothing written', async () => {
    await expectRefused('DISTRICT_NOT_IN_WEEK', () =>
      call(ADMIN, 'list.save', { weekId: week.id, districtCode: 'north', title: '北区书单', books: sampleBooks() }),
    )
  })

  test('saving again keeps book ids, adds new ones, keeps a logged book offline and deletes an unlogged one', async () => {
    const list = await createBookList(cloud, week, { title: '会修改的书单', books: sampleBooks('改') })
    const [keep, logged] = list.bookIds
    expect((await call('rd-7', 'log', { bookId: logged, minutes: 10 })).ok).toBe(true)
    const base = { listId: list.listId, weekId: week.id, districtCode: 'east', title: '会修改的书单（新版）' }
    const saved = await call(ORGANISER, 'list.save', {
      ...base,
      books: [
        { id: keep, title: '改名后的书', author: '路遥', blurb: '新的推荐语。' },
        { title: '新加的书', author: '作者', blurb: '新书推荐。' },
      ],
    })
    expect(saved).toMatchObject({ ok: true, data: { listId: list.listId, status: 'published' } })
    const [stored] = await allDocs(cloud, 'bookLists', { _id: list.listId })
    expect(stored.bookIds[0]).toBe(keep)
    const added = stored.bookIds[1]
    expect(added).toMatch(/^b[a-z0-9]{2,23}$/)
    expect(added).not.toBe(logged)
    const [listed] = (await call('rd-0', 'lists', { weekId: week.id })).data.lists.filter((l) => l.id === list.listId)
    expect(listed.books.map((b) => [b.id, b.title])).toEqual([
      [keep, '改名后的书'],
      [added, '新加的书'],
    ])
    // The logged book is kept offline (its log still counted); residents no longer see it.
    expect((await allDocs(cloud, 'books', { _id: logged }))[0]).toMatchObject({ status: 'draft', counters: { logs: 1 } })
    expect(await call('rd-0', 'book', { bookId: logged })).toMatchObject({ ok: false, code: 'BOOK_NOT_FOUND' })
    // A book nobody logged is deleted when taken off.
    expect(
      (await call(ORGANISER, 'list.save', { ...base, books: [{ id: keep, title: '改名后的书', author: '路遥', blurb: '新的推荐语。' }] }))
        .ok,
    ).toBe(true)
    expect(await allDocs(cloud, 'books', { _id: added })).toEqual([])
  })

  test('the organiser sees their lists, drafts included, with logs and minutes; the other organiser only theirs', async () => {
    const mine = await call(ORGANISER, 'manage', { weekId: week.id })
    expect(mine.ok).toBe(true)
    expect(mine.data.lists.every((l) => l.districtCode === 'east')).toBe(true)
    expect(mine.data.lists.some((l) => l.status === 'draft')).toBe(true)
    const theirs = await call(OTHER_ORGANISER, 'manage', { weekId: week.id })
    expect(theirs.data.lists.map((l) => l.id)).not.toContain(east.listId)
  })
})

describe('the book page', () => {
  test('shows the book, its list, its linked activity and the learner has not logged it today', async () => {
    const res = await call('rd-1', 'book', { bookId: east.bookIds[0] })
    expect(res.ok).toBe(true)
    expect(res.data.book).toMatchObject({ id: east.bookIds[0], title: '平凡的世界' })
    expect(res.data.list).toEqual({ id: east.listId, title: '东区好书推荐', weekId: week.id, districtName: '东区' })
    expect(res.data.activities.map((a) => [a.id, a.title])).toEqual([[eastActivity, '书友会：共读平凡的世界']])
    expect(res.data).toMatchObject({ loggedToday: false, reader: { streak: 0, totalMinutes: 0, totalLogs: 0, days: [], board: null } })
  })

  test('after a log it says logged today, with the streak and totals', async () => {
    expect((await call('rd-1', 'log', { bookId: east.bookIds[1], minutes: 25 })).ok).toBe(true)
    const res = await call('rd-1', 'book', { bookId: east.bookIds[1] })
    expect(res.data).toMatchObject({ loggedToday: true, reader: { streak: 1, totalMinutes: 25, totalLogs: 1 } })
    expect(res.data.reader.days).toEqual([res.data.today])
  })
})

describe('the daily log rule', () => {
  const T0 = Date.now()

  test('a second log of the same book the same day: READING_ALREADY_LOGGED, nothing written', async () => {
    const first = await callAt(T0, 'rd-2', 'log', { bookId: east.bookIds[0], minutes: 30, note: '第一章读完了' })
    expect(first.ok).toBe(true)
    expect(first.data.log).toMatchObject({ bookId: east.bookIds[0], bookTitle: '平凡的世界', minutes: 30, note: '第一章读完了' })
    await expectRefused('READING_ALREADY_LOGGED', () => callAt(T0 + 60_000, 'rd-2', 'log', { bookId: east.bookIds[0], minutes: 45 }))
    const reader = await readerDoc(week.id, 'rd-2')
    expect(reader).toMatchObject({ totalMinutes: 30, totalLogs: 1 })
  })

  test('the same log sent five times at once is stored and counted once; each send answers that log or READING_ALREADY_LOGGED', async () => {
    const bookId = east.bookIds[1]
    const before = (await allDocs(cloud, 'books', { _id: bookId }))[0].counters
    const results = await Promise.all(Array.from({ length: 5 }, () => callAt(T0, 'rd-3', 'log', { bookId, minutes: 15 })))
    // The same input (the contract has no nonce) is the same request: a send that finds it in
    // flight follows it and answers it; one that finds it finished is told it is logged.
    const answered = results.filter((r) => r.ok)
    expect(answered.length).toBeGreaterThanOrEqual(1)
    expect(new Set(answered.map((r) => r.data.log.id)).size).toBe(1)
    for (const r of answered) expect(r.data.reader).toMatchObject({ totalMinutes: 15, totalLogs: 1 })
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(5 - answered.length).fill('READING_ALREADY_LOGGED'))
    expect(await allDocs(cloud, 'readingLogs', { bookId, personId: 'rd-3' })).toHaveLength(1)
    const after = (await allDocs(cloud, 'books', { _id: bookId }))[0].counters
    expect([after.logs - before.logs, after.minutes - before.minutes, after.readers - before.readers]).toEqual([1, 15, 1])
    expect(await readerDoc(week.id, 'rd-3')).toMatchObject({ totalMinutes: 15, totalLogs: 1 })
  })

  test('the next Shanghai day is accepted and the streak is 2', async () => {
    const res = await callAt(T0 + DAY, 'rd-2', 'log', { bookId: east.bookIds[0], minutes: 20 })
    expect(res.ok).toBe(true)
    expect(res.data.reader).toMatchObject({ streak: 2, totalMinutes: 50, totalLogs: 2 })
    expect(res.data.reader.days).toHaveLength(2)
    const mine = await callAt(T0 + DAY, 'rd-2', 'mine', { weekId: week.id })
    expect(mine.data.reader).toMatchObject({ streak: 2, totalMinutes: 50 })
    expect(mine.data.logs.map((l) => l.minutes)).toEqual([20, 30])
  })

  test('a gap of a day resets the streak to 1', async () => {
    const res = await callAt(T0 + 3 * DAY, 'rd-2', 'log', { bookId: east.bookIds[0], minutes: 10 })
    expect(res.ok).toBe(true)
    expect(res.data.reader).toMatchObject({ streak: 1, totalMinutes: 60, totalLogs: 3 })
  })

  test('another book the same day is a log of its own', async () => {
    const res = await callAt(T0 + 3 * DAY, 'rd-2', 'log', { bookId: east.bookIds[1], minutes: 5 })
    expect(res.ok).toBe(true)
    expect(res.data.reader).toMatchObject({ streak: 1, totalMinutes: 65, totalLogs: 4 })
  })

  test.each([
    ['0 minutes', { minutes: 0 }],
    ['601 minutes', { minutes: 601 }],
    ['a note of 201 characters', { minutes: 10, note: '读'.repeat(201) }],
    ['fractional minutes', { minutes: 12.5 }],
  ])('%s: VALIDATION_FAILED, nothing written', async (_name, extra) => {
    await expectRefused('VALIDATION_FAILED', () => call('rd-4', 'log', { bookId: east.bookIds[0], ...extra }))
  })

  test('an unknown book: BOOK_NOT_FOUND, nothing written', async () => {
    await expectRefused('BOOK_NOT_FOUND', () => call('rd-4', 'log', { bookId: 'bnosuchbook', minutes: 10 }))
  })

  test("a log costs 5 database operations (read, book with pending entry, log, reader's totals, settle); a learner's first of the week 6", async () => {
    cloud.db.resetStats()
    expect((await call('rd-4', 'log', { bookId: east.bookIds[0], minutes: 10 })).ok).toBe(true)
    const first = cloud.db.stats()
    expect([first.total, writesIn(first.byAction)]).toEqual([6, 5])
    cloud.db.resetStats()
    expect((await call('rd-4', 'log', { bookId: east.bookIds[1], minutes: 10 })).ok).toBe(true)
    const next = cloud.db.stats()
    expect([next.total, writesIn(next.byAction)]).toEqual([5, 4])
  })
})

describe('family members and residents without a profile', () => {
  test("a family member's logs are theirs: own reader document, the resident's figures unchanged", async () => {
    const memberId = await addMember('rd-5', '王秀兰', '70+')
    expect((await call('rd-5', 'log', { bookId: east.bookIds[0], minutes: 40 })).ok).toBe(true)
    const own = await readerDoc(week.id, 'rd-5')
    const res = await call('rd-5', 'log', { bookId: east.bookIds[0], minutes: 25, memberId })
    expect(res.ok).toBe(true)
    expect(res.data.reader).toMatchObject({ totalMinutes: 25, totalLogs: 1, streak: 1 })
    expect(await readerDoc(week.id, 'rd-5')).toEqual(own)
    expect(await readerDoc(week.id, `rd-5~${memberId}`)).toMatchObject({
      openid: 'rd-5',
      memberId,
      name: '王秀兰',
      totalMinutes: 25,
      totalLogs: 1,
    })
    const [log] = await allDocs(cloud, 'readingLogs', { personId: `rd-5~${memberId}` })
    expect(log).toMatchObject({ openid: 'rd-5', memberId, audience: 'seniors', minutes: 25 })
    expect((await call('rd-5', 'mine', { weekId: week.id })).data.reader).toMatchObject({ totalMinutes: 40, totalLogs: 1 })
    expect((await call('rd-5', 'mine', { weekId: week.id, memberId })).data.reader).toMatchObject({ totalMinutes: 25, totalLogs: 1 })
    const page = await call('rd-5', 'book', { bookId: east.bookIds[0], memberId })
    expect(page.data).toMatchObject({ loggedToday: true, reader: { totalMinutes: 25 } })
  })

  test('a member who is not in the family: FAMILY_MEMBER_NOT_FOUND, nothing written', async () => {
    await expectRefused('FAMILY_MEMBER_NOT_FOUND', () =>
      call('rd-5', 'log', { bookId: east.bookIds[1], minutes: 10, memberId: 'mnotthere' }),
    )
    expect(await call('rd-5', 'mine', { weekId: week.id, memberId: 'mnotthere' })).toMatchObject({
      ok: false,
      code: 'FAMILY_MEMBER_NOT_FOUND',
    })
  })

  test('a resident without a profile may log, as 读者 with no audience', async () => {
    expect((await call('rd-anon', 'log', { bookId: east.bookIds[1], minutes: 12 })).ok).toBe(true)
    expect(await readerDoc(week.id, 'rd-anon')).toMatchObject({ name: '读者', totalMinutes: 12 })
    const [log] = await allDocs(cloud, 'readingLogs', { personId: 'rd-anon' })
    expect(log.audience).toBeNull()
  })
})

describe('the district board', () => {
  let bw: TestWeek
  let books: TestList
  const B = ['bd-0', 'bd-1', 'bd-2', 'bd-3']

  beforeAll(async () => {
    bw = await createTestWeek(cloud)
    books = await createBookList(cloud, bw, { title: '排行书单' })
    await seedResidents(cloud, 'bd', 4)
  })

  test('joining before any log creates the reader with zeros', async () => {
    const res = await call(B[3], 'board.join', { weekId: bw.id, districtCode: 'east', joined: true })
    expect(res).toMatchObject({
      ok: true,
      data: { joined: true, reader: { totalMinutes: 0, board: { districtCode: 'east', name: '居*3' } } },
    })
    expect(await readerDoc(bw.id, B[3])).toMatchObject({
      totalMinutes: 0,
      totalLogs: 0,
      days: [],
      board: { districtCode: 'east', name: '居*3' },
    })
  })

  test('shows only readers who joined, with masked names, most minutes first, and where the caller stands', async () => {
    const minutes = [60, 20, 90, 45]
    for (const [i, p] of B.entries()) expect((await call(p, 'log', { bookId: books.bookIds[0], minutes: minutes[i] })).ok).toBe(true)
    for (const p of [B[0], B[1]]) expect((await call(p, 'board.join', { weekId: bw.id, districtCode: 'east', joined: true })).ok).toBe(true)
    const res = await call(B[1], 'board', { weekId: bw.id, districtCode: 'east' })
    expect(res.ok).toBe(true)
    expect(res.data).toEqual({
      districtName: '东区',
      entries: [
        { rank: 1, name: '居*0', minutes: 60, isMe: false },
        { rank: 2, name: '居*3', minutes: 45, isMe: false },
        { rank: 3, name: '居*1', minutes: 20, isMe: true },
      ],
      me: { joined: true, rank: 3 },
    })
    expect(JSON.stringify(res.data)).not.toMatch(/居民/)
    expect((await call(B[2], 'board', { weekId: bw.id, districtCode: 'east' })).data.me).toEqual({ joined: false, rank: null })
    expect((await call(B[0], 'board', { weekId: bw.id, districtCode: 'west' })).data.entries).toEqual([])
  })

  test('leaving takes the reader off the board and keeps their reading', async () => {
    const res = await call(B[0], 'board.join', { weekId: bw.id, districtCode: 'east', joined: false })
    expect(res).toMatchObject({ ok: true, data: { joined: false, reader: { totalMinutes: 60, board: null } } })
    const board = await call(B[1], 'board', { weekId: bw.id, districtCode: 'east' })
    expect(board.data.entries.map((e) => e.name)).toEqual(['居*3', '居*1'])
    expect(board.data.me.rank).toBe(2)
  })

  test('a district not in the week: DISTRICT_NOT_IN_WEEK, nothing written', async () => {
    await expectRefused('DISTRICT_NOT_IN_WEEK', () => call(B[1], 'board.join', { weekId: bw.id, districtCode: 'north', joined: true }))
    expect(await call(B[1], 'board', { weekId: bw.id, districtCode: 'north' })).toMatchObject({ ok: false, code: 'DISTRICT_NOT_IN_WEEK' })
  })
})

describe('counters and totals', () => {
  test('after logs across two districts and audiences, every book equals its recount and totals equal a hand count', async () => {
    const cw = await createTestWeek(cloud)
    const eastList = await createBookList(cloud, cw, { title: '东区书单', books: sampleBooks('东') })
    const westList = await createBookList(cloud, cw, { district: 'west', title: '西区书单', books: [sampleBooks('西')[0]] })
    const [e1, e2] = eastList.bookIds
    const [w1] = westList.bookIds
    const [p0, p1, p2] = await seedResidents(cloud, 'ct', 3) // audience residents
    await db()
      .collection('users')
      .doc(p1)
      .update({ data: { 'profile.audience': 'seniors' } })
    const member = await addMember(p1, '李大爷', '70+') // no audience of their own: seniors by age
    const anon = 'ct-anon' // no account: unspecified

    const T = Date.now()
    const logs: [number, string, string, number, string?][] = [
      [0, p0, e1, 30],
      [1, p0, e1, 20],
      [1, p0, e2, 10],
      [0, p1, e1, 15],
      [0, p1, w1, 40],
      [0, p1, e1, 25, member],
      [2, p1, e1, 5, member],
      [1, anon, w1, 12],
      [0, p2, w1, 60],
    ]
    for (const [day, who, bookId, minutes, memberId] of logs) {
      const res = await callAt(T + day * DAY, who, 'log', { bookId, minutes, ...(memberId ? { memberId } : {}) })
      expect(res.ok).toBe(true)
    }
    expect(await callAt(T, p2, 'log', { bookId: w1, minutes: 60 })).toMatchObject({ ok: false, code: 'READING_ALREADY_LOGGED' })

    for (const bookId of [e1, e2, w1]) {
      const check = await recountBookOf(db(), bookId)
      expect(check?.agree).toBe(true)
    }
    // The hand count of the nine logs above.
    expect((await recountBookOf(db(), e1))!.stored).toEqual({
      logs: 5,
      minutes: 95,
      readers: 3,
      byAudience: { residents: { logs: 2, minutes: 50 }, seniors: { logs: 3, minutes: 45 } },
    })
    expect((await recountBookOf(db(), e2))!.stored).toEqual({
      logs: 1,
      minutes: 10,
      readers: 1,
      byAudience: { residents: { logs: 1, minutes: 10 } },
    })
    expect((await recountBookOf(db(), w1))!.stored).toEqual({
      logs: 3,
      minutes: 112,
      readers: 3,
      byAudience: { seniors: { logs: 1, minutes: 40 }, unspecified: { logs: 1, minutes: 12 }, residents: { logs: 1, minutes: 60 } },
    })

    const all = await call(ADMIN, 'totals', { weekId: cw.id })
    expect(all.ok).toBe(true)
    expect(all.data).toEqual({
      weekId: cw.id,
      total: { books: 3, logs: 9, minutes: 217, bookReaders: 7 },
      byDistrict: {
        east: { books: 2, logs: 6, minutes: 105, bookReaders: 4 },
        west: { books: 1, logs: 3, minutes: 112, bookReaders: 3 },
      },
      byAudience: { residents: { logs: 4, minutes: 120 }, seniors: { logs: 4, minutes: 85 }, unspecified: { logs: 1, minutes: 12 } },
      readers: 5,
    })
    const eastOnly = await call(ORGANISER, 'totals', { weekId: cw.id })
    expect(eastOnly.data).toMatchObject({ total: { books: 2, logs: 6, minutes: 105, bookReaders: 4 }, readers: 3 })
    expect(Object.keys(eastOnly.data.byDistrict)).toEqual(['east'])
    const westOnly = await call(OTHER_ORGANISER, 'totals', { weekId: cw.id })
    expect(westOnly.data).toMatchObject({ total: { books: 1, logs: 3, minutes: 112, bookReaders: 3 }, readers: 3 })
    const managed = await call(ORGANISER, 'manage', { weekId: cw.id })
    expect(managed.data.lists).toEqual([expect.objectContaining({ id: eastList.listId, logs: 6, minutes: 105 })])
  })

  test('every book of the first week also equals its recount', async () => {
    const books = await allDocs(cloud, 'books', { weekId: week.id })
    expect(books.length).toBeGreaterThan(0)
    for (const b of books) expect((await recountBookOf(db(), b._id))?.agree).toBe(true)
  })
})
