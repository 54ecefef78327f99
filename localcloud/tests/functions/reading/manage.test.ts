// `reading` src/manage.ts through the real wx-server-sdk against the local cloud: organisers'
// book lists (save, publish, take offline, organiser scope, linked activities) and the totals,
// with counters that equal a recount from the raw logs and totals equal to a hand count.
import { recountBookOf } from '../../../../cloudfunctions/_core/readingStats'
import { ADMIN, allDocs, createTestWeek, ORGANISER, OTHER_ORGANISER, seedResidents } from '../fixtures'
import { createBookList, sampleBooks } from '../readingFixtures'
import { addMember, call, callAt, cloud, DAY, db, east, expectRefused, useReadingCloud, week, westActivity } from './setup'

useReadingCloud()

describe('book lists', () => {
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
