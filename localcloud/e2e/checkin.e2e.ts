// QR ticket to check-in in a real Chromium against a fresh seeded local cloud (h5 build, bundled
// functions on the real wx-server-sdk). Set-up through the functions (a week and an activity dated
// today, inside its check-in window, and the resident's sign-up); then in the browser: the resident
// opens the ticket from 我的活动, the QR is read back from the rendered image and decoded with jsqr
// (the token comes from the picture, not from the API); the volunteer redeems an organiser's invite,
// pastes the token into the scan screen and sees 签到成功; the same ticket again says 已签到, a
// tampered one 未通过; and the counts (volunteer list, organiser's stored counters) move by one.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { shanghaiDate } from '../../src/shared/domain/time'
import { goBackSettled, launchBrowser, openAs, screenshot as keep } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const MIN = 60_000
const DAY = 24 * 60 * MIN
const ADMIN = 'dev-admin'
const ORGANISER = 'dev-organiser'
const RESIDENT = 'dev-resident'
const VOLUNTEER = 'dev-volunteer'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let activityId = ''
let weekId = ''
let registrationId = ''
let token = ''
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

/** A published offline activity of the test week starting in about 30 minutes (check-in is open now). */
async function newActivity(title: string, capacity: number): Promise<string> {
  // Starts in about 30 minutes: check-in (from 60 minutes before the start) is open now.
  const startAt = Math.ceil((Date.now() + 30 * MIN) / (5 * MIN)) * 5 * MIN
  const created = await must(
    'activity',
    'create',
    {
      weekId,
      districtCode: 'east',
      title,
      type: 'smart_senior',
      topics: ['science_culture'],
      audiences: ['seniors', 'residents'],
      organizer: '东区社区学院',
      coOrganizers: [],
      mode: 'offline',
      venue: { name: '东区社区学校', address: '测试市东区一路1号' },
      onlineUrl: null,
      startAt,
      endAt: startAt + 90 * MIN,
      signup: {
        capacity,
        opensAt: Date.now() - 60 * MIN,
        closesAt: startAt,
        cancelDeadline: startAt - 10 * MIN,
        fields: ['name', 'phone'],
      },
      description: '签到测试用活动。',
    },
    ORGANISER,
  )
  const id = created.activity.id as string
  await must('activity', 'publish', { id }, ORGANISER)
  const db = cloud.sdkDb as any
  await db
    .collection('users')
    .doc(VOLUNTEER)
    .update({ data: { roles: db.command.push([{ role: 'volunteer', weekId, activityIds: [id] }]) } })
  return id
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-checkin-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })

  // A week from today, dev-organiser running its district.
  weekId = `ck${Date.now().toString(36)}`
  await must(
    'activity',
    'week.create',
    {
      id: weekId,
      name: '签到测试活动周',
      level: 'city',
      region: '测试市',
      theme: '终身学习 签到测试',
      startDate: shanghaiDate(Date.now()),
      endDate: shanghaiDate(Date.now() + 6 * DAY),
      districts: [{ code: 'east', name: '东区' }],
      summaryDeadline: shanghaiDate(Date.now() + 12 * DAY),
      organiser: '测试市教育局',
      contacts: [{ name: '联系人', unit: '测试市教育局', phone: '0791-00000000' }],
      status: 'published',
    },
    ADMIN,
  )
  const db = cloud.sdkDb as any
  await db
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: db.command.push([{ role: 'organiser', weekId, districtCode: 'east' }]) } })

  activityId = await newActivity('智慧助老·扫码签到体验课', 30)
  const signed = await must('signup', 'create', { activityId }, RESIDENT)
  registrationId = signed.registration.id
  expect(signed.registration.status).toBe('confirmed')

  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`checkin e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('the resident opens the ticket from 我的活动; the QR read back from the page decodes to a signed token', async () => {
  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.goto(`${cloud.gateway.url}/#/pages/mine/index`)
  const item = page.locator(tid('mine-item', `[data-id="${registrationId}"]`))
  await item.waitFor()
  await item.locator(tid('mine-ticket')).click()
  await page.waitForSelector(tid('ticket-card'))
  const qr = page.locator(tid('ticket-qr'))
  await qr.locator('img').first().waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="ticket-qr"] img')
    return !!img && img.complete && img.naturalWidth > 0
  })
  await expect(page.locator(tid('ticket-holder')).textContent()).resolves.toBe('刘思雨')
  await expect(page.locator(tid('ticket-activity')).textContent()).resolves.toBe('智慧助老·扫码签到体验课')
  // Care mode sizes: the QR is large, the holder's name is the largest text.
  const box = await qr.locator('img').first().boundingBox()
  expect(box!.width).toBeGreaterThanOrEqual(260)
  await screenshot(page, 'checkin-01-ticket')
  // A screenshot of the QR element as shown on screen; its PNG is decoded to pixels by the browser
  // (no PNG decoder is installed in Node) and the pixels are read with jsqr here.
  const png = await qr.screenshot({ path: path.join(ROOT, '.artifacts', 'screenshots', 'checkin-02-ticket-qr.png') })
  const pixels = await page.evaluate(
    async (dataUrl) => {
      const img = new Image()
      img.src = dataUrl
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.naturalWidth
      canvas.height = img.naturalHeight
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      // RGBA bytes as base64: a plain array of a million numbers takes half a minute to hand over.
      const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      let bin = ''
      for (let i = 0; i < rgba.length; i += 0x8000) bin += String.fromCharCode(...rgba.subarray(i, i + 0x8000))
      return { w: canvas.width, h: canvas.height, data: btoa(bin) }
    },
    `data:image/png;base64,${png.toString('base64')}`,
  )
  const decoded = jsQR(new Uint8ClampedArray(Buffer.from(pixels.data, 'base64')), pixels.w, pixels.h)
  expect(decoded).not.toBeNull()
  token = decoded!.data
  expect(token).toMatch(new RegExp(`^LLW1\\.${activityId}\\.[a-z0-9]+\\.[A-Za-z0-9_-]{86}$`))
  // No personal data in the code.
  expect(token).not.toContain('刘')
  expect(token).not.toContain('1380000')

  // The print variant: plain, the same code.
  await page.locator(tid('ticket-print')).click()
  await page.waitForSelector(tid('ticket-card', '[data-print="true"]'))
  await screenshot(page, 'checkin-03-ticket-print')
  // 打印这张票 opens the browser's print dialog (stubbed here: headless Chromium has none).
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void ((window as unknown as { printed: number }).printed += 1)
  })
  await expect(page.locator(tid('ticket-keep')).textContent()).resolves.toBe('打印这张票')
  await page.locator(tid('ticket-keep')).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  await page.context().close()
})

