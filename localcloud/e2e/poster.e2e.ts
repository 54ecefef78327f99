// The activity poster and the calendar in a real Chromium against a fresh seeded local cloud (h5
// build, bundled functions on the real wx-server-sdk): a resident opens an activity, taps 生成海报 and
// the poster is drawn on its canvas with the 小程序码 the activity function made (the local stand-in's
// QR of the h5 address, fetched from storage); that code's scene opens the activity page; on the
// ticket 添加到手机日历 downloads an .ics with the activity's title and start.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { launchBrowser, openAs, screenshot } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const RESIDENT = 'dev-resident'
const TARGET = 'nc2026-donghu-03' // 守好“养老钱”, 120 seats
const DAY = 24 * 3_600_000

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let page: Page
let activityId = ''
let activityTitle = ''
let registrationId = ''

/** A visible element by test id (pages the router keeps behind the current one are hidden). */
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

interface Envelope {
  ok: boolean
  data?: any
  code?: string
}
const call = (fn: string, action: string, input: unknown, openid: string) =>
  invokeFunction(fn, { action, input }, openid) as Promise<Envelope>

async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const res = (await cloud.sdkDb.collection(collection).where(where).limit(100).get()) as unknown as { data: T[] }
  return res.data
}

/**
 * The seeded week is dated 2026: the activity is moved by whole days until its sign-up is still open
 * the day after tomorrow (as signup.e2e.ts does), so the file passes on any date. A no-op while it is ahead.
 */
