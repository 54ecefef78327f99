// Sign-up in a real Chromium against a fresh seeded local cloud (h5 build, bundled functions on the
// real wx-server-sdk): a resident filters the week, opens an activity, signs up themself (first time:
// the profile form) and a parent (added as a family member on the way), sees both under 我的活动 and
// cancels one; an organiser creates and publishes an activity that then appears in the resident's
// list. Every step is asserted on the page and in the stored data. The tests share one browser page
// per person and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { canStillJoin } from '../../src/shared/domain/signupRules'
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { shanghaiDate } from '../../src/shared/domain/time'
import { seedActivities } from '../seed/data'
import { goBackSettled, launchBrowser, openAs, openFilters, openTab, screenshot as keep } from './browser'
import { careMeasure } from './care'
import { keepAhead } from './ahead'

const ROOT = path.resolve(__dirname, '..', '..')
const TARGET = 'nc2026-donghu-03' // 守好“养老钱”, 12-02 14:30–16:30, seniors and residents, 120 seats
const OVERLAPPING = 'nc2026-qingshanhu-02' // 12-02 14:30–16:30 too
const PARENT = '王秀兰'
const NEW_TITLE = '智慧助老·手机视频通话一学就会'
const SMALL = 'nc2026-donghu-02' // 智慧助老·智慧出行, 20 seats
/** The day the organiser puts a new activity on: 12-03, or once that has passed, tomorrow (see keepWeekOpen). */
let NEW_DAY = '2026-12-03'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let resident: Page
const started = Date.now()

/** A screenshot once the page's slide-in animation has finished. */
async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}

/** A visible element by test id (pages the router keeps behind the current one are hidden). */
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(100).get()) as unknown as { data: T[] }
  return res.data
}

interface RegDoc {
  _id: string
  status: string
  proxy: boolean
  memberId: string | null
  person: { name: string; phone?: string }
}

const DAY = 24 * 3_600_000

/**
 * Once 12-03 has passed, a new activity can no longer go on it: the week is moved to run from three
 * days ago to three days ahead (its seeded activities keep their dates) and the new one goes on
 * tomorrow. Before that, nothing changes.
 */
