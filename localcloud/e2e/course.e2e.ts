// A senior learns a 智慧助老 course in care mode, in a real Chromium against a fresh seeded local
// cloud (h5 build, bundled functions on the real wx-server-sdk): from home to the course list, the
// course, 开始学习, step by step (one step per screen: text >= 20px, 上一步 / 下一步 >= 60x60 at the
// bottom), leaves at step 2 for home, comes back to 继续学习 and lands on step 2; then finishes every
// lesson (学会了, 学下一课) to the course-complete screen and the certificate picture (a real PNG
// drawn on a canvas). The stored enrolment is checked at each point. The tests share one page.
// Last, a resident learns for a family member (为家人学): the member's progress, not theirs.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { invokeFunction } from '../gateway/functions'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { launchBrowser, openAs, openTab, screenshot as keep } from './browser'

const ROOT = path.resolve(__dirname, '..', '..')
const SENIOR = 'dev-senior'
const SENIOR_NAME = '熊桂英'
const RESIDENT = 'dev-resident'
const PARENT = '王秀兰'

let cloud: LocalCloud
let browser: Browser
let dataDir: string
let senior: Page
let courseId = ''
let courseTitle = ''
let lessons: { id: string; title: string; stepCount: number }[] = []
const started = Date.now()

async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await keep(page, name)
}

/** A visible element by test id (pages the router keeps behind the current one are hidden). */
const tid = (id: string, extra = '') => `[data-testid="${id}"]${extra}:visible`

interface EnrolmentRow {
  _id: string
  memberId: string | null
  completedLessonIds: string[]
  position: { lessonId: string; step: number } | null
  completedAt: unknown
  certificateNo?: string | null
}
async function enrolments(openid = SENIOR): Promise<EnrolmentRow[]> {
  const res = (await cloud.sdkDb.collection('enrolments').where({ openid, courseId }).limit(100).get()) as unknown as {
    data: EnrolmentRow[]
  }
  return res.data
}

interface Envelope {
  ok: boolean
  data?: any
  code?: string
}
async function must(fn: string, action: string, input: unknown, openid: string) {
  const res = (await invokeFunction(fn, { action, input }, openid)) as Envelope
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data
}

/** Font sizes, line heights and tap targets of the visible page, for the care-mode rules. */
async function careMeasure(page: Page, root: string) {
  return page.evaluate((rootSel) => {
    const rootEl = Array.from(document.querySelectorAll(rootSel)).find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement
    const all = Array.from(rootEl.querySelectorAll('*')) as HTMLElement[]
    const visible = all.filter((el) => el.getClientRects().length > 0)
    const texts = visible.filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()))
    const px = texts.map((el) => parseFloat(getComputedStyle(el).fontSize))
    const lh = texts.map((el) => {
      const cs = getComputedStyle(el)
      const v = parseFloat(cs.lineHeight)
      return Number.isNaN(v) ? 1.5 : Math.round((v / parseFloat(cs.fontSize)) * 100) / 100
    })
    const taps = visible.filter((el) => el.getAttribute('role') === 'button' || el.getAttribute('role') === 'link' || el.tagName === 'A')
    const small = taps
      .map((el) => ({ id: el.getAttribute('data-testid') ?? el.tagName, r: el.getBoundingClientRect() }))
      .filter((t) => t.r.height < 60 || t.r.width < 60)
      .map((t) => `${t.id} ${Math.round(t.r.width)}x${Math.round(t.r.height)}`)
    return { min: Math.min(...px), max: Math.max(...px), minLineHeight: Math.min(...lh), taps: taps.length, small }
  }, root)
}

function expectCare(name: string, m: Awaited<ReturnType<typeof careMeasure>>) {
  expect({ name, min: m.min >= 18, max: m.max >= 30, lh: m.minLineHeight >= 1.3, small: m.small }).toEqual({
    name,
    min: true,
    max: true,
    lh: true,
    small: [],
  })
}

