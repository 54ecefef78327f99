// 通知报名者 in a real Chromium against a fresh seeded local cloud (h5 build): the organiser opens a
// published activity with registrants from its editor, writes a venue change, confirms it (将通知 N
// 位报名者) and reads the outcome (已通知 N 人，今天第 1 次); a resident signed up finds it under 我的;
// once the day's 3 are taken (two more sent meanwhile, as by another organiser), a fourth is refused
// with the day’s limit in words and the button says so; 活动管理 leads to the page from the card too.
// The tests share pages and run in order.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { successText } from '../../src/organiser/change-notice/changeText'
import { keepAhead } from './ahead'
import { launchBrowser, openAs, openTab, screenshot } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const ORGANISER = 'dev-organiser'
const RESIDENT = 'dev-resident'
const TARGET = 'nc2026-donghu-03' // 守好“养老钱”, 东湖区, sign-up open (moved ahead below)
const MESSAGE = '改到社区学校二楼多功能厅'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let org: Page
let registrants = 0

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(1000).get()) as unknown as { data: T[] }
  return res.data
}

/** Writes the message and confirms the send on the open change-notice page. */
async function writeAndConfirm(page: Page, message: string) {
  await page.fill(`${tid('change-message')} textarea`, message)
  await page.click(tid('change-send'))
  await page.waitForSelector(tid('change-send-box'))
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-change-notice-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [TARGET])
  const signed = (await invokeFunction('signup', { action: 'create', input: { activityId: TARGET } }, RESIDENT)) as { ok: boolean }
  if (!signed.ok) throw new Error(`signup.create: ${JSON.stringify(signed)}`)
  const active = await docs<{ status: string; activityCancelled?: boolean }>('registrations', { activityId: TARGET })
  registrants = active.filter((r) => (r.status === 'confirmed' || r.status === 'waitlisted') && !r.activityCancelled).length
  browser = await launchBrowser()
  org = await openAs(browser, cloud.gateway.url, ORGANISER)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

test('from the editor, the organiser sends a venue change: confirmed with how many, then 已通知 N 人，今天第 1 次', async () => {
  await org.goto(`${cloud.gateway.url}/#/organiser/activity-edit/index?id=${TARGET}`)
  await org.waitForSelector(tid('org-edit-form', '[data-status="published"]'))
  await org.click(tid('org-change-notice'))
  await org.waitForSelector(tid('change-form', `[data-id="${TARGET}"]`))
  expect(await org.locator(tid('change-today')).innerText()).toBe('今天已发送 0/3 次（每天最多 3 次）')

  // Too short: said in place, nothing sent.
  await org.click(tid('change-kind-venue'))
  await org.fill(`${tid('change-message')} textarea`, '改')
  await org.click(tid('change-send'))
  expect(await org.locator(tid('change-message-row')).getAttribute('data-error')).toBe('true')
  expect(await org.locator(tid('change-send-box')).count()).toBe(0)

  await writeAndConfirm(org, MESSAGE)
  expect(await org.locator(tid('change-send-box')).innerText()).toContain(`将通知 ${registrants} 位报名者`)
  await org.click(tid('change-send-confirm'))
  await org.waitForSelector(tid('change-done'))
  expect(await org.locator(tid('change-done')).innerText()).toBe(successText(registrants, 1))
  await org.waitForSelector(tid('change-today', '[data-sent="1"]'))
  expect(await org.locator(tid('change-sent-item')).innerText()).toContain(MESSAGE)
  await org.waitForTimeout(300)
  await screenshot(org, 'change-notice-sent')

  const [record] = await docs<Record<string, unknown>>('changeNotices', { activityId: TARGET })
  expect(record).toMatchObject({ change: 'venue', message: MESSAGE, by: ORGANISER, slot: 1, notified: registrants })
})

test('a resident signed up finds the change under 我的', async () => {
  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await openTab(page, '我的')
  const notice = page.locator(tid('notice-item', '[data-template="activity_changed"]'))
  await notice.first().waitFor()
  expect(await notice.count()).toBe(1)
  const text = await notice.innerText()
  expect(text).toContain('活动变更：')
  expect(text).toContain(MESSAGE)
  await page.waitForTimeout(300)
  await screenshot(page, 'change-notice-mine')
  await page.context().close()
})

test('once the day’s 3 are taken, a fourth is refused with the day’s limit in words and the button says so', async () => {
  // Two more sent meanwhile (as by another organiser of the district): the page still says 1/3.
  for (const n of [2, 3]) {
    const res = await invokeFunction(
      'notify',
      {
        action: 'change.send',
        input: { activityId: TARGET, change: 'time', message: `第${n}次变更：改到下午两点`, nonce: `e2e-change-${n}-abcdef` },
      },
      ORGANISER,
    )
    expect(res).toMatchObject({ ok: true, data: { today: n } })
  }
  await writeAndConfirm(org, '再次提醒：请带好身份证')
  await org.click(tid('change-send-confirm'))
  await org.waitForSelector(tid('change-error'))
  expect(await org.locator(tid('change-error')).getAttribute('data-code')).toBe('TOO_MANY_ATTEMPTS')
  expect(await org.locator(tid('change-error')).innerText()).toContain('今天已经发送了 3 次变更通知，每个活动每天最多 3 次，请明天再发。')
  await org.waitForSelector(tid('change-today', '[data-sent="3"]'))
  expect(await org.locator(tid('change-send')).getAttribute('data-disabled')).toBe('true')
  expect(await org.locator(tid('change-send')).innerText()).toBe('今天已达上限，请明天再发')
  await org.waitForTimeout(300)
  await screenshot(org, 'change-notice-limit')
  expect(await docs('changeNotices', { activityId: TARGET })).toHaveLength(3)
})

test('活动管理 leads straight to 通知报名者 from a published activity’s card (not its editor), with the day’s count', async () => {
  await org.goto(`${cloud.gateway.url}/#/organiser/activities/index`)
  const item = org.locator(tid('org-activity-item', `[data-id="${TARGET}"]`))
  await item.waitFor()
  await item.scrollIntoViewIfNeeded()
  await org.waitForTimeout(300)
  await screenshot(org, 'change-notice-list')
  await item.locator(tid('org-activity-notify')).click()
  await org.waitForSelector(tid('change-form', `[data-id="${TARGET}"]`))
  expect(org.url()).toContain('/organiser/change-notice/')
  expect(await org.locator(tid('org-edit-form')).count()).toBe(0)
  expect(await org.locator(tid('change-today')).innerText()).toContain('今天已发送 3/3 次')
  expect(await org.locator(tid('change-sent-item')).count()).toBe(3)
})
