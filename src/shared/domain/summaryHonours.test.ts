// The 总结表's citation of published 百姓学习之星 and 终身学习品牌项目 (SummaryFigures.honours).
import { mergeFigures } from './rollup'
import { computedRows, honoursText, type SummaryFigures } from './summary'

const week = { theme: '终身学习', startDate: '2026-12-01', endDate: '2026-12-07' }
const figures = (o: Partial<SummaryFigures>): SummaryFigures => ({
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
})

describe('honoursText', () => {
  test('stars then projects, highest level first, each once', () => {
    expect(
      honoursText([
        { kind: 'project', name: '社区读书会', level: 'city' },
        { kind: 'star', name: '王秀兰', level: 'city' },
        { kind: 'star', name: '李建国', level: 'national' },
        { kind: 'star', name: '王秀兰', level: 'city' },
      ]),
    ).toBe('百姓学习之星：李建国（国家级）、王秀兰（市级）；终身学习品牌项目：社区读书会（市级）')
  })

  test('nothing without honours, also in a copy submitted before they existed', () => {
    expect(honoursText([])).toBe('')
    expect(honoursText(undefined)).toBe('')
  })
})

describe('the rows that cite them', () => {
  const honours = [{ kind: 'star' as const, name: '王秀兰', level: 'city' as const }]

  test('有特色的活动 lists them after the featured activities', () => {
    const rows = computedRows(figures({ featured: [{ id: 'a1', title: '智慧助老课堂' }], honours }))
    expect(rows.featured?.text).toBe('《智慧助老课堂》；百姓学习之星：王秀兰（市级）')
    expect(computedRows(figures({ honours })).featured?.text).toBe('百姓学习之星：王秀兰（市级）')
    expect(computedRows(figures({})).featured?.text).toBe('（尚未标记有特色的活动）')
  })

  test('宣传范围 mentions the gallery after the outlets', () => {
    const publicity = { text: [], photos: 0, videos: [], mediaRecords: 0, outlets: ['江西日报'] }
    expect(computedRows(figures({ publicity, honours })).publicityScope?.text).toBe(
      '1 家媒体和平台：江西日报；小程序“百姓学习之星和终身学习品牌项目”展示馆公开展示 1 项',
    )
    expect(computedRows(figures({ publicity })).publicityScope?.text).toBe('1 家媒体和平台：江西日报')
    expect(computedRows(figures({})).publicityScope?.text).toBe('（尚无宣传记录）')
  })
})

describe('mergeFigures', () => {
  test('unites the units’ honours; a copy without them adds none', () => {
    const merged = mergeFigures(
      week,
      ['东区', '西区', '北区'],
      [
        { unitName: '东区', figures: figures({ honours: [{ kind: 'project', name: '社区读书会', level: 'district' }] }) },
        { unitName: '西区', figures: figures({ honours: [{ kind: 'star', name: '王秀兰', level: 'province' }] }) },
        { unitName: '北区', figures: figures({}) },
      ],
    )
    expect(merged.honours).toEqual([
      { kind: 'star', name: '王秀兰', level: 'province' },
      { kind: 'project', name: '社区读书会', level: 'district' },
    ])
  })
})
