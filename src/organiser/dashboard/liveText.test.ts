import { shanghaiInstant } from '@shared/domain/time'
import {
  arrivalText,
  badges,
  clockRange,
  clockWithSeconds,
  dayHeading,
  defaultDay,
  emptyDayText,
  pendingText,
  repairLines,
  seatsLine,
} from './liveText'

const week = { startDate: '2026-11-30', endDate: '2026-12-06' }

test('a change waiting for the next update says by when it is shown', () => {
  expect(pendingText(shanghaiInstant('2026-12-02', '09:05') + 40_000)).toBe('有新变化，将在 09:05:40 前更新')
})

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

describe('the repair lines', () => {
  const now = shanghaiInstant('2026-12-05', '14:10')
  test('a repair that never ran says so, and an empty last change says nothing needed repair', () => {
    expect(repairLines({ lastRunAt: null, lastChange: null }, now)).toEqual(['自动修复：尚未运行', '本范围内没有需要修复的报名或计数'])
  })
  test('the last change is summed by kind in words, with who ran it, how long ago and the activities', () => {
    const lines = repairLines(
      {
        lastRunAt: now - 30_000,
        lastChange: {
          at: now - 5 * 60_000,
          byTimer: true,
          kinds: [
            { kind: 'reverted', label: '收回中断报名占用的名额', count: 2 },
            { kind: 'promoted', label: '空出名额递补给候补', count: 1 },
          ],
          titles: ['手机课堂', '读书会'],
        },
      },
      now,
    )
    expect(lines).toEqual([
      '自动修复：刚刚检查过',
      '最近一次修复（自动，5 分钟前）：收回中断报名占用的名额 2 项，空出名额递补给候补 1 项',
      '涉及：手机课堂、读书会',
    ])
  })
})
