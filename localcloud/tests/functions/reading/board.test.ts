// `reading` src/board.ts through the real wx-server-sdk against the local cloud: the opt-in
// district board (join, masked names, ranks, leave).
import { createTestWeek, seedResidents, type TestWeek } from '../fixtures'
import { createBookList, type TestList } from '../readingFixtures'
import { call, cloud, expectRefused, readerDoc, useReadingCloud } from './setup'

useReadingCloud()

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
