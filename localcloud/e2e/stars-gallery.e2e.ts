// The 学习之星 showcase in a real Chromium against a fresh seeded local cloud (h5 build, bundled
// functions on the real wx-server-sdk). Seeded through the functions: an organiser of 东湖区
// nominates a 百姓学习之星 with a photo, the district recommends it, the week's admins set places,
// select and publish it (市级); a 国家级 recognition of an earlier year is recorded beside it. A
// resident in care mode finds the gallery from the 学习 tab, filters by 市级, opens the star, likes
// it (count +1, 今天已点赞), and a second like the same day changes nothing. A visitor without
// identity (the stand-in for 朋友圈 single-page mode) opens the entry and reads it without 点赞.
// With self-nomination open, the resident nominates themself (我要自荐) and sees it under 我的自荐.
// The tests share one browser and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { launchBrowser, openAs, openTab, screenshot as keep } from './browser'
import { careMeasure } from './care'

const ROOT = path.resolve(__dirname, '..', '..')
const RESIDENT = 'dev-resident'
const ORGANISER = 'dev-organiser' // runs 东湖区 of the Nanchang week
const ADMIN = 'dev-admin'
/** The h5 dev persona with no identity (src/dev/persona.ts DEV_VISITOR). */
const VISITOR = '(visitor)'
const WEEK = 'nc2026'
const STAR_NAME = '李桂英'
const STORY =
  '李桂英退休后从零开始学习智能手机，三年来坚持每天在社区老年学校上课，学会了视频通话、网上挂号和移动支付。' +
  '她还组织了“银龄互助小组”，每周二下午在社区活动室手把手教其他老人使用手机，已经帮助了一百多位邻居。'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let resident: Page
let starId = ''
let recordedId = ''
const started = Date.now()

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

interface Envelope {
  ok: boolean
  data?: any
  code?: string
}
async function must(fn: string, action: string, input: unknown, openid: string) {
  const res = (await invokeFunction(fn, { action, input }, openid)) as Envelope
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data
}

