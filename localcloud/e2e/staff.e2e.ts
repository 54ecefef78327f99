// Appointments in the app, in a real Chromium against a fresh seeded local cloud (h5 build): the
// Nanchang week's admin adds a district by its name only (the code is generated and never shown),
// appoints its organiser by an invite code (read off the screen, with its QR and share link); a new
// person opens the link, redeems it on 工作人员 and creates and publishes an activity in that district;
// the admin's role list shows them with the district, the admin revokes it after a confirmation, the
// list and the record say so, and the organiser's pages no longer offer the district (the function
// refuses it too). Then the first admin's setup code from 我的 → 工作人员: a wrong code says how many
// tries are left, the right one makes the bureau admin, a second person is told it was claimed.
// Then an organiser's 人员与任命 lists only their volunteers, and revokes one; last, the week editor
// adds a district by its name (made on the server for a week, d<n> on a new edition's draft).
// A new edition made there takes over the latest edition's appointments (沿用…的人员任命).
// The tests share one cloud and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { shanghaiDate, shanghaiInstant } from '../../src/shared/domain/time'
import { launchBrowser, openAs, openTab, screenshot as keep } from './browser'
import { careMeasure } from './care'

const ROOT = path.resolve(__dirname, '..', '..')
const DAY = 24 * 3_600_000
const HOUR = 3_600_000
const ADMIN = 'dev-admin'
const NEWCOMER = 'e2e-new-organiser'
const DISTRICT = '桃花新区'
const TITLE = '桃花新区·手机防诈骗课堂'
const SETUP_CODE = 'e2e-setup-7fK2pQ'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let admin: Page
let organiser: Page
let districtCode = ''
let inviteCode = ''
let inviteLink = ''
const tomorrow = shanghaiDate(Date.now() + DAY)
const started = Date.now()
const savedSetupCode = process.env.SETUP_CODE

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(300)
  await keep(page, name)
}

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(100).get()) as unknown as { data: T[] }
  return res.data
}

/** The admin's 现任人员, each as its role and unit. */
async function holders(page: Page): Promise<string[]> {
  await page.waitForSelector(tid('staff-holders'))
  return page
    .locator(tid('staff-holder'))
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-role')}:${e.getAttribute('data-unit')}`))
}

beforeAll(async () => {
  // The staff function reads the setup code from its environment (deploy sets it); the local cloud
  // runs the functions in this process.
  process.env.SETUP_CODE = SETUP_CODE
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-staff-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  // The week runs from three days ago to three days ahead, so tomorrow is in it on any date.
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
  browser = await launchBrowser()
})

