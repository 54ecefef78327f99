import { dateRange, pickedText } from './pickerText'

describe('the picker field', () => {
  test('a date reads as 2026年12月5日 周六, never as an ISO string; a time as itself; nothing as 请选择', () => {
    expect(pickedText('date', '2026-12-05')).toBe('2026年12月5日 周六')
    expect(pickedText('time', '09:30')).toBe('09:30')
    expect(pickedText('date', '')).toBe('请选择')
  })

  test('without a given range the wheel runs from the year before the value to the year after, never from 1970', () => {
    expect(dateRange('2026-12-05')).toEqual({ start: '2025-01-01', end: '2027-12-31' })
    expect(dateRange('', Date.UTC(2027, 5, 1))).toEqual({ start: '2026-01-01', end: '2028-12-31' })
  })
})
