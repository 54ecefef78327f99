import { shanghaiInstant } from '@shared/domain/time'
import { dateSpanText, dayParts, placeText, seatsText, timeRangeText } from './activityText'

describe('activity text', () => {
  test('times read in Shanghai whatever the host zone', () => {
    const start = shanghaiInstant('2026-12-01', '09:00')
    const end = shanghaiInstant('2026-12-01', '10:30')
    expect(timeRangeText(start, end)).toBe('12月1日 周二 09:00–10:30')
  })

  test('an activity across midnight shows both days', () => {
    const start = shanghaiInstant('2026-12-01', '20:00')
    const end = shanghaiInstant('2026-12-02', '01:00')
    expect(timeRangeText(start, end)).toBe('12月1日 周二 20:00 至 12月2日 周三 01:00')
  })

  test('day tabs split date and weekday', () => {
    expect(dayParts('2026-12-06')).toEqual({ date: '12月6日', weekday: '周日' })
  })

  test('place: venue, online, hybrid', () => {
    expect(placeText({ mode: 'offline', venueName: '市图书馆' })).toBe('市图书馆')
    expect(placeText({ mode: 'online', venueName: null })).toBe('线上')
    expect(placeText({ mode: 'hybrid', venueName: '市图书馆' })).toBe('市图书馆（另有线上直播）')
  })

  test('seats in words', () => {
    expect(seatsText({ signupRequired: false, seatsLeft: null, capacity: null })).toEqual({ text: '无需报名', tone: 'free' })
    expect(seatsText({ signupRequired: true, seatsLeft: 0, capacity: 20 }).text).toBe('已报满')
    expect(seatsText({ signupRequired: true, seatsLeft: 2, capacity: 20 })).toEqual({ text: '仅剩 2 个名额', tone: 'few' })
    expect(seatsText({ signupRequired: true, seatsLeft: 120, capacity: 150 }).tone).toBe('open')
  })

  test('an ended activity says 已结束 and shows no seats; before its end the seats show', () => {
    const a = { signupRequired: true, seatsLeft: 63, capacity: 80, endAt: 10_000 }
    expect(seatsText(a, 10_000)).toEqual({ text: '已结束', tone: 'ended' })
    expect(seatsText({ ...a, signupRequired: false, seatsLeft: null }, 20_000)).toEqual({ text: '已结束', tone: 'ended' })
    expect(seatsText(a, 9_999)).toEqual({ text: '剩余 63 个名额', tone: 'open' })
  })

  test('a closed sign-up says 报名已截止 and shows no seats; before the deadline the seats show', () => {
    const a = { signupRequired: true, seatsLeft: 150, capacity: 150, endAt: 20_000, signupClosesAt: 10_000 }
    expect(seatsText(a, 10_000)).toEqual({ text: '报名已截止', tone: 'ended' })
    expect(seatsText(a, 9_999)).toEqual({ text: '剩余 150 个名额', tone: 'open' })
    expect(seatsText({ ...a, signupClosesAt: null }, 15_000).text).toBe('剩余 150 个名额')
  })

  test('week span', () => {
    expect(dateSpanText('2026-11-30', '2026-12-06')).toBe('11月30日 周一 至 12月6日 周日')
  })
})
