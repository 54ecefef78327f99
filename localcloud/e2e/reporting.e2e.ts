// Reporting the 总结表 up, in a real Chromium against a fresh seeded local cloud (h5 build, bundled
// functions). Set-up through the functions: a province-level week with a city (甲市) over two
// districts and one district right under the province; the city's admin and a district organiser;
// one published activity in the district. Then in the browser: the organiser submits; the city admin
// sees it 已提交 in the city roll-up's table (the other district 未提交, counted live), opens the
// copy and returns it with a reason; the organiser sees 已退回修改 and the reason, edits and
// resubmits; the city admin confirms it and exports the city roll-up as PDF, then submits the city's
// roll-up, which the week's admin sees in the top table. The tests share one cloud and run in order.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { shanghaiDate } from '../../src/shared/domain/time'
import { launchBrowser, openAs, screenshot as keep } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const MIN = 60_000
const DAY = 24 * 60 * MIN
const ADMIN = 'dev-admin'
const ORGANISER = 'dev-organiser'
const CITY_ADMIN = 'e2e-city-admin'
const REASON = '典型案例缺少参与人数，请补充后重新提交。'
const FIRST_TEXT = '活动覆盖全区十个街道，长辈参与踊跃。'
const SECOND_TEXT = '活动覆盖全区十个街道，长辈参与踊跃，参与 120 人次。'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let weekId = ''
let cityCode = ''
let district = ''
let otherDistrict = ''
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
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-reporting-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })

  weekId = `rp${Date.now().toString(36)}`
  await must(
    'activity',
    'week.create',
    {
      id: weekId,
      name: '上报测试活动周',
      level: 'province',
      region: '测试省',
      theme: '终身学习 上报测试',
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
  // The units by name (codes generated): a city and its two districts.
  cityCode = (await must('staff', 'units.create', { weekId, name: '甲市', level: 'city' }, ADMIN)).unit.code
  district = (await must('staff', 'units.create', { weekId, name: '甲一区', level: 'district', cityCode }, ADMIN)).unit.code
  otherDistrict = (await must('staff', 'units.create', { weekId, name: '甲二区', level: 'district', cityCode }, ADMIN)).unit.code

  const db = cloud.sdkDb as any
  await db.collection('users').add({ data: { _id: CITY_ADMIN, roles: [{ role: 'cityAdmin', weekId, cityCode }], family: [] } })
  await db
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: db.command.push([{ role: 'organiser', weekId, districtCode: district }]) } })

  // One published activity in the district, so its figures are not all zero.
  const startAt = Math.ceil((Date.now() + DAY) / (5 * MIN)) * 5 * MIN
  const created = await must(
    'activity',
    'create',
    {
      weekId,
      districtCode: district,
      title: '甲一区·长辈手机课堂',
      type: 'smart_senior',
      topics: ['health'],
      audiences: ['seniors'],
      organizer: '甲一区社区学院',
      coOrganizers: [],
      mode: 'offline',
      venue: { name: '甲一区社区学校', address: '甲市甲一区幸福路1号' },
      onlineUrl: null,
      startAt,
      endAt: startAt + 90 * MIN,
      signup: { capacity: 30, opensAt: Date.now() - 60 * MIN, closesAt: startAt, cancelDeadline: startAt - 10 * MIN, fields: ['name'] },
      description: '上报测试用活动。',
    },
    ORGANISER,
  )
  await must('activity', 'publish', { id: created.activity.id }, ORGANISER)

  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`reporting e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

/** The organiser's 总结表 of the district. */
async function openDistrictSummary(): Promise<void> {
  await organiser.goto(`${cloud.gateway.url}/#/organiser/summary/index?weekId=${weekId}&districtCode=${district}`)
  await organiser.reload()
  await organiser.waitForSelector(tid('summary-editor', `[data-scope="${district}"]`))
}