/** A photo in the local cloud's storage, uploaded as the organiser (as the app does). */
async function uploadPhoto(png: Buffer): Promise<string> {
  const res = await fetch(`${cloud.gateway.url}/storage/upload?folder=stars/${WEEK}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-dev-openid': ORGANISER },
    body: new Uint8Array(png),
  })
  const body = (await res.json()) as { ok: boolean; data?: { fileID: string }; fileID?: string }
  const fileID = body.data?.fileID ?? body.fileID
  if (!fileID) throw new Error(`upload: ${JSON.stringify(body)}`)
  return fileID
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-stars-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  browser = await launchBrowser()

  // A picture to upload: a drawn card, screenshotted.
  const painter = await browser.newPage({ viewport: { width: 480, height: 320 } })
  await painter.setContent(
    '<body style="margin:0"><div style="width:480px;height:320px;background:linear-gradient(135deg,#0b5cad,#a4161a);' +
      'color:#fff;font:bold 48px sans-serif;display:flex;align-items:center;justify-content:center">学习之星</div></body>',
  )
  const png = await painter.screenshot()
  await painter.close()
  const photo = await uploadPhoto(png)

  const saved = await must(
    'stars',
    'save',
    {
      weekId: WEEK,
      kind: 'star',
      districtCode: 'donghu',
      name: STAR_NAME,
      unitName: '东湖区百花洲社区',
      story: STORY,
      photos: [photo],
      contactName: '张敏',
      contactPhone: '13800001111',
      nomineeConsent: true,
    },
    ORGANISER,
  )
  starId = saved.nomination.id
  await must('stars', 'nominate', { id: starId }, ORGANISER)
  await must('stars', 'review', { id: starId, decision: 'recommend' }, ORGANISER)
  await must('stars', 'places.set', { weekId: WEEK, cityCode: null, star: 3, project: 3 }, ADMIN)
  await must('stars', 'select', { id: starId, cityCode: null }, ADMIN)
  await must('stars', 'publish', { id: starId }, ADMIN)
  const recorded = await must(
    'stars',
    'record',
    {
      weekId: WEEK,
      kind: 'project',
      districtCode: 'xihu',
      name: '西湖区社区老年大学',
      unitName: '西湖区教育体育局',
      story: '西湖区社区老年大学办学十年，开设书法、智能手机、健康养生等课程，每年服务老年学员五千余人次，形成了“家门口的老年大学”品牌。',
      contactName: '刘强',
      contactPhone: '13800002222',
      level: 'national',
      year: 2025,
      by: '教育部',
    },
    ADMIN,
  )
  recordedId = recorded.nomination.id

  resident = await openAs(browser, cloud.gateway.url, RESIDENT)
  await resident.waitForSelector(tid('care-toggle'))
  await resident.click(tid('care-toggle'))
  await resident.waitForSelector(tid('care-toggle', '[data-care="on"]'))
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`stars-gallery e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

const CARE = { min: true, max: true, lh: true, small: [] as string[] }
const careOf = (m: Awaited<ReturnType<typeof careMeasure>>) => ({
  min: m.min >= 18,
  max: m.max >= 30,
  lh: m.minLineHeight >= 1.3,
  small: m.small,
})

test('a resident in care mode finds the gallery on the 学习 tab and filters it by level', async () => {
  const page = resident
  await openTab(page, '学习')
  await page.click(tid('entry-stars'))
  await page.waitForSelector(tid('stars-page', '[data-care="on"]'))
  await page.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="2"]'))
  await expect(page.locator(tid('star-card', `[data-id="${starId}"]`)).textContent()).resolves.toContain(STAR_NAME)

  await page.click(tid('filter-level-city'))
  await page.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="1"]'))
  const card = page.locator(tid('star-card', `[data-id="${starId}"]`))
  await expect(card.getAttribute('data-level')).resolves.toBe('city')
  await expect(card.textContent()).resolves.toContain('市级')
  await expect(page.locator(tid('star-card', `[data-id="${recordedId}"]`)).count()).resolves.toBe(0)
  // The cover photo has loaded.
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="star-card"] img')
    return !!img && img.complete && img.naturalWidth > 0
  })
  expect(careOf(await careMeasure(page, '[data-testid="stars-page"]'))).toEqual(CARE)
  await keep(page, 'stars-gallery-care')

  await page.click(tid('filter-level-national'))
  await page.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="1"]'))
  await page.waitForSelector(tid('star-card', `[data-id="${recordedId}"]`))
  await page.click(tid('filter-level-province'))
  await page.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="0"]'))
  await expect(page.locator(tid('state-empty')).textContent()).resolves.toContain('还没有公布的学习之星和品牌项目')
  await page.click(tid('filter-level-city'))
  await page.waitForSelector(tid('star-card', `[data-id="${starId}"]`))
})

test('the resident opens the star and likes it once today: +1 and 今天已点赞, a second like changes nothing', async () => {
  const page = resident
  await page.click(tid('star-card', `[data-id="${starId}"]`))
  await page.waitForSelector(tid('star-detail', `[data-id="${starId}"]`))
  await expect(page.locator(tid('star-name')).textContent()).resolves.toBe(STAR_NAME)
  await expect(page.locator(tid('star-story')).textContent()).resolves.toContain('银龄互助小组')
  await expect(page.locator(tid('star-photos')).getAttribute('data-count')).resolves.toBe('1')
  await page.waitForSelector(tid('star-likes', '[data-likes="0"]'))

  await page.click(tid('star-like'))
  await page.waitForSelector(tid('star-like', '[data-liked="true"]'))
  await page.waitForSelector(tid('star-likes', '[data-likes="1"]'))
  await expect(page.locator(tid('star-like')).textContent()).resolves.toContain('今天已点赞')
  expect(careOf(await careMeasure(page, '[data-testid="star-page"]'))).toEqual(CARE)
  await page.locator(tid('star-cheer')).scrollIntoViewIfNeeded()
  await keep(page, 'stars-entry-care')

  // Opened again: the server says it was liked today; another tap sends nothing and changes nothing.
  await page.reload()
  await page.waitForSelector(tid('star-like', '[data-liked="true"]'))
  await page.click(tid('star-like'))
  await page.waitForTimeout(500)
  await page.waitForSelector(tid('star-likes', '[data-likes="1"]'))
  // The same person liking again the same day, straight through the function: not counted.
  const again = await must('stars', 'like', { id: starId }, RESIDENT)
  expect(again).toEqual({ likes: 1, likedToday: true, counted: false })
  expect((await must('stars', 'entry', { id: starId }, RESIDENT)).entry.likes).toBe(1)
})

