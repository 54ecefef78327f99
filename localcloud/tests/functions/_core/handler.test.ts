// The handler wrapper every function is built with (cloudfunctions/_core/handler.ts), through the
// bundled `activity` function: identity, unknown actions, malformed events, no writes on refusal.
import { startTestCloud, type TestCloud } from '../../harness'
import { writesIn } from '../fixtures'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})

describe('the handler wrapper', () => {
  test('a caller without OPENID is refused with UNAUTHENTICATED by an action that is not public', async () => {
    const res = await cloud.call('activity', 'roles', {}, '')
    expect(res).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test('an unknown action answers UNKNOWN_ACTION', async () => {
    const res = await cloud.callRaw('activity', 'explode', {})
    expect(res).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })

  test('an event without an action answers MALFORMED_REQUEST', async () => {
    const { invokeFunction } = await import('../../../gateway/functions')
    const res = (await invokeFunction('activity', { input: {} }, 'dev-resident')) as any
    expect(res).toMatchObject({ ok: false, code: 'MALFORMED_REQUEST' })
  })

  test('refused calls write nothing', async () => {
    cloud.db.resetStats()
    await cloud.call('activity', 'list', { weekId: 'nc2026', date: 'tomorrow' })
    await cloud.callRaw('activity', 'explode', {})
    await cloud.call('activity', 'get', { id: '../etc' })
    const stats = cloud.db.stats()
    expect(writesIn(stats.byAction)).toBe(0)
    expect(stats.total).toBe(0)
  })

  test('concurrent callers each see their own identity', async () => {
    const cloudSdk = require('wx-server-sdk')
    const { runAsCaller } = await import('../../../gateway/wx-context')
    const seen = await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        runAsCaller({ openid: `person-${id}` }, async () => {
          await new Promise((r) => setTimeout(r, 5))
          return cloudSdk.getWXContext().OPENID
        }),
      ),
    )
    expect(seen).toEqual(['person-a', 'person-b', 'person-c', 'person-d'])
  })
})