afterAll(async () => {
  if (savedSetupCode === undefined) delete process.env.SETUP_CODE
  else process.env.SETUP_CODE = savedSetupCode
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`staff e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('the admin adds a district by its name and appoints its organiser by an invite code', async () => {
  admin = await openAs(browser, cloud.gateway.url, ADMIN)
  await admin.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await admin.click(tid('org-entry-staff'))
  await admin.waitForSelector(tid('staff-page'))
  // The admin runs two weeks: Nanchang's is chosen.
  await admin.click(tid('staff-week-nc2026'))
  await admin.waitForSelector(tid('staff-week', '[data-week="nc2026"]'))
  await admin.waitForSelector(tid('staff-units'))
  const before = await admin.locator(tid('staff-unit')).count()
  expect(before).toBe(12)
  // No Latin code anywhere: names only.
  const names = await admin.locator(tid('staff-unit')).allInnerTexts()
  expect(names).toContain('东湖区')
  expect(names.filter((n) => /[a-z（]/i.test(n))).toEqual([])

  // A name already in the week is refused in Chinese; a new one is added with a generated code.
  await admin.fill(`${tid('staff-unit-name')} input`, '东湖区')
  await admin.click(tid('staff-unit-add'))
  await admin.waitForSelector(tid('staff-unit-error', '[data-code="UNIT_NAME_TAKEN"]'))
  await admin.fill(`${tid('staff-unit-name')} input`, DISTRICT)
  await admin.click(tid('staff-unit-add'))
  const added = admin.locator(tid('staff-unit'), { hasText: DISTRICT })
  await added.waitFor()
  districtCode = (await added.getAttribute('data-code')) ?? ''
  expect(districtCode).toMatch(/^d\d+$/)
  const [week] = await docs<{ districts: { code: string; name: string }[] }>('weeks', { _id: 'nc2026' })
  expect(week.districts).toContainEqual({ code: districtCode, name: DISTRICT })

  // 任命: 组织者 of the new district, valid 3 days (the default).
  await admin.click(tid('staff-appoint-role-organiser'))
  await admin.click(tid(`staff-appoint-unit-${districtCode}`))
  expect(await admin.locator(tid('staff-appoint-validity')).getAttribute('data-value')).toBe('72')
  await admin.click(tid('staff-appoint-create'))
  await admin.waitForSelector(tid('staff-appoint-done'))
  inviteCode = (await admin.locator(tid('staff-invite-code')).getAttribute('data-code')) ?? ''
  expect(inviteCode).toMatch(/^[A-Z2-9]{10}$/)
  expect((await admin.locator(tid('staff-invite-code')).innerText()).trim()).toBe(inviteCode)
  expect(await admin.locator(tid('staff-appoint-done')).innerText()).toContain(`${DISTRICT} 的组织者`)
  await admin.waitForFunction(() => {
    const img = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="staff-invite-qr"] img')).find(
      (el) => el.offsetParent !== null,
    )
    return !!img && img.complete && img.naturalWidth > 0
  })
  inviteLink = (await admin.locator(tid('staff-invite-share')).getAttribute('data-link')) ?? ''
  expect(inviteLink).toContain(`#/organiser/join/index?code=${inviteCode}`)
  // The unused code is listed, with 作废.
  await admin.waitForSelector(tid('staff-invite', `[data-code="${inviteCode}"]`))
  await screenshot(admin, 'staff-appoint-code')
})

test('a new person opens the link, redeems the code on 工作人员 and publishes an activity in the district', async () => {
  // 我的 → 工作人员 leads to the page …
  const probe = await openAs(browser, cloud.gateway.url, NEWCOMER)
  await openTab(probe, '我的')
  await probe.click(tid('entry-staff'))
  await probe.waitForSelector(tid('join-code'))
  await probe.context().close()
  // … and the shared link opens it with the code filled in (redeemed only on 确认).
  organiser = await openAs(browser, cloud.gateway.url, NEWCOMER)
  await organiser.goto(inviteLink)
  await organiser.waitForSelector(tid('join-code'))
  expect(await organiser.locator(`${tid('join-code')} input`).inputValue()).toBe(inviteCode)
  await organiser.click(tid('join-submit'))
  await organiser.waitForSelector(tid('join-done'))
  expect(await organiser.locator(tid('join-done')).innerText()).toContain(`你已成为 ${DISTRICT} 的组织者`)
  await screenshot(organiser, 'staff-join-done')

  // The organiser area: the new district is the only one, and an activity is published in it.
  await organiser.click(tid('join-done-go'))
  await organiser.click(tid('org-entry-activities'))
  await organiser.waitForSelector('[data-testid="org-activity-list"][data-status="ready"]:visible')
  await organiser.click(tid('org-new-activity'))
  await organiser.waitForSelector(tid('org-edit-form'))
  expect(await organiser.locator(tid('org-field-district')).getAttribute('data-value')).toBe(districtCode)
  expect(await organiser.locator(tid('org-field-district')).innerText()).toBe(DISTRICT)
  await organiser.fill(`${tid('org-field-title')} input`, TITLE)
  await organiser.click(tid('org-field-type-smart_senior'))
  await organiser.click(tid('org-field-topics-leisure'))
  await organiser.click(tid('org-field-audiences-seniors'))
  await organiser.fill(`${tid('org-field-organizer')} input`, `${DISTRICT}社区学校`)
  await organiser.fill(`${tid('org-field-venueName')} input`, '桃花社区学校')
  await organiser.fill(`${tid('org-field-venueAddress')} input`, '南昌市桃花路1号')
  await organiser.click(tid(`org-field-day-${tomorrow}`))
  await organiser.fill(`${tid('org-field-capacity')} input`, '20')
  await organiser.fill(`${tid('org-field-description')} textarea`, '识别常见诈骗电话和短信。')
  await organiser.fill(`${tid('org-field-contactName')} input`, '李老师')
  await organiser.fill(`${tid('org-field-contactPhone')} input`, '0791-86620318')
  await organiser.click(tid('org-publish'))
  await organiser.click(tid('org-publish-confirm'))
  await organiser.waitForSelector(tid('org-edit-form', '[data-status="published"]'))
  const [doc] = await docs<{ status: string; districtCode: string }>('activities', { title: TITLE })
  expect(doc).toMatchObject({ status: 'published', districtCode })
})