test('in care mode the ticket page meets the 适老化 numbers', async () => {
  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.waitForSelector('[data-testid="care-toggle"]')
  await page.click('[data-testid="care-toggle"]')
  await page.waitForSelector('[data-testid="care-toggle"][data-care="on"]')
  await page.goto(`${cloud.gateway.url}/#/ticket/index?id=${encodeURIComponent(registrationId)}`)
  await page.waitForSelector(tid('ticket-page', '[data-care="on"]'))
  await page.waitForSelector(tid('ticket-card'))
  const m = await page.evaluate(() => {
    const root = Array.from(document.querySelectorAll('[data-testid="ticket-page"]')).find(
      (el) => (el as HTMLElement).offsetParent !== null,
    )!
    const texts = Array.from(root.querySelectorAll('*')).filter((el) =>
      Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()),
    )
    const style = texts.map((el) => getComputedStyle(el))
    const px = style.map((st) => parseFloat(st.fontSize))
    const lh = style.map((st) => parseFloat(st.lineHeight) / parseFloat(st.fontSize)).filter((x) => Number.isFinite(x))
    const name = getComputedStyle(root.querySelector('[data-testid="ticket-holder"]')!)
    const print = root.querySelector('[data-testid="ticket-print"]')!.getBoundingClientRect()
    const qr = root.querySelector('[data-testid="ticket-qr"] img')!.getBoundingClientRect()
    return {
      min: Math.min(...px),
      max: Math.max(...px),
      minLineHeight: Math.min(...lh),
      name: parseFloat(name.fontSize),
      print: [print.width, print.height],
      qr: [qr.width, qr.height],
    }
  })
  console.log(`ticket page, care mode: ${JSON.stringify(m)}`)
  expect(m.min).toBeGreaterThanOrEqual(18)
  expect(m.max).toBeGreaterThanOrEqual(30)
  expect(m.name).toBe(m.max)
  expect(m.minLineHeight).toBeGreaterThanOrEqual(1.3 - 1e-6)
  expect(m.print[1]).toBeGreaterThanOrEqual(60)
  expect(m.qr[0]).toBeGreaterThanOrEqual(260)
  await screenshot(page, 'checkin-09-ticket-care')
  await page.context().close()
})

