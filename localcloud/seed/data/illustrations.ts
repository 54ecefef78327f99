// Lesson pictures for the seeded courses: each step describes a phone screen (SeedShot) and this
// file draws it as a small SVG from one of a few layouts, with the thing to tap outlined in thick
// orange, an arrow and a Chinese callout. Course covers are drawn the same way. Pure, no I/O:
// seed.ts writes the files into the local cloud's storage.

import type { SeedShot, SeedStep } from './types'

const FONT = 'Noto Sans CJK SC, sans-serif'
const W = 360
const H = 640
/** The screen inside the phone frame. */
const S = { x: 18, y: 50, w: 324, h: 540 }
const TITLE_H = 56
const TOP = S.y + TITLE_H
const ACCENT = '#e8590c'
const GREEN = '#07c160'

interface Box {
  x: number
  y: number
  w: number
  h: number
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/** Rough rendered width: CJK and full-width characters are one em, the rest about half. */
export function textWidth(text: string, size: number): number {
  let w = 0
  for (const ch of text) w += /[\u2000-\u206f\u2e80-\uffff]/.test(ch) ? size : size * 0.56
  return w
}

/** Cuts text to fit `max` pixels, ending with … when cut. */
function fit(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text
  let out = ''
  for (const ch of text) {
    if (textWidth(out + ch + '…', size) > max) break
    out += ch
  }
  return out + '…'
}

/** Breaks text into lines of at most `max` pixels (at most `lines` lines). */
function wrap(text: string, size: number, max: number, lines: number): string[] {
  const out: string[] = []
  let line = ''
  for (const ch of text) {
    if (textWidth(line + ch, size) > max) {
      out.push(line)
      line = ''
    }
    line += ch
  }
  if (line) out.push(line)
  if (out.length > lines) return [...out.slice(0, lines - 1), fit(out.slice(lines - 1).join(''), size, max)]
  return out
}

function text(
  x: number,
  y: number,
  value: string,
  size: number,
  opts: { fill?: string; anchor?: 'middle' | 'end'; bold?: boolean } = {},
): string {
  const anchor = opts.anchor ? ` text-anchor="${opts.anchor}"` : ''
  const weight = opts.bold ? ' font-weight="700"' : ''
  return `<text x="${r(x)}" y="${r(y)}" font-size="${size}"${anchor}${weight} fill="${opts.fill ?? '#222'}">${escapeXml(value)}</text>`
}

const r = (n: number) => Math.round(n)

function rect(b: Box, fill: string, rx = 8, extra = ''): string {
  return `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" rx="${rx}" fill="${fill}"${extra}/>`
}

function frame(title: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="${FONT}">`,
    `<rect x="4" y="4" width="${W - 8}" height="${H - 8}" rx="40" fill="#2b2b2b"/>`,
    `<rect x="150" y="22" width="60" height="8" rx="4" fill="#555"/>`,
    rect(S, '#f5f5f5', 6),
    rect({ x: S.x, y: S.y, w: S.w, h: TITLE_H }, '#ededed', 6),
    text(W / 2, S.y + 37, fit(title, 22, S.w - 40), 22, { anchor: 'middle', bold: true }),
    body,
    `<circle cx="${W / 2}" cy="${H - 24}" r="12" fill="none" stroke="#555" stroke-width="3"/>`,
    '</svg>',
  ].join('')
}

/**
 * The orange outline round the target, a callout and an arrow between. The callout goes below the
 * target (above when there is no room); for rows (`rowsBottom` given) it goes below the last row,
 * right-aligned, so it never covers another row's text.
 */
function highlight(target: Box, label: string, opts: { rowsBottom?: number; arrow?: number } = {}): string {
  const { rowsBottom } = opts
  const arrow = opts.arrow ?? 44
  const pad = 5
  const ring = { x: target.x - pad, y: target.y - pad, w: target.w + 2 * pad, h: target.h + 2 * pad }
  const size = 20
  const bw = Math.min(S.w - 16, textWidth(label, size) + 28)
  const bh = 40
  const cx = rowsBottom === undefined ? target.x + target.w / 2 : target.x + target.w - 40
  const bx = Math.max(S.x + 8, Math.min(S.x + S.w - 8 - bw, cx - bw / 2))
  const below = rowsBottom !== undefined || ring.y + ring.h + arrow + bh <= S.y + S.h - 8
  const above = !below && ring.y - bh - arrow >= TOP + 4
  const by = above
    ? ring.y - bh - arrow
    : rowsBottom !== undefined
      ? Math.min(Math.max(rowsBottom + 28, ring.y + ring.h + 28), S.y + S.h - 46)
      : ring.y + ring.h + arrow
  const ax = Math.max(bx + 14, Math.min(bx + bw - 14, cx))
  const [y1, y2, tip] = above ? [by + bh, ring.y - 12, ring.y - 2] : [by, ring.y + ring.h + 12, ring.y + ring.h + 2]
  const head = above
    ? `${r(ax - 11)},${r(y2)} ${r(ax + 11)},${r(y2)} ${r(ax)},${r(tip)}`
    : `${r(ax - 11)},${r(y2)} ${r(ax + 11)},${r(y2)} ${r(ax)},${r(tip)}`
  return [
    rect(ring, 'none', 12, ` stroke="${ACCENT}" stroke-width="6"`),
    `<line x1="${r(ax)}" y1="${r(y1)}" x2="${r(ax)}" y2="${r(y2)}" stroke="${ACCENT}" stroke-width="6"/>`,
    `<polygon points="${head}" fill="${ACCENT}"/>`,
    rect({ x: bx, y: by, w: bw, h: bh }, ACCENT, 10),
    text(bx + bw / 2, by + 27, label, size, { fill: '#fff', anchor: 'middle', bold: true }),
  ].join('')
}

function rows(items: string[], startY: number): { body: string; boxes: Box[] } {
  const boxes: Box[] = []
  let body = ''
  items.slice(0, 6).forEach((item, i) => {
    const b = { x: S.x + 12, y: startY + i * 70, w: S.w - 24, h: 60 }
    boxes.push(b)
    body +=
      rect(b, '#fff', 8) +
      text(b.x + 18, b.y + 38, fit(item, 20, b.w - 56), 20) +
      text(b.x + b.w - 18, b.y + 39, '›', 26, { fill: '#999', anchor: 'end' })
  })
  return { body, boxes }
}

function tabs(shot: SeedShot): { body: string; boxes: Box[] } {
  const items = shot.items ?? []
  let body = ''
  for (let i = 0; i < 4; i++) {
    const y = TOP + 14 + i * 76
    body += `<circle cx="${S.x + 44}" cy="${y + 30}" r="24" fill="#cfd8dc"/>`
    body += rect({ x: S.x + 80, y: y + 14, w: 150 - i * 14, h: 12 }, '#cfd8dc', 6)
    body += rect({ x: S.x + 80, y: y + 36, w: 210 - i * 20, h: 10 }, '#e3e7ea', 5)
  }
  const barY = S.y + S.h - 72
  body +=
    rect({ x: S.x, y: barY, w: S.w, h: 72 }, '#fafafa', 0) + `<line x1="${S.x}" y1="${barY}" x2="${S.x + S.w}" y2="${barY}" stroke="#ddd"/>`
  const cell = S.w / Math.max(1, items.length)
  const boxes = items.map((item, i) => {
    const x = S.x + i * cell
    body += `<circle cx="${r(x + cell / 2)}" cy="${barY + 24}" r="11" fill="${i === shot.tap ? GREEN : '#9aa0a6'}"/>`
    body += text(x + cell / 2, barY + 60, fit(item, 17, cell - 6), 17, { anchor: 'middle', fill: i === shot.tap ? GREEN : '#444' })
    return { x: x + 6, y: barY + 6, w: cell - 12, h: 62 }
  })
  return { body, boxes }
}

function grid(shot: SeedShot): { body: string; boxes: Box[] } {
  // At most three rows, 160 px apart, so a callout fits between two rows without covering one.
  const items = (shot.items ?? []).slice(0, 9)
  const cols = 3
  const cw = (S.w - 24) / cols
  const palette = ['#4dabf7', '#69db7c', '#ffa94d', '#9775fa', '#f783ac', '#3bc9db']
  let body = ''
  const boxes = items.map((item, i) => {
    const x = S.x + 12 + (i % cols) * cw
    const y = TOP + 16 + Math.floor(i / cols) * 160
    body += rect({ x: x + cw / 2 - 28, y: y + 8, w: 56, h: 56 }, palette[i % palette.length], 14)
    body += text(x + cw / 2, y + 92, fit(item, 17, cw - 8), 17, { anchor: 'middle' })
    return { x: x + 4, y, w: cw - 8, h: 102 }
  })
  return { body, boxes }
}

function search(shot: SeedShot): { body: string; boxes: Box[] } {
  const box = { x: S.x + 12, y: TOP + 14, w: S.w - 24, h: 52 }
  let body = rect(box, '#fff', 26, ' stroke="#bbb" stroke-width="2"')
  body += `<circle cx="${box.x + 30}" cy="${box.y + 24}" r="10" fill="none" stroke="#666" stroke-width="3"/><line x1="${box.x + 37}" y1="${box.y + 31}" x2="${box.x + 45}" y2="${box.y + 39}" stroke="#666" stroke-width="3"/>`
  body += text(box.x + 58, box.y + 34, fit(shot.query ?? '', 20, box.w - 70), 20)
  const list = rows(shot.items ?? [], TOP + 84)
  return { body: body + list.body, boxes: list.boxes }
}

function form(shot: SeedShot): { body: string; boxes: Box[] } {
  let body = ''
  ;(shot.fields ?? []).slice(0, 5).forEach(([label, value], i) => {
    const b = { x: S.x + 12, y: TOP + 16 + i * 70, w: S.w - 24, h: 60 }
    body += rect(b, '#fff', 8) + text(b.x + 16, b.y + 38, fit(label, 18, 110), 18, { fill: '#666' })
    body += text(b.x + b.w - 16, b.y + 38, fit(value, 20, b.w - 150), 20, { anchor: 'end', bold: true })
  })
  const button = { x: S.x + 24, y: S.y + S.h - 100, w: S.w - 48, h: 64 }
  body +=
    rect(button, GREEN, 12) +
    text(W / 2, button.y + 41, fit(shot.button ?? '确定', 24, button.w - 20), 24, { fill: '#fff', anchor: 'middle', bold: true })
  return { body, boxes: [button] }
}

function message(shot: SeedShot): string {
  const lines = wrap(shot.body ?? '', 19, 214, 7)
  const bubble = { x: S.x + 70, y: TOP + 30, w: 240, h: 28 + lines.length * 28 }
  let body = `<circle cx="${S.x + 38}" cy="${TOP + 52}" r="22" fill="#adb5bd"/>`
  body += rect(bubble, '#fff', 12)
  lines.forEach((line, i) => (body += text(bubble.x + 14, bubble.y + 34 + i * 28, line, 19)))
  const banner = { x: S.x + 16, y: S.y + S.h - 150, w: S.w - 32, h: 110 }
  body += rect(banner, '#fff5f5', 14, ' stroke="#c92a2a" stroke-width="5"')
  body +=
    `<circle cx="${banner.x + 44}" cy="${banner.y + 55}" r="26" fill="#c92a2a"/>` +
    text(banner.x + 44, banner.y + 67, '!', 34, { fill: '#fff', anchor: 'middle', bold: true })
  const warn = wrap(shot.label, 21, banner.w - 90, 2)
  warn.forEach(
    (line, i) =>
      (body += text(banner.x + 80, banner.y + (warn.length === 1 ? 63 : 48 + i * 32), line, 21, { fill: '#c92a2a', bold: true })),
  )
  return body
}

/** A QR-looking code: three finder squares and a fixed scatter of modules (one path). */
function code(shot: SeedShot): { body: string; boxes: Box[] } {
  const size = 200
  const x0 = W / 2 - size / 2
  const y0 = TOP + 60
  const m = size / 20
  let d = ''
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 20; j++) {
      const inFinder = (i < 7 && j < 7) || (i < 7 && j > 12) || (i > 12 && j < 7)
      if (!inFinder && (i * 7 + j * 13 + ((i * j) % 5)) % 3 === 0) d += `M${r(x0 + j * m)} ${r(y0 + i * m)}h${m}v${m}h-${m}z`
    }
  }
  let body = rect({ x: x0 - 16, y: y0 - 16, w: size + 32, h: size + 32 }, '#fff', 10)
  for (const [fx, fy] of [
    [0, 0],
    [13, 0],
    [0, 13],
  ]) {
    body += rect({ x: x0 + fx * m, y: y0 + fy * m, w: 7 * m, h: 7 * m }, '#222', 0)
    body += rect({ x: x0 + (fx + 1) * m, y: y0 + (fy + 1) * m, w: 5 * m, h: 5 * m }, '#fff', 0)
    body += rect({ x: x0 + (fx + 2) * m, y: y0 + (fy + 2) * m, w: 3 * m, h: 3 * m }, '#222', 0)
  }
  body += `<path d="${d}" fill="#222"/>`
  wrap(shot.body ?? '', 19, S.w - 40, 2).forEach(
    (line, i) => (body += text(W / 2, S.y + S.h - 60 + i * 28, line, 19, { anchor: 'middle', fill: '#444' })),
  )
  return { body, boxes: [{ x: x0 - 16, y: y0 - 16, w: size + 32, h: size + 32 }] }
}

/** The SVG of one lesson step's picture. */
export function renderShot(shot: SeedShot): string {
  if (shot.layout === 'message') return frame(shot.screen, message(shot))
  const drawn =
    shot.layout === 'tabs'
      ? tabs(shot)
      : shot.layout === 'grid'
        ? grid(shot)
        : shot.layout === 'search'
          ? search(shot)
          : shot.layout === 'form'
            ? form(shot)
            : shot.layout === 'code'
              ? code(shot)
              : rows(shot.items ?? [], TOP + 16)
  const index = shot.layout === 'form' || shot.layout === 'code' ? 0 : shot.tap
  const target = index === undefined ? undefined : drawn.boxes[index]
  const last = drawn.boxes[drawn.boxes.length - 1]
  const rowsBottom = shot.layout === 'list' || shot.layout === 'search' ? last.y + last.h : undefined
  const arrow = shot.layout === 'grid' ? 12 : undefined
  return frame(shot.screen, drawn.body + (target ? highlight(target, shot.label, { rowsBottom, arrow }) : ''))
}

/** What the picture shows, for screen readers (≤ 60 characters). */
export function shotAlt(shot: SeedShot): string {
  const alt = `示意图：“${shot.screen}”页面，${shot.label}`
  return alt.length <= 60 ? alt : alt.slice(0, 59) + '…'
}

/** A course cover: the kind, the topic and the title on a coloured card (4:3). */
export function renderCover(title: string, kindLabel: string, topicLabel: string, reading: boolean): string {
  const bg = reading ? '#5c7cfa' : '#12b886'
  const lines = wrap(title, 34, 400, 3)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 360" width="480" height="360" font-family="${FONT}">`,
    `<rect width="480" height="360" rx="24" fill="${bg}"/>`,
    `<rect x="32" y="32" width="${r(textWidth(kindLabel, 22) + 32)}" height="40" rx="20" fill="#fff"/>`,
    text(48, 60, kindLabel, 22, { fill: bg, bold: true }),
    ...lines.map((line, i) => text(40, 150 + i * 48, line, 34, { fill: '#fff', bold: true })),
    text(40, 320, topicLabel, 24, { fill: '#fff' }),
    '</svg>',
  ].join('')
}

