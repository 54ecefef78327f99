import { nextDistrictCode, nextEditionDates } from './edition'

const week2026 = { startDate: '2026-11-30', endDate: '2026-12-06', summaryDeadline: '2026-12-10' }

describe('nextEditionDates', () => {
  test("the next edition is the same calendar week a year later, Monday to Sunday again, not last year's dates", () => {
    // 2026-11-30 is a Monday; the Monday nearest 2027-11-30 is 2027-11-29.
    expect(nextEditionDates(week2026, '2026-12-06')).toEqual({
      startDate: '2027-11-29',
      endDate: '2027-12-05',
      summaryDeadline: '2027-12-09',
    })
  })

  test('from an old edition: the first year whose week is still ahead', () => {
    expect(nextEditionDates(week2026, '2028-01-15').startDate).toBe('2028-11-27')
    expect(new Date('2028-11-27T00:00:00Z').getUTCDay()).toBe(1)
  })

  test('a week starting on 29 February moves to the weekday nearest 28 February', () => {
    const leap = { startDate: '2028-02-29', endDate: '2028-03-02', summaryDeadline: '2028-03-02' }
    // 2028-02-29 is a Tuesday; 2029-02-28 is a Wednesday: the Tuesday before.
    expect(nextEditionDates(leap, '2028-03-01')).toEqual({ startDate: '2029-02-27', endDate: '2029-03-01', summaryDeadline: '2029-03-01' })
  })
})

test('a district added by name gets the first free d<n> code', () => {
  expect(nextDistrictCode([])).toBe('d1')
  expect(nextDistrictCode([{ code: 'donghu' }, { code: 'd1' }, { code: 'd3' }])).toBe('d2')
})
