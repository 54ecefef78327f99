import { shanghaiInstant } from '@shared/domain/time'
import { hasTicketOn, rememberTicketDay, rememberTicketDays } from './ticketDays'

const mockStore = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => mockStore.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void mockStore.set(k, v),
  },
}))

const reg = (day: string, status: 'confirmed' | 'waitlisted' = 'confirmed', activity: 'published' | 'cancelled' = 'published') => ({
  status,
  activity: { startAt: shanghaiInstant(day, '09:00'), status: activity } as never,
})

describe('the days this phone holds a ticket on', () => {
  beforeEach(() => mockStore.clear())

  test('confirmed tickets count; waitlisted and cancelled activities do not', () => {
    rememberTicketDays([reg('2026-12-02'), reg('2026-12-03', 'waitlisted'), reg('2026-12-04', 'confirmed', 'cancelled')])
    expect(hasTicketOn('2026-12-02')).toBe(true)
    expect(hasTicketOn('2026-12-03')).toBe(false)
    expect(hasTicketOn('2026-12-04')).toBe(false)
  })

  test('a sign-up just made adds its day to those already known; a fresh list replaces them', () => {
    rememberTicketDays([reg('2026-12-02')])
    rememberTicketDay(shanghaiInstant('2026-12-05', '23:30'))
    expect(hasTicketOn('2026-12-02')).toBe(true)
    expect(hasTicketOn('2026-12-05')).toBe(true)
    rememberTicketDays([])
    expect(hasTicketOn('2026-12-02')).toBe(false)
  })

  test('nothing remembered: no day has a ticket', () => {
    expect(hasTicketOn('2026-12-02')).toBe(false)
  })
})
