// 我的信息 (issue 15) in a real Chromium against a fresh seeded local cloud (h5 build): the seeded
// resident opens 我的 → 我的信息 and reads their profile, family and registrations in care mode, and
// exports them as a .docx; self-nominated as a 百姓学习之星 and having liked a recognition, they read
// both under 学习之星推荐 (care mode); a fresh resident made here through the gateway deletes their
// data (the warning names the upcoming registrations, they are cancelled, the page then holds
// nothing), and another, offline at first, reads why it failed and finishes it with 继续删除; the
// organiser's week settings show the day the week's personal data is anonymised. The privacy
// function's mine, export and erase actions are needed for all but the last.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { ANONYMOUS_NAME, ERASED_OPENID, PRIVACY_VERSION, retentionDate } from '../../src/shared/domain/privacy'
import { launchBrowser, openAs, openTab, screenshot as keep } from './browser'
import { careMeasure } from './care'
import { keepAhead } from './ahead'

const ROOT = path.resolve(__dirname, '..', '..')
const RESIDENT = 'dev-resident' // 刘思雨, seeded with a profile
const ADMIN = 'dev-admin'
const FRESH = 'e2e-mydata-erase' // made in the delete tests (and e2e-mydata-offline): no other test's persona is touched
const SELF_ACTIVITY = 'nc2026-donghu-03' // 守好“养老钱”, 120 seats
const PARENT_ACTIVITY = 'nc2026-donghu-02' // 智慧助老·智慧出行, 20 seats
const PARENT = '王秀兰'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
const started = Date.now()

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

/** A screenshot once the page's slide-in animation has finished. */
async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}

interface Envelope {
  ok: boolean
  data?: any
  code?: string
}

/** A call through the gateway's POST /api/call as `openid`, as the h5 app makes it; refused = thrown. */
async function must(fn: string, action: string, input: unknown, openid: string) {
  const res = await fetch(`${cloud.gateway.url}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ fn, action, input }),
  })
  const body = (await res.json()) as Envelope
  if (!body.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(body)}`)
  return body.data
}

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(100).get()) as unknown as { data: T[] }
  return res.data
}

/** A resident who agreed to the guide, with a parent, signed up for one activity themself and one for the parent. */
async function residentWithData(openid: string, profile?: Record<string, string>): Promise<string[]> {
  await must('privacy', 'consent.record', { version: PRIVACY_VERSION }, openid)
  const self = await must('signup', 'create', { activityId: SELF_ACTIVITY, ...(profile ? { profile } : {}) }, openid)
  const member = (await must('signup', 'family.add', { name: PARENT, ageGroup: '70+', relation: 'parent' }, openid)).member
  const proxy = await must('signup', 'create', { activityId: PARENT_ACTIVITY, personId: member.id }, openid)
  return [self.registration.id, proxy.registration.id]
}

/** Waits for 我的信息 to finish loading and expects it loaded (a refusal fails with its code, e.g. UNKNOWN_ACTION). */
async function myDataReady(page: Page) {
  const box = page.locator(tid('my-data', ':not([data-status="loading"])'))
  await box.waitFor()
  const status = await box.getAttribute('data-status')
  const code = status === 'error' ? await page.locator(tid('state-error')).getAttribute('data-code') : null
  expect({ status, code }).toEqual({ status: 'ready', code: null })
}

