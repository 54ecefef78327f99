import { shanghaiInstant } from '@shared/domain/time'
import { arrivalText, badges, clockRange, clockWithSeconds, dayHeading, defaultDay, emptyDayText, seatsLine } from './liveText'

const week = { startDate: '2026-11-30', endDate: '2026-12-06' }

test('clockWithSeconds is Shanghai time with seconds', () => {
  expect(clockWithSeconds(shanghaiInstant('2026-12-02', '09:05') + 7_000)).toBe('09:05:07')
  expect(clockWithSeconds(Date.UTC(2026, 11, 1, 16, 0, 59))).toBe('00:00:59')
})

test('defaultDay: today in the week, else the nearest end', () => {
  expect(defaultDay(week, shanghaiInstant('2026-12-02', '10:00'))).toBe('2026-12-02')
  expect(defaultDay(week, shanghaiInstant('2026-11-20', '10:00'))).toBe('2026-11-30')
  expect(defaultDay(week, shanghaiInstant('2026-12-20', '10:00'))).toBe('2026-12-06')
  // 23:30 in Shanghai on the last day is still that day (15:30 UTC).
  expect(defaultDay(week, shanghaiInstant('2026-12-06', '23:30'))).toBe('2026-12-06')
})

test('headings and empty text', () => {
  const now = shanghaiInstant('2026-12-02', '10:00')
  expect(dayHeading('2026-12-02', now)).toBe('今日活动')
  expect(dayHeading('2026-12-01', now)).toBe('12月1日 周二的活动')
  expect(emptyDayText('2026-12-02', now)).toBe('今天没有活动')
  expect(emptyDayText('2026-12-03', now)).toBe('这一天没有活动')
})

test('seats, badges, times', () => {
  expect(seatsLine({ registered: 12, capacity: 20 })).toBe('报名 12 / 名额 20')
  expect(seatsLine({ registered: 0, capacity: null })).toBe('无需报名（报名 0 人）')
  expect(badges({ status: 'published', full: true, needsHelp: true }).map((b) => b.text)).toEqual(['● 已满', '⚠ 需要志愿者'])
  expect(badges({ status: 'cancelled', full: false, needsHelp: false }).map((b) => b.key)).toEqual(['cancelled'])
  expect(badges({ status: 'published', full: false, needsHelp: false, featured: true }).map((b) => b.text)).toEqual(['★ 特色活动'])
  expect(clockRange(shanghaiInstant('2026-12-02', '09:00'), shanghaiInstant('2026-12-02', '10:30'))).toBe('09:00–10:30')
  expect(arrivalText({ checkedIn: 3, registered: 5 })).toBe('签到率 60%')
  expect(arrivalText({ checkedIn: 0, registered: 0 })).toBeNull()
})
