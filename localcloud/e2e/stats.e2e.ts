// Live attendance, the 总结表 and ratings in a real Chromium against a fresh seeded local cloud (h5
// build, bundled functions on the real wx-server-sdk). Set-up through the functions: a week from
// today run by dev-organiser, an activity inside its check-in window, the resident's sign-up and
// ticket, a volunteer invited to the door. Then in the browser: (a) the organiser's dashboard is open
// while the volunteer checks the resident in through checkin.scan; the activity's 已签到 and the
// week's total move by one within 5 s, without a reload; (b) the 总结表 shows the participants the
// stats function computes, and 自我评价 typed and saved survives a reload; (c) the resident, in care
// mode, rates the activity 满意 in 我的 and the organiser's 总结表 counts it.
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
const RESIDENT = 'dev-resident'
const VOLUNTEER = 'dev-volunteer'
const DISTRICT = 'east'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let weekId = ''
let activityId = ''
let registrationId = ''
let token = ''
let activityDay = ''
const started = Date.now()

interface Envelope {
  ok: boolean
  data?: any
  code?: string
}
const call = (fn: string, action: string, input: unknown, openid: string) =>
  invokeFunction(fn, { action, input }, openid) as Promise<Envelope>
async function must(fn: string, action: string, input: unknown, openid: string) {
  const res = await call(fn, action, input, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data
}

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`
const attr = (page: Page, id: string, name = 'data-value') => page.locator(tid(id)).first().getAttribute(name)

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-stats-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })

  weekId = `st${Date.now().toString(36)}`
  await must(
    'activity',
    'week.create',
    {
      id: weekId,
      name: '统计测试活动周',
      level: 'city',
      region: '统计市',
      theme: '终身学习 统计测试',
      startDate: shanghaiDate(Date.now()),
      endDate: shanghaiDate(Date.now() + 6 * DAY),
      districts: [{ code: DISTRICT, name: '东区' }],
      summaryDeadline: shanghaiDate(Date.now() + 12 * DAY),
      organiser: '统计市教育局',
      contacts: [{ name: '联系人', unit: '统计市教育局', phone: '0791-00000000' }],
      status: 'published',
    },
    ADMIN,
  )
  const db = cloud.sdkDb as any
  await db
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: db.command.push([{ role: 'organiser', weekId, districtCode: DISTRICT }]) } })

  // Starts in about 30 minutes: check-in (from 60 minutes before the start) is open now.
  const startAt = Math.ceil((Date.now() + 30 * MIN) / (5 * MIN)) * 5 * MIN
  activityDay = shanghaiDate(startAt)
  const created = await must(
    'activity',
    'create',
    {
      weekId,
      districtCode: DISTRICT,
      title: '智慧助老·手机挂号体验课',
      type: 'smart_senior',
      topics: ['health'],
      audiences: ['seniors', 'residents'],
      organizer: '东区社区学院',
      coOrganizers: ['东区图书馆'],
      mode: 'offline',
      venue: { name: '东区社区学校', address: '统计市东区花园街道幸福社区一路1号' },
      onlineUrl: null,
      startAt,
      endAt: startAt + 90 * MIN,
      signup: {
        capacity: 30,
        opensAt: Date.now() - 60 * MIN,
        closesAt: startAt,
        cancelDeadline: startAt - 10 * MIN,
        fields: ['name', 'phone'],
      },
      description: '统计测试用活动。',
    },
    ORGANISER,
  )
  activityId = created.activity.id
  await must('activity', 'publish', { id: activityId }, ORGANISER)
  const signed = await must('signup', 'create', { activityId }, RESIDENT)
  registrationId = signed.registration.id
  token = (await must('signup', 'ticket', { registrationId }, RESIDENT)).token

  // The organiser invites a volunteer to the door.
  const invite = await must('checkin', 'invite.create', { activityIds: [activityId], expiresAt: Date.now() + DAY }, ORGANISER)
  await must('checkin', 'invite.redeem', { code: invite.code }, VOLUNTEER)

  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`stats e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

/** The organiser's dashboard on the test week, district and the activity's day. */
async function openDashboard(): Promise<Page> {
  const page = await openAs(browser, cloud.gateway.url, ORGANISER)
  await page.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await page.waitForSelector(tid('dash-manage'))
  await page.waitForSelector(tid('org-week-selector'))
  await page.click(tid(`org-week-${weekId}`))
  await page.waitForSelector(tid('dash-day-selector'))
  await page.click(tid(`dash-day-${activityDay}`))
  await page.waitForSelector(tid(`live-checked-in-${activityId}`))
  return page
}

test('(a) the dashboard follows a check-in at the door within 5 seconds, without a reload', async () => {
  const page = await openDashboard()
  expect(await attr(page, `live-checked-in-${activityId}`)).toBe('0')
  const totalBefore = Number(await attr(page, 'live-total-checked-in'))
  const peopleBefore = Number(await attr(page, 'live-total-people'))
  expect(totalBefore).toBe(0)
  await expect(page.locator(tid('live-updated-at')).textContent()).resolves.toMatch(/^最后更新 \d{2}:\d{2}:\d{2}$/)
  await expect(page.locator(tid(`live-seats-${activityId}`)).textContent()).resolves.toBe('报名 1 / 名额 30')
  // The page polls: its 最后更新 moves on by itself.
  const firstAt = Number(await attr(page, 'live-updated-at', 'data-at'))
  await page.waitForFunction(
    (at) => Number(document.querySelector('[data-testid="live-updated-at"]')?.getAttribute('data-at')) > at,
    firstAt,
    { timeout: 8000 },
  )
  const navigations: string[] = []
  page.on('framenavigated', (f) => navigations.push(f.url()))

  // The volunteer scans the resident's ticket (the real function, a real signed ticket).
  const scan = await call('checkin', 'scan', { activityId, token }, VOLUNTEER)
  const answeredAt = Date.now()
  expect(scan.ok).toBe(true)

  await page.waitForFunction(
    ([id, total]) =>
      document.querySelector(`[data-testid="live-checked-in-${id}"]`)?.getAttribute('data-value') === '1' &&
      document.querySelector('[data-testid="live-total-checked-in"]')?.getAttribute('data-value') === total,
    [activityId, String(totalBefore + 1)] as const,
    { timeout: 5000, polling: 100 },
  )
  const moved = Date.now() - answeredAt
  console.log(`dashboard moved ${moved} ms after checkin.scan answered`)
  expect(moved).toBeLessThanOrEqual(5000)
  expect(navigations).toEqual([])
  expect(Number(await attr(page, 'live-total-people'))).toBe(peopleBefore + 1)
  // The curve counts the arrival in its hour.
  expect(Number(await page.locator(tid('live-curve')).getAttribute('data-max'))).toBeGreaterThanOrEqual(1)
  await screenshot(page, 'stats-dashboard')
  await page.locator(tid('live-curve-section')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-dashboard-charts')
  await page.locator(tid('live-feedback')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-dashboard-feedback')

  // A failed poll keeps the figures and says so; the next good one clears it.
  await page.route('**/api/call', (route) => route.abort('internetdisconnected'))
  await page.waitForSelector(tid('live-failing'), { timeout: 8000 })
  expect(await attr(page, `live-checked-in-${activityId}`)).toBe('1')
  await page.locator(tid('live-status')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-dashboard-offline')
  await page.unroute('**/api/call')
  await page.waitForSelector(tid('live-status', '[data-failing="false"]'), { timeout: 8000 })
  await page.context().close()
})

test('after the check-in the resident sees 已签到 with the time: first card of 我的, the registration, the ticket, and the home page on the day', async () => {
  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.goto(`${cloud.gateway.url}/#/pages/mine/index`)
  const card = page.locator(tid('next-ticket', `[data-id="${registrationId}"]`))
  await card.waitFor()
  // The ticket is the first card of 我的, above the notices and the list.
  const first = await page.evaluate(() => {
    const root = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="mine-page"]')).find((e) => e.offsetParent !== null)!
    return root.querySelector('.section')?.getAttribute('data-testid')
  })
  expect(first).toBe('next-ticket')
  await expect(card.locator(tid('next-ticket-checked-in')).textContent()).resolves.toMatch(/已签到 \d+月\d+日 周. \d{2}:\d{2}/)
  const item = page.locator(tid('mine-item', `[data-id="${registrationId}"]`))
  await expect(item.locator(tid('mine-item-state')).textContent()).resolves.toMatch(/已签到 \d+月\d+日/)

  await card.locator(tid('next-ticket-open')).click()
  await page.waitForSelector(tid('ticket-checked-in'))
  await expect(page.locator(tid('ticket-checked-in')).textContent()).resolves.toMatch(/✓ 已签到 \d+月\d+日 周. \d{2}:\d{2}/)
  await screenshot(page, 'ticket-checked-in')

  if (activityDay === shanghaiDate(Date.now())) {
    // 我的 told this phone it holds a ticket today: the home page shows it near the top.
    await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
    const today = page.locator(tid('today-ticket', `[data-id="${registrationId}"]`))
    await today.waitFor()
    await expect(today.textContent()).resolves.toContain('今天的活动')
    await screenshot(page, 'home-today-ticket')
  }
  await page.context().close()
})

test('an admin sees 全部县区 first, with the table by district', async () => {
  const page = await openAs(browser, cloud.gateway.url, ADMIN)
  await page.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await page.waitForSelector(tid('org-week-selector'))
  await page.click(tid(`org-week-${weekId}`))
  await page.waitForSelector(tid('org-district-all', '[data-selected="true"]'))
  await page.waitForSelector(tid('dash-live', '[data-scope="all"]'))
  await page.waitForSelector(tid(`live-district-${DISTRICT}`))
  expect(Number(await page.locator(tid(`live-district-${DISTRICT}`)).getAttribute('data-people'))).toBe(1)
  await page.locator(tid('live-by-district')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-dashboard-admin-rollup')
  // The 总结表 opens on the same roll-up; a district chip switches to that district's table.
  await page.click(tid('org-entry-summary'))
  await page.waitForSelector(tid('summary-editor', '[data-scope="all"]'))
  await page.click(tid(`org-district-${DISTRICT}`))
  await page.waitForSelector(tid('summary-editor', `[data-scope="${DISTRICT}"]`))
  await page.context().close()
})

test('(b) the 总结表 shows the computed participants; 自我评价 saved as a draft survives a reload', async () => {
  const direct = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  const participants = direct.rows.find((r: { key: string }) => r.key === 'participants')
  expect(direct.figures.participants).toBe(1)

  const page = await openAs(browser, cloud.gateway.url, ORGANISER)
  await page.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await page.waitForSelector(tid('org-week-selector'))
  await page.click(tid(`org-week-${weekId}`))
  await page.waitForSelector(tid('dash-live'))
  const polls: number[] = []
  page.on('request', (req) => {
    if (req.url().endsWith('/api/call') && /"action":"dashboard"/.test(req.postData() ?? '')) polls.push(Date.now())
  })
  await page.waitForRequest((req) => req.url().endsWith('/api/call') && /"action":"dashboard"/.test(req.postData() ?? ''), {
    timeout: 8000,
  })
  await page.click(tid('org-entry-summary'))
  await page.waitForSelector(tid('summary-editor', `[data-scope="${DISTRICT}"]`))
  expect(polls.length).toBeGreaterThan(0)
  const hiddenAt = Date.now()
  await expect(page.locator(tid('summary-computed-participants')).textContent()).resolves.toBe(participants.computed)
  await expect(page.locator(tid('summary-row-participants')).textContent()).resolves.toContain(`计算方法：${participants.basis}`)
  await expect(page.locator(tid('summary-deadline')).textContent()).resolves.toBe(
    '截止 ' + direct.deadline.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') + `，还有 ${direct.daysLeft} 天`,
  )
  // The official table's groups, in order.
  const groups = await page.locator(tid('summary-group')).evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))
  expect(groups).toEqual([...new Set(direct.rows.map((r: { group: string }) => r.group))])

  const text = '活动覆盖社区居民和老年人，报名踊跃，志愿者到位，群众反映良好。'
  await page.fill(`${tid('summary-typed-selfAssessment')} textarea`, text)
  await page.waitForSelector(tid('summary-save-state', '[data-dirty="true"]'))
  await page.click(tid('summary-save'))
  await page.waitForSelector(tid('summary-save-state', '[data-dirty="false"][data-kind="idle"]'))
  await expect(page.locator(tid('summary-save-state')).textContent()).resolves.toMatch(/^✓ 已保存 \d{2}:\d{2}$/)
  // Typed into another row, it saves itself after a pause.
  await page.fill(`${tid('summary-typed-other')} textarea`, '另有线上直播观看 120 人次。')
  await page.waitForSelector(tid('summary-save-state', '[data-dirty="false"][data-kind="idle"]'), { timeout: 10_000 })
  await page.locator(tid('summary-row-selfAssessment')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-summary-typed')

  // The dashboard underneath stopped polling once it was hidden.
  await page.waitForTimeout(Math.max(0, 7000 - (Date.now() - hiddenAt)))
  expect(polls.filter((t) => t > hiddenAt + 500)).toEqual([])

  await page.reload()
  await page.waitForSelector(tid('summary-editor', `[data-scope="${DISTRICT}"]`))
  await expect(page.locator(`${tid('summary-typed-selfAssessment')} textarea`).inputValue()).resolves.toBe(text)
  await expect(page.locator(`${tid('summary-typed-other')} textarea`).inputValue()).resolves.toBe('另有线上直播观看 120 人次。')
  const saved = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  expect(saved.rows.find((r: { key: string }) => r.key === 'selfAssessment').typed).toBe(text)
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'stats-summary')
  await page.locator(tid('summary-activities')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-summary-activities')

  // A colleague saves first: our save is refused (CONFLICT), their text is loaded and ours is shown
  // so it can be typed again.
  const current = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  await must(
    'stats',
    'summary.save',
    { weekId, districtCode: DISTRICT, revision: current.revision, typed: { leaders: '区教育局副局长' } },
    ADMIN,
  )
  await page.fill(`${tid('summary-typed-coordDept')} textarea`, '区社区教育学院')
  await page.click(tid('summary-save'))
  await page.waitForSelector(tid('summary-conflict'))
  await expect(page.locator(tid('summary-conflict')).textContent()).resolves.toContain('区社区教育学院')
  await expect(page.locator(`${tid('summary-typed-leaders')} textarea`).inputValue()).resolves.toBe('区教育局副局长')
  await expect(page.locator(`${tid('summary-typed-selfAssessment')} textarea`).inputValue()).resolves.toBe(text)
  await page.locator(tid('summary-conflict')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-summary-conflict')
  // Typed again, it saves on top of the colleague's.
  await page.fill(`${tid('summary-typed-coordDept')} textarea`, '区社区教育学院')
  await page.click(tid('summary-save'))
  await page.waitForSelector(tid('summary-save-state', '[data-dirty="false"][data-kind="idle"]'))
  const merged = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  const typedOf = (k: string) => merged.rows.find((r: { key: string }) => r.key === k).typed
  expect([typedOf('leaders'), typedOf('coordDept'), typedOf('selfAssessment')]).toEqual(['区教育局副局长', '区社区教育学院', text])

  // The exports: summary.export, then the browser's download (openExport in h5).
  for (const [format, ext, magic] of [
    ['docx', '.docx', 'PK'],
    ['xlsx', '.xlsx', 'PK'],
  ] as const) {
    const download = page.waitForEvent('download', { timeout: 30_000 })
    await page.click(tid(`summary-export-${format}`))
    const file = await download
    expect(file.suggestedFilename().endsWith(ext)).toBe(true)
    const bytes = readFileSync(await file.path())
    expect(bytes.length).toBeGreaterThan(1000)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe(magic)
    await page.waitForSelector(tid('summary-export-done'))
  }
  await page.locator(tid('summary-export')).scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-summary-export')
  await page.context().close()
})

test('宣传报道: a text report added in the page is listed and counted in the 总结表', async () => {
  const page = await openAs(browser, cloud.gateway.url, ORGANISER)
  await page.goto(`${cloud.gateway.url}/#/organiser/publicity/index?weekId=${weekId}&districtCode=${DISTRICT}`)
  await page.waitForSelector(tid('publicity-list', '[data-status="ready"]'))
  await page.click(tid('publicity-add'))
  await page.waitForSelector(tid('publicity-form'))
  await page.click(tid(`publicity-about-${activityId}`))
  await page.fill(`${tid('publicity-title')} input`, '东区开展智慧助老手机挂号课堂')
  await page.fill(`${tid('publicity-outlet')} input`, '东区融媒体中心')
  // No link: refused here in words, before anything is sent.
  await page.click(tid('publicity-submit'))
  await expect(page.locator(tid('publicity-url-field-error')).textContent()).resolves.toContain('文字报道请填写链接')
  await page.fill(`${tid('publicity-url')} input`, 'https://example.cn/east/news/1')
  await screenshot(page, 'stats-publicity-form')
  await page.click(tid('publicity-submit'))
  await page.waitForSelector(tid('publicity-done'))
  const item = page.locator(tid('publicity-item')).first()
  await expect(item.locator(tid('publicity-item-kind')).textContent()).resolves.toBe('▤ 文字报道')
  await expect(item.textContent()).resolves.toContain('关于：《智慧助老·手机挂号体验课》')
  const summary = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  expect(summary.figures.textReports).toBe(1)
  expect(summary.rows.find((r: { key: string }) => r.key === 'textReports').computed).toContain(
    '东区融媒体中心《东区开展智慧助老手机挂号课堂》',
  )
  await screenshot(page, 'stats-publicity')

  // A photo record: pictures chosen in the page are uploaded to storage, then shown as thumbnails.
  const png = await page.locator(tid('publicity-item')).first().screenshot()
  await page.click(tid('publicity-add'))
  await page.click(tid('publicity-kind-photo'))
  await page.click(tid('publicity-opening'))
  await page.fill(`${tid('publicity-title')} input`, '东区活动周开幕式现场')
  await page.fill(`${tid('publicity-outlet')} input`, '东区教育微信公众号')
  await page.click(tid('publicity-submit'))
  await expect(page.locator(tid('publicity-photos-field-error')).textContent()).resolves.toContain('请至少上传一张照片')
  const chooser = page.waitForEvent('filechooser')
  await page.click(tid('publicity-photo-add'))
  await (
    await chooser
  ).setFiles([
    { name: 'opening-1.png', mimeType: 'image/png', buffer: png },
    { name: 'opening-2.png', mimeType: 'image/png', buffer: png },
  ])
  await page.waitForSelector(tid('publicity-photos', '[data-count="2"][data-uploading="false"]'), { timeout: 15_000 })
  await page.click(tid('publicity-submit'))
  await page.waitForSelector(tid('publicity-list', '[data-count="2"]'))
  const photoItem = page.locator(tid('publicity-item', '[data-kind="photo"]'))
  await expect(photoItem.textContent()).resolves.toContain('关于：开幕式')
  await page.waitForFunction(() => {
    const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="publicity-item-photos"] img'))
    return imgs.length === 2 && imgs.every((img) => img.complete && img.naturalWidth > 0)
  })
  const stored = (await must('stats', 'publicity.list', { weekId, districtCode: DISTRICT }, ORGANISER)).items
  const photoRecord = stored.find((i: { kind: string }) => i.kind === 'photo')
  expect(photoRecord.opening).toBe(true)
  expect(photoRecord.fileIds).toHaveLength(2)
  expect(photoRecord.fileIds[0]).toMatch(new RegExp(`^cloud://[^/]+/publicity/${weekId}/${DISTRICT}/`))
  expect((await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)).figures.photos).toBe(2)
  await screenshot(page, 'stats-publicity-photos')

  // Deleted after confirming in place.
  await page.locator(tid('publicity-item', '[data-kind="text"]')).locator(tid('publicity-delete')).click()
  await page.click(tid('publicity-remove-confirm'))
  await page.waitForSelector(tid('publicity-list', '[data-count="1"]'))
  expect((await must('stats', 'publicity.list', { weekId, districtCode: DISTRICT }, ORGANISER)).items).toHaveLength(1)
  await page.context().close()
})

test('(c) in care mode the resident rates the activity 满意 in 我的 once it has ended; the 总结表 counts it', async () => {
  const before = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  // Checked in but not yet over: not asked. Then the activity ends.
  const pending = async () =>
    (await must('signup', 'rating.pending', {}, RESIDENT)).items.map((i: { registrationId: string }) => i.registrationId)
  expect(await pending()).not.toContain(registrationId)
  await (cloud.sdkDb as any)
    .collection('registrations')
    .doc(registrationId)
    .update({ data: { endAt: new Date(Date.now() - MIN) } })
  expect(await pending()).toContain(registrationId)

  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.waitForSelector(tid('care-toggle'))
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await page.goto(`${cloud.gateway.url}/#/pages/mine/index`)
  await page.waitForSelector(tid('mine-page', '[data-care="on"]'))
  const item = page.locator(tid('rating-item', `[data-registration="${registrationId}"]`))
  await item.waitFor()
  await expect(page.locator(tid('rating-card')).textContent()).resolves.toContain('请评价您参加的活动')
  await expect(item.textContent()).resolves.toContain('智慧助老·手机挂号体验课')

  const m = await page.evaluate(() => {
    const card = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="rating-card"]')).find((e) => e.offsetParent !== null)!
    const texts = Array.from(card.querySelectorAll<HTMLElement>('*')).filter(
      (el) => el.getClientRects().length > 0 && Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()),
    )
    const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize))
    const lh = texts.map((el) => {
      const cs = getComputedStyle(el)
      const v = parseFloat(cs.lineHeight)
      return Number.isNaN(v) ? 1.5 : v / parseFloat(cs.fontSize)
    })
    const buttons = Array.from(card.querySelectorAll<HTMLElement>('[data-testid^="rating-choice-"], [data-testid="rating-skip"]')).map(
      (el) => {
        const r = el.getBoundingClientRect()
        return { id: el.getAttribute('data-testid'), w: Math.round(r.width), h: Math.round(r.height) }
      },
    )
    return { minText: Math.min(...sizes), minLineHeight: Math.min(...lh), buttons }
  })
  console.log(`rating card, care mode: ${JSON.stringify(m)}`)
  expect(m.minText).toBeGreaterThanOrEqual(18)
  expect(m.minLineHeight).toBeGreaterThanOrEqual(1.3 - 1e-6)
  expect(m.buttons.map((b) => b.id)).toEqual(['rating-choice-satisfied', 'rating-choice-basic', 'rating-choice-unsatisfied', 'rating-skip'])
  for (const b of m.buttons) {
    expect(b.w).toBeGreaterThanOrEqual(60)
    expect(b.h).toBeGreaterThanOrEqual(60)
  }
  await item.scrollIntoViewIfNeeded()
  await screenshot(page, 'stats-rating-care')

  await item.locator(tid('rating-choice-satisfied')).click()
  await expect(item.locator(tid('rating-chosen')).textContent()).resolves.toContain('满意')
  await page.fill(`${tid('rating-comment')} textarea`, '老师讲得很耐心，学会了手机挂号。')
  const box = await page.evaluate(() => {
    const visible = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel)).find((e) => e.offsetParent !== null)!
    const area = visible('[data-testid="rating-comment"] textarea')
    const submit = visible('[data-testid="rating-submit"]').getBoundingClientRect()
    return { commentPx: parseFloat(getComputedStyle(area).fontSize), submit: [Math.round(submit.width), Math.round(submit.height)] }
  })
  expect(box.commentPx).toBeGreaterThanOrEqual(18)
  expect(box.submit[1]).toBeGreaterThanOrEqual(60)
  await screenshot(page, 'stats-rating-care-comment')
  await item.locator(tid('rating-submit')).click()
  await page.waitForSelector(tid('rating-thanks'))
  await expect(page.locator(tid('rating-thanks')).textContent()).resolves.toContain('感谢您的评价')
  expect(await page.locator(tid('rating-item', `[data-registration="${registrationId}"]`)).count()).toBe(0)
  await screenshot(page, 'stats-rating-care-thanks')

  // Asked once: nothing more to rate, after a reload too.
  expect(
    (await must('signup', 'rating.pending', {}, RESIDENT)).items.map((i: { registrationId: string }) => i.registrationId),
  ).not.toContain(registrationId)
  await page.reload()
  await page.waitForSelector(tid('mine-list', '[data-status="ready"]'))
  expect(await page.locator(tid('rating-item', `[data-registration="${registrationId}"]`)).count()).toBe(0)
  await page.context().close()

  // The organiser's 总结表 counts it.
  const after = await must('stats', 'summary', { weekId, districtCode: DISTRICT }, ORGANISER)
  expect(after.figures.feedback.satisfied).toBe(before.figures.feedback.satisfied + 1)
  const org = await openAs(browser, cloud.gateway.url, ORGANISER)
  await org.goto(`${cloud.gateway.url}/#/organiser/summary/index?weekId=${weekId}&districtCode=${DISTRICT}`)
  await org.waitForSelector(tid('summary-editor', `[data-scope="${DISTRICT}"]`))
  await expect(org.locator(tid('summary-computed-satisfaction')).textContent()).resolves.toContain(
    `满意 ${before.figures.feedback.satisfied + 1}`,
  )
  await org.locator(tid('summary-row-satisfaction')).scrollIntoViewIfNeeded()
  await screenshot(org, 'stats-summary-satisfaction')
  await org.context().close()
})
