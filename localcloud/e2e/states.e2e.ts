// Ended, running and open activities on a fixed clock (2026-12-02 15:00, Shanghai, the Wednesday of
// the seeded week): the functions run in this process and read Date.now, the page's clock is fixed
// by Playwright, so both sides see the same moment. Each card says its state in words (已结束, 报名已截止,
// 无需报名 or the seats left), and 只看还能参加的 keeps exactly the activities canStillJoin allows.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { canStillJoin, hasEnded } from '../../src/shared/domain/signupRules'
import { shanghaiDate, shanghaiInstant } from '../../src/shared/domain/time'
import { launchBrowser, openAs, openFilters, screenshot } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const DAY = '2026-12-02'
const NOW = shanghaiInstant(DAY, '15:00')
const realNow = Date.now
let cloud: LocalCloud
let browser: Browser
let dataDir: string

interface ActivityRow {
  _id: string
  day: string
  status: 'published' | 'draft' | 'cancelled'
  startAt: number
  endAt: number
  signup: { opensAt: number; closesAt: number } | null
  seatsLeft: number | null
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  Date.now = () => NOW
  browser = await launchBrowser()
})
afterAll(async () => {
  Date.now = realNow
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const ms = (d: unknown) => new Date(d as string).getTime()

/** The week's published activities of a day, as stored. */
async function activitiesOn(day: string): Promise<ActivityRow[]> {
  const res = (await cloud.sdkDb.collection('activities').where({ weekId: 'nc2026', status: 'published' }).limit(200).get()) as unknown as {
    data: Record<string, any>[]
  }
  return res.data
    .map((d) => ({
      _id: d._id as string,
      day: shanghaiDate(ms(d.startAt)),
      status: d.status,
      startAt: ms(d.startAt),
      endAt: ms(d.endAt),
      signup: d.signup ? { opensAt: ms(d.signup.opensAt), closesAt: ms(d.signup.closesAt) } : null,
      seatsLeft: d.signup ? (d.seatsLeft as number) : null,
    }))
    .filter((a) => a.day === day)
}

/** What a card should say about its seats at NOW. */
function expectedSeats(a: ActivityRow): RegExp {
  if (hasEnded(a, NOW)) return /^已结束$/
  if (!a.signup) return /^无需报名$/
  if (NOW >= a.signup.closesAt) return /^报名已截止$/
  if ((a.seatsLeft ?? 0) <= 0) return /已报满/
  return /(剩余|仅剩) \d+ 个名额/
}

async function cards(page: Page): Promise<Map<string, string>> {
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
  for (let i = 0; i < 20 && (await page.locator('[data-testid="load-more"]').count()) > 0; i++) {
    const before = await page.locator('[data-testid="activity-card"]').count()
    await page.locator('[data-testid="load-more"]').click()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="activity-card"]').length > n, before)
  }
  const rows = await page
    .locator('[data-testid="activity-card"]')
    .evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute('data-id') ?? '',
        (e.querySelector('[data-testid="activity-card-seats"]')?.textContent ?? '').replace(/^[●✕] /, ''),
      ]),
    )
  return new Map(rows as [string, string][])
}

test('on a fixed clock each card of the day says ended, closed or open, and 只看还能参加的 keeps exactly the joinable ones', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-resident', { now: NOW })
  // The list opens on today while the week runs.
  await page.waitForSelector(`[data-testid="day-tab-${DAY}"][data-selected="true"]`)
  const stored = await activitiesOn(DAY)
  const ended = stored.filter((a) => hasEnded(a, NOW))
  const running = stored.filter((a) => a.startAt <= NOW && !hasEnded(a, NOW))
  const later = stored.filter((a) => a.startAt > NOW)
  expect(ended.length).toBeGreaterThan(0)
  expect(running.length).toBeGreaterThan(0)

  const shown = await cards(page)
  expect([...shown.keys()].sort()).toEqual(stored.map((a) => a._id).sort())
  for (const a of stored) expect([a._id, shown.get(a._id)]).toEqual([a._id, expect.stringMatching(expectedSeats(a))])
  // No ended activity shows seats.
  for (const a of ended) expect(shown.get(a._id)).toBe('已结束')
  await screenshot(page, 'states-day-all')

  await openFilters(page)
  await page.click('[data-testid="filter-seats"]:visible')
  await page.waitForSelector('[data-testid="filter-seats"][data-selected="true"]:visible')
  await page.waitForSelector('[data-testid="activity-list"][data-status="ready"]')
  const joinable = stored.filter((a) => canStillJoin(a, NOW)).map((a) => a._id)
  const kept = await cards(page)
  expect([...kept.keys()].sort()).toEqual(joinable.sort())
  for (const a of ended) expect(kept.has(a._id)).toBe(false)
  for (const a of running.filter((r) => r.signup)) expect(kept.has(a._id)).toBe(false)
  console.log(
    `states at ${DAY} 15:00: ${stored.length} activities, ${ended.length} ended, ${running.length} running, ${later.length} later; ${joinable.length} joinable`,
  )
  await screenshot(page, 'states-day-joinable')
  await page.context().close()
})

