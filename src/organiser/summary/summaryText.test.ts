import type { SummaryRowView } from '@shared/contracts/stats'
import { shanghaiInstant } from '@shared/domain/time'
import {
  changedRows,
  deadlineText,
  draftKey,
  draftOf,
  groupRows,
  savedText,
  showsComposed,
  typedInput,
  typicalCaseInput,
} from './summaryText'

const row = (key: string, group: string, typed: string | null = null, composed: string | null = null): SummaryRowView =>
  ({
    key,
    group,
    label: key,
    source: 'typed',
    computed: null,
    basis: null,
    typed,
    composed,
    value: typed ?? composed ?? '',
  }) as SummaryRowView

test('deadline in words', () => {
  expect(deadlineText('2026-12-10', 8)).toEqual({ text: '截止 2026年12月10日，还有 8 天', overdue: false })
  expect(deadlineText('2026-12-10', 0)).toEqual({ text: '截止 2026年12月10日，今天截止', overdue: false })
  expect(deadlineText('2026-12-10', -3)).toEqual({ text: '截止 2026年12月10日，已逾期 3 天', overdue: true })
})

test('rows grouped in order like the official table', () => {
  const groups = groupRows([row('district', '举办县区'), row('fileDept', '组织领导'), row('leaders', '组织领导'), row('other', '其他')])
  expect(groups.map((g) => [g.group, g.rows.length])).toEqual([
    ['举办县区', 1],
    ['组织领导', 2],
    ['其他', 1],
  ])
})

test('saved time is Shanghai', () => {
  expect(savedText(shanghaiInstant('2026-12-02', '09:41'))).toBe('已保存 09:41')
})

test('draft from the server and its change key', () => {
  const d = draftOf({
    rows: [row('selfAssessment', '活动的群众性', '很好'), row('other', '其他')],
    featuredIds: ['b', 'a'],
    typicalCase: null,
  })
  expect(d.typed.selfAssessment).toBe('很好')
  expect(d.typed.other).toBe('')
  // Every typed row key is there, even those the answer lacks.
  expect(Object.keys(d.typed)).toContain('fileDept')
  expect(d.typical).toEqual({ activityId: null, title: '', text: '' })
  const same = { ...d, featuredIds: ['a', 'b'], typed: { ...d.typed, selfAssessment: '很好 ' } }
  expect(draftKey(same)).toBe(draftKey(d))
  expect(draftKey({ ...d, typed: { ...d.typed, other: '补充' } })).not.toBe(draftKey(d))
  expect(changedRows({ ...d, typed: { ...d.typed, other: '补充' } }, d)).toEqual(['other'])
})

test('typical case: empty is none; half filled says what is missing', () => {
  expect(typicalCaseInput({ activityId: null, title: '', text: '' })).toEqual({ value: null, error: null })
  expect(typicalCaseInput({ activityId: 'a1', title: '', text: '' }).error).toContain('标题')
  expect(typicalCaseInput({ activityId: null, title: '案', text: '正文' }).error).toContain('标题')
  expect(typicalCaseInput({ activityId: 'a1', title: ' 手机课堂 ', text: ' 讲述 ' })).toEqual({
    value: { activityId: 'a1', title: '手机课堂', text: '讲述' },
    error: null,
  })
})

test("a roll-up's untyped row starts from the units' composed text, is not dirty from it, and is not sent back", () => {
  const rows = [row('effect', '活动成效', null, '东湖区：\n学会打车'), row('other', '其他', '补充'), row('selfAssessment', '自我评价')]
  const server = draftOf({ rows, featuredIds: [], typicalCase: null })
  expect(server.typed.effect).toBe('东湖区：\n学会打车')
  expect(draftKey({ ...server })).toBe(draftKey(draftOf({ rows, featuredIds: [], typicalCase: null })))
  expect(showsComposed(rows[0], server.typed.effect)).toBe(true)
  // Untouched composed and empty rows stay out; typed rows go as they are.
  expect(typedInput(server, rows)).toEqual({ other: '补充' })
  const edited = { ...server, typed: { ...server.typed, effect: '东湖区：学会打车，效果好', other: '' } }
  expect(showsComposed(rows[0], edited.typed.effect)).toBe(false)
  expect(typedInput(edited, rows)).toEqual({ effect: '东湖区：学会打车，效果好', other: '' })
})
