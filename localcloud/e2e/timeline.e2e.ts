// A page opened from 朋友圈 (WeChat's single-page mode), in a real Chromium against a fresh seeded
// local cloud (h5 build): the visitor has no identity (the dev persona 访客, the stand-in for
// single-page mode). The week's home lists the activities with a note where the rest is, and a tap
// on a card stays put; an activity's page reads in full with 在小程序中打开后报名 in place of 报名;
// a course's page reads in full (lessons, classes) with 在小程序中打开后学习 in place of progress and
// 开始学习; the course list and 好书推荐's book lists read with their cards, a tap staying put; and
// nothing asks for an identity.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { keepAhead } from './ahead'
import { launchBrowser, openAs, screenshot } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
/** The h5 dev persona with no identity (src/dev/persona.ts DEV_VISITOR). */
const VISITOR = '(visitor)'
const TARGET = 'nc2026-donghu-03' // 守好“养老钱”, sign-up open (moved ahead below)

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let page: Page
const errors: string[] = []
/** A seeded course with lessons (and its classes, when the seed links some). */
let course = { id: '', title: '', lessons: 0, classes: 0 }

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-timeline-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [TARGET])
  const listed = (await invokeFunction('course', { action: 'list', input: { kind: 'smart_senior' } }, 'dev-resident')) as {
    data: { courses: { id: string; title: string; lessonCount: number }[] }
  }
  for (const c of listed.data.courses) {
    const got = (await invokeFunction('course', { action: 'get', input: { courseId: c.id } }, 'dev-resident')) as {
      data: { course: { activities: unknown[] } }
    }
    const classes = got.data.course.activities.length
    if (c.lessonCount > 0 && (classes > course.classes || !course.id))
      course = { id: c.id, title: c.title, lessons: c.lessonCount, classes }
  }
  if (!course.id) throw new Error('the seed has no 智慧助老 course')
  browser = await launchBrowser()
  page = await openAs(browser, cloud.gateway.url, VISITOR)
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`)
  })
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

test('the week’s home lists the activities with a note where the rest is; a tap on a card stays on home', async () => {
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
  await page.click(tid('day-tab-all'))
  await page.waitForSelector(tid('activity-card'))
  expect(await page.locator(tid('visitor-note')).innerText()).toContain('前往小程序')
  expect(await page.locator(tid('today-ticket')).count()).toBe(0)
  await page.locator(tid('activity-card')).first().click()
  await page.waitForTimeout(500)
  expect(page.url()).not.toContain('/pages/activity/')
  await screenshot(page, 'timeline-home')
})

test('an activity’s page reads in full, with 在小程序中打开后报名 in place of 报名, and no call is refused', async () => {
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${TARGET}`)
  await page.waitForSelector(tid('detail-page'))
  await page.waitForSelector(tid('signup-area'))
  expect(await page.locator(tid('detail-description')).innerText()).toContain('活动介绍')
  expect(await page.locator(tid('signup-button')).count()).toBe(0)
  expect(await page.locator(tid('signup-area')).getAttribute('data-kind')).toBe('open')
  expect(await page.locator(tid('signup-in-app')).innerText()).toBe('在小程序中打开后报名')
  expect(await page.locator(tid('signup-mine')).count()).toBe(0)
  await screenshot(page, 'timeline-activity')
  expect(errors).toEqual([])
})

test('a course’s page reads in full with 在小程序中打开后学习 in place of progress and 开始学习; a lesson tap stays', async () => {
  await page.goto(`${cloud.gateway.url}/#/learn/course/index?id=${course.id}`)
  await page.waitForSelector(tid('course-body', `[data-id="${course.id}"][data-fresh="true"]`))
  expect(await page.locator(tid('course-title')).innerText()).toBe(course.title)
  expect(await page.locator(tid('course-lesson')).count()).toBe(course.lessons)
  expect(await page.locator(tid('course-in-app')).innerText()).toBe('在小程序中打开后学习')
  for (const hidden of ['course-start', 'course-progress', 'course-certificate', 'learner-picker', 'course-lesson-state']) {
    expect(await page.locator(tid(hidden)).count()).toBe(0)
  }
  if (course.classes > 0) {
    expect(await page.locator(tid('course-class')).count()).toBe(course.classes)
    expect(await page.locator(tid('course-class')).first().innerText()).toContain('在小程序中打开后报名')
  }
  await screenshot(page, 'timeline-course')
  await page.locator(tid('course-lesson')).first().click()
  await page.waitForTimeout(500)
  expect(page.url()).toContain('/learn/course/')
  expect(page.url()).not.toContain('/learn/lesson/')
  expect(errors).toEqual([])
})

test('the course list reads with its cards; a tap on one stays on the list', async () => {
  await page.goto(`${cloud.gateway.url}/#/learn/courses/index?kind=smart_senior`)
  await page.waitForSelector('[data-testid="course-list"][data-status="ready"]')
  expect(await page.locator(tid('course-card')).count()).toBeGreaterThan(0)
  await page.locator(tid('course-card', `[data-id="${course.id}"]`)).click()
  await page.waitForTimeout(500)
  expect(page.url()).toContain('/learn/courses/')
  expect(errors).toEqual([])
})

test('好书推荐 reads its book lists with 在小程序中打开后打卡 on each book and no reader card; a tap on a book stays', async () => {
  await page.goto(`${cloud.gateway.url}/#/learn/books/index`)
  await page.waitForSelector('[data-testid="book-lists"][data-status="ready"]')
  expect(Number(await page.locator(tid('book-lists')).getAttribute('data-count'))).toBeGreaterThan(0)
  expect(await page.locator(tid('book-list')).count()).toBeGreaterThan(0)
  expect((await page.locator(tid('book-card-title')).first().innerText()).length).toBeGreaterThan(2)
  const more = await page.locator(tid('book-card-more')).allInnerTexts()
  expect(more.length).toBeGreaterThan(0)
  expect(new Set(more)).toEqual(new Set(['在小程序中打开后打卡']))
  expect(await page.locator(tid('reader-card')).count()).toBe(0)
  expect(await page.locator(tid('books-visitor')).innerText()).toContain('前往小程序')
  await screenshot(page, 'timeline-books')
  await page.locator(tid('book-card')).first().click()
  await page.waitForTimeout(500)
  expect(page.url()).not.toContain('/learn/book/index')
  expect(errors).toEqual([])
})