async function keepWeekOpen() {
  const tomorrow = shanghaiDate(Date.now() + DAY)
  if (tomorrow <= NEW_DAY) return
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
  NEW_DAY = tomorrow
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-signup-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  // The seeded resident has a profile; take it away so this is their very first sign-up.
  await cloud.sdkDb
    .collection('users')
    .doc('dev-resident')
    .update({ data: { profile: cloud.sdkDb.command.remove() } })
  await keepAhead(cloud, [TARGET, OVERLAPPING, SMALL])
  await keepWeekOpen()
  browser = await launchBrowser()
  resident = await openAs(browser, cloud.gateway.url, 'dev-resident')
  // The list opens on one day (today while the week runs); these tests look at the whole week.
  await resident.click(tid('day-tab-all'))
  await resident.waitForSelector(tid('day-tab-all', '[data-selected="true"]'))
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`signup e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

async function listReady(page: Page) {
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
}

async function cardIds(page: Page): Promise<string[]> {
  await listReady(page)
  const ids = await page.locator(tid('activity-card')).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
  return ids.sort()
}

const nc = (pred: (a: (typeof seedActivities)[number]) => boolean) =>
  seedActivities
    .filter((a) => a.weekId === 'nc2026' && pred(a))
    .map((a) => a._id)
    .sort()

test('a resident filters the week by district, audience, seats, mode and keyword', async () => {
  const page = resident
  await listReady(page)
  await openFilters(page)
  await page.click(tid('filter-district'))
  await page.click(tid('district-option-donghu'))
  await listReady(page)
  await page.click(tid('filter-audience'))
  await page.click(tid('audience-option-seniors'))
  await listReady(page)
  await page.click(tid('filter-seats'))
  await page.waitForSelector(tid('filter-seats', '[data-selected="true"]'))
  // Donghu activities for seniors one can still attend now (canStillJoin: not ended or started).
  const ms = (d: unknown) => new Date(d as string).getTime()
  const donghu = await docs<Record<string, any>>('activities', { weekId: 'nc2026', districtCode: 'donghu' })
  const joinable = donghu
    .filter((d) => d.audiences.includes('seniors'))
    .filter((d) =>
      canStillJoin(
        {
          status: d.status,
          startAt: ms(d.startAt),
          endAt: ms(d.endAt),
          signup: d.signup ? { opensAt: ms(d.signup.opensAt), closesAt: ms(d.signup.closesAt) } : null,
          seatsLeft: d.seatsLeft ?? null,
        },
        Date.now(),
      ),
    )
    .map((d) => d._id as string)
  expect(joinable.length).toBeGreaterThan(0)
  expect(await cardIds(page)).toEqual(joinable.sort())
  await screenshot(page, 'signup-home-filtered')

  // Keyword: typed, nothing happens until 搜索.
  await page.fill(`${tid('search-input')} input`, '养老')
  await listReady(page)
  expect((await cardIds(page)).length).toBeGreaterThan(1)
  await page.click(tid('search-submit'))
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="activity-card"]').length === 1)
  expect(await cardIds(page)).toEqual([TARGET])
  expect(await page.locator(tid('filter-summary')).innerText()).toContain('养老')

  // Clear everything, then online activities only (online or hybrid).
  await page.click(tid('filter-clear'))
  await listReady(page)
  expect(await page.inputValue(`${tid('search-input')} input`)).toBe('')
  await openFilters(page)
  await page.click(tid('filter-mode'))
  await page.click(tid('mode-option-online'))
  await listReady(page)
  expect(await cardIds(page)).toEqual(nc((a) => a.status !== 'draft' && a.mode !== 'offline'))
  await page.click(tid('filter-clear'))
  await listReady(page)
})

let memberId = ''

test('the resident opens the activity and signs up themself, filling the form the first time', async () => {
  const page = resident
  await page.fill(`${tid('search-input')} input`, '养老钱')
  await page.press(`${tid('search-input')} input`, 'Enter') // the keyboard's search key works too
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="activity-card"]').length === 1)
  await page.click(tid('activity-card', `[data-id="${TARGET}"]`))
  await page.waitForSelector(tid('signup-area', '[data-kind="open"]'))
  expect(await page.locator(tid('signup-state')).innerText()).toContain('剩余 120 个名额')
  await screenshot(page, 'signup-detail')

  await page.click(tid('signup-button'))
  await page.waitForSelector(tid('signup-person-self', '[data-selected="true"]'))
  await page.waitForSelector(tid('signup-profile-form'))
  // Nothing filled: the form says what is missing, inline.
  await page.click(tid('signup-confirm'))
  await page.waitForSelector(tid('profile-field-phone-error'))
  await page.fill(`${tid('profile-name-input')} input`, '刘思雨')
  await page.fill(`${tid('profile-phone-input')} input`, '13800001021')
  await page.click(tid('profile-age-18-39'))
  await page.fill(`${tid('profile-community-input')} input`, '东湖区百花洲街道松柏巷社区')
  await page.click(tid('profile-audience-residents'))
  await screenshot(page, 'signup-profile-form')
  await page.click(tid('signup-confirm'))
  await page.waitForSelector(tid('signup-result', '[data-status="confirmed"]'))
  expect(await page.locator(tid('signup-result-person')).innerText()).toBe('刘思雨')
  await screenshot(page, 'signup-result-self')

  const [reg] = await docs<RegDoc>('registrations', { _id: `${TARGET}_dev-resident` })
  expect(reg).toMatchObject({ status: 'confirmed', proxy: false, person: { name: '刘思雨', phone: '13800001021' } })
  const [user] = await docs<{ profile?: { name: string; ageGroup: string; audience: string } }>('users', { _id: 'dev-resident' })
  expect(user.profile).toMatchObject({ name: '刘思雨', ageGroup: '18-39', audience: 'residents' })
})

test('the resident adds a parent on the way and signs them up with one tap', async () => {
  const page = resident
  await page.click(tid('signup-another'))
  // Already registered themself: said so, with no second sign-up button.
  await page.waitForSelector(tid('signup-already', '[data-status="confirmed"]'))
  expect(await page.locator(tid('signup-confirm')).count()).toBe(0)

  await page.click(tid('signup-add-family'))
  await page.click(tid('family-save'))
  await page.waitForSelector(tid('family-field-name-error'))
  await page.fill(`${tid('family-name-input')} input`, PARENT)
  await page.click(tid('family-relation-parent'))
  await page.click(tid('family-age-70+'))
  await page.click(tid('family-save'))
  const chosen = page.locator(tid('signup-check'))
  await page.waitForFunction(() => {
    const el = Array.from(document.querySelectorAll('[data-testid="signup-check"]')).find((e) => (e as HTMLElement).offsetParent !== null)
    return !!el && el.getAttribute('data-person') !== 'self'
  })
  memberId = (await chosen.getAttribute('data-person')) ?? ''
  expect(memberId).toMatch(/^m[a-z0-9]+$/)
  await page.waitForSelector(tid(`signup-person-${memberId}`, '[data-selected="true"]'))
  // Returning resident: no form, the remembered details are shown.
  await page.waitForSelector(tid('signup-profile-summary'))
  expect(await page.locator(tid('signup-profile-form')).count()).toBe(0)
  expect(await page.locator(tid('signup-who')).innerText()).toBe(PARENT)
  await screenshot(page, 'signup-parent-one-tap')
  await page.click(tid('signup-confirm'))
  await page.waitForSelector(tid('signup-result', '[data-status="confirmed"]'))
  expect(await page.locator(tid('signup-result-person')).innerText()).toBe(PARENT)

  const [reg] = await docs<RegDoc>('registrations', { _id: `${TARGET}_dev-resident~${memberId}` })
  expect(reg).toMatchObject({ status: 'confirmed', proxy: true, memberId, person: { name: PARENT, phone: '13800001021' } })
  const [act] = await docs<{ seatsLeft: number }>('activities', { _id: TARGET })
  expect(act.seatsLeft).toBe(118)

  // The ticket is one tap from the success screen.
  await page.click(tid('signup-go-ticket'))
  await page.waitForSelector(tid('ticket-card'))
  expect(await page.locator(tid('ticket-holder')).innerText()).toBe(PARENT)
  await goBackSettled(page)
  await page.waitForSelector(tid('signup-result', '[data-status="confirmed"]'))
})

test('signing up for another activity at the same time shows the overlap warning before confirming', async () => {
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/signup/index?id=${OVERLAPPING}`)
  await page.waitForSelector(tid('signup-overlap-warning'))
  const warning = await page.locator(tid('signup-overlap-warning')).innerText()
  expect(warning).toContain('守好“养老钱”')
  expect(warning).toContain('刘思雨')
  await screenshot(page, 'signup-overlap-warning')
  // Not confirmed: nothing written for it.
  expect(await docs('registrations', { activityId: OVERLAPPING })).toHaveLength(0)
})

