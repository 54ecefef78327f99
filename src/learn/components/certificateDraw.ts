// The completion certificate as a picture: one pure draw function over the small part of the 2D
// canvas API that both a DOM canvas (h5) and WeChat's offscreen 2d canvas (weapp) provide. The
// platform files (CertificateImage.h5.tsx / CertificateImage.tsx) only make the canvas and export it.
import type { Certificate } from '@shared/contracts/course'
import { courseSizeText, dateCn, kindLabel } from '@/utils/courseText'

/** The subset of CanvasRenderingContext2D used here (WeChat's 2d context has all of it). */
export interface Ctx2D {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  stroke(): void
}

/** Picture size in canvas px (3:4, sharp on a phone at full width). */
export const CERT_WIDTH = 750
export const CERT_HEIGHT = 1000

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif'
const RED = '#A4161A'
const GOLD = '#B8860B'
const INK = '#1F2329'
const MUTED = '#4E5969'

const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${FONT}`

/** Splits text into lines no wider than `max` (character by character: Chinese has no spaces). */
export function wrapLines(ctx: Pick<Ctx2D, 'measureText'>, text: string, max: number, maxLines = 3): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > max) {
      lines.push(line)
      line = ch
    } else {
      line += ch
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`
    return kept
  }
  return lines
}

/** The sentences of the certificate, in reading order (also used as the picture's text alternative). */
export function certificateLines(c: Certificate): { title: string; name: string; body: string[]; footer: string[] } {
  return {
    title: '结业证书',
    name: c.learnerName,
    body: [
      `于${dateCn(c.completedAt)}学完`,
      `《${c.courseTitle}》`,
      `${kindLabel(c.kind)}课程 ${courseSizeText(c.lessonCount, c.totalMinutes).replace('，', ' ')}`,
      '全部课程，准予结业。',
    ],
    footer: [
      c.weekName,
      `颁发单位：${c.issuer}${c.districtName && !c.issuer.includes(c.districtName) ? `（${c.districtName}）` : ''}`,
      `结业日期：${dateCn(c.completedAt)}`,
      `证书编号：${c.certificateNo}`,
    ],
  }
}

/** Draws the whole certificate on a CERT_WIDTH x CERT_HEIGHT canvas. */
export function drawCertificate(ctx: Ctx2D, c: Certificate): void {
  const W = CERT_WIDTH
  const H = CERT_HEIGHT
  const t = certificateLines(c)

  // Paper and a double frame.
  ctx.fillStyle = '#FFFDF6'
  ctx.fillRect(0, 0, W, H)
  ctx.strokeStyle = RED
  ctx.lineWidth = 14
  ctx.strokeRect(22, 22, W - 44, H - 44)
  ctx.strokeStyle = GOLD
  ctx.lineWidth = 3
  ctx.strokeRect(44, 44, W - 88, H - 88)

  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  const cx = W / 2

  ctx.fillStyle = RED
  ctx.font = font(76, true)
  ctx.fillText(t.title, cx, 150)
  ctx.fillStyle = GOLD
  ctx.fillRect(cx - 120, 210, 240, 4)

  ctx.fillStyle = MUTED
  ctx.font = font(30)
  ctx.fillText('兹证明', cx, 280)

  ctx.fillStyle = INK
  ctx.font = font(64, true)
  ctx.fillText(c.learnerName, cx, 365)

  let y = 460
  ctx.font = font(32)
  ctx.fillStyle = INK
  ctx.fillText(t.body[0], cx, y)
  y += 60
  ctx.font = font(40, true)
  for (const line of wrapLines(ctx, t.body[1], W - 160, 2)) {
    ctx.fillText(line, cx, y)
    y += 56
  }
  ctx.font = font(30)
  ctx.fillStyle = MUTED
  ctx.fillText(t.body[2], cx, y + 4)
  y += 56
  ctx.fillStyle = INK
  ctx.font = font(32)
  ctx.fillText(t.body[3], cx, y)

  // Footer, left-aligned, and a round seal on the right.
  ctx.textAlign = 'left'
  ctx.fillStyle = INK
  let fy = 770
  ctx.font = font(26, true)
  for (const line of wrapLines(ctx, t.footer[0], 420, 1)) ctx.fillText(line, 90, fy)
  fy += 44
  ctx.font = font(22)
  for (const text of t.footer.slice(1)) {
    for (const line of wrapLines(ctx, text, 430, 2)) {
      ctx.fillText(line, 90, fy)
      fy += 38
    }
  }

  const sx = W - 140
  const sy = 840
  ctx.strokeStyle = RED
  ctx.lineWidth = 6
  ctx.beginPath()
  ctx.arc(sx, sy, 80, 0, Math.PI * 2)
  ctx.stroke()
  ctx.lineWidth = 2
  ctx.beginPath()
  ctx.arc(sx, sy, 67, 0, Math.PI * 2)
  ctx.stroke()
  ctx.textAlign = 'center'
  ctx.fillStyle = RED
  ctx.font = font(40, true)
  ctx.fillText('★', sx, sy - 28)
  ctx.font = font(26, true)
  ctx.fillText('学习结业', sx, sy + 14)
  // The issuer along the seal's lower chord (about 100 px wide there).
  ctx.font = font(15)
  const seal = wrapLines(ctx, c.issuer, 96, 1)[0] ?? ''
  ctx.fillText(seal, sx, sy + 42)
}