test("the admin's role list shows the organiser with the district; revoked, the district is gone from their pages", async () => {
  await admin.reload()
  await admin.waitForSelector(tid('staff-week', '[data-week="nc2026"]'))
  expect(await holders(admin)).toContain(`organiser:${DISTRICT}`)
  // Redeemed: no longer among the unused codes; the record says who appointed whom.
  expect(await admin.locator(tid('staff-invite', `[data-code="${inviteCode}"]`)).count()).toBe(0)
  expect(await admin.locator(tid('staff-changes')).innerText()).toContain(`涂建华 任命 未填姓名的用户 为 ${DISTRICT} 的组织者`)

  const row = admin.locator(tid('staff-holder', `[data-role="organiser"][data-unit="${DISTRICT}"]`))
  await row.locator(tid('staff-holder-revoke')).click()
  // Asked in place first; 不了 keeps it.
  await row.locator(tid('staff-revoke-keep')).click()
  expect(await holders(admin)).toContain(`organiser:${DISTRICT}`)
  await row.locator(tid('staff-holder-revoke')).click()
  await screenshot(admin, 'staff-revoke-confirm')
  await row.locator(tid('staff-revoke-confirm')).click()
  await admin.waitForFunction(
    (unit) =>
      !Array.from(document.querySelectorAll('[data-testid="staff-holder"]')).some(
        (e) => e.getAttribute('data-role') === 'organiser' && e.getAttribute('data-unit') === unit,
      ),
    DISTRICT,
  )
  await admin.waitForSelector(tid('staff-change', '[data-change="revoke"]'))
  expect(await admin.locator(tid('staff-changes')).innerText()).toContain(`涂建华 撤销了 未填姓名的用户 的身份：${DISTRICT} 的组织者`)
  await screenshot(admin, 'staff-revoked')

  // The organiser's pages no longer offer the district; the function refuses it.
  await organiser.goto(`${cloud.gateway.url}/#/organiser/activities/index`)
  await organiser.reload()
  await organiser.waitForSelector('text=您还没有管理权限')
  const refused = (await invokeFunction(
    'activity',
    {
      action: 'create',
      input: {
        weekId: 'nc2026',
        districtCode,
        title: `${TITLE}（二）`,
        type: 'smart_senior',
        topics: ['leisure'],
        audiences: ['seniors'],
        organizer: `${DISTRICT}社区学校`,
        coOrganizers: [],
        mode: 'offline',
        venue: { name: '桃花社区学校', address: '南昌市桃花路1号' },
        onlineUrl: null,
        startAt: shanghaiInstant(tomorrow, '14:00'),
        endAt: shanghaiInstant(tomorrow, '16:00'),
        signup: {
          capacity: 20,
          opensAt: Date.now(),
          closesAt: Date.now() + 12 * HOUR,
          cancelDeadline: Date.now() + 12 * HOUR,
          fields: ['name'],
        },
        description: '',
      },
    },
    NEWCOMER,
  )) as { ok: boolean; code?: string }
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  await organiser.context().close()
})

