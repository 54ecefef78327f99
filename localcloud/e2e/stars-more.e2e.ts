// More of 学习之星与品牌项目 in a real Chromium against a fresh seeded local cloud (h5 build, bundled
// functions on the real wx-server-sdk), on the seeded Nanchang week (a city-level week whose admin
// selects at the top, 市级). Seeded through the functions: two stars of 东湖区 recommended by its
// organiser while the week's vote phase is open (today to six days on), one place for a star, and a
// published 品牌项目. In the browser: a resident in care mode votes for a recommended star once today
// (a second vote the same day changes nothing; a vote "tomorrow", through the real function with its
// clock moved on a day, counts); the week's admin reads the votes beside each recommended entry and
// selects the other one, the count informing and never deciding; the district's organiser hides the
// published project (gone from the gallery and its page) and un-hides it (back); records a 教育部 2025
// 国家级 recognition, published at once and shown in the gallery with its level and year; and saves a
// draft, reopens it from the list, changes the story, saves again and hands it on (提交推荐).
// The tests share one cloud and browser and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { shanghaiDate } from '../../src/shared/domain/time'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { launchBrowser, openAs, screenshot as keep } from './browser'
import { careMeasure } from './care'

// The functions run in this process and read the clock through Date.now (createFunction keeps the
// function it finds when the bundle loads). Wrapping it before anything loads lets one vote be made
// "tomorrow" through the real function code; everything else sees the real time.
const realNow = Date.now.bind(Date)
let clockShift = 0
Date.now = () => realNow() + clockShift

const ROOT = path.resolve(__dirname, '..', '..')
const DAY = 24 * 60 * 60_000
const RESIDENT = 'dev-resident'
const ORGANISER = 'dev-organiser' // runs 东湖区 of the Nanchang week
const ADMIN = 'dev-admin'
const WEEK = 'nc2026'
const VOTED = '周玉梅'
const OTHER = '陈建国'
const PROJECT = '东湖区社区读书会'
const RECORDED = '胡桂芳'
const DRAFT = '罗志明'
const STORY_V1 = '罗志明在社区学校学习摄影，'
const STORY_V2 = '罗志明退休后在社区学校学习摄影五年，组织“光影课堂”为老人义务讲课六十多次，带动邻里学习。'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let resident: Page
let organiser: Page
let votedId = ''
let otherId = ''
let projectId = ''
let recordedId = ''
let draftId = ''
const started = realNow()

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

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(100).get()) as unknown as { data: T[] }
  return res.data
}
const nomination = async (id: string) => (await docs<any>('nominations', { _id: id }))[0]

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}

