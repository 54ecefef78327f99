// A resident browses the seeded week in a real Chromium: the h5 build served by the gateway,
// the bundled functions on the real wx-server-sdk, the local database.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { openingDay } from '../../src/shared/domain/time'
import { seedActivities, seedWeeks } from '../seed/data'
import { launchBrowser, openAs, openFilters, screenshot } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
let cloud: LocalCloud
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const visibleIds = (pred: (a: (typeof seedActivities)[number]) => boolean) =>
  seedActivities
    .filter((a) => a.weekId === 'nc2026' && a.status !== 'draft' && pred(a))
    .map((a) => a._id)
    .sort()

/** Every card id in the list, pressing 加载更多 until the end. */
async function allCardIds(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
  for (let i = 0; i < 20; i++) {
    const more = page.locator('[data-testid="load-more"]')
    if ((await more.count()) === 0) break
    const before = await page.locator('[data-testid="activity-card"]').count()
    await more.click()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="activity-card"]').length > n || !!document.querySelector('[data-testid="list-end"]'),
      before,
    )
  }
  const ids = await page.locator('[data-testid="activity-card"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
  return ids.sort()
}

async function waitForReload(page: Page) {
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
}

/** The list opens on one day (today while the week runs); 全部 shows the whole week. */
async function showWholeWeek(page: Page) {
  await page.click('[data-testid="day-tab-all"]')
  await page.waitForSelector('[data-testid="day-tab-all"][data-selected="true"]')
  await waitForReload(page)
}

test('the home page shows the seeded week and its activities', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-resident')
  await page.waitForSelector('[data-testid="week-banner"]')
  expect(await page.locator('[data-testid="week-banner"]').innerText()).toContain('2026年南昌市全民终身学习活动周')
  const nc = seedWeeks.find((w) => w._id === 'nc2026')!
  await page.waitForSelector(`[data-testid="day-tab-${openingDay(nc.startDate, nc.endDate, Date.now())}"][data-selected="true"]`)
  await showWholeWeek(page)
  await page.waitForSelector('[data-testid="activity-card"]')
  const firstTitle = await page.locator('[data-testid="activity-card-title"]').first().innerText()
  expect(seedActivities.map((a) => a.title)).toContain(firstTitle.trim())
  await screenshot(page, 'home-standard')
  expect(await allCardIds(page)).toEqual(visibleIds(() => true))
  await page.context().close()
})

test("filtering by day shows exactly that day's activities", async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-resident')
  await page.click('[data-testid="day-tab-2026-12-01"]')
  await waitForReload(page)
  const ids = await allCardIds(page)
  expect(ids.length).toBeGreaterThan(0)
  expect(ids).toEqual(visibleIds((a) => a.day === '2026-12-01'))
  await screenshot(page, 'home-day-2026-12-01')
  await page.context().close()
})

test('filtering by district and type narrows the list', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-resident')
  await showWholeWeek(page)
  await openFilters(page)
  await page.click('[data-testid="filter-district"]')
  await page.click('[data-testid="district-option-donghu"]')
  await waitForReload(page)
  expect(await allCardIds(page)).toEqual(visibleIds((a) => a.districtCode === 'donghu'))
  await page.click('[data-testid="filter-type"]')
  await page.click('[data-testid="type-option-smart_senior"]')
  await waitForReload(page)
  const ids = await allCardIds(page)
  expect(ids).toEqual(visibleIds((a) => a.districtCode === 'donghu' && a.type === 'smart_senior'))
  await screenshot(page, 'home-donghu-smart-senior')
  await page.context().close()
})

test('a card opens the activity detail with its venue', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-senior')
  const seed = seedActivities.find((a) => a.weekId === 'nc2026' && a.status === 'published' && a.venue && a.day === '2026-11-30')!
  await page.click('[data-testid="day-tab-2026-11-30"]')
  await waitForReload(page)
  await page.click(`[data-testid="activity-card"][data-id="${seed._id}"]`)
  await page.waitForSelector('[data-testid="detail-title"]')
  expect((await page.locator('[data-testid="detail-title"]').innerText()).trim()).toBe(seed.title)
  expect(await page.locator('[data-testid="detail-venue"]').innerText()).toContain(seed.venue!.name)
  await screenshot(page, 'detail-standard')
  await page.context().close()
})

test('care mode makes body text at least 18px and the largest text at least 30px', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-senior')
  await showWholeWeek(page)
  await page.waitForSelector('[data-testid="activity-card"]')
  await page.click('[data-testid="care-toggle"]')
  await page.waitForSelector('[data-testid="care-toggle"][data-care="on"]')
  const sizes = await page.evaluate(() => {
    const texts = Array.from(document.querySelectorAll('[data-testid="home-page"] *')).filter(
      (el) => el.childNodes.length > 0 && Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()),
    )
    const px = texts.map((el) => parseFloat(getComputedStyle(el).fontSize))
    const cardTitle = document.querySelector('[data-testid="activity-card-title"]') as HTMLElement
    return { min: Math.min(...px), max: Math.max(...px), cardTitle: parseFloat(getComputedStyle(cardTitle).fontSize) }
  })
  expect(sizes.min).toBeGreaterThanOrEqual(18)
  expect(sizes.max).toBeGreaterThanOrEqual(30)
  const toggle = await page.locator('[data-testid="care-toggle"]').boundingBox()
  expect(toggle!.height).toBeGreaterThanOrEqual(60)
  await screenshot(page, 'home-care')
  await page.context().close()
})
