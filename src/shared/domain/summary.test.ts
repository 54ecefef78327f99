import { zeroFeedback } from './feedback'
import { SUMMARY_ROWS, placesIn, summaryRows, type SummaryFigures } from './summary'

const figures = (over: Partial<SummaryFigures> = {}): SummaryFigures => ({
  districtNames: ['东湖区'],
  theme: '学习成就梦想',
  startDate: '2026-11-30',
  endDate: '2026-12-06',
  activities: 2,
  activitiesByType: { smart_senior: 1, reading: 1 },
  cancelled: 0,
  firstDay: '2026-12-01',
  lastDay: '2026-12-02',
  registered: 12,
  checkIns: 9,
  distinctPeople: 8,
  walkInHeadcount: 3,
  participants: 11,
  hosts: ['东湖区社区学院'],
  coHosts: ['豫章街道'],
  streets: ['豫章街道'],
  communities: ['彭家桥社区'],
  units: ['东湖区社区学院', '豫章街道'],
  feedback: { ...zeroFeedback(), satisfied: 2, basic: 1, unsatisfied: 1 },
  featured: [],
  publicity: { text: [], photos: 0, videos: [], mediaRecords: 0, outlets: [] },
  courses: { courses: 1, enrolled: 4, lessonsCompleted: 6, completed: 1 },
  reading: { books: 5, logs: 7, minutes: 210, bookReaders: 4 },
  ...over,
})

describe('summaryRows', () => {
  test('gives every template row in order', () => {
    expect(summaryRows(figures(), {}).map((r) => r.label)).toEqual(SUMMARY_ROWS.map((r) => r.label))
  })

  test('words participants as distinct people plus walk-ins, with the check-in count beside', () => {
    const row = summaryRows(figures(), {}).find((r) => r.key === 'participants')!
    expect(row.value).toBe('11 人（签到 8 人、现场登记 3 人；签到 9 人次；报名 12 人次）')
  })

  test('satisfaction is (满意 + 基本满意) / ratings, and says so when nobody rated', () => {
    expect(summaryRows(figures(), {}).find((r) => r.key === 'satisfaction')!.value).toContain('满意率 75.0%（共 4 人评价')
    expect(summaryRows(figures({ feedback: zeroFeedback() }), {}).find((r) => r.key === 'satisfaction')!.value).toBe('（尚无评价）')
  })

  test('typed text joins a data row after its computed text, and alone fills a typed row', () => {
    const rows = summaryRows(figures(), { theme: '另含“智慧助老”专题', selfAssessment: '  组织有序  ', participants: 'ignored' })
    expect(rows.find((r) => r.key === 'theme')!.value).toBe('学习成就梦想\n另含“智慧助老”专题')
    expect(rows.find((r) => r.key === 'selfAssessment')).toMatchObject({ computed: null, typed: '组织有序', value: '组织有序' })
    // A pure data row takes no typed text.
    expect(rows.find((r) => r.key === 'participants')!.typed).toBeNull()
  })
})

describe('placesIn', () => {
  test('finds the street and the community in a full address', () => {
    expect(placesIn('南昌市东湖区豫章街道彭家桥社区文化路2号')).toEqual({ streets: ['豫章街道'], communities: ['彭家桥社区'] })
  })

  test('finds towns and villages', () => {
    expect(placesIn('湾里区梅岭镇太平村')).toEqual({ streets: ['梅岭镇'], communities: ['太平村'] })
  })

  test('finds nothing in an address without them', () => {
    expect(placesIn('八一大道123号')).toEqual({ streets: [], communities: [] })
    expect(placesIn(null)).toEqual({ streets: [], communities: [] })
  })
})
