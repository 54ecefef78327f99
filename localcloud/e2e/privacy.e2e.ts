// Consent before personal data, in a real Chromium against a fresh seeded local cloud (h5 build): a
// resident never seen before opens the sign-up form and gets the consent sheet first; the whole
// guide is one tap away and the sheet is back after it; 不同意 leaves the form closed with a plain
// message while the home list, an activity and the 学习 tab work; agreeing records the guide's
// version (read back through privacy consent.get and from the stored user) and opens the form. The
// family page's 添加家人 asks the same way, in care mode; the privacy page renders in care mode from 我的.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { PRIVACY_GUIDE } from '../../src/shared/domain/privacyGuide'
import { goBackSettled, launchBrowser, openAs, openTab, pageStack, screenshot as keep } from './browser'
import { careMeasure } from './care'
import { keepAhead } from './ahead'

const ROOT = path.resolve(__dirname, '..', '..')
const TARGET = 'nc2026-donghu-03' // 守好“养老钱”, sign-up open (moved ahead below)
const NEWCOMER = 'e2e-privacy-newcomer'
const FAMILY_NEWCOMER = 'e2e-privacy-family'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let page: Page
const started = Date.now()

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

/** A screenshot once the page's slide-in animation has finished. */
async function screenshot(p: Page, name: string) {
  await p.waitForTimeout(400)
  return keep(p, name)
}

async function storedConsent(openid: string): Promise<{ version: number; at: Date } | null> {
  const res = (await cloud.sdkDb.collection('users').where({ _id: openid }).get()) as unknown as {
    data: { consent?: { version: number; at: Date } }[]
  }
  return res.data[0]?.consent ?? null
}

async function consentAnswer(openid: string) {
  const res = (await invokeFunction('privacy', { action: 'consent.get', input: {} }, openid)) as {
    ok: boolean
    data: { version: number; consent: { version: number; at: number } | null; current: boolean }
  }
  expect(res.ok).toBe(true)
  return res.data
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-privacy-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [TARGET])
  browser = await launchBrowser()
  page = await openAs(browser, cloud.gateway.url, NEWCOMER)
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`privacy e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('a new resident opening the sign-up form sees the consent sheet first, the whole guide a tap away', async () => {
  expect(await storedConsent(NEWCOMER)).toBeNull()
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${TARGET}`)
  await page.waitForSelector(tid('signup-area', '[data-kind="open"]'))
  await page.click(tid('signup-button'))

  await page.waitForSelector(tid('privacy-sheet'))
  expect(await page.locator(tid('signup-profile-form')).count()).toBe(0)
  expect(await page.locator(tid('signup-flow')).count()).toBe(0)
  const sheet = await page.locator(tid('privacy-sheet')).innerText()
  expect(sheet).toContain('报名需要填写姓名和手机号')
  for (const line of PRIVACY_GUIDE.summary) expect(sheet).toContain(line)
  expect(sheet).toContain('同意并继续')
  expect(sheet).toContain('不同意')
  await screenshot(page, 'privacy-01-sheet')

  // The whole guide, then back: the sheet is still waiting for an answer.
  await page.click(tid('privacy-sheet-guide'))
  await page.waitForSelector(tid('privacy-items'))
  expect(await page.locator(tid('privacy-sheet')).count()).toBe(0)
  await goBackSettled(page)
  await page.waitForSelector(tid('privacy-sheet')).catch(async (err: Error) => {
    throw new Error(`${err.message}\npages after back:\n${await pageStack(page)}`)
  })
  expect(await page.locator(tid('signup-profile-form')).count()).toBe(0)
})

test('不同意: the form stays closed and says what needs consent; nothing is recorded', async () => {
  await page.click(tid('privacy-refuse'))
  await page.waitForSelector(tid('consent-needed'))
  expect(await page.locator(tid('privacy-sheet')).count()).toBe(0)
  expect(await page.locator(tid('consent-needed')).innerText()).toContain('报名需要填写姓名和手机号，需先同意《隐私保护指引》')
  expect(await page.locator(tid('signup-profile-form')).count()).toBe(0)
  expect(await page.locator(tid('signup-confirm')).count()).toBe(0)
  await screenshot(page, 'privacy-02-refused')
  expect(await storedConsent(NEWCOMER)).toBeNull()
  expect((await consentAnswer(NEWCOMER)).current).toBe(false)
})

test('after 不同意, browsing works: the home list, an activity, the 学习 tab', async () => {
  await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
  await page.click(tid('day-tab-all'))
  await page.waitForSelector(tid('activity-card'))
  await page.locator(tid('activity-card')).first().click()
  await page.waitForSelector(tid('detail-page'))
  await page.waitForSelector(tid('signup-area'))
  expect(await page.locator(tid('privacy-sheet')).count()).toBe(0)
  await page.goto(`${cloud.gateway.url}/#/pages/learn/index`)
  await page.waitForSelector(tid('entry-courses'))
  await page.click(tid('entry-courses'))
  await page.waitForSelector(tid('course-card'))
  expect(await page.locator(tid('privacy-sheet')).count()).toBe(0)
})