test('a visitor without identity (朋友圈 single-page mode) reads the entry without 点赞', async () => {
  const page = await openAs(browser, cloud.gateway.url, VISITOR)
  try {
    await page.goto(`${cloud.gateway.url}/#/learn/star/index?id=${encodeURIComponent(starId)}`)
    await page.waitForSelector(tid('star-detail', `[data-id="${starId}"][data-visitor="true"]`))
    await expect(page.locator(tid('star-name')).textContent()).resolves.toBe(STAR_NAME)
    await page.waitForSelector(tid('star-likes', '[data-likes="1"]'))
    const like = page.locator(tid('star-like'))
    await expect(like.getAttribute('data-disabled')).resolves.toBe('true')
    await expect(like.textContent()).resolves.toContain('在小程序中打开后点赞')
    await like.click()
    await page.waitForTimeout(300)
    await page.waitForSelector(tid('star-likes', '[data-likes="1"]'))
    await expect(page.locator(tid('star-go-gallery')).count()).resolves.toBe(0)
    await keep(page, 'stars-entry-visitor')
  } finally {
    await page.context().close()
  }
})

test('with self-nomination open, the resident nominates themself from the gallery and sees it under 我的自荐', async () => {
  await must('stars', 'settings.set', { weekId: WEEK, selfNomination: true, vote: null }, ADMIN)
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/learn/stars/index`)
  await page.reload()
  await page.click(tid('stars-nominate'))
  await page.waitForSelector(tid('nominate-page', '[data-care="on"]'))
  await page.click(tid('nominate-start'))
  // Sent empty: every missing field says so in words, nothing is sent.
  await page.click(tid('nominate-submit'))
  await page.waitForSelector(tid('nominate-story-field', '[data-error="true"]'))
  await page.click(tid('nominate-district-donghu'))
  await page.fill('[data-testid="nominate-name"] input', '刘思雨')
  await page.fill(
    '[data-testid="nominate-story"] textarea',
    '每天晚上在社区书屋读书一小时，两年读了八十多本书，还在业主群里办起了线上读书会，带动三十多位邻居一起读书。',
  )
  await page.fill('[data-testid="nominate-contact"] input', '刘思雨')
  await page.fill('[data-testid="nominate-phone"] input', '13900003333')
  const m = await careMeasure(page, '[data-testid="nominate-page"]')
  await page.click(tid('nominate-submit'))
  await page.waitForSelector(tid('nominate-mine-item', '[data-status="nominated"]'))
  await page.waitForSelector(tid('nominate-done'))
  expect(careOf(m)).toEqual(CARE)
  await keep(page, 'stars-nominate-care')

  const mine = (await must('stars', 'mine', { weekId: WEEK }, RESIDENT)).items
  expect(mine).toHaveLength(1)
  expect(mine[0]).toMatchObject({ kind: 'star', name: '刘思雨', districtCode: 'donghu', status: 'nominated' })
  expect(mine[0].nominator.kind).toBe('self')
  expect(mine[0].nomineeConsentAt).not.toBeNull()
})
