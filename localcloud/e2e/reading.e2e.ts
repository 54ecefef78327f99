// Reading in a real Chromium against a fresh seeded local cloud (h5 build, bundled functions on the
// real wx-server-sdk): a resident opens 好书推荐, opens a book, logs 30 minutes with a note and sees
// the streak and total; a second log of the book the same day is refused (disabled, and the server's
// READING_ALREADY_LOGGED said in Chinese on a page opened before the log); a log made "yesterday"
// (through the real function with its clock moved back a day) makes the streak 2 days; the resident
// joins the district board and finds themself on it. Care mode is measured on the three pages.
// The tests share one browser page and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { maskName } from '../../src/shared/domain/mask'
import { shanghaiDate } from '../../src/shared/domain/time'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { goBackSettled, launchBrowser, openAs, screenshot as keep } from './browser'
import { careMeasure } from './care'

const ROOT = path.resolve(__dirname, '..', '..')
const RESIDENT = 'dev-resident'
const RESIDENT_NAME = '刘思雨'
const DAY = 86_400_000
const PARENT = '王秀兰'
const NOTE = '读到“人生没有白走的路”，很受鼓舞。'

// The functions run in this process and read the clock through Date.now (createFunction keeps the
// function it finds when the bundle loads). Wrapping it before anything loads lets one call be made
// "yesterday" through the real function code, counters and all; everything else sees the real time.
const realNow = Date.now.bind(Date)
let clockShift = 0
Date.now = () => realNow() + clockShift

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let resident: Page
let bookId = ''
let bookTitle = ''
let weekId = ''
let otherBookId = ''
const started = realNow()

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}

/** A visible element by test id (pages the router keeps behind the current one are hidden). */
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(100).get()) as unknown as { data: T[] }
  return res.data
}

interface Answer {
  ok: boolean
  code?: string
  data?: { reader: { streak: number; totalMinutes: number } }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-reading-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  // A book of the week 好书推荐 shows (the latest published one), with 书友会 / 读书沙龙 linked to it.
  const shown = (await invokeFunction('reading', { action: 'lists', input: {} }, RESIDENT)) as {
    data: { weekId: string; lists: { books: { id: string; title: string; activityIds: string[] }[] }[] }
  }
  const books = shown.data.lists.flatMap((l) => l.books)
  const book = books.find((b) => b.activityIds.length > 0) ?? books[0]
  if (!book) throw new Error('the seed has no published book')
  ;({ id: bookId, title: bookTitle } = book)
  weekId = shown.data.weekId
  otherBookId = books.find((b) => b.id !== bookId)?.id ?? ''
  browser = await launchBrowser()
  resident = await openAs(browser, cloud.gateway.url, RESIDENT)
})

afterAll(async () => {
  Date.now = realNow
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`reading e2e: ${((realNow() - started) / 1000).toFixed(1)} s`)
})

async function openBooks(page: Page) {
  await page.goto(`${cloud.gateway.url}/#/learn/books/index`)
  await page.waitForSelector(tid('book-lists', '[data-status="ready"]'))
}

test("好书推荐 lists the week's books with a few lines and readers, under the resident's reading card", async () => {
  const page = resident
  await openBooks(page)
  const cards = page.locator(tid('book-card'))
  expect(await cards.count()).toBeGreaterThan(0)
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
  expect(ids).toContain(bookId)
  const card = page.locator(tid('book-card', `[data-id="${bookId}"]`))
  expect(await card.locator('[data-testid="book-card-title"]').innerText()).toContain(bookTitle)
  expect(await card.locator('[data-testid="book-card-readers"]').innerText()).toMatch(/人在读|第一个/)
  // Nothing read yet.
  await page.waitForSelector(tid('reader-card', '[data-streak="0"]'))
  await screenshot(page, 'reading-books')
})

