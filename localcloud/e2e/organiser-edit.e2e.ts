// The organiser's activity editor in a real Chromium against a fresh seeded local cloud (h5 build):
// a draft whose sign-up deadline has passed is refused on the publish button, with the reason and
// before any confirmation, and stays a draft; times are typed (a bad one is said in Chinese), dates
// read 12月X日 周X and never as ISO strings; once the deadline is moved ahead it is published after
// the confirmation, and the message says when residents can sign up. The dev persona switcher
// leaves the last button clear. The tests share one page and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { shanghaiDate, shanghaiInstant } from '../../src/shared/domain/time'
import { launchBrowser, openAs, screenshot as keep } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const DAY = 24 * 3_600_000
const HOUR = 3_600_000
const ORGANISER = 'dev-organiser'
/** A Chinese day as the editor shows it: 12月5日 周六. */
const CN_DAY = /\d{1,2}月\d{1,2}日 周[一二三四五六日]/

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let org: Page
let draftId = ''
const tomorrow = shanghaiDate(Date.now() + DAY)
const started = Date.now()

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}

async function stored(id: string): Promise<Record<string, any>> {
  return ((await cloud.sdkDb.collection('activities').doc(id).get()) as unknown as { data: Record<string, any> }).data
}

/** Types a time into a time field and leaves it. */
async function typeTime(page: Page, testid: string, text: string) {
  await page.fill(`${tid(testid)} input`, text)
  await page.press(`${tid(testid)} input`, 'Tab')
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-organiser-edit-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  // The week runs from three days ago to three days ahead, so tomorrow is in it on any date.
  await cloud.sdkDb
    .collection('weeks')
    .doc('nc2026')
    .update({
      data: {
        startDate: shanghaiDate(Date.now() - 3 * DAY),
        endDate: shanghaiDate(Date.now() + 3 * DAY),
        summaryDeadline: shanghaiDate(Date.now() + 7 * DAY),
      },
    })
  // A draft made days ago: tomorrow 09:00–11:00, its sign-up window closed an hour ago.
  const startAt = shanghaiInstant(tomorrow, '09:00')
  const created = (await invokeFunction(
    'activity',
    {
      action: 'create',
      input: {
        weekId: 'nc2026',
        districtCode: 'donghu',
        title: '智慧助老·网上缴费一学就会',
        type: 'smart_senior',
        topics: ['leisure'],
        audiences: ['seniors'],
        organizer: '东湖区社区教育学院',
        coOrganizers: [],
        mode: 'offline',
        venue: { name: '百花洲街道社区学校', address: '南昌市东湖区松柏巷18号' },
        onlineUrl: null,
        startAt,
        endAt: startAt + 2 * HOUR,
        signup: {
          capacity: 30,
          opensAt: Date.now() - 2 * DAY,
          closesAt: Date.now() - HOUR,
          cancelDeadline: Date.now() - HOUR,
          fields: ['name'],
        },
        description: '',
      },
    },
    ORGANISER,
  )) as { ok: boolean; data: { activity: { id: string } } }
  expect(created.ok).toBe(true)
  draftId = created.data.activity.id
  browser = await launchBrowser()
  org = await openAs(browser, cloud.gateway.url, ORGANISER)
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`organiser-edit e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('publishing with sign-up already closed is refused with the reason, before any confirmation', async () => {
  await org.goto(`${cloud.gateway.url}/#/organiser/activity-edit/index?id=${encodeURIComponent(draftId)}`)
  await org.waitForSelector(tid('org-edit-form', '[data-status="draft"]'))
  const before = await stored(draftId)

  // The window in words: the deadline, in Chinese dates, said to be past already.
  const closes = await org.locator(tid('org-window-closes')).innerText()
  expect(closes).toMatch(new RegExp(`报名截止：${CN_DAY.source} \\d{2}:\\d{2}`))
  expect(closes).toContain('已经过去，发布后居民无法报名')

  // Times are typed: a bad one is said in Chinese, 1430 and 16点 are read as 14:30 and 16:00.
  await typeTime(org, 'org-field-endTime', '25:00')
  await org.waitForSelector(tid('org-field-endTime-error'))
  expect(await org.locator(tid('org-field-endTime-error')).innerText()).toContain('请按“时:分”填写')
  await typeTime(org, 'org-field-startTime', '1430')
  await typeTime(org, 'org-field-endTime', '16点')
  await org.waitForSelector(tid('org-field-startTime', '[data-value="14:30"]'))
  await org.waitForSelector(tid('org-field-endTime', '[data-value="16:00"]'))
  expect(await org.locator(`${tid('org-field-startTime')} input`).inputValue()).toBe('14:30')
  expect(await org.locator(tid('org-field-endTime-error')).count()).toBe(0)

  await org.locator(tid('org-field-time-row')).scrollIntoViewIfNeeded()
  await screenshot(org, 'organiser-edit-times')

  // Dates read 12月X日 周X, never as ISO strings (nor 1970).
  const text = await org.locator(tid('org-edit-form')).innerText()
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  expect(text).not.toContain('1970')
  const dayChip = (await org.locator(tid(`org-field-day-${tomorrow}`)).innerText()).replace(/\s+/g, ' ').replace('✓ ', '')
  expect(dayChip).toMatch(CN_DAY)

  // Publish: refused on the spot with the reason; no confirmation; nothing stored.
  await org.click(tid('org-publish'))
  await org.waitForSelector(tid('org-error', '[data-code="SIGNUP_ALREADY_CLOSED"]'))
  expect(await org.locator(tid('org-error')).innerText()).toContain('报名截止时间已经过去')
  expect(await org.locator(tid('org-field-window-row-error')).innerText()).toContain('报名截止时间已经过去')
  expect(await org.locator(tid('org-publish-confirm')).count()).toBe(0)
  await screenshot(org, 'organiser-edit-refused')
  const after = await stored(draftId)
  expect(after.status).toBe('draft')
  expect(after.publishedAt).toBeNull()
  expect(new Date(after.updatedAt).getTime()).toBe(new Date(before.updatedAt).getTime())
})