test('the setup code from 我的 → 工作人员: a wrong one says the tries left, the right one makes the bureau admin once', async () => {
  const first = await openAs(browser, cloud.gateway.url, 'e2e-bureau')
  // The page in 长辈版 sizes (switched on the home page).
  await first.waitForSelector(tid('care-toggle'))
  await first.click(tid('care-toggle'))
  await openTab(first, '我的')
  await first.click(tid('entry-staff'))
  await first.waitForSelector(tid('staff-join-page', '[data-care="on"]'))
  await first.click(tid('join-setup-open'))
  const m = await careMeasure(first, '[data-testid="staff-join-page"]')
  expect(m.min).toBeGreaterThanOrEqual(18)
  expect(m.max).toBeGreaterThanOrEqual(30)
  expect(m.minLineHeight).toBeGreaterThanOrEqual(1.3)
  expect(m.small).toEqual([])

  await first.fill(`${tid('join-setup-code')} input`, 'not-the-code')
  await first.click(tid('join-setup-submit'))
  await first.waitForSelector(tid('join-setup', '[data-code="SETUP_CODE_WRONG"]'))
  expect(await first.locator(tid('join-setup-field-error')).innerText()).toContain('还可以再试 4 次')
  await first.fill(`${tid('join-setup-code')} input`, SETUP_CODE)
  await first.click(tid('join-setup-submit'))
  await first.waitForSelector(tid('join-setup-done'))
  expect(await first.locator(tid('join-setup-done')).innerText()).toContain('你已成为 教育局管理员')
  await screenshot(first, 'staff-setup-done')
  // The bureau admin manages every week.
  await first.click(tid('join-setup-done-go'))
  await first.click(tid('org-entry-staff'))
  await first.waitForSelector(tid('staff-week-selector'))
  expect(await first.locator(tid('staff-week-selector')).innerText()).toMatch(/南昌[\s\S]*海南|海南[\s\S]*南昌/)
  await first.context().close()

  const second = await openAs(browser, cloud.gateway.url, 'e2e-latecomer')
  await second.goto(`${cloud.gateway.url}/#/organiser/join/index`)
  await second.click(tid('join-setup-open'))
  await second.fill(`${tid('join-setup-code')} input`, SETUP_CODE)
  await second.click(tid('join-setup-submit'))
  await second.waitForSelector(tid('join-setup', '[data-code="SETUP_CLAIMED"]'))
  expect(await second.locator(tid('join-setup-field-error')).innerText()).toContain('设置码已被使用')
  await second.context().close()
})

test('an organiser sees only their volunteers on 人员与任命, and revokes one', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-organiser')
  await page.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await page.click(tid('org-entry-staff'))
  await page.waitForSelector(tid('staff-week', '[data-week="nc2026"]'))
  expect(await holders(page)).toEqual([expect.stringMatching(/^volunteer:/)])
  // No units and no appointments for an organiser: volunteers are invited on 活动管理.
  expect(await page.locator(tid('staff-units')).count()).toBe(0)
  expect(await page.locator(tid('staff-appoint')).count()).toBe(0)
  await page.waitForSelector(tid('staff-go-activities'))
  await page.locator(tid('staff-holder-revoke')).click()
  await page.locator(tid('staff-revoke-confirm')).click()
  await page.waitForSelector(tid('staff-change', '[data-change="revoke"]'))
  expect(await holders(page)).toEqual([])
  const [user] = await docs<{ roles: { role: string }[] }>('users', { _id: 'dev-volunteer' })
  expect(user.roles.filter((r) => r.role === 'volunteer')).toEqual([])
  await page.context().close()
})