/** The lesson screen's sizes: the step's words and the two bottom buttons (in view, at the bottom). */
async function lessonSizes(page: Page) {
  return page.evaluate(() => {
    const visible = (id: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)).find(
        (e) => e.getClientRects().length > 0 && e.offsetParent !== null,
      ) ?? null
    const text = visible('lesson-step-text')!
    const box = (id: string) => {
      const el = visible(id)
      if (!el) return null
      const r = el.getBoundingClientRect()
      return { w: Math.round(r.width), h: Math.round(r.height), bottom: Math.round(r.bottom), top: Math.round(r.top) }
    }
    return {
      textPx: parseFloat(getComputedStyle(text).fontSize),
      textTop: Math.round(text.getBoundingClientRect().top),
      prev: box('lesson-prev'),
      next: box('lesson-next') ?? box('lesson-learned'),
      viewport: window.innerHeight,
    }
  })
}

async function onStep(page: Page, lessonId: string, step: number) {
  try {
    await page.waitForSelector(tid('lesson-body', `[data-lesson="${lessonId}"][data-step="${step}"]`), { timeout: 10_000 })
  } catch (err) {
    await keep(page, `course-failed-${lessonId}-${step}`)
    const body = await page
      .locator('[data-testid="lesson-page"]:visible, [data-testid="course-page"]:visible')
      .first()
      .innerText()
      .catch(() => '')
    throw new Error(`not on ${lessonId} step ${step}; page says: ${body.slice(0, 300)}; url ${page.url()}\n${String(err)}`)
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-e2e-course-'))
  cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false, staticDir: path.join(ROOT, 'dist', 'h5') })
  // A seeded 智慧助老 course of the week the list shows, with several lessons, the first of 3+ steps.
  const list = await must('course', 'list', { kind: 'smart_senior' }, SENIOR)
  for (const c of list.courses as { id: string; title: string; lessonCount: number }[]) {
    if (c.lessonCount < 2) continue
    const got = await must('course', 'get', { courseId: c.id }, SENIOR)
    if (got.course.lessons[0].stepCount >= 3) {
      courseId = c.id
      courseTitle = c.title
      lessons = got.course.lessons
      break
    }
  }
  if (!courseId) throw new Error('the seed has no 智慧助老 course with 2+ lessons and a first lesson of 3+ steps')
  browser = await launchBrowser()
  senior = await openAs(browser, cloud.gateway.url, SENIOR)
})

afterAll(async () => {
  await browser?.close()
  await cloud?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  console.log(`course e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`)
})

test('in care mode the senior opens a 智慧助老 course from home and starts it', async () => {
  const page = senior
  await page.waitForSelector(tid('care-toggle'))
  await page.click(tid('care-toggle'))
  await page.waitForSelector(tid('care-toggle', '[data-care="on"]'))
  await openTab(page, '学习')
  await page.click(tid('entry-courses'))
  await page.waitForSelector(tid('course-list', '[data-status="ready"][data-kind="smart_senior"]'))
  expect(await page.locator(tid('course-card')).count()).toBeGreaterThanOrEqual(6)
  expectCare('courses', await careMeasure(page, '[data-testid="courses-page"]'))
  await screenshot(page, 'course-01-list-care')

  // The other tab: the reading courses (and the way to 好书推荐).
  await page.click(tid('courses-tab-reading'))
  await page.waitForSelector(tid('course-list', '[data-status="ready"][data-kind="reading"]'))
  expect(await page.locator(tid('course-card', '[data-kind="reading"]')).count()).toBeGreaterThanOrEqual(1)
  await page.waitForSelector(tid('courses-books'))
  await screenshot(page, 'course-01b-list-reading-care')
  await page.click(tid('courses-tab-smart_senior'))
  await page.waitForSelector(tid('course-list', '[data-status="ready"][data-kind="smart_senior"]'))

  await page.click(tid('course-card', `[data-id="${courseId}"]`))
  await page.waitForSelector(tid('course-body', `[data-id="${courseId}"][data-fresh="true"][data-enrolled="false"]`))
  expect(await page.locator(tid('course-title')).innerText()).toBe(courseTitle)
  expect(await page.locator(tid('course-lesson')).count()).toBe(lessons.length)
  expect(await page.locator(tid('course-start')).innerText()).toBe('开始学习')
  expectCare('course', await careMeasure(page, '[data-testid="course-page"]'))
  await screenshot(page, 'course-02-detail-care')

  await page.click(tid('course-start'))
  await onStep(page, lessons[0].id, 0)
  expect(await page.locator(tid('lesson-step-no')).innerText()).toBe(`第1步 / 共${lessons[0].stepCount}步`)
  const [e] = await enrolments()
  expect(e).toMatchObject({ memberId: null, completedLessonIds: [] })
})

