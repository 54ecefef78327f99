// h5 only: Taro's router makes each page's own <div class="taro_page"> the scroll container. A page
// whose taps are all role="button" views has nothing a keyboard can focus in it, so it could not be
// scrolled from a keyboard (axe: scrollable-region-focusable). Each page div is made focusable as it
// is added. app.ts loads this with a dynamic import behind process.env.TARO_ENV === 'h5': weapp has none of it.

function focusable(node: Node) {
  if (node instanceof HTMLElement && node.classList.contains('taro_page') && !node.hasAttribute('tabindex')) {
    node.setAttribute('tabindex', '0')
  }
}

export function makePagesFocusable() {
  document.querySelectorAll('.taro_page').forEach(focusable)
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(focusable)
  }).observe(document.body, { childList: true, subtree: true })
}