test('the week editor adds a district by its name only and never shows codes', async () => {
  await admin.goto(`${cloud.gateway.url}/#/organiser/week/index`)
  await admin.reload()
  await admin.click(tid('org-week-pick-nc2026'))
  await admin.waitForSelector(tid('org-week-editor', '[data-week="nc2026"]'))
  expect(await admin.locator(tid('org-week-district-code')).count()).toBe(0)
  await admin.fill(`${tid('org-week-district-name')} input`, '望城新区')
  await admin.click(tid('org-week-district-add'))
  const row = admin.locator(tid('org-week-district'), { hasText: '望城新区' })
  await row.waitFor()
  const code = (await row.getAttribute('data-code')) ?? ''
  expect(code).toMatch(/^d\d+$/)
  expect(code).not.toBe(districtCode)
  // Created on the server at once (units.create), before the week is saved.
  const [week] = await docs<{ districts: { code: string; name: string }[] }>('weeks', { _id: 'nc2026' })
  expect(week.districts).toContainEqual({ code, name: '望城新区' })
  const shown = await admin.locator(tid('org-week-district')).allInnerTexts()
  expect(shown.filter((t) => /[a-z（]/i.test(t.replace('移除', '')))).toEqual([])

  // A new edition's draft list: the code is made on the page (d<n>, the first one free).
  await admin.click(tid('org-week-new'))
  await admin.fill(`${tid('org-week-district-name')} input`, '新城区')
  await admin.click(tid('org-week-district-add'))
  const draft = admin.locator(tid('org-week-district'), { hasText: '新城区' })
  await draft.waitFor()
  expect(await draft.getAttribute('data-code')).toMatch(/^d\d+$/)
  await screenshot(admin, 'staff-week-districts')
})

test("a new edition made with 沿用…的人员任命 takes over the latest edition's appointments", async () => {
  // Still on the new edition's draft of the test above.
  const keepStaff = admin.locator(tid('org-week-keep-staff'))
  const fromName = /✓ 沿用(.+)的人员任命/.exec(await keepStaff.innerText())?.[1] ?? ''
  const [from] = await docs<{ _id: string; districts: { code: string }[] }>('weeks', { name: fromName })
  expect(from).toBeDefined()
  // That edition has an organiser besides its admins (appointed there before).
  const lastYearDistrict = from.districts[0].code
  await cloud.sdkDb
    .collection('users')
    .add({ data: { _id: 'e2e-last-year', roles: [{ role: 'organiser', weekId: from._id, districtCode: lastYearDistrict }], family: [] } })
  await admin.fill(`${tid('org-week-id')} input`, 'next2027')
  await admin.fill(`${tid('org-week-name')} input`, '2027年全民终身学习活动周')
  await admin.fill(`${tid('org-week-theme')} input`, '终身学习 共享美好')
  await admin.click(tid('org-week-save'))
  const done = admin.locator(tid('org-week-done'), { hasText: '沿用了' })
  await done.waitFor({ timeout: 15_000 })
  type Grant = { role: string; weekId?: string; districtCode?: string }
  const holdersOf = async (weekId: string) =>
    (await docs<{ _id: string; roles: Grant[] }>('users', { 'roles.weekId': weekId }))
      .flatMap((u) =>
        u.roles.filter((r) => r.weekId === weekId && r.role !== 'volunteer').map((r) => `${u._id}:${r.role}:${r.districtCode ?? ''}`),
      )
      .sort()
  const before = await holdersOf(from._id)
  const after = await holdersOf('next2027')
  expect(before.length).toBeGreaterThan(0)
  expect(after).toEqual(before)
  expect(after).toContain(`e2e-last-year:organiser:${lastYearDistrict}`)
  // The creator is already the new edition's admin: the rest are copied.
  const copied = Number(/(\d+) 项任命/.exec(await done.innerText())?.[1])
  expect(copied).toBe(after.filter((h) => !h.startsWith(`${ADMIN}:admin`)).length)
  expect(copied).toBeGreaterThan(0)
  await screenshot(admin, 'staff-week-new-edition')
})