test('one step per screen: words >= 20px, 上一步 / 下一步 >= 60x60 fixed at the bottom, the picture shown', async () => {
  const page = senior
  const first = lessons[0]
  const s0 = await lessonSizes(page)
  expect(s0.textPx).toBeGreaterThanOrEqual(20)
  // The step's words are on the first screen, above the bottom bar (no scrolling to read them).
  expect(s0.textTop).toBeLessThan(s0.next!.top - 40)
  expect(s0.prev!.w).toBeGreaterThanOrEqual(60)
  expect(s0.prev!.h).toBeGreaterThanOrEqual(60)
  expect(s0.next!.w).toBeGreaterThanOrEqual(60)
  expect(s0.next!.h).toBeGreaterThanOrEqual(60)
  // In view at the bottom of the screen, whatever the length of the step.
  expect(s0.next!.bottom).toBeLessThanOrEqual(s0.viewport)
  expect(s0.next!.bottom).toBeGreaterThan(s0.viewport - 40)
  // The step's picture (a cloud:// file served by the local cloud) has loaded, when the step has one.
  if ((await page.locator(tid('lesson-step-image')).count()) > 0) {
    await page.waitForFunction(() => {
      const img = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="lesson-step-image"] img')).find(
        (i) => i.offsetParent !== null,
      )
      return !!img && img.complete && img.naturalWidth > 0
    })
    // Shown whole, undistorted, inside its box.
    const fit = await page.evaluate(() => {
      const img = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="lesson-step-image"] img')).find(
        (i) => i.offsetParent !== null,
      )!
      const r = img.getBoundingClientRect()
      const box = img.closest('[data-testid="lesson-step-image"]')!.getBoundingClientRect()
      const bar = Array.from(document.querySelectorAll<HTMLElement>('.lesson-bar')).find((b) => b.offsetParent !== null)!
      return {
        aboveBar: box.bottom <= bar.getBoundingClientRect().top + 1,
        inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
        ratio: Math.abs(r.width / r.height - img.naturalWidth / img.naturalHeight),
        height: r.height,
      }
    })
    expect(fit.inside).toBe(true)
    // The whole picture is on the first screen, above the fixed 上一步 / 下一步 bar (care mode).
    expect(fit.aboveBar).toBe(true)
    expect(fit.ratio).toBeLessThan(0.02)
    expect(fit.height).toBeGreaterThan(150)
  }
  expectCare('lesson', await careMeasure(page, '[data-testid="lesson-page"]'))
  await screenshot(page, 'course-03-lesson-step1-care')

  await page.click(tid('lesson-next'))
  await onStep(page, first.id, 1)
  expect(await page.locator(tid('lesson-step-no')).innerText()).toBe(`第2步 / 共${first.stepCount}步`)
  const s1 = await lessonSizes(page)
  expect(s1.textPx).toBeGreaterThanOrEqual(20)
  expect(Math.min(s1.prev!.w, s1.prev!.h, s1.next!.w, s1.next!.h)).toBeGreaterThanOrEqual(60)
  // 上一步 goes back one screen, 下一步 forward again.
  await page.click(tid('lesson-prev'))
  await onStep(page, first.id, 0)
  await page.click(tid('lesson-next'))
  await onStep(page, first.id, 1)
  await screenshot(page, 'course-04-lesson-step2-care')
  // The step reaches the cloud shortly after (debounced).
  let position: EnrolmentRow['position'] = null
  for (let tries = 0; tries < 25; tries++) {
    position = (await enrolments())[0]?.position ?? null
    if (position?.step === 1) break
    await page.waitForTimeout(200)
  }
  expect(position).toEqual({ lessonId: first.id, step: 1 })
})

