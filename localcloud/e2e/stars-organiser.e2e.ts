// 学习之星与品牌项目, the organiser's side, in a real Chromium against a fresh seeded local cloud (h5
// build, bundled functions). Set-up through the functions: a province-level week with a city (甲市)
// over a district (甲一区), the city's admin and the district's organiser. In the browser: the
// organiser nominates a star with a photo and the nominee's consent (a flagged word in the story is
// refused with its message first, nothing handed on), then recommends it for the district; the city
// admin sets the city's places, selects it (已入选 1 / 名额 1), publishes it and exports the list; the week's admin sees
// every district with the top's places and opens self-nomination and a vote phase. The tests share
// one cloud and run in order.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { shanghaiDate } from '../../src/shared/domain/time'
import { launchBrowser, openAs, screenshot as keep } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const DAY = 24 * 60 * 60_000
const ADMIN = 'dev-admin'
const ORGANISER = 'dev-organiser'
const CITY_ADMIN = 'e2e-stars-city-admin'
const STORY = '王秀兰退休后坚持在社区学校学习书法和智能手机，十年来组织长辈学习小组三十余场，带动邻里一起读书学习。'
const FLAGGED = `${STORY}违规测试词`

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let weekId = ''
let cityCode = ''
let district = ''
let nominationId = ''
let organiser: Page
let cityAdmin: Page
const started = Date.now()

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

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-stars-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })

  weekId = `st${Date.now().toString(36)}`
  await must(
    'activity',
    'week.create',
    {
      id: weekId,
      name: '学习之星测试活动周',
      level: 'province',
      region: '测试省',
      theme: '终身学习 学习之星',
      startDate: shanghaiDate(Date.now()),
      endDate: shanghaiDate(Date.now() + 6 * DAY),
      districts: [{ code: 'zhishu', name: '省直学校' }],
      summaryDeadline: shanghaiDate(Date.now() + 12 * DAY),
      organiser: '测试省教育厅',
      contacts: [{ name: '联系人', unit: '测试省教育厅', phone: '0791-00000000' }],
      status: 'published',
    },
    ADMIN,
  )
  cityCode = (await must('staff', 'units.create', { weekId, name: '甲市', level: 'city' }, ADMIN)).unit.code
  district = (await must('staff', 'units.create', { weekId, name: '甲一区', level: 'district', cityCode }, ADMIN)).unit.code

  const db = cloud.sdkDb as any
  await db.collection('users').add({ data: { _id: CITY_ADMIN, roles: [{ role: 'cityAdmin', weekId, cityCode }], family: [] } })
  await db
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: db.command.push([{ role: 'organiser', weekId, districtCode: district }]) } })

  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`stars organiser e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

async function openList(page: Page, query: string): Promise<void> {
  await page.goto(`${cloud.gateway.url}/#/organiser/stars/index?${query}`)
  await page.reload()
  await page.waitForSelector(tid('stars-list', '[data-status="ready"]'))
}

