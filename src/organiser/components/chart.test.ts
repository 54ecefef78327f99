import { barPercent, curveWindow, niceMax, peakHour, rateText } from './chart'

describe('niceMax', () => {
  test('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(1)).toBe(1)
    expect(niceMax(2)).toBe(2)
    expect(niceMax(3)).toBe(5)
    expect(niceMax(7)).toBe(10)
    expect(niceMax(10)).toBe(10)
    expect(niceMax(11)).toBe(20)
    expect(niceMax(48)).toBe(50)
    expect(niceMax(51)).toBe(100)
    expect(niceMax(101)).toBe(200)
    expect(niceMax(4999)).toBe(5000)
  })

  test('bad input gives 1', () => {
    expect(niceMax(Number.NaN)).toBe(1)
    expect(niceMax(-5)).toBe(1)
  })
})

describe('barPercent', () => {
  test('proportional to the top', () => {
    expect(barPercent(5, 10)).toBe(50)
    expect(barPercent(10, 10)).toBe(100)
    expect(barPercent(1, 3)).toBe(33.3)
  })

  test('zero is nothing; a small real value stays visible; never above 100', () => {
    expect(barPercent(0, 10)).toBe(0)
    expect(barPercent(1, 1000)).toBe(2)
    expect(barPercent(1, 1000, 5)).toBe(5)
    expect(barPercent(30, 10)).toBe(100)
    expect(barPercent(3, 0)).toBe(0)
  })
})

describe('curveWindow', () => {
  test('8–20 时 by default, every hour present', () => {
    const w = curveWindow([{ hour: 9, participants: 4 }])
    expect(w.map((p) => p.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
    expect(w.find((p) => p.hour === 9)!.participants).toBe(4)
    expect(w.filter((p) => p.participants > 0)).toHaveLength(1)
  })

  test('widened to early and late arrivals; empty hours outside stay out', () => {
    const w = curveWindow([
      { hour: 6, participants: 1 },
      { hour: 22, participants: 2 },
      { hour: 23, participants: 0 },
    ])
    expect(w[0].hour).toBe(6)
    expect(w[w.length - 1].hour).toBe(22)
  })

  test('an all-zero curve keeps the default window', () => {
    expect(curveWindow([]).length).toBe(13)
  })
})

test('peakHour', () => {
  expect(peakHour([])).toBeNull()
  expect(peakHour([{ hour: 9, participants: 0 }])).toBeNull()
  expect(
    peakHour([
      { hour: 9, participants: 2 },
      { hour: 10, participants: 5 },
      { hour: 11, participants: 5 },
    ]),
  ).toEqual({ hour: 10, participants: 5 })
})

test('rateText', () => {
  expect(rateText(null)).toBe('暂无评价')
  expect(rateText(0.965)).toBe('96.5%')
  expect(rateText(1)).toBe('100.0%')
  expect(rateText(0)).toBe('0.0%')
})