// ------------------------------------------------------------------ shorthands for the course files

export const WECHAT_TABS = ['微信', '通讯录', '发现', '我']
export const WECHAT_ME = ['服务', '收藏', '朋友圈', '订单与卡包', '表情', '设置']
export const WECHAT_SERVICES = ['收付款', '钱包', '手机充值', '生活缴费', '城市服务', '医疗健康', '出行服务', '火车票机票', '腾讯公益']

export const shot = {
  tab: (screen: string, items: string[], tap: number, label: string): SeedShot => ({ layout: 'tabs', screen, items, tap, label }),
  row: (screen: string, items: string[], tap: number, label: string): SeedShot => ({ layout: 'list', screen, items, tap, label }),
  tile: (screen: string, items: string[], tap: number, label: string): SeedShot => ({ layout: 'grid', screen, items, tap, label }),
  search: (screen: string, query: string, items: string[], tap: number, label: string): SeedShot => ({
    layout: 'search',
    screen,
    query,
    items,
    tap,
    label,
  }),
  form: (screen: string, fields: [string, string][], button: string, label: string): SeedShot => ({
    layout: 'form',
    screen,
    fields,
    button,
    label,
  }),
  warn: (screen: string, body: string, label: string): SeedShot => ({ layout: 'message', screen, body, label }),
  code: (screen: string, body: string, label: string): SeedShot => ({ layout: 'code', screen, body, label }),
}