/** Submits from the summary page after the in-place confirmation; waits for 已提交. */
async function submitFromPage(page: Page): Promise<void> {
  await page.click(tid('summary-submit'))
  await expect(page.locator(tid('summary-submit-box')).innerText()).resolves.toContain('不能再编辑')
  await page.click(tid('summary-submit-confirm'))
  await page.waitForSelector(tid('summary-submission', '[data-status="submitted"]'))
}

test('the district organiser submits the 总结表 to the city; it is locked while submitted', async () => {
  organiser = await openAs(browser, cloud.gateway.url, ORGANISER)
  await openDistrictSummary()
  await expect(organiser.locator(tid('summary-status')).innerText()).resolves.toContain('未提交')
  await expect(organiser.locator(tid('summary-parent')).innerText()).resolves.toBe('上报给 甲市')
  await organiser.fill(`${tid('summary-typed-selfAssessment')} textarea`, FIRST_TEXT)
  await organiser.waitForSelector(tid('summary-save-state', '[data-dirty="true"]'))
  // Submitting saves what was typed first.
  await submitFromPage(organiser)
  await organiser.waitForSelector(tid('summary-submit-done'))
  await expect(organiser.locator(tid('summary-locked')).innerText()).resolves.toContain('甲市退回修改后才能再编辑')
  // Read-only: the text without an editor, no save button, no submit button.
  await expect(organiser.locator(tid('summary-text-selfAssessment')).innerText()).resolves.toBe(FIRST_TEXT)
  expect(await organiser.locator(tid('summary-typed-selfAssessment')).count()).toBe(0)
  expect(await organiser.locator(tid('summary-save')).count()).toBe(0)
  expect(await organiser.locator(tid('summary-submit')).count()).toBe(0)
  expect(await organiser.locator(tid('submission-event', '[data-action="submit"]')).count()).toBe(1)
  await organiser.evaluate(() => window.scrollTo(0, 0))
  await screenshot(organiser, 'reporting-district-submitted')

  const stored = await must('stats', 'summary', { weekId, districtCode: district }, ORGANISER)
  expect(stored.submission).toMatchObject({ status: 'submitted', version: 1, canSubmit: false })
  expect(stored.rows.find((r: { key: string }) => r.key === 'selfAssessment').typed).toBe(FIRST_TEXT)
})

