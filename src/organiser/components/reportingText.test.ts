import { shanghaiInstant } from '@shared/domain/time'
import { eventText, lockedNote, reasonError, statusLabel, submitConfirmText, submittedText } from './reportingText'

const at = shanghaiInstant('2026-12-09', '10:05')

test('status labels are the shared ones', () => {
  expect(statusLabel('returned')).toBe('已退回修改')
  expect(statusLabel('draft')).toBe('未提交')
})

test('a history event in words, a return with its reason', () => {
  expect(eventText({ action: 'submit', at, by: '东湖区 组织者', reason: null, late: true })).toEqual({
    head: '12月9日 周三 10:05 提交 · 东湖区 组织者（逾期）',
    reason: null,
  })
  expect(eventText({ action: 'return', at, by: '南昌市', reason: '请补充典型案例', late: false }).reason).toBe('退回原因：请补充典型案例')
  expect(submittedText(null)).toBe('')
  expect(submittedText(at)).toBe('提交于 12月9日 周三 10:05')
})

test('locked while submitted or confirmed, with the reason why', () => {
  const parent = { level: 'city' as const, code: 'c1', name: '甲市' }
  expect(lockedNote({ status: 'draft', parent })).toBeNull()
  expect(lockedNote({ status: 'returned', parent })).toBeNull()
  expect(lockedNote({ status: 'submitted', parent })).toContain('甲市退回修改后才能再编辑')
  expect(lockedNote({ status: 'confirmed', parent })).toContain('已由甲市确认')
  expect(submitConfirmText('甲市')).toContain('退回修改之前，总结表不能再编辑')
})

test('a return reason needs 2 to 200 characters', () => {
  expect(reasonError(' 改 ')).toContain('至少 2 个字')
  expect(reasonError('请补充')).toBeNull()
  expect(reasonError('字'.repeat(201))).toContain('最多 200 个字')
})