/** One lesson step: what to do, its picture and an optional tip. */
export function step(text: string, picture: SeedShot, tip?: string): SeedStep {
  return tip ? { text, shot: picture, tip } : { text, shot: picture }
}

// ------------------------------------------------------------------ publicity photos

const WALLS = ['#f1e4d3', '#e3ecf4', '#e9efe1', '#f3e6e6']
const CLOTHES = ['#4c6ef5', '#e8590c', '#2f9e44', '#868e96', '#ae3ec9', '#1c7ed6', '#f08c00', '#495057']

/**
 * A placeholder for a publicity photo of an activity (4:3): the red banner with the title over a
 * room of people seen from the back, the venue and the photo's number below. `n` picks the wall
 * colour and the crowd, so the photos of one record differ.
 */
export function renderPhoto(title: string, venue: string, n: number, of: number): string {
  const banner = wrap(title, 20, 400, 2)
  const people: string[] = []
  for (let row = 0; row < 3; row++) {
    const y = 250 + row * 34
    const count = 7 + row
    for (let i = 0; i < count; i++) {
      const x = 30 + ((i + 0.5) * 420) / count + ((row + n) % 2) * 12
      const c = CLOTHES[(i * 3 + row * 5 + n) % CLOTHES.length]
      people.push(
        `<rect x="${r(x - 17)}" y="${y + 8}" width="34" height="40" rx="14" fill="${c}"/><circle cx="${r(x)}" cy="${y}" r="12" fill="#3b3b3b"/>`,
      )
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 360" width="480" height="360" font-family="${FONT}">`,
    `<rect width="480" height="360" fill="${WALLS[n % WALLS.length]}"/>`,
    `<rect x="150" y="${banner.length > 1 ? 96 : 80}" width="180" height="110" rx="4" fill="#dee2e6" stroke="#adb5bd" stroke-width="3"/>`,
    `<rect x="24" y="18" width="432" height="${banner.length > 1 ? 70 : 50}" fill="#c92a2a"/>`,
    ...banner.map((line, i) => text(240, 50 + i * 28, line, 20, { fill: '#ffe066', anchor: 'middle', bold: true })),
    ...people,
    `<rect y="326" width="480" height="34" fill="rgba(0,0,0,0.55)"/>`,
    text(16, 349, fit(venue, 16, 360), 16, { fill: '#fff' }),
    text(464, 349, `${n}/${of}`, 16, { fill: '#fff', anchor: 'end' }),
    '</svg>',
  ].join('')
}