test('the volunteer redeems an invite, pastes the token and sees 签到成功; the count moves by one', async () => {
  expect(token).not.toBe('')
  // The organiser invites volunteers in the UI: 工作台 → 活动管理 → 邀请志愿者签到.
  const org = await openAs(browser, cloud.gateway.url, ORGANISER)
  await org.waitForSelector(tid('entry-organiser'))
  await org.click(tid('entry-organiser'))
  await org.click(tid('org-entry-activities'))
  await org.waitForSelector(tid('org-activity-list', '[data-status="ready"]'))
  if (await org.locator(tid(`org-week-${weekId}`)).count()) {
    await org.click(tid(`org-week-${weekId}`))
  }
  const orgItem = org.locator(tid('org-activity-item', `[data-id="${activityId}"]`))
  await orgItem.waitFor()
  expect(await orgItem.locator(tid('org-activity-checked-in')).getAttribute('data-value')).toBe('0')
  await org.click(tid('org-invite-open'))
  await org.click(tid(`org-invite-activity-${activityId}`))
  await org.click(tid('org-invite-expiry-3d'))
  await screenshot(org, 'checkin-org-01-invite-form')
  await org.click(tid('org-invite-create'))
  const codeEl = org.locator(tid('org-invite-code'))
  await codeEl.waitFor()
  const code = (await codeEl.getAttribute('data-code')) ?? ''
  expect(code).not.toBe('')
  await expect(codeEl.textContent()).resolves.toBe(code)
  await org.waitForFunction(() => {
    const img = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="org-invite-qr"] img')).find(
      (el) => el.offsetParent !== null,
    )
    return !!img && img.complete && img.naturalWidth > 0
  })
  await expect(org.locator(tid('org-invite-done')).textContent()).resolves.toContain('志愿者签到')
  await screenshot(org, 'checkin-org-02-invite-code')
  // In h5 the invite is sent as a link (in WeChat: a chat card) that opens the volunteer page.
  const share = org.locator(tid('org-invite-share'))
  await expect(share.textContent()).resolves.toContain('复制邀请链接')
  const link = (await share.getAttribute('data-link')) ?? ''
  expect(link).toBe(`${cloud.gateway.url}/#/volunteer/scan/index?code=${code}`)

  // The volunteer opens the link: the code is filled in, and redeemed only when they tap 确认.
  const page = await openAs(browser, cloud.gateway.url, VOLUNTEER)
  await page.goto(link)
  await page.waitForSelector(tid('volunteer-activities', '[data-status="ready"]'))
  await expect(page.locator(`${tid('invite-code')} input`).inputValue()).resolves.toBe(code)
  expect(await page.locator(tid('invite-done')).count()).toBe(0)
  const stored = await (cloud.sdkDb as any).collection('invites').doc(code).get()
  expect(stored.data.redeemedBy ?? []).toEqual([])
  await page.locator(tid('invite-submit')).click()
  await page.waitForSelector(tid('invite-done'))
  const card = page.locator(tid('vol-activity', `[data-id="${activityId}"]`))
  await card.waitFor()
  expect(await card.getAttribute('data-checked-in')).toBe('0')
  await screenshot(page, 'checkin-04-volunteer-list')

  const before = await must('checkin', 'myActivities', {}, VOLUNTEER)
  const countBefore = before.items.find((a: { id: string }) => a.id === activityId).counts.checkedIn as number

  await card.click()
  await page.waitForSelector(tid('checkin-page', `[data-activity="${activityId}"]`))
  await page.fill(`${tid('scan-paste-input')} textarea`, token)
  await page.locator(tid('scan-paste-submit')).click()
  const result = page.locator(tid('scan-result'))
  await result.waitFor()
  expect(await result.getAttribute('data-result')).toBe('ok')
  await expect(result.textContent()).resolves.toContain('签到成功')
  await expect(page.locator(tid('scan-result-name')).textContent()).resolves.toBe('刘*雨')
  await expect(page.locator(tid('checkin-count')).getAttribute('data-checked-in')).resolves.toBe(String(countBefore + 1))
  // The answer is on screen, though the paste box below it had the focus.
  await page.waitForFunction(() => {
    const r = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="scan-result"]'))
      .find((e) => e.offsetParent !== null)
      ?.getBoundingClientRect()
    return !!r && r.top >= 0 && r.bottom <= window.innerHeight
  })
  await screenshot(page, 'checkin-05-scan-ok')

  // The same ticket again: amber, already, with when.
  await page.fill(`${tid('scan-paste-input')} textarea`, token)
  await page.locator(tid('scan-paste-submit')).click()
  await page.waitForSelector(tid('scan-result', '[data-result="already"]'))
  await screenshot(page, 'checkin-06-scan-already')

  // A tampered ticket: red, with its code.
  const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA')
  await page.fill(`${tid('scan-paste-input')} textarea`, tampered)
  await page.locator(tid('scan-paste-submit')).click()
  await page.waitForSelector(tid('scan-result', '[data-result="rejected"]'))
  expect(await page.locator(tid('scan-result')).getAttribute('data-code')).toBe('TOKEN_INVALID')
  await screenshot(page, 'checkin-07-scan-rejected')

  // Back on the list the count has moved by one; so have the counters the organiser's views read.
  await goBackSettled(page)
  const after = page.locator(tid('vol-activity', `[data-id="${activityId}"]`))
  await page.waitForFunction(
    ([id, n]) => document.querySelector(`[data-testid="vol-activity"][data-id="${id}"]`)?.getAttribute('data-checked-in') === n,
    [activityId, String(countBefore + 1)] as const,
  )
  await expect(after.locator(tid('vol-activity-count')).textContent()).resolves.toContain(`已签到 ${countBefore + 1} / 1 人`)
  const week = (await must('activity', 'get', { id: activityId }, ORGANISER)).activity as { weekId: string }
  const totals = await must('checkin', 'totals', { weekId: week.weekId }, ORGANISER)
  expect(totals.total.checkedIn).toBe(1)
  await screenshot(page, 'checkin-08-volunteer-list-after')
  await page.context().close()

  // The organiser's 活动管理 shows 已签到 1 for the activity after a refresh.
  await org.reload()
  await org.waitForSelector(tid('org-activity-list', '[data-status="ready"]'))
  if (await org.locator(tid(`org-week-${weekId}`)).count()) {
    await org.click(tid(`org-week-${weekId}`))
  }
  await org.waitForSelector(
    tid('org-activity-item', `[data-id="${activityId}"]`) + ` [data-testid="org-activity-checked-in"][data-value="1"]`,
  )
  await expect(orgItem.locator(tid('org-activity-checked-in')).textContent()).resolves.toContain('已签到 1 人')
  await screenshot(org, 'checkin-org-03-activities-checked-in')
  await org.context().close()
})

