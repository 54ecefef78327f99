import type { Week } from '@shared/contracts/activity'
import { scopesOf } from './scope'
import { courseCountsText, filterCourses } from './text'

jest.mock('@/services/callCloud', () => ({ callCloud: jest.fn() }))

const week = (id: string) =>
  ({
    id,
    districts: [
      { code: 'donghu', name: '东湖区' },
      { code: 'xihu', name: '西湖区' },
    ],
  }) as unknown as Week

describe('organiser courses list', () => {
  test('counts read in words', () => {
    expect(courseCountsText({ enrolled: 12, lessonsCompleted: 30, completed: 4 })).toBe('报名 12 人 · 完成课时 30 次 · 结业 4 人')
  })

  test('a district filter keeps its courses, drafts first', () => {
    const list = [
      { districtCode: 'donghu', status: 'published' as const, title: '乙' },
      { districtCode: 'xihu', status: 'draft' as const, title: '丙' },
      { districtCode: 'donghu', status: 'draft' as const, title: '甲' },
    ]
    expect(filterCourses(list, 'donghu').map((c) => c.title)).toEqual(['甲', '乙'])
    expect(filterCourses(list, '').map((c) => c.status)).toEqual(['draft', 'draft', 'published'])
  })

  test('scopes: an organiser gets their districts, an admin all, others nothing', () => {
    const weeks = [week('nc2026'), week('hn2026')]
    const scopes = scopesOf(weeks, [
      { role: 'organiser', weekId: 'nc2026', districtCode: 'xihu' },
      { role: 'admin', weekId: 'hn2026' },
      { role: 'volunteer', weekId: 'nc2026', activityIds: [] },
    ])
    expect(scopes.map((s) => [s.week.id, s.admin, s.districts.map((d) => d.code)])).toEqual([
      ['nc2026', false, ['xihu']],
      ['hn2026', true, ['donghu', 'xihu']],
    ])
    expect(scopesOf(weeks, [{ role: 'volunteer', weekId: 'nc2026', activityIds: [] }])).toEqual([])
  })
})
