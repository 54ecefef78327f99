import { contracts } from './index'
import { textSchema } from './text'

describe('textSchema', () => {
  const line = textSchema({ min: 1, max: 5 })
  const multi = textSchema({ max: 20, multiline: true })

  test('trims, then applies the length limits', () => {
    expect(line.parse('  ab  ')).toBe('ab')
    expect(line.safeParse('   ').success).toBe(false)
    expect(line.safeParse('abcdef').success).toBe(false)
  })

  test('a one-line field refuses NUL, tabs, newlines inside, DEL and C1 controls', () => {
    for (const bad of ['\u0000', 'a\u0000b', 'a\tb', 'a\nb', 'a\rb', 'a\u0007', 'a\u007fb', 'a\u0085b', 'a\u009fb']) {
      expect(line.safeParse(bad).success).toBe(false)
    }
    expect(line.parse('张三')).toBe('张三')
  })

  test('a multi-line field keeps newlines and tabs but refuses NUL and other controls', () => {
    expect(multi.parse('第一行\n\t第二行\r\n')).toBe('第一行\n\t第二行')
    for (const bad of ['a\u0000', 'a\u000bb', 'a\u000cb', 'a\u001bb', 'a\u0080b']) expect(multi.safeParse(bad).success).toBe(false)
  })

  test('free text in the contracts refuses control characters, naming the field; without it the same input passes', () => {
    type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }
    const C = '\u0000'
    const cases: [Schema, (c: string) => unknown, string][] = [
      [contracts.activity.list.input, (c) => ({ weekId: 'nc2026', keyword: `读书${c}` }), 'keyword'],
      [contracts.activity.cancel.input, (c) => ({ id: 'a1', reason: `下雨${c}` }), 'reason'],
      [contracts.checkin.lookup.input, (c) => ({ activityId: 'a1', surname: `张${c}`, phoneTail: '1234' }), 'surname'],
      [contracts.signup.rate.input, (c) => ({ registrationId: 'a1_x', choice: 'satisfied', comment: `很好\n${c}` }), 'comment'],
      [contracts.stats['summary.save'].input, (c) => ({ weekId: 'w', revision: 0, typed: { scope: `东湖区\n${c}` } }), 'typed.scope'],
      [
        contracts.stats['publicity.add'].input,
        (c) => ({ weekId: 'w', districtCode: 'd', kind: 'text', title: '报道', outlet: '日报', url: `https://a.b/${c}` }),
        'url',
      ],
    ]
    for (const [schema, input, field] of cases) {
      const refused = schema.safeParse(input(C))
      expect(refused.success).toBe(false)
      expect(refused.error!.issues.map((i) => i.path.join('.'))).toEqual([field])
      expect(schema.safeParse(input('')).success).toBe(true)
    }
  })
})