test('the city admin sees it 已提交 in the roll-up table, opens it and returns it with a reason', async () => {
  cityAdmin = await openAs(browser, cloud.gateway.url, CITY_ADMIN)
  // Without codes the page opens on the city's roll-up.
  await cityAdmin.goto(`${cloud.gateway.url}/#/organiser/summary/index?weekId=${weekId}`)
  await cityAdmin.waitForSelector(tid('summary-editor', '[data-level="city"]'))
  await expect(cityAdmin.locator(tid('summary-unit-name')).innerText()).resolves.toContain('甲市')
  expect(await cityAdmin.locator(tid(`org-city-${cityCode}`)).getAttribute('data-selected')).toBe('true')
  const row = cityAdmin.locator(tid('summary-unit', `[data-unit="${district}"]`))
  await expect(row.getAttribute('data-status')).resolves.toBe('submitted')
  await expect(row.locator(tid('summary-unit-status')).innerText()).resolves.toContain('已提交')
  await expect(row.innerText()).resolves.toContain('活动 1 项')
  const other = cityAdmin.locator(tid('summary-unit', `[data-unit="${otherDistrict}"]`))
  await expect(other.getAttribute('data-status')).resolves.toBe('draft')
  await expect(other.innerText()).resolves.toContain('未提交，数据为实时统计')
  // The city's 自我评价 starts from the district's submitted text; that alone is not a change.
  await expect(cityAdmin.locator(`${tid('summary-typed-selfAssessment')} textarea`).inputValue()).resolves.toContain(FIRST_TEXT)
  await expect(cityAdmin.locator(tid('summary-composed-selfAssessment')).innerText()).resolves.toBe('根据各单位提交内容汇总，可修改')
  await cityAdmin.waitForTimeout(3000)
  expect(await cityAdmin.locator(tid('summary-save-state')).getAttribute('data-dirty')).toBe('false')
  await cityAdmin.locator(tid('summary-row-selfAssessment')).scrollIntoViewIfNeeded()
  await screenshot(cityAdmin, 'reporting-city-composed')
  await cityAdmin.locator(tid('summary-units')).scrollIntoViewIfNeeded()
  await screenshot(cityAdmin, 'reporting-city-units')

  await row.click()
  await cityAdmin.waitForSelector(tid('submission-copy', '[data-status="submitted"]'))
  await expect(cityAdmin.locator(tid('submission-unit')).innerText()).resolves.toContain('甲一区')
  await expect(cityAdmin.locator(tid('summary-text-selfAssessment')).innerText()).resolves.toBe(FIRST_TEXT)
  await screenshot(cityAdmin, 'reporting-submission')

  // A reason is needed: checked on the page before anything is sent.
  await cityAdmin.click(tid('submission-return'))
  await cityAdmin.click(tid('submission-return-send'))
  await expect(cityAdmin.locator(tid('submission-reason-field-error')).innerText()).resolves.toContain('至少 2 个字')
  expect((await must('stats', 'summary.submission', { weekId, districtCode: district }, CITY_ADMIN)).submission.status).toBe('submitted')
  await cityAdmin.fill(`${tid('submission-reason')} textarea`, REASON)
  await cityAdmin.locator(tid('submission-review')).scrollIntoViewIfNeeded()
  await screenshot(cityAdmin, 'reporting-return-reason')
  await cityAdmin.click(tid('submission-return-send'))
  await cityAdmin.waitForSelector(tid('submission-copy', '[data-status="returned"]'))
  await expect(cityAdmin.locator(tid('submission-done')).innerText()).resolves.toContain('已退回修改')
  await expect(cityAdmin.locator(tid('submission-status')).innerText()).resolves.toContain('已退回修改')
  expect(await cityAdmin.locator(tid('submission-review')).count()).toBe(0)
})

test('the district sees 已退回修改 and the reason, edits and resubmits', async () => {
  await openDistrictSummary()
  await organiser.waitForSelector(tid('summary-submission', '[data-status="returned"]'))
  await expect(organiser.locator(tid('summary-status')).innerText()).resolves.toContain('已退回修改')
  await expect(organiser.locator(tid('summary-return-reason')).innerText()).resolves.toBe(`退回原因：${REASON}`)
  expect(await organiser.locator(tid('summary-locked')).count()).toBe(0)
  const history = await organiser.locator(tid('submission-event')).evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
  expect(history).toEqual(['submit', 'return'])
  await screenshot(organiser, 'reporting-district-returned')

  await organiser.fill(`${tid('summary-typed-selfAssessment')} textarea`, SECOND_TEXT)
  await submitFromPage(organiser)
  await expect(organiser.locator(tid('summary-text-selfAssessment')).innerText()).resolves.toBe(SECOND_TEXT)
  const stored = await must('stats', 'summary', { weekId, districtCode: district }, ORGANISER)
  expect(stored.submission).toMatchObject({ status: 'submitted', version: 2 })
  // The unit opens its own submitted copy, read-only (no review for it).
  await organiser.click(tid('summary-open-copy'))
  await organiser.waitForSelector(tid('submission-copy', '[data-status="submitted"][data-version="2"]'))
  await expect(organiser.locator(tid('summary-text-selfAssessment')).innerText()).resolves.toBe(SECOND_TEXT)
  expect(await organiser.locator(tid('submission-review')).count()).toBe(0)
})

