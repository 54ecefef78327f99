import { summaryIdOf } from './reporting'
import { awaitsSubmission, planReminders, runsUnit, unitsBelowTop } from './summaryReminders'

const week = {
  region: '测试省',
  summaryDeadline: '2027-03-15',
  cities: [{ code: 'c1', name: '甲市' }],
  districts: [
    { code: 'c1-1', name: '甲一区', cityCode: 'c1' },
    { code: 'd1', name: '直属区' },
  ],
}
const W = 'w1'
const users = [
  { _id: 'org-a', roles: [{ role: 'organiser', weekId: W, districtCode: 'c1-1' }] },
  { _id: 'org-b', roles: [{ role: 'organiser', weekId: W, districtCode: 'd1' }] },
  { _id: 'city', roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'c1' }] },
  // The same district in another week; a volunteer of this week who organises elsewhere.
  { _id: 'other-week', roles: [{ role: 'organiser', weekId: 'w0', districtCode: 'd1' }] },
  {
    _id: 'mixed',
    roles: [
      { role: 'volunteer', weekId: W },
      { role: 'organiser', weekId: 'w0', districtCode: 'c1-1' },
    ],
  },
]

describe('the 总结表 reminders', () => {
  test('every unit below the top: the cities, then all districts', () => {
    expect(unitsBelowTop(week)).toEqual([
      { level: 'city', code: 'c1', name: '甲市' },
      { level: 'district', code: 'c1-1', name: '甲一区' },
      { level: 'district', code: 'd1', name: '直属区' },
    ])
  })

  test('no document, a draft and a returned one await submission; submitted and confirmed do not', () => {
    expect([undefined, null, 'draft', 'returned', 'submitted', 'confirmed'].map((s) => awaitsSubmission(s as never))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ])
  })

  test('a grant runs a unit only with its role, week and code', () => {
    expect(runsUnit({ role: 'organiser', weekId: W, districtCode: 'd1' }, W, { level: 'district', code: 'd1' })).toBe(true)
    expect(runsUnit({ role: 'organiser', weekId: W, districtCode: 'd1' }, 'w0', { level: 'district', code: 'd1' })).toBe(false)
    expect(runsUnit({ role: 'cityAdmin', weekId: W, cityCode: 'd1' }, W, { level: 'district', code: 'd1' })).toBe(false)
    expect(runsUnit({ role: 'cityAdmin', weekId: W, cityCode: 'c1' }, W, { level: 'city', code: 'c1' })).toBe(true)
    expect(runsUnit({ role: 'admin', weekId: W }, W, { level: 'city', code: 'c1' })).toBe(false)
  })

  test('3 and 1 days before: each unit not submitted, to exactly those who run it', () => {
    const statuses = new Map([[summaryIdOf(W, { level: 'district', code: 'd1' }), 'submitted' as const]])
    for (const [today, days] of [
      ['2027-03-12', 3],
      ['2027-03-14', 1],
    ] as const) {
      expect(planReminders(week, W, today, statuses, users)).toEqual([
        { unit: { level: 'city', code: 'c1', name: '甲市' }, recipient: 'city', daysLeft: days },
        { unit: { level: 'district', code: 'c1-1', name: '甲一区' }, recipient: 'org-a', daysLeft: days },
      ])
    }
  })

  test('no other day: 2 days before, the deadline itself, after it', () => {
    for (const today of ['2027-03-11', '2027-03-13', '2027-03-15', '2027-03-16', '2027-03-18']) {
      expect(planReminders(week, W, today, new Map(), users)).toEqual([])
    }
  })

  test('a unit nobody runs is counted by nobody: no reminder', () => {
    expect(planReminders(week, W, '2027-03-12', new Map(), [])).toEqual([])
  })
})
