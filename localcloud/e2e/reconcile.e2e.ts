// 数据核对 in a real Chromium against a fresh seeded local cloud (h5 build, bundled functions on the
// real wx-server-sdk). Set-up through the functions: a week of two districts run by dev-organiser
// (east), three activities in the east with sign-ups. The reconcile's chunks are forced tiny
// (one activity per call), so the page drives it through many calls. Then in the browser: (a) from
// the dashboard's 数据核对 the organiser runs it to the end: the progress reaches all its units and the
// page says 全部一致; (b) a counter made to drift is listed in plain Chinese (the activity, 签到人次,
// recorded and recounted); (c) a failed call shows the error, and 重试 continues from the last
// cursor without counting anything twice; 取消 stops the run and 继续核对 finishes it.
import { mkdtempSync, rmSync } from 'node:fs'
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
const TITLES = ['数据核对·手机课堂', '数据核对·读书会', '数据核对·防诈骗讲座']
/** The organiser's units of work: 3 activities + their district (no course, no book). */
const UNITS = 4
const LIMITS_ENV = 'STATS_RECONCILE_LIMITS'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let weekId = ''
const activityIds: string[] = []
const started = Date.now()
const limitsBefore = process.env[LIMITS_ENV]

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
const db = () => cloud.sdkDb as any

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`
const attr = (page: Page, id: string, name = 'data-value') => page.locator(tid(id)).first().getAttribute(name)

beforeAll(async () => {
  // The functions run in this process: one activity per chunk, one chunk per call.
  process.env[LIMITS_ENV] = JSON.stringify({ activitiesPerChunk: 1, chunksPerCall: 1 })
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-reconcile-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })

  weekId = `rc${Date.now().toString(36)}`
  await must(
    'activity',
    'week.create',
    {
      id: weekId,
      name: '核对测试活动周',
      level: 'city',
      region: '核对市',
      theme: '终身学习 核对测试',
      startDate: shanghaiDate(Date.now() + 2 * DAY),
      endDate: shanghaiDate(Date.now() + 8 * DAY),
      districts: [
        { code: 'east', name: '东区' },
        { code: 'west', name: '西区' },
      ],
      summaryDeadline: shanghaiDate(Date.now() + 12 * DAY),
      organiser: '核对市教育局',
      contacts: [{ name: '联系人', unit: '核对市教育局', phone: '0791-00000000' }],
      status: 'published',
    },
    ADMIN,
  )
  await db()
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: db().command.push([{ role: 'organiser', weekId, districtCode: 'east' }]) } })
  const startAt = Math.ceil((Date.now() + 3 * DAY) / (60 * MIN)) * 60 * MIN
  for (const [i, title] of TITLES.entries()) {
    const at = startAt + i * 3 * 60 * MIN
    const created = await must(
      'activity',
      'create',
      {
        weekId,
        districtCode: 'east',
        title,
        type: 'smart_senior',
        topics: ['health'],
        audiences: ['seniors', 'residents'],
        organizer: '东区社区学院',
        coOrganizers: [],
        mode: 'offline',
        venue: { name: '东区社区学校', address: '核对市东区花园街道幸福社区一路1号' },
        onlineUrl: null,
        startAt: at,
        endAt: at + 90 * MIN,
        signup: {
          capacity: 30,
          opensAt: Date.now() - 60 * MIN,
          closesAt: at - 60 * MIN,
          cancelDeadline: at - DAY,
          fields: ['name', 'phone'],
        },
        description: '核对测试用活动。',
      },
      ORGANISER,
    )
    activityIds.push(created.activity.id)
    await must('activity', 'publish', { id: created.activity.id }, ORGANISER)
    await must('signup', 'create', { activityId: created.activity.id }, RESIDENT)
  }
  browser = await launchBrowser()
})

afterAll(async () => {
  if (limitsBefore === undefined) delete process.env[LIMITS_ENV]
  else process.env[LIMITS_ENV] = limitsBefore
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`reconcile e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

/** The organiser's 数据核对 page on the test week, reached from the dashboard. */
async function openReconcile(): Promise<Page> {
  const page = await openAs(browser, cloud.gateway.url, ORGANISER)
  await page.goto(`${cloud.gateway.url}/#/organiser/dashboard/index`)
  await page.waitForSelector(tid('org-week-selector'))
  await page.click(tid(`org-week-${weekId}`))
  await page.click(tid('org-entry-reconcile'))
  await page.waitForSelector(tid('reconcile-page'))
  await page.waitForSelector(tid('reconcile-start'))
  return page
}

/** The reconcile calls the page makes, with what each sent and answered. */
function recordCalls(page: Page) {
  const calls: { cursor: string | null; answer: string | null }[] = []
  page.on('requestfinished', async (req) => {
    const body = req.postDataJSON?.() as { fn?: string; action?: string; input?: { cursor?: string } } | null
    if (body?.fn !== 'stats' || body.action !== 'reconcile') return
    const res = await req.response()
    const json = res ? await res.json().catch(() => null) : null
    calls.push({ cursor: body.input?.cursor ?? null, answer: json?.ok ? json.data.cursor : null })
  })
  return calls
}

