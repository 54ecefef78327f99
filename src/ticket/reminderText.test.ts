import { reminderPlanText } from './reminderText'

const HOUR = 3_600_000
// 2026-12-12 10:00 Shanghai (02:00 UTC); the evening before is 2026-12-11 18:00 Shanghai.
const START = Date.UTC(2026, 11, 12, 2)
const EVE = Date.UTC(2026, 11, 11, 10)

describe('reminderPlanText', () => {
  it('one acceptance days before pays for the evening reminder and offers one more', () => {
    const text = reminderPlanText({ accepted: 1, firstAt: EVE - 48 * HOUR }, START, EVE - 48 * HOUR)
    expect(text).toBe('✓ 已开启微信提醒，提醒时间：活动前一天 18:00。再点一次按钮，可以多开启一次提醒（每开启一次收到一条）。')
  })

  it('two acceptances pay for both reminders and offer nothing more', () => {
    const text = reminderPlanText({ accepted: 2, firstAt: EVE - 48 * HOUR }, START, EVE - 47 * HOUR)
    expect(text).toBe('✓ 已开启微信提醒，提醒时间：活动前一天 18:00、开始前 1 小时。')
  })

  it('accepted after the evening reminder time: the hour reminder, nothing more to offer', () => {
    const text = reminderPlanText({ accepted: 1, firstAt: EVE + HOUR }, START, EVE + HOUR)
    expect(text).toBe('✓ 已开启微信提醒，提醒时间：开始前 1 小时。')
  })

  it('only the change notice accepted says so', () => {
    expect(reminderPlanText(undefined, START, EVE)).toBe('✓ 已开启活动变更通知。')
  })
})
