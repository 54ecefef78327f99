// `reading` src/lists.ts through the real wx-server-sdk against the local cloud: the residents'
// reads, a week's published book lists (drafts invisible) and a book's page (its list, linked
// activities, logged today, the learner's streak and totals).
import { createBookList, sampleBooks } from '../readingFixtures'
import { call, cloud, east, eastActivity, expectRefused, useReadingCloud, week } from './setup'

useReadingCloud()

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
