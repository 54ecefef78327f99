// Dev-only (h5): a small floating control to act as another seeded person. Plain DOM, mounted once
// beside the Taro app, so it shows on every page and never touches the app's React tree.
// app.ts loads it with a dynamic import behind process.env.TARO_ENV === 'h5': the weapp build has none of it.
import { chooseDevOpenid, currentDevOpenid, type DevPersona } from './persona'

const ROOT_ID = 'dev-persona-switcher'
/** Bottom padding of every page (the switcher is about 34 px from the viewport's bottom edge). */
const SWITCHER_ROOM = 72

const PERSONA_NAMES: Record<string, string> = {
  resident: '居民',
  senior: '老年人',
  volunteer: '志愿者',
  organiser: '组织者',
  admin: '教育局管理员',
}

async function fetchPersonas(): Promise<DevPersona[]> {
  const res = await fetch('/api/dev/personas')
  if (!res.ok) throw new Error(`personas: HTTP ${res.status}`)
  const body = (await res.json()) as { personas?: unknown }
  if (!Array.isArray(body.personas)) return []
  return body.personas.filter(
    (p): p is DevPersona =>
      typeof p === 'object' && p !== null && typeof (p as DevPersona).openid === 'string' && typeof (p as DevPersona).label === 'string',
  )
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration>, text?: string) {
  const node = document.createElement(tag)
  Object.assign(node.style, style)
  if (text !== undefined) node.textContent = text
  return node
}

export function mountDevPersonaSwitcher(): void {
  if (typeof document === 'undefined' || document.getElementById(ROOT_ID)) return
  if (!document.body) {
    document.addEventListener('DOMContentLoaded', () => mountDevPersonaSwitcher(), { once: true })
    return
  }
  const current = currentDevOpenid()

  // At the bottom (every h5 page ends with room for it), or above the tab bar (首页 / 学习 / 我的)
  // on the pages that show it, so it never covers a tab.
  const placing = document.createElement('style')
  placing.textContent =
    `#${ROOT_ID} { bottom: 8px; }\n` + `body:has(.taro-tabbar__tabbar:not(.taro-tabbar__tabbar-hide)) #${ROOT_ID} { bottom: 72px; }`
  document.head.appendChild(placing)
  const root = el('div', {
    position: 'fixed',
    left: '8px',
    // Under the pickers, toasts and modals (z-index 5000), above the page.
    zIndex: '1000',
    font: '12px/1.4 sans-serif',
    color: '#1f2329',
    maxWidth: '70vw',
  })
  root.id = ROOT_ID
  root.setAttribute('data-testid', 'dev-persona-switcher')

  const toggle = el(
    'button',
    {
      padding: '4px 8px',
      border: '1px solid #4e5969',
      borderRadius: '12px',
      background: 'rgba(255,255,255,0.92)',
      color: '#1f2329',
      font: 'inherit',
      cursor: 'pointer',
    },
    `开发身份：${current || '访客（无身份）'}`,
  )
  toggle.type = 'button'
  toggle.setAttribute('data-testid', 'dev-persona-toggle')

  const list = el('div', {
    display: 'none',
    marginBottom: '6px',
    padding: '6px',
    border: '1px solid #4e5969',
    borderRadius: '8px',
    background: '#ffffff',
    boxShadow: '0 2px 8px rgba(0,0,0,0.15)',
  })

  toggle.addEventListener('click', () => {
    list.style.display = list.style.display === 'none' ? 'block' : 'none'
  })

  root.append(list, toggle)
  document.body.appendChild(root)
  // Every page ends with room for the switcher, so its last fields and buttons scroll clear of it.
  const room = document.createElement('style')
  room.textContent = `.page { padding-bottom: ${SWITCHER_ROOM}px !important; }`
  document.head.appendChild(room)

  fetchPersonas()
    .then((personas) => {
      const mine = personas.find((p) => p.openid === current)
      // Short (one line, clear of the page): the kind of person; the full name is in the list.
      if (mine) {
        toggle.textContent = `开发身份：${PERSONA_NAMES[mine.persona] ?? mine.persona}`
        toggle.title = mine.label
      }
      for (const p of personas) {
        const kind = PERSONA_NAMES[p.persona] ?? p.persona
        const option = el(
          'button',
          {
            display: 'block',
            width: '100%',
            margin: '2px 0',
            padding: '6px 8px',
            textAlign: 'left',
            border: '1px solid #c9cdd4',
            borderRadius: '6px',
            background: p.openid === current ? '#e8f1fb' : '#ffffff',
            color: '#1f2329',
            font: 'inherit',
            cursor: 'pointer',
          },
          `${p.openid === current ? '✓ ' : ''}${p.label}（${kind}）`,
        )
        option.type = 'button'
        option.setAttribute('data-testid', `dev-persona-${p.openid}`)
        option.addEventListener('click', () => {
          chooseDevOpenid(p.openid)
          window.location.reload()
        })
        list.appendChild(option)
      }
    })
    .catch(() => {
      toggle.textContent = `开发身份：${current}（无法读取身份列表）`
    })
}