test('leaving at step 2 for home and coming back: 继续学习 opens step 2', async () => {
  const page = senior
  const first = lessons[0]
  await page.goto(`${cloud.gateway.url}/#/pages/index/index`)
  await openTab(page, '学习')
  await page.click(tid('entry-courses'))
  await page.waitForSelector(tid('course-list', '[data-status="ready"]'))
  const card = page.locator(tid('course-card', `[data-id="${courseId}"]`))
  expect(await card.locator('[data-testid="course-card-progress"]').count()).toBe(1)
  await card.click()
  await page.waitForSelector(tid('course-body', `[data-id="${courseId}"][data-fresh="true"][data-enrolled="true"]`))
  expect(await page.locator(tid('course-start')).innerText()).toBe('继续学习')
  expect(await page.locator(tid('course-resume-where')).innerText()).toContain(first.title)
  await screenshot(page, 'course-05-continue-care')
  await page.click(tid('course-start'))
  await onStep(page, first.id, 1)
  expect(await page.locator(tid('lesson-step-no')).innerText()).toBe(`第2步 / 共${first.stepCount}步`)
  await screenshot(page, 'course-06-back-at-step2-care')
})

test('finishing every lesson (学会了, 学下一课) completes the course and shows the certificate picture', async () => {
  const page = senior
  for (let i = 0; i < lessons.length; i++) {
    const lesson = lessons[i]
    await page.waitForSelector(tid('lesson-body', `[data-lesson="${lesson.id}"]`))
    // Step by step to the last one.
    for (;;) {
      const step = Number(await page.locator(tid('lesson-body')).getAttribute('data-step'))
      if (step === lesson.stepCount - 1) break
      await page.click(tid('lesson-next'))
      await onStep(page, lesson.id, step + 1)
    }
    expect(await page.locator(tid('lesson-learned')).innerText()).toContain('学会了')
    const last = await lessonSizes(page)
    expect(Math.min(last.next!.w, last.next!.h)).toBeGreaterThanOrEqual(60)
    await page.click(tid('lesson-learned'))
    if (i < lessons.length - 1) {
      await page.waitForSelector(tid('lesson-done'))
      expect(await page.locator(tid('lesson-done-progress')).innerText()).toContain(`已学${i + 1}课，共${lessons.length}课`)
      if (i === 0) {
        expectCare('lesson-done', await careMeasure(page, '[data-testid="lesson-page"]'))
        await screenshot(page, 'course-07-lesson-learned-care')
      }
      await page.click(tid('lesson-next-lesson'))
      await onStep(page, lessons[i + 1].id, 0)
    }
  }
  await page.waitForSelector(tid('lesson-course-done'))
  await screenshot(page, 'course-08-course-done-care')
  const [e] = await enrolments()
  expect([...e.completedLessonIds].sort()).toEqual(lessons.map((l) => l.id).sort())
  expect(e.completedAt).toBeTruthy()

  await page.click(tid('lesson-certificate'))
  await page.waitForSelector(tid('cert-body'))
  await page.waitForSelector(tid('cert-image-box', '[data-ready="true"]'))
  const img = await page.evaluate(async () => {
    const el = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="cert-image"] img')).find(
      (i) => i.offsetParent !== null,
    )!
    if (!el.complete) await new Promise((r) => el.addEventListener('load', r, { once: true }))
    const r = el.getBoundingClientRect()
    const box = el.closest('[data-testid="cert-image"]')!.getBoundingClientRect()
    return {
      src: el.src.slice(0, 22),
      bytes: el.src.length,
      w: el.naturalWidth,
      h: el.naturalHeight,
      shownW: Math.round(r.width),
      boxH: Math.round(box.height),
    }
  })
  expect(img.src).toBe('data:image/png;base64,')
  expect(img.w).toBe(750)
  expect(img.h).toBe(1000)
  expect(img.bytes).toBeGreaterThan(20_000)
  expect(img.shownW).toBeGreaterThan(300)
  // Shown whole: the box is as high as the picture at its width (3:4), not cropped.
  expect(Math.abs(img.boxH - (img.shownW * 4) / 3)).toBeLessThan(3)
  expect(await page.locator(tid('cert-facts')).innerText()).toContain(SENIOR_NAME)
  expect(await page.locator(tid('cert-no')).innerText()).toContain(e.certificateNo as string)
  expect(await page.locator(tid('cert-save')).getAttribute('download')).toMatch(/\.png$/)
  expectCare('certificate', await careMeasure(page, '[data-testid="certificate-page"]'))
  await screenshot(page, 'course-09-certificate-care')
  await page.locator(tid('cert-to-courses')).scrollIntoViewIfNeeded()
  await screenshot(page, 'course-10-certificate-facts-care')
})