test('opening the volunteer page with ?code= fills in the code box without redeeming it', async () => {
  const page = await openAs(browser, cloud.gateway.url, 'dev-link-opener')
  await page.goto(`${cloud.gateway.url}/#/volunteer/scan/index?code=K7QM3XPA`)
  await page.waitForSelector(tid('volunteer-activities', '[data-status="ready"]'))
  await expect(page.locator(`${tid('invite-code')} input`).inputValue()).resolves.toBe('K7QM3XPA')
  expect(await page.locator(tid('invite-done')).count()).toBe(0)
  expect(await page.locator(tid('invite-field')).textContent()).not.toContain('邀请码不存在')
  await page.context().close()
})

test('offline: with the roster downloaded, a scan with no network is verified on the phone, queued, and synced by 同步', async () => {
  // A second resident, their ticket issued (so its id is in the roster the volunteer downloads).
  const senior = 'e2e-checkin-senior'
  await must('privacy', 'consent.record', { version: PRIVACY_VERSION }, senior)
  await must(
    'signup',
    'create',
    { activityId, profile: { name: '张秀华', phone: '13900005678', ageGroup: '60-69', community: '东区一路社区', audience: 'seniors' } },
    senior,
  )
  const regId = `${activityId}_${senior}`
  const ticket = await must('signup', 'ticket', { registrationId: regId }, senior)

  const page = await openAs(browser, cloud.gateway.url, VOLUNTEER)
  await page.goto(`${cloud.gateway.url}/#/volunteer/checkin/index?id=${encodeURIComponent(activityId)}`)
  await page.waitForSelector(tid('checkin-count'))
  const before = Number(await page.locator(tid('checkin-count')).getAttribute('data-checked-in'))
  await page.locator(tid('roster-download')).click()
  await page.waitForSelector(tid('offline-panel', '[data-roster="yes"]'))

  // The network goes: every cloud call fails.
  await page.route('**/api/call', (route) => route.abort('internetdisconnected'))
  await page.fill(`${tid('scan-paste-input')} textarea`, ticket.token)
  await page.locator(tid('scan-paste-submit')).click()
  await page.waitForSelector(tid('scan-result', '[data-result="ok"][data-offline="true"]'))
  await expect(page.locator(tid('scan-result-name')).textContent()).resolves.toBe('张*华')
  await page.waitForSelector(tid('offline-panel', '[data-queued="1"]'))
  // Scanned again on this phone, still offline: already, not queued twice.
  await page.fill(`${tid('scan-paste-input')} textarea`, ticket.token)
  await page.locator(tid('scan-paste-submit')).click()
  await page.waitForSelector(tid('scan-result', '[data-result="already"][data-offline="true"]'))
  await page.waitForSelector(tid('offline-panel', '[data-queued="1"]'))
  await screenshot(page, 'checkin-10-offline')
  const stored = await call('checkin', 'myActivities', {}, VOLUNTEER)
  expect(stored.data.items.find((a: { id: string }) => a.id === activityId).counts.checkedIn).toBe(before)

  // The network is back: 同步 sends the queue; the count moves by one.
  await page.unroute('**/api/call')
  await page.locator(tid('queue-sync')).click()
  await page.waitForSelector(tid('offline-panel', '[data-queued="0"]'))
  await page.waitForSelector(tid('checkin-count', `[data-checked-in="${before + 1}"]`))
  await screenshot(page, 'checkin-11-synced')

  // Without a ticket: found by surname and phone tail (masked, already checked in now).
  await page.fill(`${tid('lookup-surname')} input`, '张')
  await page.fill(`${tid('lookup-tail')} input`, '5678')
  await page.locator(tid('lookup-submit')).click()
  const match = page.locator(tid('lookup-match', `[data-id="${regId}"]`))
  await match.waitFor()
  await expect(match.textContent()).resolves.toContain('张*华')
  await expect(match.textContent()).resolves.toContain('签到')
  // A walk-in group of three seniors counts as three participants.
  await page.fill(`${tid('walkin-name')} input`, '刘建国')
  await page.locator(tid('walkin-audience-seniors')).click()
  await page.fill(`${tid('walkin-headcount')} input`, '3')
  await page.locator(tid('walkin-submit')).click()
  // Its confirmation shows where scan results do, in the result area at the top, scrolled into view.
  const walkinResult = page.locator(`${tid('checkin-result-area')} ${tid('scan-result', '[data-kind="walkin"]')}`)
  await walkinResult.waitFor()
  await expect(walkinResult.textContent()).resolves.toContain('现场登记成功')
  await expect(walkinResult.textContent()).resolves.toContain('刘*国等 3 人')
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-testid="checkin-result-area"]')?.getBoundingClientRect()
    return !!box && box.top >= 0 && box.top < window.innerHeight
  })
  await expect(page.locator(tid('checkin-count')).textContent()).resolves.toContain('现场登记 3 人')
  await screenshot(page, 'checkin-12-walkin')
  const after = await call('checkin', 'myActivities', {}, VOLUNTEER)
  expect(after.data.items.find((a: { id: string }) => a.id === activityId).counts.checkedIn).toBe(before + 1)
  await page.context().close()
})