async function keepAhead(id: string) {
  const col = cloud.sdkDb.collection('activities')
  const d = ((await col.doc(id).get()) as unknown as { data: Record<string, any> }).data
  const ms = (v: unknown) => new Date(v as string).getTime()
  const now = Date.now()
  const days = Math.max(0, Math.ceil((now + 2 * DAY - ms(d.signup.closesAt)) / DAY))
  if (days === 0) return
  const shift = (v: unknown) => new Date(ms(v) + days * DAY)
  await col.doc(id).update({
    data: {
      startAt: shift(d.startAt),
      endAt: shift(d.endAt),
      'signup.opensAt': new Date(Math.min(ms(d.signup.opensAt) + days * DAY, now - 3_600_000)),
      'signup.closesAt': shift(d.signup.closesAt),
      'signup.cancelDeadline': shift(d.signup.cancelDeadline),
    },
  })
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-poster-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(TARGET)
  const signed = await call('signup', 'create', { activityId: TARGET }, RESIDENT)
  if (!signed.ok || signed.data.registration.status !== 'confirmed') throw new Error(`signup.create: ${JSON.stringify(signed)}`)
  activityId = TARGET
  registrationId = signed.data.registration.id
  activityTitle = (await docs<{ title: string }>('activities', { _id: TARGET }))[0].title
  browser = await launchBrowser()
  page = await openAs(browser, cloud.gateway.url, RESIDENT)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('生成海报 on an activity draws the poster on a canvas with the 小程序码 fetched from storage', async () => {
  const codeFetches: string[] = []
  page.on('response', (r) => {
    if (r.url().includes('/storage/wxacode/') && r.status() === 200) codeFetches.push(r.url())
  })
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?id=${encodeURIComponent(activityId)}`)
  await page.waitForSelector(tid('detail-title'))
  // The link is plain text on a button (the main package has no bytes to spare for a test id).
  await page.locator('.btn:visible', { hasText: '生成海报' }).click()
  await page.waitForSelector(tid('poster', '[data-ready="true"]'), { timeout: 20_000 })

  // The code was made once and kept; the page fetched its picture.
  const kept = await docs<{ fileId: string; scene: string }>('wxacodes', { activityId })
  expect(kept).toHaveLength(1)
  expect(codeFetches.some((u) => u.endsWith(kept[0].fileId.replace(/^cloud:\/\/[^/]+\//, '')))).toBe(true)

  // The canvas holds a drawing: the week's band (blue), the paper, dark text and the code's black modules.
  const pixels = await page.locator(tid('poster-canvas')).evaluate((el) => {
    const canvas = el.tagName === 'CANVAS' ? (el as HTMLCanvasElement) : (el.querySelector('canvas') as HTMLCanvasElement)
    const ctx = canvas.getContext('2d')!
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    let blue = 0
    const colours = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]]
      if (r < 60 && g < 60 && b < 60) dark++
      if (r < 40 && g > 70 && g < 110 && b > 150) blue++
      colours.add((r << 16) | (g << 8) | b)
    }
    // The middle of the code's finder pattern (top-left 7×7 block, quiet zone 4 of ~33 modules) is black.
    const codeLeft = (canvas.width - 300) / 2
    const finder = ctx.getImageData(codeLeft + 300 * (7.5 / 41), 790 + 300 * (7.5 / 41), 1, 1).data
    return { width: canvas.width, height: canvas.height, dark, blue, colours: colours.size, finder: Array.from(finder) }
  })
  expect(pixels.width).toBe(750)
  expect(pixels.height).toBe(1200)
  expect(pixels.colours).toBeGreaterThan(10)
  expect(pixels.dark).toBeGreaterThan(1000)
  expect(pixels.blue).toBeGreaterThan(1000)
  expect(pixels.finder.slice(0, 3).every((v) => v < 80)).toBe(true)

  // The code on the poster reads as the h5 address of the activity page with the scene.
  const code = await page.locator(tid('poster-canvas')).evaluate((el) => {
    const canvas = el as HTMLCanvasElement
    const left = (canvas.width - 300) / 2 - 16
    return Array.from(canvas.getContext('2d')!.getImageData(left, 790 - 16, 332, 332).data)
  })
  expect(jsQR(Uint8ClampedArray.from(code), 332, 332)?.data).toBe(`${cloud.gateway.url}/#/pages/activity/index?scene=${kept[0].scene}`)

  await expect(page.locator(tid('poster-save')).getAttribute('download')).resolves.toBe('活动海报.png')
  await page.waitForTimeout(400)
  await screenshot(page, 'poster')
  // The poster itself, as saved.
  const href = await page.locator(tid('poster-save')).getAttribute('href')
  expect(href).toMatch(/^data:image\/png;base64,/)
  mkdirSync(path.join(ROOT, '.artifacts', 'screenshots'), { recursive: true })
  writeFileSync(path.join(ROOT, '.artifacts', 'screenshots', 'poster-image.png'), Buffer.from(href!.split(',')[1], 'base64'))
})

test("the 小程序码's scene opens the activity page", async () => {
  const [kept] = await docs<{ scene: string }>('wxacodes', { activityId })
  await page.goto(`${cloud.gateway.url}/#/pages/activity/index?scene=${encodeURIComponent(kept.scene)}`)
  await page.reload()
  await expect(page.locator(tid('detail-title')).textContent()).resolves.toBe(activityTitle)
})

test('添加到手机日历 on the ticket downloads an .ics with the title and start', async () => {
  await page.goto(`${cloud.gateway.url}/#/ticket/index?id=${encodeURIComponent(registrationId)}`)
  await page.reload()
  await page.waitForSelector(tid('ticket-card'))
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('ticket-calendar'))])
  expect(download.suggestedFilename()).toMatch(/\.ics$/)
  const ics = readFileSync((await download.path())!, 'utf8')
  const lines = ics.replace(/\r\n /g, '').split('\r\n')
  const [activity] = await docs<{ startAt: Date | string }>('activities', { _id: activityId })
  const start = new Date(activity.startAt)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  expect(lines).toContain(`SUMMARY:${activityTitle.replace(/([,;\\])/g, '\\$1')}`)
  expect(lines).toContain(`DTSTART:${start}`)
  expect(ics).toContain('\r\nTRIGGER:-PT1H\r\n')
  await expect(page.locator(tid('ticket-calendar-done')).textContent()).resolves.toContain('日历')
})
