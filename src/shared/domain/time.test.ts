import {
  dayLabel,
  daysBetween,
  isValidDay,
  openingDay,
  shanghaiClock,
  shanghaiDate,
  shanghaiDayRange,
  shanghaiInstant,
  parseClock,
} from './time'

describe('Shanghai time', () => {
  test('a Shanghai day starts at 16:00 UTC of the day before', () => {
    expect(new Date(shanghaiDayRange('2026-12-01').start).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(shanghaiDayRange('2026-12-01').end - shanghaiDayRange('2026-12-01').start).toBe(86_400_000)
  })

  test('an early-morning activity belongs to its Shanghai day, not the UTC day', () => {
    const at = Date.parse('2026-11-30T23:30:00Z') // 07:30 on 1 December in Shanghai
    expect(shanghaiDate(at)).toBe('2026-12-01')
    expect(shanghaiClock(at)).toBe('07:30')
  })

  test('wall-clock times convert to instants and back', () => {
    const at = shanghaiInstant('2026-12-03', '14:30')
    expect(new Date(at).toISOString()).toBe('2026-12-03T06:30:00.000Z')
    expect(shanghaiClock(at)).toBe('14:30')
  })

  test('impossible days are not days', () => {
    expect(isValidDay('2026-02-29')).toBe(false)
    expect(isValidDay('2028-02-29')).toBe(true)
    expect(isValidDay('2026-12-1')).toBe(false)
    expect(() => shanghaiDayRange('2026-13-01')).toThrow(RangeError)
  })

  test('the days of a week run first to last inclusive, across a month end', () => {
    expect(daysBetween('2026-11-30', '2026-12-06')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ])
  })

  test('day labels read as Chinese month, day and weekday', () => {
    expect(dayLabel('2026-11-30')).toBe('11月30日 周一')
    expect(dayLabel('2026-12-06')).toBe('12月6日 周日')
  })
})

describe('typed clock times', () => {
  test('hours and minutes are read however they are typed', () => {
    for (const t of ['9:30', '09:30', '9：30', '9.30', '9点30', '9点30分', '0930', '930', ' 09:30 ']) expect(parseClock(t)).toBe('09:30')
    expect(parseClock('9')).toBe('09:00')
    expect(parseClock('14点')).toBe('14:00')
    expect(parseClock('0000')).toBe('00:00')
    expect(parseClock('23:59')).toBe('23:59')
  })

  test('what is not a time of day is refused', () => {
    for (const t of ['', '24:00', '9:60', '9:3', '12345', 'abc', '9:30pm', '-1:00']) expect(parseClock(t)).toBeNull()
  })
})

describe('the day the list opens on', () => {
  test("during the week it is today's Shanghai date; before or after the week, its first day", () => {
    // 2026-12-02 17:00 UTC is 12月3日 01:00 in Shanghai.
    expect(openingDay('2026-11-30', '2026-12-06', Date.UTC(2026, 11, 2, 17))).toBe('2026-12-03')
    expect(openingDay('2026-11-30', '2026-12-06', Date.UTC(2026, 11, 6, 15, 59))).toBe('2026-12-06')
    expect(openingDay('2026-11-30', '2026-12-06', Date.UTC(2026, 11, 6, 16))).toBe('2026-11-30')
    expect(openingDay('2026-11-30', '2026-12-06', Date.UTC(2026, 10, 20))).toBe('2026-11-30')
  })
})