/** 47 residents signed up for `id`, and their tickets: 47 good, 2 of them again, 1 forged, in scan order. */
async function fiftyTickets(id: string, tag: string): Promise<string[]> {
  const tokens: string[] = []
  for (let i = 0; i < 47; i++) {
    const openid = `e2e-wedge-${tag}-${i}`
    const name = `王${'一二三四五六七八九十'[i % 10]}${i}`
    const phone = `1370${tag === 'on' ? 1 : 2}${String(i).padStart(6, '0')}`
    const profile = { name, phone, ageGroup: '60-69', community: '东区一路社区', audience: 'seniors' }
    // A new person agrees to the privacy guide first (the consent sheet), as the app asks.
    await must('privacy', 'consent.record', { version: PRIVACY_VERSION }, openid)
    await must('signup', 'create', { activityId: id, profile }, openid)
    tokens.push((await must('signup', 'ticket', { registrationId: `${id}_${openid}` }, openid)).token as string)
  }
  const forged = tokens[30].slice(0, -3) + (tokens[30].endsWith('AAA') ? 'BBB' : 'AAA')
  // The same ticket twice in a row (a double scan) and one again later, and a forgery in between.
  return [...tokens.slice(0, 10), tokens[9], ...tokens.slice(10, 25), forged, ...tokens.slice(25, 40), tokens[3], ...tokens.slice(40)]
}

