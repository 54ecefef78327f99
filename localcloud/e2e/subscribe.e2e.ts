// Subscribe messages in a real Chromium (h5 build, bundled functions on the real wx-server-sdk): a
// resident in care mode signs up and 允许 WeChat's dialog (the h5 stand-in asks as WeChat does, and records the
// acceptance with the local openapi); on the ticket they allow once more, which pays for the second
// reminder. The clock moves to the evening before, then to an hour before: the notify timer sends
// each reminder once, as a subscribe message, and both appear among the resident's notices.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { SUBSCRIBE_TEMPLATE_IDS } from '../../config/subscribeTemplateIds'
import { fitValue, reminderDueAt, subscribeTime } from '../../src/shared/domain/subscribe'
import { fireTimer } from '../gateway/timers'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { keepAhead } from './ahead'
import { launchBrowser, openAs, openTab, screenshot } from './browser'
import { careMeasure } from './care'

const ROOT = path.resolve(__dirname, '..', '..')
const RESIDENT = 'dev-resident'
const TARGET = 'nc2026-donghu-03' // 守好“养老钱”, sign-up open (moved ahead below)
const REG = `${TARGET}_${RESIDENT}`
const REMINDER = SUBSCRIBE_TEMPLATE_IDS.activity_reminder
const CHANGED = SUBSCRIBE_TEMPLATE_IDS.activity_changed

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let page: Page
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-subscribe-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [TARGET])
  browser = await launchBrowser()
  page = await openAs(browser, cloud.gateway.url, RESIDENT, { subscribe: 'ask' })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function registration(): Promise<{ startAt: Date; title: string; subscribe?: Record<string, { accepted: number }> }> {
  return ((await cloud.sdkDb.collection('registrations').doc(REG).get()) as unknown as { data: any }).data
}

/** WeChat's dialog (the h5 stand-in): what it asks, then 允许. */
async function allow(shot?: string): Promise<string> {
  const dialog = page.locator('.taro-modal__content:visible')
  await dialog.waitFor()
  const text = await dialog.innerText()
  if (shot) await screenshot(page, shot)
  await page.click('.taro-model__confirm:visible')
  await dialog.waitFor({ state: 'hidden' })
  return text
}

/** Fires the notify timer as the cloud does, with the clock at `at`. */
async function fireNotifyAt(at: number): Promise<any> {
  jest.spyOn(Date, 'now').mockReturnValue(at)
  try {
    return await fireTimer({ fn: 'notify', name: 'notify' }, new Date(at))
  } finally {
    jest.restoreAllMocks()
  }
}

test('the sign-up tap asks for the reminder and change messages; 允许 is recorded on the registration', async () => {
  // A senior's phone: care mode (长辈版) on, from the home page.
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await page.goto(`${cloud.gateway.url}/#/pages/signup/index?id=${TARGET}`)
  await page.click(tid('signup-confirm'))
  const asked = await allow('subscribe-dialog')
  expect(asked).toContain('活动开始提醒')
  expect(asked).toContain('活动变更通知')
  expect(asked).not.toContain('候补成功通知') // seats are left: no waitlist to be promoted from
  await page.waitForSelector(tid('signup-result', '[data-status="confirmed"]'))
  await page.waitForSelector(tid('signup-subscription', '[data-state="on"]'))
  expect(await page.locator(tid('signup-subscription')).innerText()).toContain('已开启微信消息提醒')
  await screenshot(page, 'subscribe-signup-result')

  // Right after the sign-up, 添加到手机日历 too (h5: an .ics with the activity and an alarm).
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('signup-calendar'))])
  const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n /g, '')
  expect(ics).toContain('TRIGGER:-PT1H')
  expect(await page.locator(tid('signup-calendar-done')).innerText()).toContain('日历')

  const reg = await registration()
  expect(ics).toContain(`SUMMARY:${reg.title}`)
  expect(reg.subscribe).toMatchObject({ activity_reminder: { accepted: 1 }, activity_changed: { accepted: 1 } })
  expect(reg.subscribe?.waitlist_promoted).toBeUndefined()
  // WeChat (the stand-in) holds one message of each for the person.
  expect(cloud.db.unusedAcceptances(RESIDENT, REMINDER)).toBe(1)
  expect(cloud.db.unusedAcceptances(RESIDENT, CHANGED)).toBe(1)
})

test('on the ticket, 微信提醒我 and 允许 once more pays for the second reminder, and says when both come', async () => {
  await page.click(tid('signup-go-ticket'))
  await page.click(tid('ticket-remind'))
  await allow()
  const done = page.locator(tid('ticket-remind-done'))
  await done.waitFor()
  expect(await done.innerText()).toBe('✓ 已开启微信提醒，提醒时间：活动前一天 18:00、开始前 1 小时。')
  const care = await careMeasure(page, '[data-testid="ticket-card"]')
  expect(care.small).toEqual([])
  await screenshot(page, 'subscribe-ticket-remind')
  expect((await registration()).subscribe).toMatchObject({ activity_reminder: { accepted: 2 }, activity_changed: { accepted: 2 } })
  expect(cloud.db.unusedAcceptances(RESIDENT, REMINDER)).toBe(2)
})

test('the clock moves to the evening before, then an hour before: each reminder is sent once and shows in 我的', async () => {
  const { startAt, title } = await registration()
  const start = new Date(startAt).getTime()
  const eve = reminderDueAt('eve', start) + 60_000

  const first = await fireNotifyAt(eve)
  expect(first).toMatchObject({ ok: true, data: { reminders: { written: 1 } } })
  // A second run a few minutes later sends nothing again.
  expect(await fireNotifyAt(eve + 5 * 60_000)).toMatchObject({ ok: true, data: { reminders: { written: 0 } } })
  let sent = cloud.db.subscribeMessages(RESIDENT).filter((m) => m.templateId === REMINDER)
  expect(sent).toHaveLength(1)
  // The title cut to a thing field's 20 characters; the start in WeChat's time format.
  expect(sent[0].data.thing1).toBe(fitValue('thing', title))
  expect(sent[0].data.thing1).toHaveLength(20)
  expect(sent[0].data.time2).toBe(subscribeTime(start))
  expect(sent[0].page).toBe('pages/mine/index')

  expect(await fireNotifyAt(reminderDueAt('hour', start) + 60_000)).toMatchObject({ ok: true, data: { reminders: { written: 1 } } })
  sent = cloud.db.subscribeMessages(RESIDENT).filter((m) => m.templateId === REMINDER)
  expect(sent).toHaveLength(2)
  // Both acceptances spent; the change notice's still held.
  expect(cloud.db.unusedAcceptances(RESIDENT, REMINDER)).toBe(0)
  expect(cloud.db.unusedAcceptances(RESIDENT, CHANGED)).toBe(2)

  await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
  await openTab(page, '我的')
  const reminders = page.locator(tid('notice-item', '[data-template="activity_reminder"]'))
  await reminders.first().waitFor()
  expect(await reminders.count()).toBe(2)
  expect(await reminders.first().innerText()).toContain(`活动提醒：${title}`)
  expect(await reminders.first().innerText()).toContain('开始，请按时参加')
  await reminders.first().scrollIntoViewIfNeeded()
  await screenshot(page, 'subscribe-mine-reminders')
})
