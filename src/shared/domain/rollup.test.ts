import { composeTyped, mergeFigures } from './rollup'
import type { SummaryFigures } from './summary'

const week = { theme: '终身学习', startDate: '2026-12-01', endDate: '2026-12-07' }
function figures(o: Partial<SummaryFigures>): SummaryFigures {
  return {
    districtNames: [],
    ...week,
    activities: 0,
    activitiesByType: {},
    cancelled: 0,
    firstDay: null,
    lastDay: null,
    registered: 0,
    checkIns: 0,
    distinctPeople: 0,
    walkInHeadcount: 0,
    participants: 0,
    hosts: [],
    coHosts: [],
    streets: [],
    communities: [],
    units: [],
    feedback: { satisfied: 0, basic: 0, unsatisfied: 0, skipped: 0, comments: 0 },
    featured: [],
    publicity: { text: [], photos: 0, videos: [], mediaRecords: 0, outlets: [] },
    courses: { courses: 0, enrolled: 0, lessonsCompleted: 0, completed: 0 },
    reading: { books: 0, logs: 0, minutes: 0, bookReaders: 0 },
    ...o,
  }
}

describe('mergeFigures', () => {
  const a = figures({
    activities: 2,
    activitiesByType: { reading: 2 },
    participants: 13,
    firstDay: '2026-12-02',
    lastDay: '2026-12-03',
    hosts: ['甲学院'],
    coHosts: ['乙街道'],
    feedback: { satisfied: 8, basic: 0, unsatisfied: 2, skipped: 1, comments: 1 },
    featured: [{ id: 'x', title: '读书会' }],
  })
  const b = figures({
    activities: 1,
    activitiesByType: { reading: 1, smart_senior: 1 },
    participants: 7,
    firstDay: '2026-12-01',
    lastDay: '2026-12-05',
    hosts: ['乙街道'],
    feedback: { satisfied: 1, basic: 0, unsatisfied: 0, skipped: 0, comments: 0 },
    featured: [{ id: 'y', title: '手机课', unit: '某区' }],
  })
  const m = mergeFigures(
    week,
    ['甲区', '乙区'],
    [
      { unitName: '甲区', figures: a },
      { unitName: '乙区', figures: b },
    ],
  )
  test('counts are summed, by type too', () => {
    expect([m.activities, m.participants, m.activitiesByType]).toEqual([3, 20, { reading: 3, smart_senior: 1 }])
  })
  test('the feedback counts are summed, so the rate comes from the counts (9 of 11), not the rates (0.8 and 1)', () => {
    expect(m.feedback).toEqual({ satisfied: 9, basic: 0, unsatisfied: 2, skipped: 1, comments: 1 })
  })
  test('hosts are united; a co-host that hosts elsewhere is a host', () => {
    expect([m.hosts, m.coHosts]).toEqual([['甲学院', '乙街道'], []])
  })
  test('the days run from the earliest to the latest; featured activities keep the most specific unit', () => {
    expect([m.firstDay, m.lastDay]).toEqual(['2026-12-01', '2026-12-05'])
    expect(m.featured).toEqual([
      { id: 'x', title: '读书会', unit: '甲区' },
      { id: 'y', title: '手机课', unit: '某区' },
    ])
  })
})

describe('composeTyped', () => {
  const parts = [
    {
      unitName: '甲区',
      rows: [
        { key: 'content', typed: '甲的内容', composed: null },
        { key: 'hosts', typed: '甲局\n甲馆', composed: null },
      ],
    },
    {
      unitName: '乙区',
      rows: [
        { key: 'content', typed: null, composed: '乙的汇总' },
        { key: 'hosts', typed: null, composed: null },
      ],
    },
  ]
  test('long rows get a heading per unit; a composed text kept by a unit counts as its text', () => {
    expect(composeTyped(parts).content).toBe('【甲区】\n甲的内容\n【乙区】\n乙的汇总')
  })
  test('short rows one line per unit, units with nothing left out; rows nobody filled absent', () => {
    const c = composeTyped(parts)
    expect(c.hosts).toBe('甲区：甲局；甲馆')
    expect(c.other).toBeUndefined()
  })
})
