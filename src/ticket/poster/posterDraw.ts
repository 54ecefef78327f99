// The activity poster as a picture: one pure draw function over the part of the 2D canvas API that
// a DOM canvas (h5) and WeChat's canvas 2d (weapp) both provide. The page (index.tsx) loads the
// data and the 小程序码 picture, makes the canvas and exports it.
import type { ActivityDetail } from '@shared/contracts/activity'
import { placeText, timeRangeText } from '@/utils/activityText'

/** The subset of CanvasRenderingContext2D used here. */
export interface PosterCtx {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
}

/** Picture size in canvas px (5:8, sharp on a phone at full width). */
export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1200
/** The 小程序码's side and top on the poster. */
export const CODE_SIZE = 300
export const CODE_TOP = 790

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif'
const BLUE = '#0B5CAD'
const INK = '#1F2329'
const MUTED = '#4E5969'
const PAPER = '#FFFBF2'

const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${FONT}`

/** What the poster says. */
export interface PosterText {
  weekName: string
  theme: string
  title: string
  time: string
  place: string
  organizer: string
}

export function posterText(a: ActivityDetail, week: { name: string; theme: string } | undefined): PosterText {
  return {
    weekName: week?.name ?? '全民终身学习活动周',
    theme: week?.theme ?? '',
    title: a.title,
    time: timeRangeText(a.startAt, a.endAt),
    place: a.mode === 'online' ? '线上' : placeText(a),
    organizer: a.organizer,
  }
}

/** Splits text into lines no wider than `max`, character by character (Chinese has no spaces); the last one cut with '…'. */
export function wrapText(ctx: Pick<PosterCtx, 'measureText'>, text: string, max: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > max) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]
  while (last && ctx.measureText(`${last}…`).width > max) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last}…`
  return kept
}

/** Draws the whole poster; `code` is the loaded 小程序码 picture. */
export function drawPoster(ctx: PosterCtx, t: PosterText, code: unknown): void {
  const left = 56
  const max = POSTER_WIDTH - 2 * left
  ctx.fillStyle = PAPER
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'

  // The week's band: its name and theme.
  ctx.fillStyle = BLUE
  ctx.fillRect(0, 0, POSTER_WIDTH, 230)
  ctx.fillStyle = '#FFFFFF'
  ctx.font = font(40, true)
  let y = 52
  for (const line of wrapText(ctx, t.weekName, max, 2)) {
    ctx.fillText(line, left, y)
    y += 54
  }
  ctx.font = font(30)
  if (t.theme) for (const line of wrapText(ctx, `主题：${t.theme}`, max, 1)) ctx.fillText(line, left, Math.max(y + 8, 150))

  // The activity.
  y = 280
  ctx.fillStyle = INK
  ctx.font = font(52, true)
  for (const line of wrapText(ctx, t.title, max, 3)) {
    ctx.fillText(line, left, y)
    y += 70
  }
  y += 24
  const facts: [string, string][] = [
    ['时间', t.time],
    ['地点', t.place],
    ['主办', t.organizer],
  ]
  for (const [label, value] of facts) {
    if (!value) continue
    ctx.fillStyle = BLUE
    ctx.font = font(32, true)
    ctx.fillText(label, left, y)
    ctx.fillStyle = INK
    ctx.font = font(32)
    for (const line of wrapText(ctx, value, max - 90, 2)) {
      ctx.fillText(line, left + 90, y)
      y += 46
    }
    y += 12
  }

  // The 小程序码 and what to do with it.
  const codeLeft = (POSTER_WIDTH - CODE_SIZE) / 2
  ctx.fillStyle = '#FFFFFF'
  ctx.fillRect(codeLeft - 16, CODE_TOP - 16, CODE_SIZE + 32, CODE_SIZE + 32)
  ctx.drawImage(code, codeLeft, CODE_TOP, CODE_SIZE, CODE_SIZE)
  ctx.fillStyle = MUTED
  ctx.font = font(30)
  ctx.textAlign = 'center'
  ctx.fillText('微信扫一扫，查看活动并报名', POSTER_WIDTH / 2, CODE_TOP + CODE_SIZE + 36)
}