test('the organiser sees the empty list, then nominates a star with a photo; a flagged story is refused with its message', async () => {
  organiser = await openAs(browser, cloud.gateway.url, ORGANISER)
  await openList(organiser, `weekId=${weekId}&districtCode=${district}`)
  await expect(organiser.locator(tid('state-empty')).innerText()).resolves.toContain('还没有推荐…')
  expect(await organiser.locator(tid('stars-places')).count()).toBe(0)
  const png = await organiser.locator('.page-head:visible').screenshot()

  await organiser.click(tid('stars-nominate'))
  await organiser.waitForSelector(tid('star-form'))
  expect(await organiser.locator(tid('star-district', `[data-value="${district}"]`)).count()).toBe(1)
  await organiser.fill(`${tid('star-name')} input`, '王秀兰')
  await organiser.fill(`${tid('star-unit')} input`, '甲一区幸福街道')
  await organiser.fill(`${tid('star-story')} textarea`, FLAGGED)
  await expect(organiser.locator(tid('star-story-count')).innerText()).resolves.toBe(`${Array.from(FLAGGED).length} / 2000 字`)
  await organiser.fill(`${tid('star-contact-name')} input`, '万丽娟')
  await organiser.fill(`${tid('star-contact-phone')} input`, '0791-86000000')

  const chooser = organiser.waitForEvent('filechooser')
  await organiser.click(tid('star-photos-add'))
  await (await chooser).setFiles([{ name: 'star-1.png', mimeType: 'image/png', buffer: png }])
  await organiser.waitForSelector(tid('star-photos', '[data-count="1"][data-uploading="false"]'), { timeout: 15_000 })

  // Without the nominee's consent nothing is sent: the box says so at the field.
  await organiser.click(tid('star-submit'))
  await organiser.waitForSelector(tid('star-consent-field-error'))
  await expect(organiser.locator(tid('star-consent-field-error')).innerText()).resolves.toContain('请先取得被推荐人本人同意')
  await organiser.click(tid('star-consent'))
  await organiser.waitForSelector(tid('star-consent', '[data-checked="true"]'))

  // The flagged word: refused with its message, the nomination not handed on.
  await organiser.click(tid('star-submit'))
  const error = organiser.locator(tid('star-form-error'))
  await error.waitFor()
  await expect(error.getAttribute('data-code')).resolves.toBe('CONTENT_FLAGGED')
  await expect(error.innerText()).resolves.toContain('内容未通过安全检测，请修改后再提交')
  await error.scrollIntoViewIfNeeded()
  await screenshot(organiser, 'stars-form-flagged')
  nominationId = (await organiser.locator(tid('star-form')).getAttribute('data-id')) ?? ''
  if (nominationId) {
    const stored = await must('stars', 'get', { id: nominationId }, ORGANISER)
    expect(stored.nomination.status).toBe('draft')
  }

  await organiser.fill(`${tid('star-story')} textarea`, STORY)
  await organiser.click(tid('star-submit'))
  await organiser.waitForSelector(tid('star-edit-done', '[data-status="nominated"]'))
  nominationId = (await organiser.locator(tid('star-edit-done')).getAttribute('data-id')) ?? ''
  const stored = (await must('stars', 'get', { id: nominationId }, ORGANISER)).nomination
  expect(stored).toMatchObject({ status: 'nominated', kind: 'star', districtCode: district, name: '王秀兰', story: STORY })
  expect(stored.nomineeConsentAt).toEqual(expect.any(Number))
  expect(stored.photos).toHaveLength(1)
  expect(stored.photos[0]).toMatch(new RegExp(`^cloud://[^/]+/stars/${weekId}/${district}/`))
})

test('the district recommends it', async () => {
  await organiser.click(tid('star-edit-back'))
  await organiser.waitForSelector(tid('stars-list', '[data-status="ready"][data-count="1"]'))
  const row = organiser.locator(tid('star-row', `[data-id="${nominationId}"]`))
  await expect(row.locator(tid('star-row-status')).innerText()).resolves.toBe('已推荐至县区')
  await expect(row.innerText()).resolves.toContain('万丽娟 0791-86000000')
  // A decline needs a reason, checked before anything is sent.
  await row.locator(tid('star-decline-open')).click()
  await row.locator(tid('star-decline-confirm')).click()
  await row.locator(tid('star-decline-reason-field-error')).waitFor()
  await expect(row.locator(tid('star-decline-reason-field-error')).innerText()).resolves.toContain('至少 2 个字')
  await row.locator(tid('star-decline-keep')).click()
  await row.locator(tid('star-recommend')).click()
  await organiser.waitForSelector(tid('star-row', `[data-id="${nominationId}"][data-status="recommended"]`))
  await expect(row.locator(tid('star-row-status')).innerText()).resolves.toBe('县区已推荐')
  await organiser.evaluate(() => window.scrollTo(0, 0))
  await screenshot(organiser, 'stars-list-district')
  expect((await must('stars', 'get', { id: nominationId }, ORGANISER)).nomination.status).toBe('recommended')
})