test('an activity later in the week with sign-up open shows its seats; its page offers 报名', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-resident', { now: NOW })
  const nextDay = '2026-12-04'
  await page.click(`[data-testid="day-tab-${nextDay}"]`)
  await page.waitForSelector(`[data-testid="day-tab-${nextDay}"][data-selected="true"]`)
  const stored = await activitiesOn(nextDay)
  const open = stored.filter((a) => a.signup && canStillJoin(a, NOW))
  expect(open.length).toBeGreaterThan(0)
  const shown = await cards(page)
  for (const a of open) expect(shown.get(a._id)).toMatch(/(剩余|仅剩) \d+ 个名额/)
  await page.click(`[data-testid="activity-card"][data-id="${open[0]._id}"]`)
  await page.waitForSelector('[data-testid="signup-state"]:visible')
  await expect(page.locator('[data-testid="signup-state"]:visible').innerText()).resolves.toContain('正在报名')
  await page.context().close()
})

test("an invite made today for tomorrow's activity, with the default validity, lets the volunteer in tomorrow", async () => {
  const tomorrow = '2026-12-03'
  const target = (await activitiesOn(tomorrow)).find((a) => a.signup !== null && a._id.startsWith('nc2026-donghu-'))
  expect(target).toBeDefined()
  // Today (12-02 15:00) the organiser invites volunteers for it, keeping the default 到所选活动结束.
  const org = await openAs(browser, cloud.gateway.url, 'dev-organiser', { now: NOW })
  await org.goto(`${cloud.gateway.url}/#/organiser/activities/index`)
  await org.waitForSelector('[data-testid="org-activity-list"][data-status="ready"]')
  await org.click('[data-testid="org-invite-open"]:visible')
  await org.click(`[data-testid="org-invite-activity-${target!._id}"]:visible`)
  await org.click('[data-testid="org-invite-create"]:visible')
  const codeEl = org.locator('[data-testid="org-invite-code"]:visible')
  await codeEl.waitFor()
  const code = (await codeEl.getAttribute('data-code')) ?? ''
  expect(code).toMatch(/^[A-Z0-9]{8}$/)
  const stored = (await (cloud.sdkDb as any).collection('invites').doc(code).get()).data
  expect(ms(stored.expiresAt)).toBe(target!.endAt)
  await org.context().close()

  // Tomorrow at 08:30 a volunteer opens the invite link and joins: still valid.
  const morning = shanghaiInstant(tomorrow, '08:30')
  Date.now = () => morning
  try {
    const page = await openAs(browser, cloud.gateway.url, 'dev-senior', { now: morning })
    await page.goto(`${cloud.gateway.url}/#/volunteer/scan/index?code=${code}`)
    await page.waitForSelector('[data-testid="volunteer-activities"][data-status="ready"]')
    await page.locator('[data-testid="invite-submit"]:visible').click()
    await page.waitForSelector('[data-testid="invite-done"]:visible')
    await page.waitForSelector(`[data-testid="vol-activity"][data-id="${target!._id}"]:visible`)
    await screenshot(page, 'states-invite-tomorrow')
    await page.context().close()
  } finally {
    Date.now = () => NOW
  }
})
