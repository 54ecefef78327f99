// `reading` src/log.ts through the real wx-server-sdk against the local cloud: the daily log rule
// with its code and no write, streaks on an injected clock, the operation count, and family
// members' own reading.
import { allDocs, writesIn } from '../fixtures'
import { addMember, call, callAt, cloud, DAY, east, expectRefused, readerDoc, useReadingCloud, week } from './setup'

useReadingCloud()

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