/** 我的信息 as `page` shows it, loaded. */
async function openMyData(page: Page) {
  await page.goto(`${cloud.gateway.url}/#/account/data/index`)
  await page.reload()
  await myDataReady(page)
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-mydata-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [SELF_ACTIVITY, PARENT_ACTIVITY])
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`mydata e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('我的 → 我的信息: the resident reads their profile, family and registrations, in care mode', async () => {
  await residentWithData(RESIDENT)
  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.waitForSelector(tid('care-toggle'))
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await openTab(page, '我的')
  await page.click(tid('entry-my-data'))
  await myDataReady(page)
  await page.waitForSelector(tid('my-data-page', '[data-care="on"]'))

  const profile = await page.locator(tid('my-data-profile-card')).innerText()
  for (const text of ['刘思雨', '13800001021', '18-39岁', '东湖区百花洲街道松柏巷社区', '城乡社区居民']) expect(profile).toContain(text)
  expect(await page.locator(tid('my-data-member')).getAttribute('data-name')).toBe(PARENT)
  expect(await page.locator(tid('my-data-member')).innerText()).toContain('父母')
  const regs = page.locator(tid('my-data-registration'))
  expect(await regs.evaluateAll((els) => els.map((e) => e.getAttribute('data-person')).sort())).toEqual([PARENT, '刘思雨'].sort())
  const parentReg = await page.locator(tid('my-data-registration', `[data-person="${PARENT}"]`)).innerText()
  expect(parentReg).toContain('代报名')
  expect(parentReg).toContain('未签到')
  expect(await page.locator(tid('my-data-consent-text')).getAttribute('data-version')).toBe(String(PRIVACY_VERSION))
  // Sections with nothing in them say so.
  await page.waitForSelector(tid('my-data-ratings-empty'))
  await screenshot(page, 'mydata-care')

  const m = await careMeasure(page, '[data-testid="my-data-page"]')
  console.log('my data care measurements', JSON.stringify(m))
  expect({ min: m.min >= 18, max: m.max >= 30, lh: m.minLineHeight >= 1.3, small: m.small }).toEqual({
    min: true,
    max: true,
    lh: true,
    small: [],
  })

  // 导出我的信息: privacy.export, then the browser's download (openExport in h5).
  const download = page.waitForEvent('download', { timeout: 30_000 })
  await page.click(tid('my-data-export'))
  const file = await download
  expect(file.suggestedFilename().endsWith('.docx')).toBe(true)
  const bytes = readFileSync(await file.path())
  expect(bytes.length).toBeGreaterThan(1000)
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  await page.waitForSelector(tid('my-data-exported'))
  await page.context().close()
})

test('学习之星推荐: the resident reads their self-nomination with the contact they gave, and their like, in care mode', async () => {
  // Self-nomination opened for the seeded week; a 国家级 recognition recorded (published) to like.
  await must('stars', 'settings.set', { weekId: 'nc2026', selfNomination: true, vote: null }, ADMIN)
  const input = {
    weekId: 'nc2026',
    kind: 'star',
    districtCode: 'donghu',
    name: '刘思雨',
    story: '刘思雨坚持每周到社区学习中心参加读书会，带着邻居一起学用智能手机，三年来从未间断。',
    contactName: '刘思雨',
    contactPhone: '13800001021',
    nomineeConsent: true,
  }
  const own = (await must('stars', 'save', input, RESIDENT)).nomination.id as string
  await must('stars', 'nominate', { id: own }, RESIDENT)
  const recorded = await must(
    'stars',
    'record',
    {
      ...input,
      kind: 'project',
      districtCode: 'xihu',
      name: '西湖区社区老年大学',
      unitName: '西湖区教育体育局',
      story: '西湖区社区老年大学办学十年，开设书法、智能手机、健康养生等课程，每年服务老年学员五千余人次。',
      contactName: '刘强',
      contactPhone: '13800002222',
      level: 'national',
      year: 2025,
      by: '教育部',
    },
    ADMIN,
  )
  await must('stars', 'like', { id: recorded.nomination.id }, RESIDENT)

  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.waitForSelector(tid('care-toggle'))
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await openMyData(page)
  await page.waitForSelector(tid('my-data-page', '[data-care="on"]'))
  expect(await page.locator(tid('my-data-nominations')).getAttribute('data-count')).toBe('1')
  const card = page.locator(tid('my-data-nomination', `[data-id="${own}"]`))
  const text = await card.innerText()
  for (const words of ['刘思雨', '百姓学习之星', '东湖区', '已推荐至县区', '本人自荐', '13800001021']) expect(text).toContain(words)
  // Someone else's recognition (its contact) is not the resident's.
  expect(await page.locator(tid('my-data-sections')).innerText()).not.toContain('刘强')
  const likes = page.locator(tid('my-data-star-likes-text'))
  expect(await likes.getAttribute('data-count')).toBe('1')
  expect(await likes.innerText()).toContain('点赞、投票 1 次')
  await page.locator(tid('my-data-nominations')).scrollIntoViewIfNeeded()
  await screenshot(page, 'mydata-stars-care')
  const m = await careMeasure(page, '[data-testid="my-data-nominations"]')
  expect({ min: m.min >= 18, lh: m.minLineHeight >= 1.3, small: m.small }).toEqual({ min: true, lh: true, small: [] })
  await page.context().close()
})

test('删除我的信息: the warning names the upcoming registrations; confirmed, they are cancelled and the page holds nothing', async () => {
  const profile = {
    name: '邹晓梅',
    phone: '13800009901',
    ageGroup: '40-59',
    community: '东湖区百花洲街道松柏巷社区',
    audience: 'residents',
  }
  const registrationIds = await residentWithData(FRESH, profile)
  const page = await openAs(browser, cloud.gateway.url, FRESH)
  await openMyData(page)
  expect(await page.locator(tid('my-data-profile-card')).innerText()).toContain('邹晓梅')

  await page.click(tid('erase-start'))
  await page.waitForSelector(tid('erase-warning', '[data-upcoming="2"]'))
  expect(await page.locator(tid('erase-upcoming')).innerText()).toContain('2 个尚未开始的报名')
  await page.locator(tid('erase-warning')).scrollIntoViewIfNeeded()
  await screenshot(page, 'mydata-erase-warning')
  // Changing one's mind deletes nothing.
  await page.locator(tid('erase-keep')).evaluate((el) => (el as HTMLElement).click())
  await page.waitForTimeout(300)
  console.log(
    'DEBUG prog-first',
    await page.locator('[data-testid^="erase-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
  )
  await page.waitForSelector(tid('erase-start'))
  expect((await docs<{ profile?: unknown }>('users', { _id: FRESH }))[0].profile).toBeDefined()

  await page.click(tid('erase-start'))
  await page.click(tid('erase-confirm'))
  await page.waitForSelector(tid('erase-done'), { timeout: 30_000 })
  await page.waitForSelector(tid('my-data', '[data-status="ready"]'))
  await page.waitForSelector(tid('my-data-profile', '[data-empty="true"]'))
  expect(await page.locator(tid('my-data-family')).getAttribute('data-count')).toBe('0')
  expect(await page.locator(tid('my-data-registrations')).getAttribute('data-count')).toBe('0')
  await page.waitForSelector(tid('my-data-nothing'))
  expect(await page.locator(tid('erase-done')).innerText()).toContain('已取消 2 个')
  await screenshot(page, 'mydata-erase-done')

  // Stored: no profile or family; the two registrations cancelled and no longer the account's or named.
  const [user] = await docs<{ profile?: unknown; family?: unknown[] }>('users', { _id: FRESH })
  expect(user?.profile ?? null).toBeNull()
  expect(user?.family ?? []).toEqual([])
  for (const id of registrationIds) {
    const [reg] = await docs<{ status: string; openid: string; person: { name: string; phone?: string | null } }>('registrations', {
      _id: id,
    })
    expect({ status: reg.status, openid: reg.openid, name: reg.person.name, phone: reg.person.phone ?? null }).toEqual({
      status: 'cancelled',
      openid: ERASED_OPENID,
      name: ANONYMOUS_NAME,
      phone: null,
    })
  }
  await page.context().close()
})

test('删除我的信息 without a network: the failure is said in Chinese, nothing is lost, and 继续删除 finishes it', async () => {
  const openid = 'e2e-mydata-offline'
  const profile = { name: '喻建国', phone: '13800009902', ageGroup: '60-69', community: '东湖区豫章街道贤士花园社区', audience: 'seniors' }
  await residentWithData(openid, profile)
  const page = await openAs(browser, cloud.gateway.url, openid)
  await openMyData(page)
  await page.click(tid('erase-start'))
  await page.waitForSelector(tid('erase-warning'))
  await page.route('**/api/call', (route) => route.abort('internetdisconnected'))
  await page.click(tid('erase-confirm'))
  await page.waitForSelector(tid('erase-failed'))
  expect(await page.locator(tid('erase-error')).getAttribute('data-code')).toBe('NETWORK')
  expect(await page.locator(tid('erase-failed')).innerText()).toContain('网络不太好')
  expect((await docs<{ profile?: { name: string } }>('users', { _id: openid }))[0].profile?.name).toBe('喻建国')
  await page.unroute('**/api/call')
  await page.click(tid('erase-retry'))
  await page.waitForSelector(tid('erase-done'), { timeout: 30_000 })
  await page.waitForSelector(tid('my-data-profile', '[data-empty="true"]'))
  expect((await docs<{ profile?: unknown }>('users', { _id: openid }))[0]?.profile ?? null).toBeNull()
  await page.context().close()
})

test('活动周设置: the retention days and the day the personal data is anonymised, live as they change', async () => {
  const page = await openAs(browser, cloud.gateway.url, ADMIN)
  await page.goto(`${cloud.gateway.url}/#/organiser/week/index`)
  await page.reload()
  await page.click(tid('org-week-pick-nc2026'))
  await page.waitForSelector(tid('org-week-editor', '[data-week="nc2026"]'))
  const [week] = await docs<{ summaryDeadline: string }>('weeks', { _id: 'nc2026' })
  const dateOf = async () => page.locator(tid('org-week-retention-date')).getAttribute('data-date')
  const words = (day: string) => {
    const [y, m, d] = day.split('-').map(Number)
    return `个人信息将于 ${y}年${m}月${d}日 匿名化`
  }

  expect(await page.locator(`${tid('org-week-retention')} input`).inputValue()).toBe('180')
  expect(await dateOf()).toBe(retentionDate(week.summaryDeadline, 180))
  expect(await page.locator(tid('org-week-retention-date')).innerText()).toBe(words(retentionDate(week.summaryDeadline, 180)))

  await page.fill(`${tid('org-week-retention')} input`, '365')
  await page.waitForFunction(
    (d) => document.querySelector('[data-testid="org-week-retention-date"]')?.getAttribute('data-date') === d,
    retentionDate(week.summaryDeadline, 365),
  )
  expect(await page.locator(tid('org-week-retention-date')).innerText()).toBe(words(retentionDate(week.summaryDeadline, 365)))
  await page.locator(tid('org-week-retention-row')).scrollIntoViewIfNeeded()
  await screenshot(page, 'mydata-week-retention')

  // Out of range: said in place, nothing sent.
  await page.fill(`${tid('org-week-retention')} input`, '10')
  await page.waitForSelector(tid('org-week-retention-row', '[data-error="true"]'))
  await page.click(tid('org-week-save'))
  await page.waitForSelector(tid('org-week-error'))
  expect((await docs<{ retentionDays?: number }>('weeks', { _id: 'nc2026' }))[0].retentionDays).toBeUndefined()

  await page.fill(`${tid('org-week-retention')} input`, '365')
  await page.click(tid('org-week-save'))
  await page.waitForSelector(tid('org-week-done'))
  expect((await docs<{ retentionDays?: number }>('weeks', { _id: 'nc2026' }))[0].retentionDays).toBe(365)

  // Once the privacy timer has anonymised the week, the page says when.
  await cloud.sdkDb
    .collection('weeks')
    .doc('nc2026')
    .update({ data: { retention: { doneAt: new Date(Date.UTC(2027, 11, 10, 2, 0)) } } })
  await page.reload()
  await page.click(tid('org-week-pick-nc2026'))
  await page.waitForSelector(tid('org-week-anonymised'))
  expect(await page.locator(tid('org-week-anonymised')).innerText()).toContain('已于 2027年12月10日 完成匿名化')
  await page.context().close()
})