test('the resident opens a book, logs 30 minutes with a note, and sees 已连续读书 1 天 and 30 minutes', async () => {
  const page = resident
  // A second tab on the same book, opened before the log: its 打卡 will be refused by the server.
  const stale = await page.context().newPage()
  await stale.goto(`${cloud.gateway.url}/#/learn/book/index?id=${bookId}`)
  await stale.waitForSelector(tid('log-area', '[data-logged="false"]'))

  await page.click(tid('book-card', `[data-id="${bookId}"]`))
  await page.waitForSelector(tid('book-detail', `[data-id="${bookId}"]`))
  expect(await page.locator(tid('book-title')).innerText()).toContain(bookTitle)
  await page.waitForSelector(tid('log-area', '[data-logged="false"]'))
  // 打卡 without minutes: said in place, nothing written.
  await page.click(tid('log-submit'))
  await page.waitForSelector(tid('log-minutes-error'))
  expect(await docs('readingLogs', { openid: RESIDENT })).toHaveLength(0)

  await page.click(tid('log-quick-30'))
  await page.waitForSelector(tid('log-quick-30', '[data-selected="true"]'))
  expect(await page.inputValue(`${tid('log-minutes-input')} input`)).toBe('30')
  await page.fill(`${tid('log-note-input')} textarea`, NOTE)
  expect(await page.locator(tid('log-note-counter')).innerText()).toBe(`${NOTE.length}/200`)
  await screenshot(page, 'reading-book-form')
  await page.click(tid('log-submit'))
  await page.waitForSelector(tid('log-done'))
  expect(await page.locator(tid('log-streak')).innerText()).toContain('已连续读书 1 天')
  expect(await page.locator(tid('log-total')).innerText()).toContain('累计读书 30 分钟')
  await page.waitForSelector(tid('log-area', '[data-logged="true"]'))
  expect(await page.locator(tid('log-submit')).innerText()).toContain('今天已打卡')
  await screenshot(page, 'reading-book-logged')

  const logs = await docs<{ bookId: string; minutes: number; note: string | null; day: string; personId: string }>('readingLogs', {
    openid: RESIDENT,
  })
  expect(logs).toEqual([expect.objectContaining({ bookId, minutes: 30, note: NOTE, day: shanghaiDate(realNow()), personId: RESIDENT })])

  // The stale tab tries again: the server refuses with READING_ALREADY_LOGGED, said in Chinese.
  await stale.click(tid('log-quick-10'))
  await stale.click(tid('log-submit'))
  await stale.waitForSelector(tid('log-error', '[data-code="READING_ALREADY_LOGGED"]'))
  expect(await stale.locator(tid('log-error')).innerText()).toContain('今天已经打过卡了')
  await stale.waitForSelector(tid('log-area', '[data-logged="true"]'))
  // ...and the figures are read again: the log made in the other tab counts.
  await stale.waitForSelector(tid('log-stats', '[data-streak="1"][data-minutes="30"]'))
  await screenshot(stale, 'reading-book-refused')
  await stale.close()
  expect(await docs('readingLogs', { openid: RESIDENT })).toHaveLength(1)
})

test('back on the book later the same day: 今天已打卡, the button disabled; the function refuses a second log', async () => {
  const page = resident
  await page.reload()
  await page.waitForSelector(tid('log-area', '[data-logged="true"]'))
  expect(await page.locator(tid('log-submit')).getAttribute('data-disabled')).toBe('true')
  expect(await page.locator(tid('log-form')).count()).toBe(0)
  const again = (await invokeFunction('reading', { action: 'log', input: { bookId, minutes: 15 } }, RESIDENT)) as Answer
  expect(again).toMatchObject({ ok: false, code: 'READING_ALREADY_LOGGED' })
  expect(await docs('readingLogs', { openid: RESIDENT })).toHaveLength(1)
})

test('the book page shows its 书友会 / 读书沙龙 as cards; one opens the activity page, where sign-up happens', async () => {
  const page = resident
  const activityId = await page.locator(tid('book-activity')).first().getAttribute('data-id')
  expect(activityId).toBeTruthy()
  await page.locator(tid('book-activities')).scrollIntoViewIfNeeded()
  await screenshot(page, 'reading-book-activities')
  await page.click(tid('book-activity', `[data-id="${activityId}"]`))
  await page.waitForSelector(tid('activity-detail', `[data-id="${activityId}"]`))
  await page.waitForSelector(tid('signup-area'))
  await goBackSettled(page)
  await page.waitForSelector(tid('book-detail', `[data-id="${bookId}"]`))
})