test('the city admin confirms the resubmission, then exports the city roll-up as PDF', async () => {
  await cityAdmin.goto(`${cloud.gateway.url}/#/organiser/submission/index?weekId=${weekId}&districtCode=${district}`)
  await cityAdmin.reload()
  await cityAdmin.waitForSelector(tid('submission-copy', '[data-status="submitted"][data-version="2"]'))
  await expect(cityAdmin.locator(tid('summary-text-selfAssessment')).innerText()).resolves.toBe(SECOND_TEXT)
  await cityAdmin.click(tid('submission-confirm'))
  await cityAdmin.click(tid('submission-confirm-confirm'))
  await cityAdmin.waitForSelector(tid('submission-copy', '[data-status="confirmed"]'))
  await expect(cityAdmin.locator(tid('submission-done')).innerText()).resolves.toContain('已确认')
  const history = await cityAdmin.locator(tid('submission-event')).evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
  expect(history).toEqual(['submit', 'return', 'submit', 'confirm'])
  await cityAdmin.evaluate(() => window.scrollTo(0, 0))
  await screenshot(cityAdmin, 'reporting-submission-confirmed')

  // The submitted copy as PDF (its content is the export's own tests' business: a PDF, named, said done).
  const copy = cityAdmin.waitForEvent('download', { timeout: 60_000 })
  await cityAdmin.click(tid('submission-export-pdf'))
  const copyFile = await copy
  expect(copyFile.suggestedFilename().endsWith('.pdf')).toBe(true)
  expect(
    readFileSync(await copyFile.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-')
  await expect(cityAdmin.locator(tid('submission-done')).innerText()).resolves.toMatch(/^✓ 已生成 .+\.pdf$/)

  // The city's roll-up: the district 已确认; the table exported as PDF.
  await cityAdmin.goto(`${cloud.gateway.url}/#/organiser/summary/index?weekId=${weekId}&cityCode=${cityCode}`)
  await cityAdmin.reload()
  await cityAdmin.waitForSelector(tid('summary-editor', '[data-level="city"]'))
  await expect(cityAdmin.locator(tid('summary-unit', `[data-unit="${district}"]`)).getAttribute('data-status')).resolves.toBe('confirmed')
  const download = cityAdmin.waitForEvent('download', { timeout: 60_000 })
  await cityAdmin.click(tid('summary-export-pdf'))
  const file = await download
  expect(file.suggestedFilename().endsWith('.pdf')).toBe(true)
  const bytes = readFileSync(await file.path())
  expect(bytes.length).toBeGreaterThan(5000)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await expect(cityAdmin.locator(tid('summary-export-done')).innerText()).resolves.toMatch(/^✓ 已生成 .+\.pdf$/)
  await cityAdmin.locator(tid('summary-export')).scrollIntoViewIfNeeded()
  await screenshot(cityAdmin, 'reporting-city-export')
  await organiser.context().close()
})

test("the city submits its roll-up; the week's admin sees it in the top table, with nobody above to submit to", async () => {
  await cityAdmin.evaluate(() => window.scrollTo(0, 0))
  await expect(cityAdmin.locator(tid('summary-parent')).innerText()).resolves.toBe('上报给 测试省')
  await submitFromPage(cityAdmin)
  await cityAdmin.context().close()

  const admin = await openAs(browser, cloud.gateway.url, ADMIN)
  await admin.goto(`${cloud.gateway.url}/#/organiser/summary/index?weekId=${weekId}`)
  await admin.waitForSelector(tid('summary-editor', '[data-level="top"]'))
  await expect(admin.locator(tid('summary-top-note')).innerText()).resolves.toContain('盖章后扫描')
  expect(await admin.locator(tid('summary-submit')).count()).toBe(0)
  expect(await admin.locator(tid('summary-status')).count()).toBe(0)
  const city = admin.locator(tid('summary-unit', `[data-unit="${cityCode}"]`))
  await expect(city.getAttribute('data-status')).resolves.toBe('submitted')
  await expect(admin.locator(tid('summary-unit', '[data-unit="zhishu"]')).getAttribute('data-source')).resolves.toBe('live')
  await admin.locator(tid('summary-units')).scrollIntoViewIfNeeded()
  await screenshot(admin, 'reporting-top-units')
  // The city's copy opens for the week's admin, to review.
  await city.click()
  await admin.waitForSelector(tid('submission-copy', `[data-unit="${cityCode}"][data-status="submitted"]`))
  await admin.waitForSelector(tid('submission-review'))
  await admin.context().close()
})