/** A star of 东湖区 nominated and recommended by its organiser. */
async function recommendedStar(name: string, story: string): Promise<string> {
  const saved = await must(
    'stars',
    'save',
    {
      weekId: WEEK,
      kind: 'star',
      districtCode: 'donghu',
      name,
      unitName: '东湖区豫章街道',
      story,
      photos: [],
      contactName: '张敏',
      contactPhone: '13800001111',
      nomineeConsent: true,
    },
    ORGANISER,
  )
  const id = saved.nomination.id as string
  await must('stars', 'nominate', { id }, ORGANISER)
  await must('stars', 'review', { id, decision: 'recommend' }, ORGANISER)
  return id
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-stars-more-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  browser = await launchBrowser()

  votedId = await recommendedStar(
    VOTED,
    '周玉梅在社区老年学校学习太极拳和书法八年，如今是社区太极队的义务教练，每天清晨带着四十多位老人一起锻炼。',
  )
  otherId = await recommendedStar(
    OTHER,
    '陈建国退休后自学电脑维修，在社区开办“银发电脑课堂”，三年来义务为三百多位老人讲解电脑和手机的使用。',
  )
  // The vote phase: today to six days on; one place for a star at the top (the week's admin selects).
  await must(
    'stars',
    'settings.set',
    { weekId: WEEK, selfNomination: false, vote: { opensOn: shanghaiDate(realNow()), closesOn: shanghaiDate(realNow() + 6 * DAY) } },
    ADMIN,
  )
  await must('stars', 'places.set', { weekId: WEEK, cityCode: null, star: 1, project: 1 }, ADMIN)

  // A published 品牌项目 (a project needs no nominee's consent).
  const saved = await must(
    'stars',
    'save',
    {
      weekId: WEEK,
      kind: 'project',
      districtCode: 'donghu',
      name: PROJECT,
      unitName: '东湖区图书馆',
      story: '东湖区社区读书会每月在十个社区轮流举办读书分享，五年来吸引居民两万多人次参加，成为家门口的读书品牌。',
      photos: [],
      contactName: '张敏',
      contactPhone: '13800001111',
      nomineeConsent: false,
    },
    ORGANISER,
  )
  projectId = saved.nomination.id
  await must('stars', 'nominate', { id: projectId }, ORGANISER)
  await must('stars', 'review', { id: projectId, decision: 'recommend' }, ORGANISER)
  await must('stars', 'select', { id: projectId, cityCode: null }, ADMIN)
  await must('stars', 'publish', { id: projectId }, ADMIN)

  resident = await openAs(browser, cloud.gateway.url, RESIDENT)
  await resident.waitForSelector(tid('care-toggle'))
  await resident.click(tid('care-toggle'))
  await resident.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  organiser = await openAs(browser, cloud.gateway.url, ORGANISER)
}, 120_000)

afterAll(async () => {
  Date.now = realNow
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`stars-more e2e: ${((realNow() - started) / 1000).toFixed(1)} s`)
})

const CARE = { min: true, max: true, lh: true, small: [] as string[] }
const careOf = (m: Awaited<ReturnType<typeof careMeasure>>) => ({
  min: m.min >= 18,
  max: m.max >= 30,
  lh: m.minLineHeight >= 1.3,
  small: m.small,
})

async function openGallery(page: Page): Promise<void> {
  await page.goto(`${cloud.gateway.url}/#/learn/stars/index`)
  await page.reload()
  await page.waitForSelector(tid('stars-list', '[data-status="ready"]'))
}

async function openList(page: Page, query: string): Promise<void> {
  await page.goto(`${cloud.gateway.url}/#/organiser/stars/index?${query}`)
  await page.reload()
  await page.waitForSelector(tid('stars-list', '[data-status="ready"]'))
}

test('in the vote phase a resident in care mode votes for a recommended star once today: 1 票 and 今天已投票, a second vote changes nothing', async () => {
  const page = resident
  await openGallery(page)
  const card = page.locator(tid('star-card', `[data-id="${votedId}"]`))
  await expect(card.getAttribute('data-voting')).resolves.toBe('true')
  await expect(card.textContent()).resolves.toContain('投票中')
  await card.click()
  await page.waitForSelector(tid('star-detail', `[data-id="${votedId}"]`))
  await page.waitForSelector(tid('star-votes', '[data-votes="0"]'))
  await expect(page.locator(tid('star-vote')).textContent()).resolves.toContain('投一票')

  await page.click(tid('star-vote'))
  await page.waitForSelector(tid('star-vote', '[data-voted="true"]'))
  await page.waitForSelector(tid('star-votes', '[data-votes="1"]'))
  await expect(page.locator(tid('star-votes')).textContent()).resolves.toContain('投票中 · 已得 1 票')
  await expect(page.locator(tid('star-vote')).textContent()).resolves.toContain('今天已投票')
  await expect(page.locator(tid('star-vote-area')).textContent()).resolves.toContain('投票结果供评选参考，每人每天可投一票')
  await page.locator(tid('star-vote-area')).scrollIntoViewIfNeeded()
  expect(careOf(await careMeasure(page, '[data-testid="star-page"]'))).toEqual(CARE)
  await screenshot(page, 'stars-vote-care')

  // Opened again: the server says it was voted for today; another tap sends nothing and changes nothing.
  await page.reload()
  await page.waitForSelector(tid('star-vote', '[data-voted="true"]'))
  await page.click(tid('star-vote'))
  await page.waitForTimeout(500)
  await page.waitForSelector(tid('star-votes', '[data-votes="1"]'))
  // The same person voting again the same day, straight through the function: not counted.
  expect(await must('stars', 'vote', { id: votedId }, RESIDENT)).toEqual({ votes: 1, votedToday: true, counted: false })
  const today = shanghaiDate(realNow())
  expect(await docs('starVotes', { entryId: votedId })).toEqual([
    expect.objectContaining({ _id: `${votedId}_${RESIDENT}_${today}`, openid: RESIDENT, day: today, weekId: WEEK }),
  ])
  expect((await nomination(votedId)).votes).toBe(1)
})

