// Launches Debian's Chromium through playwright-core (no browser download) and keeps screenshots.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '.artifacts', 'screenshots')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/**
 * A phone-sized page logged in as a seeded dev persona (its clock fixed at `now` when given). WeChat's
 * subscribe dialog answers 'reject' without asking (总是保持以上选择, src/dev/persona.ts) unless
 * `subscribe` says 'ask' (the dialog shows) or 'accept'.
 */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  openid: string,
  o: { now?: number; subscribe?: 'ask' | 'accept' | 'reject' } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  await context.addInitScript(
    ([id, subscribe]) => {
      window.localStorage.setItem('dev.openid', id)
      if (subscribe === 'ask') window.localStorage.removeItem('dev.subscribe.always')
      else window.localStorage.setItem('dev.subscribe.always', subscribe)
    },
    [openid, o.subscribe ?? 'reject'] as const,
  )
  const page = await context.newPage()
  // A fixed clock in the page (Date only; timers still run), for tests on a given moment of the week.
  if (o.now !== undefined) await page.clock.setFixedTime(o.now)
  page.on('pageerror', (err) => console.error('[page error]', err.message))
  await page.goto(`${baseUrl}/`)
  return page
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/**
 * Browser back once Taro's page transition has finished. Taro's h5 router hides the page beneath a
 * newly opened one on a timer (its animation's length): a back before that timer fires shows the
 * page beneath, and the timer then hides it again, leaving a blank screen. A person cannot tap back
 * that fast; a test can, on a loaded machine.
 */
export async function goBackSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page'))
    const top = pages[pages.length - 1]
    return (
      !!top && top.classList.contains('taro_page_stationed') && pages.slice(0, -1).every((p) => p.classList.contains('taro_page_shade'))
    )
  })
  await page.goBack()
}

/** Taro's page stack as the DOM holds it (each page's path and classes), for a failure's message. */
export function pageStack(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.taro_router > .taro_page'))
      .map((p) => `${p.id} [${p.className}]`)
      .join('\n'),
  )
}

/** Taps a tab of the bottom tab bar (首页 / 学习 / 我的) in the h5 build. */
export async function openTab(page: Page, label: '首页' | '学习' | '我的'): Promise<void> {
  await page.locator('.weui-tabbar__item', { has: page.locator('.weui-tabbar__label', { hasText: label }) }).click()
}

/** Opens the home page's 筛选 sheet (if it is not open yet). */
export async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator('[data-testid="filters-toggle"]:visible')
  if ((await toggle.getAttribute('data-open')) !== 'true') await toggle.click()
  await page.waitForSelector('[data-testid="filters-sheet"]:visible')
}
