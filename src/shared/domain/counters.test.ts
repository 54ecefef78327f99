import {
  addDeltas,
  negateDelta,
  readCounters,
  recount,
  sumCounters,
  transitionDelta,
  ZERO_DELTA,
  type RegistrationStatus,
} from './counters'

describe('sign-up counters', () => {
  test('a first sign-up with a seat takes it and counts one confirmed', () => {
    expect(transitionDelta(null, 'confirmed', false)).toEqual({ ...ZERO_DELTA, confirmed: 1, seatsLeft: -1 })
  })

  test('joining the waitlist takes no seat; a family member counts as proxy while active', () => {
    expect(transitionDelta(null, 'waitlisted', true)).toEqual({ ...ZERO_DELTA, waitlisted: 1, proxy: 1 })
    expect(transitionDelta('waitlisted', 'cancelled', true)).toEqual({ ...ZERO_DELTA, waitlisted: -1, cancelled: 1, proxy: -1 })
  })

  test('a promotion moves one from waitlisted to confirmed and takes a seat; proxy stays', () => {
    expect(transitionDelta('waitlisted', 'confirmed', true)).toEqual({ ...ZERO_DELTA, waitlisted: -1, confirmed: 1, seatsLeft: -1 })
  })

  test('a cancellation handed to the waitlist leaves the seats as they were', () => {
    const handOver = addDeltas(transitionDelta('confirmed', 'cancelled', false), transitionDelta('waitlisted', 'confirmed', false))
    expect(handOver).toEqual({ ...ZERO_DELTA, waitlisted: -1, cancelled: 1 })
  })

  test('negating a delta undoes it', () => {
    const d = transitionDelta('cancelled', 'confirmed', true)
    expect(addDeltas(d, negateDelta(d))).toEqual(ZERO_DELTA)
  })

  test('counters kept by deltas always equal a recount (random histories)', () => {
    let seed = 42
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const statuses: (RegistrationStatus | null)[] = [null, 'confirmed', 'waitlisted', 'cancelled']
    for (let run = 0; run < 50; run++) {
      const regs = Array.from({ length: 20 }, (_, i) => ({ status: null as RegistrationStatus | null, proxy: i % 3 === 0 }))
      let kept = { ...ZERO_DELTA }
      for (let step = 0; step < 200; step++) {
        const r = regs[rnd(regs.length)]
        const to = statuses[1 + rnd(3)]
        kept = addDeltas(kept, transitionDelta(r.status, to, r.proxy))
        r.status = to
      }
      const live = regs.filter((r): r is { status: RegistrationStatus; proxy: boolean } => r.status !== null)
      const { seatsLeft, ...counters } = kept
      expect(counters).toEqual(recount(live))
      expect(seatsLeft + live.filter((r) => r.status === 'confirmed').length).toBe(0)
    }
  })

  test('stored counters may be missing (older documents) and read as 0', () => {
    expect(readCounters(undefined)).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 0, proxy: 0 })
    expect(readCounters({ confirmed: 3 })).toEqual({ confirmed: 3, waitlisted: 0, cancelled: 0, proxy: 0 })
  })

  test('district and week totals are sums', () => {
    expect(
      sumCounters([
        { confirmed: 1, waitlisted: 2, cancelled: 3, proxy: 4 },
        { confirmed: 10, waitlisted: 0, cancelled: 0, proxy: 1 },
      ]),
    ).toEqual({
      confirmed: 11,
      waitlisted: 2,
      cancelled: 3,
      proxy: 5,
    })
  })
})