test("我的活动 lists both tickets; cancelling the parent's shows it cancelled", async () => {
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
  await listReady(page)
  await openTab(page, '我的')
  await page.waitForSelector('[data-testid="mine-list"][data-status="ready"]')
  const items = page.locator(tid('mine-item'))
  expect(await items.count()).toBe(2)
  const persons = await items.evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-person')}:${e.getAttribute('data-status')}`).sort(),
  )
  expect(persons).toEqual([`${PARENT}:confirmed`, '刘思雨:confirmed'].sort())
  // The next ticket is the first card of 我的, above notices and ratings.
  const next = page.locator(tid('next-ticket'))
  await next.waitFor()
  expect(await next.getAttribute('data-id')).toMatch(new RegExp(`^${TARGET}_dev-resident`))
  const firstSection = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="mine-page"] .section'))
      .find((e) => (e as HTMLElement).offsetParent !== null)
      ?.getAttribute('data-testid'),
  )
  expect(firstSection).toBe('next-ticket')
  await screenshot(page, 'signup-mine')

  const parentItem = page.locator(tid('mine-item', `[data-person="${PARENT}"]`))
  await parentItem.locator('[data-testid="mine-cancel"]').click()
  await parentItem.locator('[data-testid="mine-cancel-confirm"]').click()
  await page.waitForSelector(tid('mine-item', `[data-person="${PARENT}"][data-status="cancelled"]`))
  expect(await parentItem.locator('[data-testid="mine-item-state"]').innerText()).toContain('已取消')
  expect(await page.locator(tid('mine-item', '[data-person="刘思雨"][data-status="confirmed"]')).count()).toBe(1)
  await screenshot(page, 'signup-mine-cancelled')

  const [reg] = await docs<RegDoc>('registrations', { _id: `${TARGET}_dev-resident~${memberId}` })
  expect(reg.status).toBe('cancelled')
  const [self] = await docs<RegDoc>('registrations', { _id: `${TARGET}_dev-resident` })
  expect(self.status).toBe('confirmed')
  const [act] = await docs<{ seatsLeft: number }>('activities', { _id: TARGET })
  expect(act.seatsLeft).toBe(119)
})

