// Care-mode (长辈版) measurements of a page in the browser tests: font sizes, line heights and tap targets.
import type { Page } from 'playwright-core'

/** Font sizes, line heights and tap targets of the visible page under `root`, for the care-mode rules. */
export async function careMeasure(page: Page, root: string) {
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
    // A text box is measured on the element that takes the tap: in h5 the <input>/<textarea> inside
    // Taro's taro-input-core / taro-textarea-core, not the host that only draws the border.
    const taps = visible.filter(
      (el) =>
        el.getAttribute('role') === 'button' ||
        el.getAttribute('role') === 'link' ||
        el.tagName === 'A' ||
        el.tagName === 'INPUT' ||
        el.tagName === 'TEXTAREA',
    )
    const small = taps
      .map((el) => ({
        id: el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName,
        r: el.getBoundingClientRect(),
      }))
      .filter((t) => t.r.height < 60 || t.r.width < 60)
      .map((t) => `${t.id} ${Math.round(t.r.width)}x${Math.round(t.r.height)}`)
    return { min: Math.min(...px), max: Math.max(...px), minLineHeight: Math.min(...lh), taps: taps.length, small }
  }, root)
}