/** Types each ticket as a keyboard-wedge scanner does: fast keystrokes ending in Enter, never waiting for the answer. */
async function wedge(page: Page, tokens: string[]) {
  await page.locator(`${tid('scan-paste-input')} textarea`).focus()
  for (const t of tokens) {
    await page.keyboard.type(t)
    await page.keyboard.press('Enter')
  }
  await page.waitForSelector(tid('scan-tally', `[data-total="${tokens.length}"]`), { timeout: 60_000 })
  const tally = page.locator(tid('scan-tally'))
  return {
    ok: await tally.getAttribute('data-ok'),
    already: await tally.getAttribute('data-already'),
    rejected: await tally.getAttribute('data-rejected'),
    box: await page.locator(`${tid('scan-paste-input')} textarea`).inputValue(),
  }
}

test('a scanner typing 50 tickets back to back: 47 checked in, the 2 repeats 已签到, the forgery refused, online and offline', async () => {
  const online = await newActivity('扫码枪连续签到·在线', 60)
  const onlineTokens = await fiftyTickets(online, 'on')
  expect(onlineTokens).toHaveLength(50)
  const page = await openAs(browser, cloud.gateway.url, VOLUNTEER)
  await page.goto(`${cloud.gateway.url}/#/volunteer/checkin/index?id=${encodeURIComponent(online)}`)
  await page.waitForSelector(tid('checkin-count', '[data-checked-in="0"]'))
  expect(await wedge(page, onlineTokens)).toEqual({ ok: '47', already: '2', rejected: '1', box: '' })
  await page.waitForSelector(tid('checkin-count', '[data-checked-in="47"]'))
  const stored = await must('checkin', 'myActivities', {}, VOLUNTEER)
  expect(stored.items.find((a: { id: string }) => a.id === online).counts.checkedIn).toBe(47)
  await screenshot(page, 'checkin-13-wedge-online')

  // Offline, against the downloaded roster: the same judgements, 47 queued, then synced.
  const offline = await newActivity('扫码枪连续签到·离线', 60)
  const offlineTokens = await fiftyTickets(offline, 'off')
  await page.goto(`${cloud.gateway.url}/#/volunteer/checkin/index?id=${encodeURIComponent(offline)}`)
  await page.waitForSelector(tid('checkin-count', '[data-checked-in="0"]'))
  await page.locator(tid('roster-download')).click()
  await page.waitForSelector(tid('offline-panel', '[data-roster="yes"]'))
  await page.route('**/api/call', (route) => route.abort('internetdisconnected'))
  expect(await wedge(page, offlineTokens)).toEqual({ ok: '47', already: '2', rejected: '1', box: '' })
  await page.waitForSelector(tid('offline-panel', '[data-queued="47"]'))
  await screenshot(page, 'checkin-14-wedge-offline')
  await page.unroute('**/api/call')
  await page.locator(tid('queue-sync')).click()
  await page.waitForSelector(tid('offline-panel', '[data-queued="0"]'), { timeout: 60_000 })
  await page.waitForSelector(tid('checkin-count', '[data-checked-in="47"]'))
  await page.context().close()
}, 240_000)