test('我的 shows the course under 我的学习 as 已结业; the course page offers 领取结业证书', async () => {
  const page = senior
  await page.goto(`${cloud.gateway.url}/#/pages/mine/index`)
  const item = page.locator(tid('mine-learning-item', `[data-course="${courseId}"]`))
  await item.waitFor()
  expect(await item.getAttribute('data-percent')).toBe('100')
  expect(await item.innerText()).toContain('已结业')
  expectCare('mine', await careMeasure(page, '[data-testid="mine-page"]'))
  await screenshot(page, 'course-11-mine-learning-care')
  await item.click()
  await page.waitForSelector(tid('course-body', `[data-id="${courseId}"][data-fresh="true"][data-completed="true"]`))
  await page.waitForSelector(tid('course-certificate'))
  expect(await page.locator(tid('course-lesson', '[data-done="true"]')).count()).toBe(lessons.length)
  await screenshot(page, 'course-12-course-completed-care')
})

test("为家人学: a resident chooses a family member; the enrolment and the step are the member's, not the resident's", async () => {
  const added = await must('signup', 'family.add', { name: PARENT, ageGroup: '70+', relation: 'parent' }, RESIDENT)
  const memberId: string = added.member.id
  const page = await openAs(browser, cloud.gateway.url, RESIDENT)
  await page.goto(`${cloud.gateway.url}/#/learn/course/index?id=${courseId}`)
  await page.waitForSelector(tid('course-body', `[data-fresh="true"][data-member="self"]`))
  await page.click(tid(`learner-${memberId}`))
  await page.waitForSelector(tid('course-body', `[data-fresh="true"][data-member="${memberId}"][data-enrolled="false"]`))
  expect(await page.locator(tid(`learner-${memberId}`)).getAttribute('data-selected')).toBe('true')
  await screenshot(page, 'course-13-family-chosen')
  await page.click(tid('course-start'))
  await onStep(page, lessons[0].id, 0)
  expect(page.url()).toContain(`memberId=${memberId}`)
  await page.click(tid('lesson-next'))
  await onStep(page, lessons[0].id, 1)
  let rows: EnrolmentRow[] = []
  for (let tries = 0; tries < 25; tries++) {
    rows = await enrolments(RESIDENT)
    if (rows[0]?.position?.step === 1) break
    await page.waitForTimeout(200)
  }
  // One enrolment, the member's, at step 2; none for the resident themself.
  expect(rows.map((r) => ({ memberId: r.memberId, position: r.position }))).toEqual([
    { memberId, position: { lessonId: lessons[0].id, step: 1 } },
  ])
  await page.click(tid('lesson-back'))
  await page.waitForSelector(tid('course-body', `[data-fresh="true"][data-member="${memberId}"][data-enrolled="true"]`))
  expect(await page.locator(tid('course-start-box')).innerText()).toContain(`${PARENT}的学习进度`)
  await screenshot(page, 'course-14-family-progress')
  // Not finished: no certificate, said plainly with the way back.
  await page.goto(`${cloud.gateway.url}/#/learn/certificate/index?courseId=${courseId}&memberId=${memberId}`)
  await page.waitForSelector(tid('cert-not-done', '[data-code="COURSE_NOT_COMPLETED"]'))
  expect(await page.locator(tid('state-empty')).innerText()).toContain('学完全部课程后才能领取结业证书')
  await screenshot(page, 'course-15-certificate-not-yet')
  await page.context().close()
})
