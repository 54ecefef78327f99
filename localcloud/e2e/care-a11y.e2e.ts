// Every resident page in care mode (长辈版), in a real Chromium against a fresh seeded local cloud (h5
// build): every tap target, text boxes included (measured on the element that takes the tap: the
// inner <input>/<textarea> of Taro's taro-input-core / taro-textarea-core), is at least 60x60; a tap
// near the top edge and near the bottom edge of each text box focuses it; and axe-core (tags wcag2a,
// wcag2aa) finds no violation. A Lighthouse-style score (axe rules weighted as Lighthouse weighs its
// accessibility audits) is printed per page too.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { launchBrowser, openAs, screenshot as keep } from './browser'
import { careMeasure } from './care'
import { keepAhead } from './ahead'

const ROOT = path.resolve(__dirname, '..', '..')
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js')
const RESIDENT = 'dev-resident'
const TICKETED = 'nc2026-donghu-03' // 守好“养老钱”: the resident signs up, the ticket page shows its QR
const TO_SIGN = 'nc2026-donghu-02' // 智慧助老·智慧出行: the sign-up page, with the profile form opened

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let page: Page
let registrationId = ''
let courseId = ''
let lessonId = ''
let bookId = ''
let starId = ''
const started = Date.now()

const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

interface Envelope {
  ok: boolean
  data?: any
  code?: string
}
async function must(fn: string, action: string, input: unknown, openid = RESIDENT) {
  const res = (await invokeFunction(fn, { action, input }, openid)) as Envelope
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-care-a11y-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  await keepAhead(cloud, [TICKETED, TO_SIGN])
  registrationId = (await must('signup', 'create', { activityId: TICKETED })).registration.id
  // A course finished through the real functions, for its certificate.
  const list = await must('course', 'list', {})
  const course = (list.courses as { id: string; lessonCount: number }[]).find((c) => c.lessonCount > 0)
  if (!course) throw new Error('the seed has no published course')
  courseId = course.id
  const got = await must('course', 'get', { courseId })
  const lessons = got.course.lessons as { id: string }[]
  lessonId = lessons[0].id
  await must('course', 'enrol', { courseId })
  for (const l of lessons) await must('course', 'completeLesson', { courseId, lessonId: l.id })
  const shown = await must('reading', 'lists', {})
  bookId = (shown.lists as { books: { id: string }[] }[]).flatMap((l) => l.books)[0]?.id ?? ''
  if (!bookId) throw new Error('the seed has no published book')
  // A 学习之星 in the gallery: a recognition recorded by the week's admin is published at once.
  const recorded = await must(
    'stars',
    'record',
    {
      weekId: 'nc2026',
      kind: 'star',
      districtCode: 'donghu',
      name: '李桂英',
      unitName: '东湖区百花洲社区',
      story: '退休后从零开始学习智能手机，坚持每天在社区老年学校上课，还组织银龄互助小组教邻居们使用手机。',
      contactName: '张敏',
      contactPhone: '13800001111',
      nomineeConsent: true,
      level: 'city',
      year: 2026,
      by: '南昌市教育局',
    },
    'dev-admin',
  )
  starId = recorded.nomination.id
  browser = await launchBrowser()
  page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.waitForSelector(tid('care-toggle'))
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`care-a11y e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

interface ResidentPage {
  name: string
  route: () => string
  root: string
  /** What shows once the page has its data (and any form this test opens). */
  ready: string
  /** Opens the page's form, so its text boxes are measured too. */
  open?: string
  inputs: number
}

const PAGES: ResidentPage[] = [
  {
    name: 'home',
    route: () => 'pages/index/index',
    root: 'home-page',
    ready: '[data-testid="activity-list"][data-status="ready"]',
    inputs: 1,
  },
  { name: 'learn', route: () => 'pages/learn/index', root: 'learn-tab-page', ready: tid('entry-courses'), inputs: 0 },
  { name: 'activity', route: () => `pages/activity/index?id=${TICKETED}`, root: 'detail-page', ready: tid('signup-mine'), inputs: 0 },
  {
    name: 'signup',
    route: () => `pages/signup/index?id=${TO_SIGN}`,
    root: 'signup-page',
    ready: tid('signup-profile-form'),
    open: tid('signup-edit-profile'),
    inputs: 3,
  },
  {
    name: 'mine',
    route: () => 'pages/mine/index',
    root: 'mine-page',
    ready: '[data-testid="mine-list"][data-status="ready"]:visible',
    inputs: 0,
  },
  { name: 'family', route: () => 'pages/family/index', root: 'family-page', ready: tid('family-form'), open: tid('family-add'), inputs: 2 },
  {
    name: 'ticket',
    route: () => `ticket/index?id=${encodeURIComponent(registrationId)}`,
    root: 'ticket-page',
    ready: tid('ticket-card'),
    inputs: 0,
  },
  {
    name: 'poster',
    route: () => `ticket/poster/index?id=${TICKETED}`,
    root: 'poster-page',
    ready: tid('poster', '[data-ready="true"]'),
    inputs: 0,
  },
  { name: 'courses', route: () => 'learn/courses/index', root: 'courses-page', ready: tid('course-card'), inputs: 0 },
  { name: 'course', route: () => `learn/course/index?id=${courseId}`, root: 'course-page', ready: tid('course-body'), inputs: 0 },
  {
    name: 'lesson',
    route: () => `learn/lesson/index?courseId=${courseId}&lessonId=${lessonId}`,
    root: 'lesson-page',
    ready: tid('lesson-body'),
    inputs: 0,
  },
  {
    name: 'certificate',
    route: () => `learn/certificate/index?courseId=${courseId}`,
    root: 'certificate-page',
    ready: tid('cert-image-box', '[data-ready="true"]'),
    inputs: 0,
  },
  { name: 'books', route: () => 'learn/books/index', root: 'books-page', ready: tid('book-lists', '[data-status="ready"]'), inputs: 0 },
  { name: 'book', route: () => `learn/book/index?id=${bookId}`, root: 'book-page', ready: tid('log-form'), inputs: 2 },
  { name: 'reading', route: () => 'learn/reading/index', root: 'reading-page', ready: tid('reading-mine'), inputs: 0 },
  // 学习之星 · 品牌项目: the gallery with its filters, and one entry with 点赞.
  { name: 'stars', route: () => 'learn/stars/index', root: 'stars-page', ready: tid('star-card'), inputs: 0 },
  { name: 'star', route: () => `learn/star/index?id=${encodeURIComponent(starId)}`, root: 'star-page', ready: tid('star-like'), inputs: 0 },
  // 隐私保护指引 (from 我的 and the consent sheet), with the weeks' organisers loaded.
  {
    name: 'privacy',
    route: () => 'account/privacy/index',
    root: 'privacy-page',
    ready: tid('privacy-contact', '[data-status="ready"]'),
    inputs: 0,
  },
  // 我的信息 (from 我的): everything stored about the persona and their family, export and delete.
  { name: 'my-data', route: () => 'account/data/index', root: 'my-data-page', ready: tid('my-data-sections'), inputs: 0 },
  // 工作人员 (from 我的): the appointment code and, opened, the setup code.
  {
    name: 'join',
    route: () => 'organiser/join/index',
    root: 'staff-join-page',
    ready: tid('join-setup-code'),
    open: tid('join-setup-open'),
    inputs: 2,
  },
]

/** Lighthouse's weights of the axe rules it scores (accessibility category); others weigh 3. */
const WEIGHTS: Record<string, number> = {
  'aria-allowed-attr': 10,
  'aria-hidden-body': 10,
  'aria-required-attr': 10,
  'aria-required-children': 10,
  'aria-required-parent': 10,
  'aria-roles': 10,
  'aria-valid-attr-value': 10,
  'aria-valid-attr': 10,
  'button-name': 10,
  'duplicate-id-aria': 10,
  'image-alt': 10,
  'input-button-name': 10,
  'input-image-alt': 10,
  'meta-refresh': 10,
  'meta-viewport': 10,
  'video-caption': 10,
  'aria-command-name': 7,
  'aria-hidden-focus': 7,
  'aria-input-field-name': 7,
  'aria-prohibited-attr': 7,
  'aria-toggle-field-name': 7,
  bypass: 7,
  'color-contrast': 7,
  'document-title': 7,
  'html-has-lang': 7,
  'html-lang-valid': 7,
  label: 7,
  'link-name': 7,
  list: 7,
  listitem: 7,
  'role-img-alt': 7,
  'svg-img-alt': 7,
  'target-size': 7,
  'valid-lang': 7,
  'aria-allowed-role': 1,
  'image-redundant-alt': 1,
}

interface AxeOutcome {
  violations: { id: string; impact: string | null; nodes: number; targets: string[] }[]
  passed: string[]
  score: number
}

async function runAxe(p: Page): Promise<AxeOutcome> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE })
  const res = await p.evaluate(async () => {
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    })
    const brief = (list: any[]) =>
      list.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n: any) => String(n.target)),
      }))
    return { violations: brief(r.violations), passed: (r.passes as any[]).map((v: any) => v.id) }
  })
  const weight = (id: string) => WEIGHTS[id] ?? 3
  const pass = res.passed.reduce((s, id) => s + weight(id), 0)
  const fail = res.violations.reduce((s, v) => s + weight(v.id), 0)
  return { ...res, score: Math.round((100 * pass) / Math.max(1, pass + fail)) }
}

/** The visible text boxes of the page: the element that takes the tap and the box drawn around it. */
async function textBoxes(p: Page, root: string) {
  return p.evaluate((rootId) => {
    const rootEl = Array.from(document.querySelectorAll(`[data-testid="${rootId}"]`)).find((e) => (e as HTMLElement).offsetParent !== null)!
    return Array.from(rootEl.querySelectorAll<HTMLElement>('input, textarea'))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName)
  }, root)
}

/** Taps near the top, bottom, left and right edges of a text box; which of them focused the box. */
async function edgeTaps(p: Page, testid: string) {
  const host = p.locator(tid(testid)).first()
  // In the middle of the screen: nothing floats over it there (the h5 dev switcher sits in a corner).
  await host.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await p.waitForTimeout(100)
  // The drawn box: the host element (taro-*-core, or the input itself) with its border.
  const box = (await host.boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const points: [string, number, number][] = [
    ['top', cx, box.y + 4],
    ['bottom', cx, box.y + box.height - 4],
    ['left', box.x + 6, cy],
    ['right', box.x + box.width - 6, cy],
  ]
  const focused: Record<string, boolean | string> = {}
  for (const [edge, x, y] of points) {
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    // Only a tap that lands in the box (not on something drawn over it) is made: a miss is named.
    const hit = await p.evaluate(
      ([id, px, py]) => {
        const el = document.elementFromPoint(px as number, py as number)
        const host = el?.closest('[data-testid]')
        return host?.getAttribute('data-testid') === id ? null : `${el?.tagName ?? 'nothing'} ${host?.getAttribute('data-testid') ?? ''}`
      },
      [testid, x, y],
    )
    if (hit) {
      focused[edge] = `tap lands on ${hit}`
      continue
    }
    await p.mouse.click(x, y)
    focused[edge] = await p.evaluate((id) => {
      const a = document.activeElement
      return !!a && /^(INPUT|TEXTAREA)$/.test(a.tagName) && a.closest('[data-testid]')?.getAttribute('data-testid') === id
    }, testid)
  }
  await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  return { box: `${Math.round(box.width)}x${Math.round(box.height)}`, focused }
}

test('every resident page in care mode: taps >= 60x60 (text boxes too), text boxes focus from edge to edge, no axe violations', async () => {
  const report: Record<string, unknown> = {}
  const failures: Record<string, unknown> = {}
  for (const rp of PAGES) {
    await page.goto(`${cloud.gateway.url}/#/${rp.route()}`)
    // Same route with another query is kept by the h5 router: load each page afresh.
    await page.reload()
    await page.waitForSelector(tid(rp.root, '[data-care="on"]'))
    if (rp.open) {
      await page.waitForSelector(rp.open)
      await page.click(rp.open)
    }
    await page.waitForSelector(rp.ready, { timeout: 15_000 })
    await page.waitForTimeout(300)

    const m = await careMeasure(page, `[data-testid="${rp.root}"]`)
    const boxes = await textBoxes(page, rp.root)
    const taps: Record<string, unknown> = {}
    for (const id of boxes) taps[id] = await edgeTaps(page, id)
    await page.evaluate(() => window.scrollTo(0, 0))
    const axe = await runAxe(page)
    const line = { taps: m.taps, small: m.small, inputs: taps, axe: { score: axe.score, violations: axe.violations } }
    report[rp.name] = line
    console.log(
      `${rp.name}: ${m.taps} tap targets, ${boxes.length} text boxes, axe ${axe.violations.length} violations, score ${axe.score}\n${JSON.stringify(line)}`,
    )

    const missedTaps = Object.entries(taps).filter(([, t]) =>
      Object.values((t as { focused: Record<string, boolean | string> }).focused).some((v) => v !== true),
    )
    if (m.small.length || missedTaps.length || axe.violations.length || boxes.length !== rp.inputs) {
      failures[rp.name] = { small: m.small, missedTaps, violations: axe.violations, boxes }
      await keep(page, `care-a11y-failed-${rp.name}`)
    }
    if (['home', 'signup', 'book', 'ticket'].includes(rp.name)) await keep(page, `care-a11y-${rp.name}`)
  }
  expect(failures).toEqual({})
})