test('with the deadline moved ahead it is published after the confirmation, saying until when residents can sign up', async () => {
  await org.click(tid(`org-field-closesDate-${tomorrow}`))
  await typeTime(org, 'org-field-closesTime', '12:00')
  await org.waitForFunction(() => !document.querySelector('[data-testid="org-window-closes"]')?.textContent?.includes('已经过去'))
  expect(await org.locator(tid('org-window-closes')).innerText()).toContain('（开始前2小时30分钟）')
  await screenshot(org, 'organiser-edit-window')

  await org.click(tid('org-publish'))
  await org.waitForSelector(tid('org-publish-confirm'))
  await org.click(tid('org-publish-confirm'))
  await org.waitForSelector(tid('org-edit-form', '[data-status="published"]'))
  const done = await org.locator(tid('org-done')).innerText()
  expect(done).toMatch(new RegExp(`可以在活动周首页看到并报名，${CN_DAY.source} 12:00 截止报名`))
  const doc = await stored(draftId)
  expect(doc.status).toBe('published')
  expect(new Date(doc.startAt).getTime()).toBe(shanghaiInstant(tomorrow, '14:30'))
  expect(new Date(doc.signup.closesAt).getTime()).toBe(shanghaiInstant(tomorrow, '12:00'))
})

test('the dev persona switcher leaves the last button of the editor clear', async () => {
  await org.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*')))
      if (el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight
  })
  await org.waitForTimeout(200)
  const back = await org.locator(tid('org-back')).boundingBox()
  const switcher = await org.locator('[data-testid="dev-persona-switcher"]').boundingBox()
  expect(back && switcher).toBeTruthy()
  expect(back!.y + back!.height).toBeLessThanOrEqual(switcher!.y)
  await screenshot(org, 'organiser-edit-bottom')
})
