import type { RoleChange } from '@shared/contracts/staff'
import { changeText, redeemedText, refusalText, whenText } from './staffText'

const organiser = { role: 'organiser' as const, weekId: 'nc2026', districtCode: 'd1' }

test('redeeming says what the person became', () => {
  expect(redeemedText(organiser, '东湖区', '2026年南昌市全民终身学习活动周')).toBe('你已成为 东湖区 的组织者')
  expect(redeemedText({ role: 'admin', weekId: 'nc2026' }, '全部', '南昌周')).toBe('你已成为 南昌周 的管理员')
  expect(redeemedText({ role: 'cityAdmin', weekId: 'hn', cityCode: 'c1' }, '三亚市', '海南周')).toBe('你已成为 三亚市 的市级管理员')
})

test('a change reads who did what to whom', () => {
  const c: RoleChange = { at: 0, byName: '涂建华', whomName: '王芳', change: 'grant', via: 'invite', grant: organiser, unitName: '东湖区' }
  expect(changeText(c)).toBe('涂建华 任命 王芳 为 东湖区 的组织者')
  expect(changeText({ ...c, change: 'revoke', via: 'revoke' })).toBe('涂建华 撤销了 王芳 的身份：东湖区 的组织者')
  expect(changeText({ ...c, grant: { role: 'admin', weekId: 'nc2026' }, unitName: '全部' })).toBe(
    '涂建华 任命 王芳 为 活动周管理员（全部县区）',
  )
  expect(changeText({ ...c, byName: null, via: 'setup', grant: { role: 'bureau' } })).toBe('王芳 用设置码成为 教育局管理员（所有活动周）')
})

test('refusals carry their facts', () => {
  expect(refusalText('SETUP_CODE_WRONG', { attemptsLeft: 3 }, 'x')).toBe('设置码不正确，还可以再试 3 次')
  expect(refusalText('TOO_MANY_ATTEMPTS', { retryAt: Date.UTC(2026, 11, 6, 2, 5) }, 'x')).toBe('尝试次数过多，请在 12月6日 10:05 后再试')
  expect(refusalText('SETUP_CLAIMED', undefined, 'x')).toContain('已被使用')
  expect(refusalText('SOMETHING', undefined, '原话')).toBe('原话')
  expect(whenText(Date.UTC(2026, 0, 1, 16, 0))).toBe('1月2日 00:00')
})
