import { CloudError } from '@/services/cloudError'
import { confirmText, failureText, messageError, successText, todayText } from './changeText'

test('the outcome says how many were told and which of the day’s 3 it was', () => {
  expect(successText(12, 2)).toBe('✓ 已通知 12 人，今天第 2 次（每天最多 3 次）')
})

test('the day’s count, and at the limit that nothing more can be sent today', () => {
  expect(todayText(1, 3)).toBe('今天已发送 1/3 次（每天最多 3 次）')
  expect(todayText(3, 3)).toContain('请明天再发')
})

test('the confirmation names how many registrants will be told, or that nobody will', () => {
  expect(confirmText(5)).toContain('将通知 5 位报名者')
  expect(confirmText(0)).toContain('没有人会收到')
})

test('a message needs 2–60 characters (spaces around it not counted)', () => {
  expect(messageError(' 改 ')).toContain('至少 2 个字')
  expect(messageError('改到二楼')).toBeNull()
  expect(messageError('字'.repeat(61))).toContain('最多 60 个字')
})

test('the day’s limit is said plainly with its number; another refusal keeps its own words', () => {
  expect(failureText(new CloudError('TOO_MANY_ATTEMPTS', undefined, { limit: 3, day: '2026-12-07' }))).toBe(
    '今天已经发送了 3 次变更通知，每个活动每天最多 3 次，请明天再发。',
  )
  expect(failureText(new CloudError('ACTIVITY_CANCELLED'))).toBe('该活动已取消')
})
