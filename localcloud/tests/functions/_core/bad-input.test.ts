// Inputs that pass the contracts but once ended in INTERNAL: each is answered with its own code now,
// and nothing is written. (The property-based test in _core/fuzz.test.ts looks for more of them.)
import { startTestCloud, type TestCloud } from '../../harness'
import { ORGANISER, expectRefusedWithoutWrites } from '../fixtures'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')

/** Every paged action, with an input and a caller that may use it. */
const PAGED: [fn: string, action: string, input: Record<string, unknown>, openid: string][] = [
  ['activity', 'list', { weekId: 'nc2026' }, 'dev-resident'],
  ['activity', 'mine', { weekId: 'nc2026' }, ORGANISER],
  ['signup', 'mine', { when: 'upcoming' }, 'dev-resident'],
  ['signup', 'mine', { when: 'past' }, 'dev-resident'],
  ['signup', 'notices', {}, 'dev-resident'],
]

describe('free text with control characters', () => {
  test('activity.list with a NUL keyword is refused with VALIDATION_FAILED naming keyword', async () => {
    const res = await cloud.call('activity', 'list', { weekId: 'nc2026', keyword: '\u0000' })
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: ['keyword'] })
  })

  test('a keyword with regular-expression characters is still taken literally', async () => {
    const res = await cloud.call('activity', 'list', { weekId: 'nc2026', keyword: '.*(' })
    expect(res).toEqual({ ok: true, data: { items: [], nextCursor: null } })
  })

  test('an activity title with a newline is refused; its description keeps newlines and tabs', async () => {
    const mine = await cloud.call('activity', 'mine', { weekId: 'nc2026', status: 'draft', limit: 1 }, ORGANISER)
    expect(mine.ok).toBe(true)
    const id = mine.data.items[0].id
    await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', () =>
      cloud.call('activity', 'update', { id, patch: { title: '两行\n标题' } }, ORGANISER),
    )
    const description = '第一段\n\t第二段：带上身份证'
    const res = await cloud.call('activity', 'update', { id, patch: { description } }, ORGANISER)
    expect(res.ok).toBe(true)
    expect(res.data.activity.description).toBe(description)
    const stored = (await (cloud.sdkDb as any).collection('activities').doc(id).get()).data
    expect(stored.description).toBe(description)
  })
})

describe('cursors the client sends back', () => {
  test.each(PAGED)('%s.%s: a cursor of a real page is accepted', async (fn, action, input, openid) => {
    // The edge of what a Date holds is a valid instant: an empty (or last) page, not a refusal.
    const res = await cloud.callRaw(fn, action, { ...input, cursor: cursorOf([8.64e15, 'x']) }, openid)
    expect(res.ok).toBe(true)
  })

  const BAD: [string, unknown][] = [
    ['a text key', ['x', 'y']],
    ['1e308', [1e308, 'x']],
    ['-1e20', [-1e20, 'x']],
    ['8.64e15 + 1', [8.64e15 + 1, 'x']],
    ['a fraction', [1.5, 'x']],
    ['an empty id', [0, '']],
    ['three items', [0, 'x', 'y']],
    ['an object', { key: 0, id: 'x' }],
  ]
  for (const [fn, action, input, openid] of PAGED) {
    test.each(BAD)(
      `${fn}.${action} (${JSON.stringify(input)}): a cursor with %s is refused with BAD_CURSOR, nothing written`,
      async (_name, value) => {
        await expectRefusedWithoutWrites(cloud, 'BAD_CURSOR', () =>
          cloud.callRaw(fn, action, { ...input, cursor: cursorOf(value) }, openid),
        )
      },
    )
  }

  test('activity.list pages on with the cursor it answered', async () => {
    const first = await cloud.call('activity', 'list', { weekId: 'nc2026', limit: 2 })
    expect(first.ok).toBe(true)
    expect(first.data.nextCursor).toEqual(expect.any(String))
    const second = await cloud.call('activity', 'list', { weekId: 'nc2026', limit: 2, cursor: first.data.nextCursor! })
    expect(second.ok).toBe(true)
    expect(second.data.items[0].startAt).toBeGreaterThanOrEqual(first.data.items[1].startAt)
    expect(second.data.items.map((i) => i.id)).not.toContain(first.data.items[1].id)
  })
})