test('the next day the same resident may vote again (the real function, its clock a day on)', async () => {
  clockShift = DAY
  let tomorrow: Envelope
  try {
    tomorrow = (await invokeFunction('stars', { action: 'vote', input: { id: votedId } }, RESIDENT)) as Envelope
  } finally {
    clockShift = 0
  }
  expect(tomorrow).toEqual({ ok: true, data: { votes: 2, votedToday: true, counted: true } })
  const days = (await docs<{ day: string }>('starVotes', { entryId: votedId })).map((v) => v.day).sort()
  expect(days).toEqual([shanghaiDate(realNow()), shanghaiDate(realNow() + DAY)])
  expect((await nomination(votedId)).votes).toBe(2)
})

test('the week admin reads the votes beside each recommended star and selects the one with fewer: the count informs, never decides', async () => {
  const admin = await openAs(browser, cloud.gateway.url, ADMIN)
  try {
    await openList(admin, `weekId=${WEEK}`)
    await admin.click(tid('stars-status-recommended'))
    await admin.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="2"]'))
    const voted = admin.locator(tid('star-row', `[data-id="${votedId}"]`))
    const other = admin.locator(tid('star-row', `[data-id="${otherId}"]`))
    await expect(voted.locator(tid('star-row-counts')).innerText()).resolves.toContain('投票 2')
    await expect(other.locator(tid('star-row-counts')).innerText()).resolves.toContain('投票 0')
    await expect(admin.locator(tid('stars-places-star')).innerText()).resolves.toContain('已入选 0 / 名额 1')
    await voted.scrollIntoViewIfNeeded()
    await screenshot(admin, 'stars-vote-count-selector')

    // The one with no votes is selected: the votes do not stand in the way.
    await other.locator(tid('star-select')).click()
    await admin.waitForSelector(tid('star-row', `[data-id="${otherId}"][data-status="selected"]`))
    await expect(admin.locator(tid('stars-places-star')).innerText()).resolves.toContain('已入选 1 / 名额 1')
    // The one with two votes stays recommended, its place now taken.
    await expect(voted.getAttribute('data-status')).resolves.toBe('recommended')
    await expect(voted.locator(tid('star-row-full')).innerText()).resolves.toContain('评选名额已满')
    expect(await nomination(otherId)).toMatchObject({ status: 'selected', votes: 0 })
    expect(await nomination(votedId)).toMatchObject({ status: 'recommended', votes: 2 })
  } finally {
    await admin.context().close()
  }
})