test('a full activity offers the waitlist with its explanation; a freed seat promotes the resident and says so', async () => {
  // Twenty other residents take every seat, through the real function.
  const profile = { name: '测试居民', phone: '13900000000', ageGroup: '40-59', community: '东湖区测试社区', audience: 'residents' }
  const answers = (await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      // Each new person agrees to the privacy guide first, as the app's consent sheet asks.
      await invokeFunction('privacy', { action: 'consent.record', input: { version: PRIVACY_VERSION } }, `e2e-filler-${i}`)
      return invokeFunction('signup', { action: 'create', input: { activityId: SMALL, profile } }, `e2e-filler-${i}`)
    }),
  )) as { ok: boolean; data?: { registration: { status: string } } }[]
  expect(answers.filter((a) => a.ok && a.data?.registration.status === 'confirmed')).toHaveLength(20)

  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${SMALL}`)
  await page.waitForSelector(tid('signup-area', '[data-kind="full"]'))
  expect(await page.locator(tid('signup-button')).innerText()).toContain('加入候补')
  await page.click(tid('signup-button'))
  await page.waitForSelector(tid('signup-waitlist'))
  expect(await page.locator(tid('signup-waitlist')).innerText()).toContain('按先后顺序')
  expect(await page.locator(tid('signup-confirm')).innerText()).toContain('加入候补')
  await screenshot(page, 'signup-waitlist')
  await page.click(tid('signup-confirm'))
  await page.waitForSelector(tid('signup-result', '[data-status="waitlisted"][data-position="1"]'))
  expect(await page.locator(tid('signup-result-title')).innerText()).toContain('候补，排在第 1 位')
  await screenshot(page, 'signup-result-waitlisted')

  // One of them cancels: exactly the resident is promoted and notified.
  const cancelled = (await invokeFunction(
    'signup',
    { action: 'cancel', input: { registrationId: `${SMALL}_e2e-filler-0` } },
    'e2e-filler-0',
  )) as { ok: boolean }
  expect(cancelled.ok).toBe(true)
  const [mine] = await docs<RegDoc>('registrations', { _id: `${SMALL}_dev-resident` })
  expect(mine.status).toBe('confirmed')
  const notices = await docs<{ template: string }>('outbox', { recipient: 'dev-resident' })
  expect(notices.map((n) => n.template)).toEqual(['waitlist_promoted'])

  await page.click(tid('signup-go-mine'))
  await page.waitForSelector(tid('notice-item', '[data-template="waitlist_promoted"]'))
  expect(await page.locator(tid('notice-item')).innerText()).toContain('候补成功')
  await page.waitForSelector(tid('mine-item', `[data-activity="${SMALL}"][data-status="confirmed"]`))
  await screenshot(page, 'signup-mine-promoted')
})

test('我的家人: names large, add in place, remove after an inline question', async () => {
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/family/index`)
  await page.waitForSelector(tid('family-item', `[data-id="${memberId}"]`))
  await page.click(tid('family-add'))
  await page.fill(`${tid('family-name-input')} input`, '李建国')
  await page.fill(`${tid('family-phone-input')} input`, '1380000')
  await page.click(tid('family-relation-grandparent'))
  await page.click(tid('family-age-70+'))
  await page.click(tid('family-save'))
  await page.waitForSelector(tid('family-field-phone-error')) // a wrong phone is said in place
  await page.fill(`${tid('family-phone-input')} input`, '13800002233')
  await page.click(tid('family-save'))
  await page.waitForSelector(tid('family-list', '[data-count="2"]'))
  const added = page.locator(tid('family-item')).filter({ hasText: '李建国' })
  expect(await added.locator('[data-testid="family-item-name"]').innerText()).toBe('李建国')
  await screenshot(page, 'signup-family')

  await added.locator('[data-testid="family-remove"]').click()
  await page.waitForSelector(tid('family-remove-box'))
  await screenshot(page, 'signup-family-remove-confirm')
  await page.click(tid('family-remove-confirm'))
  await page.waitForSelector(tid('family-list', '[data-count="1"]'))
  const [user] = await docs<{ family: { id: string; name: string }[] }>('users', { _id: 'dev-resident' })
  expect(user.family.map((m) => m.name)).toEqual([PARENT])
})

