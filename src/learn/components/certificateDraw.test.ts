import type { Certificate } from '@shared/contracts/course'
import { drawCertificate, wrapLines, type Ctx2D } from './certificateDraw'

const cert: Certificate = {
  courseId: 'c1',
  certificateNo: 'NC2026-20261123-A1B2C3',
  learnerName: '王秀兰',
  courseTitle: '手机挂号不求人',
  kind: 'smart_senior',
  lessonCount: 4,
  totalMinutes: 45,
  completedAt: Date.UTC(2026, 10, 23, 2, 0),
  issuer: '南昌市教育局',
  districtName: '东湖区',
  weekName: '2026年南昌市全民终身学习活动周',
}

/** A fake context: every character 10 px wide; records the text drawn. */
function fakeCtx(): Ctx2D & { texts: string[] } {
  const texts: string[] = []
  return {
    texts,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect: () => undefined,
    strokeRect: () => undefined,
    fillText: (t: string) => void texts.push(t),
    measureText: (t: string) => ({ width: Array.from(t).length * 10 }),
    beginPath: () => undefined,
    arc: () => undefined,
    stroke: () => undefined,
  }
}

describe('certificate picture', () => {
  test('draws the learner, the course, its size, the date, the number and the issuer', () => {
    const ctx = fakeCtx()
    drawCertificate(ctx, cert)
    const all = ctx.texts.join('\n')
    expect(all).toContain('结业证书')
    expect(ctx.texts).toContain('王秀兰')
    expect(all).toContain('《手机挂号不求人》')
    expect(all).toContain('共4课 约45分钟')
    expect(all).toContain('结业日期：2026年11月23日')
    expect(all).toContain('证书编号：NC2026-20261123-A1B2C3')
    expect(all).toContain('颁发单位：南昌市教育局（东湖区）')
  })

  test('long text wraps by width and is cut with … after the last allowed line', () => {
    const ctx = fakeCtx()
    expect(wrapLines(ctx, '一二三四五六七', 30)).toEqual(['一二三', '四五六', '七'])
    expect(wrapLines(ctx, '一二三四五六七', 30, 2)).toEqual(['一二三', '四五…'])
  })
})