test('阅读并同意 then 同意并继续: the version is recorded and the form opens', async () => {
  await page.goto(`${cloud.gateway.url}/#/pages/signup/index?id=${TARGET}`)
  await page.reload()
  await page.waitForSelector(tid('privacy-sheet'))
  await page.click(tid('privacy-refuse'))
  await page.click(tid('consent-needed-agree'))
  await page.waitForSelector(tid('privacy-sheet'))
  const before = Date.now()
  await page.click(tid('privacy-agree'))
  await page.waitForSelector(tid('signup-profile-form'))
  expect(await page.locator(tid('privacy-sheet')).count()).toBe(0)
  expect(await page.locator(tid('consent-needed')).count()).toBe(0)

  const answer = await consentAnswer(NEWCOMER)
  expect(answer).toMatchObject({ version: PRIVACY_VERSION, current: true, consent: { version: PRIVACY_VERSION } })
  expect(answer.consent!.at).toBeGreaterThanOrEqual(before - 1000)
  const stored = await storedConsent(NEWCOMER)
  expect(stored?.version).toBe(PRIVACY_VERSION)
  await screenshot(page, 'privacy-03-form-open')

  // Remembered for the session: another sign-up page opens straight on the form.
  await page.goto(`${cloud.gateway.url}/#/pages/signup/index?id=nc2026-donghu-02`)
  await page.waitForSelector(tid('signup-flow'))
  expect(await page.locator(tid('privacy-sheet')).count()).toBe(0)
})

test('添加家人 asks first too, in care mode; agreeing opens the family form', async () => {
  const p = await openAs(browser, cloud.gateway.url, FAMILY_NEWCOMER)
  await p.waitForSelector(tid('care-toggle'))
  await p.click(tid('care-toggle'))
  await p.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await p.goto(`${cloud.gateway.url}/#/pages/family/index`)
  await p.waitForSelector(tid('family-list'))
  await p.click(tid('family-add'))
  await p.waitForSelector(tid('privacy-sheet'))
  expect(await p.locator(tid('family-form')).count()).toBe(0)
  expect(await p.locator(tid('privacy-sheet')).innerText()).toContain('添加家人需要填写家人的姓名和手机号')
  // The panel (the sheet itself is position: fixed, which careMeasure's visibility test skips).
  const m = await careMeasure(p, '[data-testid="privacy-sheet"] .privacy-sheet__panel')
  expect(m.min).toBeGreaterThanOrEqual(18)
  expect(m.minLineHeight).toBeGreaterThanOrEqual(1.3)
  expect(m.small).toEqual([])
  await screenshot(p, 'privacy-04-sheet-care')

  await p.click(tid('privacy-refuse'))
  await p.waitForSelector(tid('family-consent-needed'))
  expect(await p.locator(tid('family-form')).count()).toBe(0)
  await p.click(tid('family-consent-needed-agree'))
  await p.click(tid('privacy-agree'))
  await p.waitForSelector(tid('family-form'))
  expect((await storedConsent(FAMILY_NEWCOMER))?.version).toBe(PRIVACY_VERSION)
  await p.context().close()
})

test('the privacy page, from 我的, in care mode: every item with purpose, who sees it and how long; rights; contacts', async () => {
  const p = await openAs(browser, cloud.gateway.url, 'dev-senior')
  await p.waitForSelector(tid('care-toggle'))
  if ((await p.locator(tid('care-toggle')).getAttribute('data-care')) !== 'on') await p.click(tid('care-toggle'))
  await p.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await openTab(p, '我的')
  await p.click(tid('entry-privacy'))
  await p.waitForSelector(tid('privacy-page', '[data-care="on"]'))
  await p.waitForSelector(tid('privacy-contact', '[data-status="ready"]'))

  expect(await p.locator(tid('privacy-item')).count()).toBe(PRIVACY_GUIDE.items.length)
  const phone = await p.locator(tid('privacy-item', '[data-key="phone"]')).innerText()
  const item = PRIVACY_GUIDE.items.find((i) => i.key === 'phone')!
  for (const t of ['为什么收集', item.purpose, '谁能看到', item.seenBy, '保存多久', item.kept]) expect(phone).toContain(t)
  expect(await p.locator(tid('privacy-version')).innerText()).toContain(`第 ${PRIVACY_GUIDE.version} 版`)
  expect(await p.locator(tid('privacy-rights')).innerText()).toContain('我的信息')
  expect(await p.locator(tid('privacy-contact')).innerText()).toContain('主办单位：南昌市教育局')

  const m = await careMeasure(p, '[data-testid="privacy-page"]')
  expect(m.min).toBeGreaterThanOrEqual(18)
  expect(m.max).toBeGreaterThanOrEqual(30)
  expect(m.minLineHeight).toBeGreaterThanOrEqual(1.3)
  expect(m.small).toEqual([])
  await screenshot(p, 'privacy-05-page-care')
  await p.locator(tid('privacy-contact')).scrollIntoViewIfNeeded()
  await screenshot(p, 'privacy-06-page-care-contact')
  await p.context().close()
})
