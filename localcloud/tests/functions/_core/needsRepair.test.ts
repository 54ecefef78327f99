// The repair timer reads a touched document again (in full) only when the page it read shows work:
// the same conditions repairActivity acts on, so skipping the rest saves reads and changes nothing.
import { needsRepair, type TouchedDoc } from '../../../../cloudfunctions/_core/repair'
import { SETTLE_AFTER_MS } from '../../../../cloudfunctions/_core/journal'

const NOW = Date.UTC(2026, 11, 2, 7, 0)
const signup = { capacity: 10, opensAt: new Date(0), closesAt: new Date(NOW), cancelDeadline: new Date(NOW) }
const entry = (at: number) => ({ at, op: 'op1', nonce: null, inc: [['counters.confirmed', 1]] as [string, number][] })
const published = (extra: Partial<TouchedDoc> = {}): TouchedDoc =>
  ({ _id: 'a1', status: 'published', signup, seatsLeft: 0, counters: { waitlisted: 0 }, ...extra }) as TouchedDoc

describe('needsRepair', () => {
  it('says no for a published activity with no pending entry and no free seat while people wait', () => {
    expect(needsRepair(published(), NOW)).toBe(false)
    expect(needsRepair(published({ seatsLeft: 3 }), NOW)).toBe(false)
  })

  it('says yes for a pending entry older than the settle time, no for a fresh one', () => {
    expect(needsRepair(published({ pending: { r: entry(NOW - SETTLE_AFTER_MS - 1) } }), NOW)).toBe(true)
    expect(needsRepair(published({ pending: { r: entry(NOW - 1000) } }), NOW)).toBe(false)
  })

  it('says yes for free seats while registrations wait', () => {
    expect(needsRepair(published({ seatsLeft: 1, counters: { waitlisted: 2 } as TouchedDoc['counters'] }), NOW)).toBe(true)
  })

  it('says yes for a cancelled activity whose cancellation is not finished, no once it is', () => {
    expect(needsRepair(published({ status: 'cancelled' }), NOW)).toBe(true)
    expect(needsRepair(published({ status: 'cancelled', cancelFinishedAt: new Date(NOW) }), NOW)).toBe(false)
  })

  it('looks only at pending entries for a course or a book (no seats)', () => {
    expect(needsRepair({ _id: 'c1' }, NOW)).toBe(false)
    expect(needsRepair({ _id: 'c1', pending: { e: entry(NOW - SETTLE_AFTER_MS - 1) } }, NOW)).toBe(true)
  })
})