test('with a log from yesterday (the real function, its clock a day back) the streak is 2 days', async () => {
  clockShift = -DAY
  let yesterday: Answer
  try {
    yesterday = (await invokeFunction(
      'reading',
      { action: 'log', input: { bookId, minutes: 20, note: '昨天读了第一章。' } },
      RESIDENT,
    )) as Answer
  } finally {
    clockShift = 0
  }
  expect(yesterday).toMatchObject({ ok: true })
  const days = (await docs<{ day: string }>('readingLogs', { openid: RESIDENT })).map((l) => l.day).sort()
  expect(days).toEqual([shanghaiDate(realNow() - DAY), shanghaiDate(realNow())])

  const page = resident
  await page.reload()
  await page.waitForSelector(tid('log-stats', '[data-streak="2"]'))
  expect(await page.locator(tid('log-streak')).innerText()).toContain('已连续读书 2 天')
  expect(await page.locator(tid('log-total')).innerText()).toContain('累计读书 50 分钟')

  await page.click(tid('book-go-reading'))
  await page.waitForSelector(tid('reading-mine', '[data-streak="2"]'))
  expect(await page.locator(tid('reading-streak')).innerText()).toBe('已连续读书 2 天')
  expect(await page.locator(tid('reading-total')).innerText()).toBe('50')
  // Latest first, today's with its note.
  const logDays = await page.locator(tid('reading-log')).evaluateAll((els) => els.map((e) => e.getAttribute('data-day')))
  expect(logDays).toEqual([shanghaiDate(realNow()), shanghaiDate(realNow() - DAY)])
  expect(await page.locator(tid('reading-log')).first().innerText()).toContain(NOTE)
  // The strip: the last two of seven days read, in words as well as marks.
  const strip = await page.locator(tid('strip-day')).evaluateAll((els) => els.map((e) => e.getAttribute('data-read')))
  expect(strip).toEqual(['false', 'false', 'false', 'false', 'false', 'true', 'true'])
  expect(await page.locator(tid('week-strip')).innerText()).toContain('读了')
  await screenshot(page, 'reading-mine')
})

test('the resident joins the district board (shown as a masked name) and finds themself on it', async () => {
  const page = resident
  const masked = maskName(RESIDENT_NAME)
  await page.waitForSelector(tid('board', '[data-joined="false"]'))
  expect(await page.locator(tid('board-switch')).innerText()).toContain(`参加本区读书榜（显示为 ${masked}）`)
  // Joining without a district: said in place.
  await page.click(tid('board-switch'))
  await page.waitForSelector(tid('board-need-district'))
  const district = await page.locator(tid('board-districts')).locator('[data-testid^="board-district-"]').first().getAttribute('data-value')
  expect(district).toBeTruthy()
  await page.click(tid(`board-district-${district}`))
  await page.waitForSelector(tid('board-list', '[data-status="ready"]'))
  await page.click(tid('board-switch'))
  await page.waitForSelector(tid('board', '[data-joined="true"]'))
  await page.waitForSelector(tid('board-row', '[data-me="true"]'))
  const me = page.locator(tid('board-row', '[data-me="true"]'))
  const text = await me.innerText()
  expect(text).toContain(masked)
  expect(text).toContain('（我）')
  expect(text).toContain('50 分钟')
  expect(text).not.toContain(RESIDENT_NAME)
  expect(await page.locator(tid('board-chosen')).getAttribute('data-value')).toBe(district)
  await page.locator(tid('board-list')).scrollIntoViewIfNeeded()
  await screenshot(page, 'reading-board')

  const [reader] = await docs<{ board: { districtCode: string; name: string } | null }>('readers', { _id: `${weekId}_${RESIDENT}` })
  expect(reader.board).toEqual({ districtCode: district, name: masked })
})

