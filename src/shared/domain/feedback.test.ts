import { feedbackDelta, readFeedback, recountFeedback, satisfactionRate, zeroFeedback } from './feedback'

describe('feedback', () => {
  test('a declined rating counts as skipped and never in the rate', () => {
    const f = recountFeedback([
      { level: 'satisfied', comment: null },
      { level: 'skipped', comment: 'ignored' },
    ])
    expect(f).toEqual({ satisfied: 1, basic: 0, unsatisfied: 0, skipped: 1, comments: 0 })
    expect(satisfactionRate(f)).toBe(1)
  })

  test('the rate is (满意 + 基本满意) / ratings, rounded to 0.1 %', () => {
    expect(satisfactionRate({ ...zeroFeedback(), satisfied: 1, basic: 1, unsatisfied: 1 })).toBe(0.667)
    expect(satisfactionRate(zeroFeedback())).toBeNull()
  })

  test('a comment is counted with its rating', () => {
    expect(feedbackDelta('unsatisfied', true)).toEqual({ satisfied: 0, basic: 0, unsatisfied: 1, skipped: 0, comments: 1 })
  })

  test('stored counters with missing or bad values read as 0', () => {
    expect(readFeedback({ satisfied: 2, basic: 'x' })).toEqual({ satisfied: 2, basic: 0, unsatisfied: 0, skipped: 0, comments: 0 })
  })
})