test('care mode: the new resident pages keep body text >= 18px, the largest >= 30px, taps >= 60px', async () => {
  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  const report: Record<string, Awaited<ReturnType<typeof careMeasure>>> = {}

  await listReady(page)
  report.home = await careMeasure(page, '[data-testid="home-page"]')
  await screenshot(page, 'signup-care-home')

  await openTab(page, '我的')
  await page.waitForSelector('[data-testid="mine-list"][data-status="ready"]:visible')
  report.mine = await careMeasure(page, '[data-testid="mine-page"]')
  await screenshot(page, 'signup-care-mine')

  await page.goto(`${cloud.gateway.url}/#/pages/family/index`)
  await page.waitForSelector(tid('family-item'))
  report.family = await careMeasure(page, '[data-testid="family-page"]')
  await screenshot(page, 'signup-care-family')

  await page.goto(`${cloud.gateway.url}/#/pages/signup/index?id=${TARGET}`)
  await page.waitForSelector(tid('signup-check'))
  await page.click(tid(`signup-person-${memberId}`))
  await page.waitForSelector(tid('signup-confirm'))
  report.signup = await careMeasure(page, '[data-testid="signup-page"]')
  await screenshot(page, 'signup-care-signup')

  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${TARGET}`)
  await page.waitForSelector(tid('signup-mine'))
  report.detail = await careMeasure(page, '[data-testid="detail-page"]')
  await screenshot(page, 'signup-care-detail')

  console.log('care-mode measurements', JSON.stringify(report))
  for (const [name, m] of Object.entries(report)) {
    expect({ name, min: m.min >= 18, max: m.max >= 30, lh: m.minLineHeight >= 1.3, small: m.small }).toEqual({
      name,
      min: true,
      max: true,
      lh: true,
      small: [],
    })
  }
})

test("care mode: past its sign-up deadline, an activity shows the organiser's phone with a call link, and the map link", async () => {
  const page = resident
  // 东湖区's 宣讲会 has a map point and a contact (seed places.ts); its sign-up closed an hour ago.
  const CLOSED = 'nc2026-donghu-01'
  const now = Date.now()
  const col = cloud.sdkDb.collection('activities')
  const before = ((await col.doc(CLOSED).get()) as unknown as { data: Record<string, any> }).data
  await col.doc(CLOSED).update({
    data: {
      startAt: new Date(now + DAY),
      endAt: new Date(now + DAY + 2 * 3_600_000),
      'signup.opensAt': new Date(now - 2 * DAY),
      'signup.closesAt': new Date(now - 3_600_000),
      'signup.cancelDeadline': new Date(now - 3_600_000),
    },
  })
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${CLOSED}`)
  await page.waitForSelector(tid('detail-contact'))
  expect(await page.locator('.page.care:visible').count()).toBe(1)
  await page.waitForSelector(tid('signup-area', '[data-kind="closed"]'))
  expect(await page.locator(tid('detail-contact-phone')).innerText()).toBe('刘老师 0791-86620318')
  expect(await page.locator(tid('call-link')).getAttribute('href')).toBe('tel:079186620318')
  expect(await page.locator(tid('signup-reason')).innerText()).toContain('0791-86620318')
  const map = await page.locator(tid('map-link')).getAttribute('href')
  expect(map).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=115\.90833,28\.68402&name=/)
  // Without a map point: a search for the address.
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${OVERLAPPING}`)
  await page.waitForSelector(tid('map-link'))
  expect(await page.locator(tid('map-link')).getAttribute('href')).toContain('uri.amap.com/search?keyword=')
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${CLOSED}`)
  await page.waitForSelector(tid('call-link'))
  const m = await careMeasure(page, '[data-testid="detail-page"]')
  expect({ min: m.min >= 18, max: m.max >= 30, lh: m.minLineHeight >= 1.3, small: m.small }).toEqual({
    min: true,
    max: true,
    lh: true,
    small: [],
  })
  await page.locator(tid('detail-contact')).scrollIntoViewIfNeeded()
  await screenshot(page, 'activity-closed-contact-care')
  await page.locator(tid('signup-area')).scrollIntoViewIfNeeded()
  await screenshot(page, 'activity-closed-signup-care')
  // Back as seeded (later tests list 东湖区's activities by day).
  const { startAt, endAt, signup } = before
  await col.doc(CLOSED).update({ data: { startAt, endAt, signup: cloud.sdkDb.command.set(signup) } })
})