test('the district organiser hides the published project: the gallery no longer lists it and its page says it is not found', async () => {
  await openGallery(resident)
  await resident.waitForSelector(tid('star-card', `[data-id="${projectId}"]`))

  await openList(organiser, `weekId=${WEEK}&districtCode=donghu`)
  const row = organiser.locator(tid('star-row', `[data-id="${projectId}"]`))
  await expect(row.getAttribute('data-hidden')).resolves.toBe('false')
  await row.locator(tid('star-hide')).click()
  await organiser.waitForSelector(tid('star-row', `[data-id="${projectId}"][data-hidden="true"]`))
  await expect(row.locator(tid('star-row-status')).innerText()).resolves.toBe('已公布 · 已隐藏')
  await expect(row.locator(tid('star-unhide')).innerText()).resolves.toBe('取消隐藏')
  const stored = await nomination(projectId)
  expect(stored).toMatchObject({ status: 'published', hidden: true })
  expect(stored.history.map((h: { action: string }) => h.action)).toContain('hide')

  await openGallery(resident)
  await expect(resident.locator(tid('star-card', `[data-id="${votedId}"]`)).count()).resolves.toBe(1)
  await expect(resident.locator(tid('star-card', `[data-id="${projectId}"]`)).count()).resolves.toBe(0)
  await resident.goto(`${cloud.gateway.url}/#/learn/star/index?id=${encodeURIComponent(projectId)}`)
  await resident.reload()
  await resident.waitForSelector(tid('state-empty'))
  await expect(resident.locator(tid('state-empty')).textContent()).resolves.toContain('没有找到这个学习之星或品牌项目')
})

test('un-hidden, the project is listed in the gallery again', async () => {
  const row = organiser.locator(tid('star-row', `[data-id="${projectId}"]`))
  await row.locator(tid('star-unhide')).click()
  await organiser.waitForSelector(tid('star-row', `[data-id="${projectId}"][data-hidden="false"]`))
  await expect(row.locator(tid('star-row-status')).innerText()).resolves.toBe('已公布')
  expect(await nomination(projectId)).toMatchObject({ status: 'published', hidden: false })

  await openGallery(resident)
  await expect(resident.locator(tid('star-card', `[data-id="${projectId}"]`)).textContent()).resolves.toContain(PROJECT)
})

test('the organiser records a 教育部 2025 国家级 recognition: published at once, in the gallery with its level and year', async () => {
  await openList(organiser, `weekId=${WEEK}&districtCode=donghu`)
  await organiser.click(tid('stars-record'))
  await organiser.waitForSelector(tid('star-form'))
  await organiser.waitForSelector(tid('star-honour'))
  await expect(organiser.locator(tid('star-submit')).innerText()).resolves.toBe('保存并展示')
  expect(await organiser.locator(tid('star-save')).count()).toBe(0)
  await organiser.fill(`${tid('star-name')} input`, RECORDED)
  await organiser.fill(`${tid('star-unit')} input`, '东湖区百花洲街道')
  await organiser.fill(
    `${tid('star-story')} textarea`,
    '胡桂芳六十岁开始学习英语和计算机，十五年来坚持在社区学校上课，又在街道创办了“夕阳红学习社”，2025 年获评全国百姓学习之星。',
  )
  await organiser.fill(`${tid('star-contact-name')} input`, '张敏')
  await organiser.fill(`${tid('star-contact-phone')} input`, '13800001111')
  await organiser.click(tid('star-level-national'))
  await organiser.fill(`${tid('star-year')} input`, '2025')
  await organiser.fill(`${tid('star-by')} input`, '教育部')
  await organiser.click(tid('star-consent'))
  await organiser.click(tid('star-submit'))
  await organiser.waitForSelector(tid('star-edit-done', '[data-status="published"]'))
  await expect(organiser.locator(tid('star-edit-done')).innerText()).resolves.toContain('已记录并展示')
  recordedId = (await organiser.locator(tid('star-edit-done')).getAttribute('data-id')) ?? ''
  const stored = await nomination(recordedId)
  expect(stored).toMatchObject({ status: 'published', recorded: true, hidden: false, kind: 'star', name: RECORDED, districtCode: 'donghu' })
  expect(stored.honours).toEqual([expect.objectContaining({ level: 'national', year: 2025, by: '教育部' })])

  const page = resident
  await openGallery(page)
  await page.click(tid('filter-level-national'))
  await page.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="1"]'))
  const card = page.locator(tid('star-card', `[data-id="${recordedId}"]`))
  await expect(card.getAttribute('data-level')).resolves.toBe('national')
  const text = await card.textContent()
  expect(text).toContain(RECORDED)
  expect(text).toContain('国家级（教育部）')
  expect(text).toContain('2025年')
  expect(careOf(await careMeasure(page, '[data-testid="stars-page"]'))).toEqual(CARE)
  await card.scrollIntoViewIfNeeded()
  await screenshot(page, 'stars-recognition-gallery')

  await card.click()
  await page.waitForSelector(tid('star-detail', `[data-id="${recordedId}"]`))
  const honours = await page.locator(tid('star-honours')).textContent()
  expect(honours).toContain('2025年 · 国家级（教育部）')
  expect(honours).toContain('教育部')
  expect(await page.locator(tid('star-vote-area')).count()).toBe(0)
})

