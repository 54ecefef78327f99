import { canSubmitFrom, childrenOf, districtsUnder, draftLocked, isLate, parentOf, reminderDue, summaryIdOf, unitOf } from './reporting'
import { shanghaiInstant } from './time'

const week = {
  region: '海南省',
  districts: [
    { code: 'hk-1', name: '龙华区' },
    { code: 'hk-2', name: '美兰区', cityCode: 'hk' },
    { code: 'sy-1', name: '天涯区', cityCode: 'sy' },
    { code: 'wn', name: '万宁市' },
  ],
  cities: [
    { code: 'hk', name: '海口市' },
    { code: 'sy', name: '三亚市' },
  ],
}

describe('the units of a week', () => {
  test("a district's parent is its city (by cityCode or by its code's prefix), else the top", () => {
    expect(parentOf(week, unitOf(week, { districtCode: 'hk-2' })!)).toEqual({ level: 'city', code: 'hk', name: '海口市' })
    expect(parentOf(week, unitOf(week, { districtCode: 'hk-1' })!)).toEqual({ level: 'city', code: 'hk', name: '海口市' })
    expect(parentOf(week, unitOf(week, { districtCode: 'wn' })!)).toEqual({ level: 'top', code: null, name: '海南省' })
  })
  test("a city's parent is the top; the top has none", () => {
    expect(parentOf(week, unitOf(week, { cityCode: 'sy' })!)).toEqual({ level: 'top', code: null, name: '海南省' })
    expect(parentOf(week, unitOf(week, {})!)).toBeNull()
  })
  test("the top's children are its cities then the districts without a city; a city's its districts", () => {
    expect(childrenOf(week, unitOf(week, {})!).map((u) => u.code)).toEqual(['hk', 'sy', 'wn'])
    expect(childrenOf(week, unitOf(week, { cityCode: 'hk' })!).map((u) => u.code)).toEqual(['hk-1', 'hk-2'])
    expect(districtsUnder(week, unitOf(week, { cityCode: 'hk' })!)).toEqual(['hk-1', 'hk-2'])
    expect(districtsUnder(week, unitOf(week, {})!)).toHaveLength(4)
  })
  test('an unknown code names no unit', () => {
    expect(unitOf(week, { cityCode: 'xx' })).toBeNull()
    expect(unitOf(week, { districtCode: 'xx' })).toBeNull()
  })
  test('document ids: a district keeps the draft id it always had; a city and the top their own', () => {
    expect(summaryIdOf('w', { level: 'district', code: 'hk-1' })).toBe('w_hk-1')
    expect(summaryIdOf('w', { level: 'city', code: 'hk' })).toBe('w_city~hk')
    expect(summaryIdOf('w', { level: 'top', code: null })).toBe('w__all')
  })
})

describe('submission rules', () => {
  test('late is judged by the Shanghai day against the deadline day', () => {
    expect(isLate(shanghaiInstant('2026-12-10', '23:59'), '2026-12-10')).toBe(false)
    expect(isLate(shanghaiInstant('2026-12-11', '00:00'), '2026-12-10')).toBe(true)
  })
  test('submit from a draft or after a return; the draft is locked while submitted or confirmed', () => {
    expect(['draft', 'submitted', 'returned', 'confirmed'].map((s) => canSubmitFrom(s as never))).toEqual([true, false, true, false])
    expect(['draft', 'submitted', 'returned', 'confirmed'].map((s) => draftLocked(s as never))).toEqual([false, true, false, true])
  })
  test('reminders are due exactly three days and one day before the deadline', () => {
    expect(reminderDue('2026-12-10', '2026-12-07')).toBe(3)
    expect(reminderDue('2026-12-10', '2026-12-09')).toBe(1)
    expect(reminderDue('2026-12-10', '2026-12-08')).toBeNull()
    expect(reminderDue('2026-12-10', '2026-12-10')).toBeNull()
  })
})