test("care mode: the profile form's examples fit their boxes and come from the activity's own place", async () => {
  const page = resident
  const HAIKOU = 'hn2026-haikou-03' // 海口市龙华区金龙路66号
  await keepAhead(cloud, [HAIKOU])
  for (const [id, example] of [
    [HAIKOU, '如：海口市××街道××社区'],
    [TARGET, '如：东湖区××街道××社区'],
  ]) {
    await page.goto(`${cloud.gateway.url}/#/pages/signup/index?id=${id}`)
    await page.waitForSelector(tid('signup-check'))
    if (id === TARGET) await page.click(tid(`signup-person-${memberId}`))
    await page.click(tid('signup-edit-profile'))
    await page.waitForSelector(tid('signup-profile-form'))
    expect(await page.locator(`${tid('profile-community-input')} input`).getAttribute('placeholder')).toBe(example)
    // The saved profile is there, and 不确定/其他 is offered.
    expect(await page.locator(`${tid('profile-name-input')} input`).inputValue()).not.toBe('')
    await page.waitForSelector(tid('profile-audience-unsure'))
    const overflow = await page.evaluate(() => {
      const form = Array.from(document.querySelectorAll('[data-testid="signup-profile-form"]')).find(
        (e) => (e as HTMLElement).offsetParent,
      )!
      const ctx = document.createElement('canvas').getContext('2d')!
      return Array.from(form.querySelectorAll('input[placeholder]')).flatMap((el) => {
        const input = el as HTMLInputElement
        const cs = getComputedStyle(input)
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
        const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
        const need = ctx.measureText(input.placeholder).width
        return need > room || parseFloat(cs.fontSize) < 18
          ? [`${input.placeholder} ${Math.round(need)}/${Math.round(room)} ${cs.fontSize}`]
          : []
      })
    })
    expect(overflow).toEqual([])
  }
  await page.locator(tid('profile-field-community')).scrollIntoViewIfNeeded()
  await screenshot(page, 'signup-care-profile-form')
})