test('the city admin sets the places, selects it within them and publishes it', async () => {
  cityAdmin = await openAs(browser, cloud.gateway.url, CITY_ADMIN)
  // Without a district the page opens on the city.
  await openList(cityAdmin, `weekId=${weekId}`)
  expect(await cityAdmin.locator(tid(`org-city-${cityCode}`)).getAttribute('data-selected')).toBe('true')
  const places = cityAdmin.locator(tid('stars-places'))
  await expect(places.getAttribute('data-city')).resolves.toBe(cityCode)
  await expect(places.locator(tid('stars-places-star')).innerText()).resolves.toContain('已入选 0 / 名额 0')
  const row = cityAdmin.locator(tid('star-row', `[data-id="${nominationId}"]`))

  // No places yet: the selection is refused with its message.
  await row.locator(tid('star-select')).click()
  await row.locator(tid('star-row-error', '[data-code="PLACES_FULL"]')).waitFor()
  await expect(row.locator(tid('star-row-error')).innerText()).resolves.toContain('评选名额已满')

  await cityAdmin.click(tid('stars-places-edit'))
  await cityAdmin.fill(`${tid('stars-places-star-input')} input`, '1')
  await cityAdmin.fill(`${tid('stars-places-project-input')} input`, '2')
  await cityAdmin.click(tid('stars-places-save'))
  await cityAdmin.waitForSelector('[data-testid="stars-places-form"]', { state: 'detached' })
  await expect(places.locator(tid('stars-places-star')).innerText()).resolves.toContain('已入选 0 / 名额 1')
  await expect(places.locator(tid('stars-places-project')).innerText()).resolves.toContain('已入选 0 / 名额 2')

  await row.locator(tid('star-select')).click()
  await cityAdmin.waitForSelector(tid('star-row', `[data-id="${nominationId}"][data-status="selected"]`))
  await expect(places.locator(tid('stars-places-star')).innerText()).resolves.toContain('已入选 1 / 名额 1')
  await expect(row.locator(tid('star-row-honours')).innerText()).resolves.toContain('市级')

  await row.locator(tid('star-publish')).click()
  await cityAdmin.waitForSelector(tid('star-row', `[data-id="${nominationId}"][data-status="published"]`))
  await expect(row.locator(tid('star-row-status')).innerText()).resolves.toBe('已公布')
  await cityAdmin.evaluate(() => window.scrollTo(0, 0))
  await screenshot(cityAdmin, 'stars-list-city')

  // 导出 Excel: stars.export, then the browser's download (openExport in h5).
  const download = cityAdmin.waitForEvent('download', { timeout: 30_000 })
  await cityAdmin.click(tid('stars-export'))
  const file = await download
  expect(file.suggestedFilename().endsWith('.xlsx')).toBe(true)
  expect(
    readFileSync(await file.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK')
  expect(await cityAdmin.locator(tid('stars-export-error')).count()).toBe(0)

  const stored = (await must('stars', 'get', { id: nominationId }, CITY_ADMIN)).nomination
  expect(stored.status).toBe('published')
  expect(stored.honours[0]).toMatchObject({ level: 'city' })
})

test('the week admin sees every district with the top’s places, and opens self-nomination and a vote phase', async () => {
  const admin = await openAs(browser, cloud.gateway.url, ADMIN)
  await openList(admin, `weekId=${weekId}`)
  expect(await admin.locator(tid('org-district-all')).getAttribute('data-selected')).toBe('true')
  await expect(admin.locator(tid('stars-places')).getAttribute('data-city')).resolves.toBe('')
  await expect(admin.locator(tid('star-row', `[data-id="${nominationId}"]`)).getAttribute('data-status')).resolves.toBe('published')

  await admin.waitForSelector(tid('stars-settings', '[data-status="ready"]'))
  await admin.click(tid('stars-self-on'))
  await admin.click(tid('stars-vote-on'))
  await admin.click(tid('stars-settings-save'))
  await admin.waitForSelector(tid('stars-settings-saved'))
  const today = shanghaiDate(Date.now())
  expect(await must('stars', 'settings.get', { weekId }, ADMIN)).toEqual({
    weekId,
    selfNomination: true,
    vote: { opensOn: today, closesOn: shanghaiDate(Date.now() + 6 * DAY) },
  })
})

test("the week admin's dashboard counts the published star, under its district", async () => {
  const admin = await openAs(browser, cloud.gateway.url, ADMIN)
  await admin.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await admin.waitForSelector(tid('org-week-selector'))
  await admin.click(tid(`org-week-${weekId}`))
  await admin.waitForSelector(tid('dash-honours', '[data-published="1"]'))
  await expect(admin.locator(tid('dash-honours-published')).getAttribute('data-value')).resolves.toBe('1')
  await expect(admin.locator(tid(`dash-honours-district-${district}`)).innerText()).resolves.toContain('公布')
  await screenshot(admin, 'stars-dashboard-counts')
})