test('(a) from the dashboard, the organiser runs the reconcile to the end: 已核对 4 / 4 and 全部一致', async () => {
  const page = await openReconcile()
  await expect(page.locator(tid('reconcile-scope')).textContent()).resolves.toContain('核对范围：东区')
  const calls = recordCalls(page)
  await page.click(tid('reconcile-start'))
  await page.waitForSelector(tid('reconcile-all-agree'), { timeout: 20_000 })
  expect(await attr(page, 'reconcile-progress', 'data-done')).toBe(String(UNITS))
  expect(await attr(page, 'reconcile-progress', 'data-total')).toBe(String(UNITS))
  expect(await attr(page, 'reconcile-progress', 'data-percent')).toBe('100')
  await expect(page.locator(tid('reconcile-progress')).textContent()).resolves.toContain(`核对完成：${UNITS} 项`)
  // Many calls, each continuing from the cursor the one before answered.
  expect(calls.length).toBeGreaterThan(UNITS)
  calls.forEach((c, i) => expect(c.cursor).toBe(i === 0 ? null : calls[i - 1].answer))
  expect(calls[calls.length - 1].answer).toBeNull()
  expect(await page.locator(tid('reconcile-difference')).count()).toBe(0)
  await screenshot(page, 'reconcile-all-agree')
  await page.context().close()
})

test('(b) a counter that drifted is listed in plain Chinese: the activity, 签到人次, recorded and recounted', async () => {
  const _ = db().command
  await db()
    .collection('activities')
    .doc(activityIds[1])
    .update({ data: { 'attendance.checkedIn': _.inc(2) } })
  try {
    const page = await openReconcile()
    await page.click(tid('reconcile-start'))
    await page.waitForSelector(tid('reconcile-run', '[data-status="done"]'), { timeout: 20_000 })
    expect(await page.locator(tid('reconcile-all-agree')).count()).toBe(0)
    expect(await attr(page, 'reconcile-differences', 'data-count')).toBe('1')
    const item = page.locator(tid('reconcile-difference'))
    const text = await item.textContent()
    expect(text).toContain(`活动《${TITLES[1]}》`)
    expect(text).toContain('签到人次')
    expect(text).toContain('记录 2 · 实际 0')
    expect(text).toContain('记录的数字比实际多 2')
    await screenshot(page, 'reconcile-difference')
    await page.context().close()
  } finally {
    await db()
      .collection('activities')
      .doc(activityIds[1])
      .update({ data: { 'attendance.checkedIn': _.inc(-2) } })
  }
})

test('(c) a failed call shows the error and 重试 continues from the last cursor; 取消 stops and 继续核对 finishes', async () => {
  const _ = db().command
  await db()
    .collection('activities')
    .doc(activityIds[2])
    .update({ data: { 'counters.confirmed': _.inc(1) } })
  try {
    const page = await openReconcile()
    const calls = recordCalls(page)
    // The third reconcile call fails as if the network dropped.
    let seen = 0
    await page.route('**/api/call', async (route) => {
      const body = route.request().postDataJSON() as { action?: string }
      if (body?.action === 'reconcile' && ++seen === 3) return route.abort('internetdisconnected')
      return route.continue()
    })
    await page.click(tid('reconcile-start'))
    await page.waitForSelector(tid('state-error'), { timeout: 20_000 })
    expect(await attr(page, 'state-error', 'data-code')).toBe('NETWORK')
    const before = Number(await attr(page, 'reconcile-progress', 'data-done'))
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(UNITS)
    await screenshot(page, 'reconcile-error')
    const lastCursor = calls[calls.length - 1].answer
    expect(lastCursor).not.toBeNull()

    // Slow answers from here on, so that 取消 can be pressed mid-run.
    await page.unroute('**/api/call')
    await page.route('**/api/call', async (route) => {
      await new Promise((r) => setTimeout(r, 400))
      return route.continue()
    })
    const retriedFrom = calls.length
    await page.click(tid('retry'))
    await page.waitForSelector(tid('reconcile-cancel'))
    await page.click(tid('reconcile-cancel'))
    await page.waitForSelector(tid('reconcile-cancelled'))
    await page.waitForTimeout(800)
    // The retry sent the cursor of the last good answer.
    expect(calls.length).toBeGreaterThan(retriedFrom)
    expect(calls[retriedFrom].cursor).toBe(lastCursor)
    await screenshot(page, 'reconcile-cancelled')
    await page.click(tid('reconcile-resume'))
    await page.waitForSelector(tid('reconcile-run', '[data-status="done"]'), { timeout: 30_000 })
    expect(await attr(page, 'reconcile-progress', 'data-done')).toBe(String(UNITS))
    // The drift is listed once: never counted twice across the retry and the cancel.
    expect(await attr(page, 'reconcile-differences', 'data-count')).toBe('1')
    const text = (await page.locator(tid('reconcile-difference')).textContent()) ?? ''
    expect(text).toContain(`活动《${TITLES[2]}》`)
    expect(text).toContain('报名人数')
    expect(text).toContain('记录 2 · 实际 1')
    await page.context().close()
  } finally {
    await db()
      .collection('activities')
      .doc(activityIds[2])
      .update({ data: { 'counters.confirmed': _.inc(-1) } })
  }
})