test('reading with a family member: the picker on the book page logs for them; their streak is theirs', async () => {
  const added = (await invokeFunction(
    'signup',
    { action: 'family.add', input: { name: PARENT, ageGroup: '70+', relation: 'parent' } },
    RESIDENT,
  )) as {
    ok: boolean
    data: { member: { id: string } }
  }
  expect(added.ok).toBe(true)
  const memberId = added.data.member.id
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/learn/book/index?id=${bookId}`)
  await page.reload()
  await page.waitForSelector(tid('learner-picker', '[data-value="self"]'))
  await page.waitForSelector(tid('log-area', '[data-member="self"][data-logged="true"]'))
  await page.click(tid(`learner-${memberId}`))
  await page.waitForSelector(tid('log-area', `[data-member="${memberId}"][data-logged="false"]`))
  expect(await page.locator(tid('log-stats')).getAttribute('data-streak')).toBe('0')
  await page.click(tid('log-quick-20'))
  await page.click(tid('log-submit'))
  await page.waitForSelector(tid('log-done'))
  expect(await page.locator(tid('log-streak')).innerText()).toBe(`${PARENT}：已连续读书 1 天`)
  expect(await page.locator(tid('log-total')).innerText()).toContain('累计读书 20 分钟')
  await screenshot(page, 'reading-book-family')

  const theirs = await docs<{ personId: string; memberId: string | null; minutes: number }>('readingLogs', { memberId })
  expect(theirs).toEqual([expect.objectContaining({ personId: `${RESIDENT}~${memberId}`, minutes: 20 })])
  expect(await docs('readingLogs', { personId: RESIDENT })).toHaveLength(2)
  // Back to oneself: still logged today, still 2 days and 50 minutes.
  await page.click(tid('learner-self'))
  await page.waitForSelector(tid('log-area', '[data-member="self"][data-logged="true"]'))
  expect(await page.locator(tid('log-stats')).getAttribute('data-streak')).toBe('2')
  expect(await page.locator(tid('log-stats')).getAttribute('data-minutes')).toBe('50')
})

test('care mode: books, book and reading pages keep body text >= 18px, the largest >= 30px, taps >= 60px', async () => {
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  const report: Record<string, Awaited<ReturnType<typeof careMeasure>>> = {}

  await openBooks(page)
  await page.waitForSelector(tid('books-page', '[data-care="on"]'))
  await page.waitForSelector(tid('reader-card', '[data-streak="2"]'))
  report.books = await careMeasure(page, '[data-testid="books-page"]')
  await screenshot(page, 'reading-care-books')

  await page.click(tid('book-card', `[data-id="${bookId}"]`))
  await page.waitForSelector(tid('log-area', '[data-logged="true"]'))
  report.book = await careMeasure(page, '[data-testid="book-page"]')
  await screenshot(page, 'reading-care-book')

  // A book not read today: the form with its big minute buttons.
  if (otherBookId) {
    // Same route, another query: load it afresh (the h5 router would keep the page it has).
    await page.goto(`${cloud.gateway.url}/#/learn/book/index?id=${otherBookId}`)
    await page.reload()
    await page.waitForSelector(tid('book-detail', `[data-id="${otherBookId}"]`))
    await page.waitForSelector(tid('log-form'))
    report.bookForm = await careMeasure(page, '[data-testid="book-page"]')
    await page.locator(tid('log-form')).scrollIntoViewIfNeeded()
    await screenshot(page, 'reading-care-book-form')
  }

  await page.goto(`${cloud.gateway.url}/#/learn/reading/index`)
  await page.waitForSelector(tid('board-row', '[data-me="true"]'))
  report.reading = await careMeasure(page, '[data-testid="reading-page"]')
  await screenshot(page, 'reading-care-mine')
  await page.locator(tid('board-list')).scrollIntoViewIfNeeded()
  await screenshot(page, 'reading-care-board')

  console.log('care-mode measurements', JSON.stringify(report))
  for (const [name, m] of Object.entries(report)) {
    expect({ name, min: m.min >= 18, max: m.max >= 30, lh: m.minLineHeight >= 1.3, small: m.small }).toEqual({
      name,
      min: true,
      max: true,
      lh: true,
      small: [],
    })
  }
})
