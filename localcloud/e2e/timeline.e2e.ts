// A page opened from 朋友圈 (WeChat's single-page mode), in a real Chromium against a fresh seeded
// local cloud (h5 build): the visitor has no identity (the dev persona 访客, the stand-in for
// single-page mode). The week's home lists the activities with a note where the rest is, and a tap
// on a card stays put; an activity's page reads in full with 在小程序中打开后报名 in place of 报名,
// and nothing asks for an identity.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
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

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-timeline-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [TARGET])
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
