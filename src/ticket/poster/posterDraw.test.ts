import { CODE_SIZE, CODE_TOP, POSTER_HEIGHT, POSTER_WIDTH, drawPoster, wrapText, type PosterCtx } from './posterDraw'

/** A canvas context that records what is drawn; each character is 10 px wide. */
function recorder() {
  const texts: string[] = []
  const images: [number, number, number, number][] = []
  const ctx: PosterCtx = {
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: () => undefined,
    fillText: (t) => void texts.push(t),
    measureText: (t) => ({ width: Array.from(t).length * 10 }),
    drawImage: (_img, x, y, w, h) => void images.push([x, y, w, h]),
  }
  return { ctx, texts, images }
}

const text = {
  weekName: '2026年南昌市全民终身学习活动周',
  theme: '奋进“十五五”，终身学习向未来',
  title: '智慧助老·手机打车查公交',
  time: '12月1日 周二 09:00–10:30',
  place: '百花洲街道社区学校',
  organizer: '东湖区社区教育学院',
}

test('the poster holds the week, its theme, the title, time, venue and organiser', () => {
  const { ctx, texts } = recorder()
  drawPoster(ctx, text, {})
  const all = texts.join('')
  for (const part of [text.weekName, text.theme, text.title, text.time, text.place, text.organizer]) expect(all).toContain(part)
  expect(all).toContain('微信扫一扫')
})

test('the 小程序码 is drawn once, centred, inside the picture', () => {
  const { ctx, images } = recorder()
  drawPoster(ctx, text, {})
  expect(images).toEqual([[(POSTER_WIDTH - CODE_SIZE) / 2, CODE_TOP, CODE_SIZE, CODE_SIZE]])
  expect(CODE_TOP + CODE_SIZE).toBeLessThan(POSTER_HEIGHT)
})

test('wrapText keeps every line within the width', () => {
  const { ctx } = recorder()
  const lines = wrapText(ctx, '终身学习'.repeat(10), 100, 10)
  expect(lines.join('')).toBe('终身学习'.repeat(10))
  for (const l of lines) expect(ctx.measureText(l).width).toBeLessThanOrEqual(100)
})

test('wrapText cuts the last allowed line with …, still within the width', () => {
  const { ctx } = recorder()
  const lines = wrapText(ctx, '终身学习'.repeat(10), 100, 2)
  expect(lines).toHaveLength(2)
  expect(lines[1].endsWith('…')).toBe(true)
  expect(ctx.measureText(lines[1]).width).toBeLessThanOrEqual(100)
})
