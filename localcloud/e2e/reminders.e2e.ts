// The 总结表 reminder in a real Chromium (h5 build, bundled functions on the real wx-server-sdk): a
// week whose deadline is three days away, its district 提醒区 run by dev-organiser and not submitted;
// the stats timer fires; the organiser finds the notice under 我的, in words, and a tap opens the
// district's 总结表 page. On that page they allow the deadline reminders in WeChat's dialog, and the
// notify timer sends the reminder to their WeChat.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { SUBSCRIBE_TEMPLATE_IDS } from '../../config/subscribeTemplateIds'
import { invokeFunction } from '../gateway/functions'
import { fireTimer } from '../gateway/timers'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { dayParts } from '../../src/utils/activityText'
import { shanghaiDate } from '../../src/shared/domain/time'
import { launchBrowser, openAs, openTab, screenshot } from './browser'
import { careMeasure } from './care'

const ROOT = path.resolve(__dirname, '..', '..')
const ADMIN = 'dev-admin'
const ORGANISER = 'dev-organiser'
const DAY = 24 * 3_600_000

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let weekId = ''
let deadline = ''
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-reminders-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  weekId = `rm${Date.now().toString(36)}`
  deadline = shanghaiDate(Date.now() + 3 * DAY)
  const res = (await invokeFunction(
    'activity',
    {
      action: 'week.create',
      input: {
        id: weekId,
        name: '提醒测试活动周',
        level: 'city',
        region: '提醒市',
        theme: '终身学习 提醒测试',
        startDate: shanghaiDate(Date.now() - 10 * DAY),
        endDate: shanghaiDate(Date.now() - 4 * DAY),
        districts: [{ code: 'rmd', name: '提醒区' }],
        summaryDeadline: deadline,
        organiser: '提醒市教育局',
        status: 'published',
      },
    },
    ADMIN,
  )) as { ok: boolean }
  expect(res).toMatchObject({ ok: true })
  const db = cloud.sdkDb as any
  await db
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: db.command.push([{ role: 'organiser', weekId, districtCode: 'rmd' }]) } })
  expect(await fireTimer({ fn: 'stats', name: 'reminders' })).toMatchObject({ ok: true })
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('the organiser finds the 总结表 reminder under 我的 and a tap opens the district’s 总结表', async () => {
  const page = await openAs(browser, cloud.gateway.url, ORGANISER)
  await openTab(page, '我的')
  const notice = page.locator(tid('notice-item', '[data-template="summary_due"]'), { hasText: '提醒区' })
  await notice.waitFor()
  expect(await notice.innerText()).toContain(`提醒区的总结表还没有提交，截止日期 ${dayParts(deadline).date}（还有 3 天）`)
  expect(await notice.getAttribute('role')).toBe('link')
  // The card is the tap target: no tap under 60×60 in the notices.
  const care = await careMeasure(page, '[data-testid="notices"]')
  expect(care.small).toEqual([])
  await screenshot(page, 'reminders-mine-notice')
  await notice.click()
  await page.waitForSelector(tid('summary-page'))
  expect(page.url()).toContain(`weekId=${weekId}`)
  expect(page.url()).toContain('districtCode=rmd')
})

test('on the 总结表, 截止前微信提醒我 and 允许: the waiting reminder goes to the organiser’s WeChat', async () => {
  const page = await openAs(browser, cloud.gateway.url, ORGANISER, { subscribe: 'ask' })
  await page.goto(`${cloud.gateway.url}/#/organiser/summary/index?weekId=${weekId}&districtCode=rmd`)
  await page.click(tid('summary-remind'))
  const dialog = page.locator('.taro-modal__content:visible')
  await dialog.waitFor()
  expect(await dialog.innerText()).toContain('材料提交提醒')
  await page.click('.taro-model__confirm:visible')
  const done = page.locator(tid('summary-remind-done'))
  await done.waitFor()
  expect(await done.innerText()).toContain('下一次截止提醒会发到微信')
  await screenshot(page, 'reminders-summary-subscribe')

  // The notify timer sends one reminder written this morning (one acceptance pays for one message);
  // any other reminder of theirs due today (the seeded week's, near its own deadline) is listed only.
  const outbox = () => allNotices(ORGANISER)
  const pending = (await outbox()).filter((n) => n.send?.state === 'pending')
  expect(pending.map((n) => n.payload.unitName)).toContain('提醒区')
  expect(await fireTimer({ fn: 'notify', name: 'notify' })).toMatchObject({ ok: true, data: { send: { sent: 1 } } })
  const after = await outbox()
  const went = after.filter((n) => n.send?.state === 'sent')
  expect(went).toHaveLength(1)
  expect(after.filter((n) => n.send?.state === 'unsendable')).toHaveLength(pending.length - 1)
  const sent = cloud.db.subscribeMessages(ORGANISER).filter((m) => m.templateId === SUBSCRIBE_TEMPLATE_IDS.summary_due)
  expect(sent).toHaveLength(1)
  expect(sent[0].data.thing1).toBe(`${went[0].payload.unitName}总结表`)
  expect(sent[0].data.thing3).toBe(`还有${went[0].payload.daysLeft}天截止，请按时提交给上级`)
})

/** The person's 总结表 reminders in the outbox. */
async function allNotices(openid: string): Promise<any[]> {
  const res = (await cloud.sdkDb
    .collection('outbox')
    .where({ recipient: openid, template: 'summary_due' })
    .limit(100)
    .get()) as unknown as {
    data: any[]
  }
  return res.data
}