test("an organiser creates and publishes an activity in 东湖区 that then appears in the resident's list", async () => {
  const org = await openAs(browser, cloud.gateway.url, 'dev-organiser')
  await org.waitForSelector(tid('entry-organiser'))
  await org.click(tid('entry-organiser'))
  await org.click(tid('org-entry-activities'))
  await org.waitForSelector('[data-testid="org-activity-list"][data-status="ready"]:visible')
  // The district's activities, the draft included.
  const listed = await org.locator(tid('org-activity-item')).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '').sort())
  expect(listed).toEqual(nc((a) => a.districtCode === 'donghu'))

  await org.click(tid('org-new-activity'))
  await org.waitForSelector(tid('org-edit-form'))
  // Refused before sending: what is missing is marked.
  // Nothing filled: the problems are shown at once, before any confirmation.
  await org.click(tid('org-publish'))
  await org.waitForSelector(tid('org-field-title-row-error'))
  expect(await org.locator(tid('org-error')).getAttribute('data-code')).toBe('VALIDATION_FAILED')
  expect(await org.locator(tid('org-publish-confirm')).count()).toBe(0)

  await org.fill(`${tid('org-field-title')} input`, NEW_TITLE)
  await org.click(tid('org-field-type-smart_senior'))
  await org.click(tid('org-field-topics-leisure'))
  await org.click(tid('org-field-audiences-seniors'))
  await org.fill(`${tid('org-field-organizer')} input`, '东湖区社区教育学院')
  await org.fill(`${tid('org-field-venueName')} input`, '百花洲街道社区学校')
  await org.fill(`${tid('org-field-venueAddress')} input`, '南昌市东湖区松柏巷18号')
  await org.click(tid(`org-field-day-${NEW_DAY}`))
  await org.fill(`${tid('org-field-capacity')} input`, '30')
  await org.fill(`${tid('org-field-description')} textarea`, '一对一教老人用微信视频通话。')
  // h5 has no map picker: the typed address is what residents get; the contact phone is checked.
  expect(await org.locator(tid('org-field-location-pick')).count()).toBe(0)
  await org.fill(`${tid('org-field-contactName')} input`, '熊老师')
  await org.fill(`${tid('org-field-contactPhone')} input`, '0791-8888')
  await org.click(tid('org-save'))
  await org.waitForSelector(tid('org-field-contact-row-error'))
  await org.fill(`${tid('org-field-contactPhone')} input`, '0791-86620318')
  await screenshot(org, 'signup-org-form')
  await org.click(tid('org-publish'))
  await org.click(tid('org-publish-confirm'))
  await org.waitForSelector(tid('org-edit-form', '[data-status="published"]'))
  const newId = (await org.locator(tid('org-edit-form')).getAttribute('data-id')) ?? ''
  expect(newId).not.toBe('')
  await screenshot(org, 'signup-org-published')

  const [doc] = await docs<{
    status: string
    districtCode: string
    title: string
    seatsLeft: number
    audiences: string[]
    signup: { capacity: number; fields: string[] }
  }>('activities', { _id: newId })
  expect(doc).toMatchObject({
    status: 'published',
    districtCode: 'donghu',
    title: NEW_TITLE,
    seatsLeft: 30,
    signup: { capacity: 30, fields: ['name', 'phone', 'community', 'audience'] },
    location: null,
    contactName: '熊老师',
    contactPhone: '0791-86620318',
  })
  expect(doc.audiences.sort()).toEqual(['residents', 'seniors'])
  await org.context().close()

  // The resident (a new visit) finds it in the week's list, filtered to 东湖区 and that day.
  const page = await openAs(browser, cloud.gateway.url, 'dev-resident')
  await page.click(tid(`day-tab-${NEW_DAY}`))
  await listReady(page)
  await openFilters(page)
  await page.click(tid('filter-district'))
  await page.click(tid('district-option-donghu'))
  await listReady(page)
  expect(await cardIds(page)).toEqual(
    [...nc((a) => a.districtCode === 'donghu' && a.status !== 'draft' && a.day === NEW_DAY), newId].sort(),
  )
  expect(await page.locator(tid('activity-card', `[data-id="${newId}"]`)).innerText()).toContain(NEW_TITLE)
  await screenshot(page, 'signup-resident-sees-new')
  await page.context().close()
})

test('the organiser cancels an activity with a reason; the resident finds the notice in 我的活动', async () => {
  const org = await openAs(browser, cloud.gateway.url, 'dev-organiser')
  await org.goto(`${cloud.gateway.url}/#/organiser/activities/index`)
  await org.click(tid('org-activity-item', `[data-id="${TARGET}"]`))
  await org.waitForSelector(tid('org-edit-form', '[data-status="published"]'))
  await org.click(tid('org-cancel-activity'))
  await org.click(tid('org-cancel-activity-confirm'))
  await org.waitForSelector(tid('org-cancel-reason-error'))
  await org.fill(`${tid('org-cancel-reason')} input`, '场地临时维修，本场讲座取消')
  await org.click(tid('org-cancel-activity-confirm'))
  await org.waitForSelector(tid('org-edit-form', '[data-status="cancelled"]'))
  expect(await org.locator(tid('org-locked')).innerText()).toContain('场地临时维修')
  await org.context().close()

  const sent = await docs<{ template: string; payload: { activityId: string; reason: string } }>('outbox', {
    recipient: 'dev-resident',
    template: 'activity_cancelled',
  })
  // Only the resident's own registration is still active (the parent's was cancelled).
  expect(sent.map((n) => [n.payload.activityId, n.payload.reason])).toEqual([[TARGET, '场地临时维修，本场讲座取消']])

  const page = resident
  await page.goto(`${cloud.gateway.url}/#/pages/mine/index`)
  await page.reload()
  await page.waitForSelector(tid('notice-item', '[data-template="activity_cancelled"]'))
  expect(await page.locator(tid('notice-item', '[data-template="activity_cancelled"]')).innerText()).toContain('场地临时维修')
  await page.waitForSelector(tid('mine-item', `[data-activity="${TARGET}"][data-person="刘思雨"][data-activity-status="cancelled"]`))
  expect(await page.locator(tid('mine-item', `[data-activity="${TARGET}"][data-person="刘思雨"]`)).innerText()).toContain('活动已取消')
  await screenshot(page, 'signup-mine-activity-cancelled')
})