test('the organiser saves a draft, reopens it from the list, changes the story, saves again, then hands it on (提交推荐)', async () => {
  const page = organiser
  await openList(page, `weekId=${WEEK}&districtCode=donghu`)
  await page.click(tid('stars-nominate'))
  await page.waitForSelector(tid('star-form'))
  await page.fill(`${tid('star-name')} input`, DRAFT)
  await page.fill(`${tid('star-story')} textarea`, STORY_V1)
  await page.fill(`${tid('star-contact-name')} input`, '张敏')
  await page.fill(`${tid('star-contact-phone')} input`, '13800001111')
  // A draft may be short and without consent.
  await page.click(tid('star-save'))
  await page.waitForSelector(tid('star-form-note'))
  await expect(page.locator(tid('star-form-note')).innerText()).resolves.toBe('✓ 草稿已保存')
  draftId = (await page.locator(tid('star-form')).getAttribute('data-id')) ?? ''
  expect(draftId).not.toBe('')
  expect(await nomination(draftId)).toMatchObject({ status: 'draft', name: DRAFT, story: STORY_V1 })

  await openList(page, `weekId=${WEEK}&districtCode=donghu`)
  const row = page.locator(tid('star-row', `[data-id="${draftId}"]`))
  await expect(row.locator(tid('star-row-status')).innerText()).resolves.toBe('草稿')
  await row.locator(tid('star-edit')).click()
  await page.waitForSelector(tid('star-form', `[data-id="${draftId}"]`))
  await expect(page.locator('.page-head__title:visible').innerText()).resolves.toBe('修改推荐')
  await expect(page.locator(`${tid('star-story')} textarea`).inputValue()).resolves.toBe(STORY_V1)
  await expect(page.locator(`${tid('star-name')} input`).inputValue()).resolves.toBe(DRAFT)

  await page.fill(`${tid('star-story')} textarea`, STORY_V2)
  await page.click(tid('star-save'))
  await page.waitForSelector(tid('star-form-note'))
  await expect(page.locator(tid('star-form-note')).innerText()).resolves.toBe('✓ 草稿已保存')
  expect(await nomination(draftId)).toMatchObject({ status: 'draft', story: STORY_V2 })
  // Saved again in place: still one nomination of that name.
  expect(await docs('nominations', { weekId: WEEK, name: DRAFT })).toHaveLength(1)

  await page.click(tid('star-consent'))
  await page.click(tid('star-submit'))
  await page.waitForSelector(tid('star-edit-done', `[data-id="${draftId}"][data-status="nominated"]`))
  await expect(page.locator(tid('star-edit-done')).innerText()).resolves.toContain('已提交推荐')
  const stored = await nomination(draftId)
  expect(stored).toMatchObject({ status: 'nominated', story: STORY_V2 })
  expect(stored.nomineeConsentAt).toEqual(expect.anything())

  await page.click(tid('star-edit-back'))
  await page.waitForSelector(tid('star-row', `[data-id="${draftId}"][data-status="nominated"]`))
  expect(
    await page
      .locator(tid('star-row', `[data-id="${draftId}"]`))
      .locator(tid('star-edit'))
      .count(),
  ).toBe(0)
})
