// The gateway over HTTP: bad input answers a structured error with a stable code, writes nothing,
// and the server keeps serving.
import { startTestCloud, type TestCloud } from '../harness'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${cloud.gateway.url}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': 'dev-resident', ...headers },
    body,
  })
  return { status: res.status, json: (await res.json()) as any }
}

async function stillServes() {
  const res = await post(JSON.stringify({ fn: 'activity', action: 'weeks', input: {} }))
  expect(res.status).toBe(200)
  expect(res.json.ok).toBe(true)
  expect(res.json.data.weeks.length).toBeGreaterThan(0)
}

beforeEach(() => cloud.db.resetStats())
afterEach(async () => {
  // Nothing refused may reach the database's write side.
  const { byAction } = cloud.db.stats()
  for (const action of Object.keys(byAction)) expect(action).toMatch(/getDocument|calculateDocument/)
})

test('a valid call answers the function envelope', async () => {
  const res = await post(JSON.stringify({ fn: 'activity', action: 'list', input: { weekId: 'nc2026', limit: 3 } }))
  expect(res.status).toBe(200)
  expect(res.json.ok).toBe(true)
  expect(res.json.data.items).toHaveLength(3)
})

test('an unknown function answers 404 UNKNOWN_FUNCTION', async () => {
  const res = await post(JSON.stringify({ fn: 'nosuch', action: 'list', input: {} }))
  expect(res).toMatchObject({ status: 404, json: { ok: false, code: 'UNKNOWN_FUNCTION' } })
  await stillServes()
})

test('an unknown action answers UNKNOWN_ACTION', async () => {
  const res = await post(JSON.stringify({ fn: 'activity', action: 'dropAll', input: {} }))
  expect(res.json).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  await stillServes()
})

test('malformed JSON answers 400 MALFORMED_REQUEST', async () => {
  const res = await post('{"fn": "activity", "action": ')
  expect(res).toMatchObject({ status: 400, json: { ok: false, code: 'MALFORMED_REQUEST' } })
  await stillServes()
})

test('a body without fn answers 400 MALFORMED_REQUEST', async () => {
  const res = await post(JSON.stringify({ action: 'list' }))
  expect(res).toMatchObject({ status: 400, json: { ok: false, code: 'MALFORMED_REQUEST' } })
})

test('a body over 1 MB answers 413 PAYLOAD_TOO_LARGE', async () => {
  const big = JSON.stringify({ fn: 'activity', action: 'list', input: { weekId: 'nc2026', pad: 'x'.repeat(1024 * 1024 + 10) } })
  const res = await post(big)
  expect(res).toMatchObject({ status: 413, json: { ok: false, code: 'PAYLOAD_TOO_LARGE' } })
  await stillServes()
})

test('a field of the wrong type answers VALIDATION_FAILED with the field', async () => {
  const res = await post(JSON.stringify({ fn: 'activity', action: 'list', input: { weekId: 'nc2026', limit: '20' } }))
  expect(res.json).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: ['limit'] })
  expect(res.json.message).toMatch(/[\u4e00-\u9fa5]/)
  await stillServes()
})

test('a call without a person to an action that needs one answers UNAUTHENTICATED', async () => {
  const res = await post(JSON.stringify({ fn: 'activity', action: 'roles', input: {} }), { 'x-dev-openid': '' })
  expect(res.json).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})

test("a visitor's call to a public action (the stars gallery) is served without a person", async () => {
  const res = await post(JSON.stringify({ fn: 'stars', action: 'gallery', input: {} }), { 'x-dev-openid': '' })
  expect(res.json).toMatchObject({ ok: true, data: { items: [], cursor: null } })
})

test('the dev personas are the five seeded people', async () => {
  const res = await fetch(`${cloud.gateway.url}/api/dev/personas`)
  const body = (await res.json()) as any
  expect(body.personas.map((p: any) => p.persona).sort()).toEqual(['admin', 'organiser', 'resident', 'senior', 'volunteer'])
})

describe("the h5 stand-in of WeChat's subscribe dialog (POST /api/dev/subscribe-accept)", () => {
  const accept = (body: unknown, openid?: string) =>
    fetch(`${cloud.gateway.url}/api/dev/subscribe-accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, json: (await res.json()) as any }))

  test('an 允许 gives the person one more message of each template, as WeChat records it', async () => {
    const ids = ['local-tmpl-activity-reminder', 'local-tmpl-activity-changed']
    const before = ids.map((id) => cloud.db.unusedAcceptances('gw-sub-1', id))
    const res = await accept({ templateIds: ids }, 'gw-sub-1')
    expect(res.status).toBe(200)
    expect(res.json.unused).toEqual({ [ids[0]]: before[0] + 1, [ids[1]]: before[1] + 1 })
    expect(cloud.db.unusedAcceptances('gw-sub-2', ids[0])).toBe(0)
  })

  test('without a person it answers 401 UNAUTHENTICATED and records nothing', async () => {
    const res = await accept({ templateIds: ['local-tmpl-activity-reminder'] })
    expect(res).toMatchObject({ status: 401, json: { ok: false, code: 'UNAUTHENTICATED' } })
  })

  test('no templates, or more than the 3 WeChat asks at once, answers 400 MALFORMED_REQUEST', async () => {
    expect(await accept({ templateIds: [] }, 'gw-sub-3')).toMatchObject({ status: 400, json: { code: 'MALFORMED_REQUEST' } })
    const four = ['a', 'b', 'c', 'd'].map((x) => `local-tmpl-${x}`)
    expect(await accept({ templateIds: four }, 'gw-sub-3')).toMatchObject({ status: 400, json: { code: 'MALFORMED_REQUEST' } })
    expect(cloud.db.unusedAcceptances('gw-sub-3', 'local-tmpl-a')).toBe(0)
  })
})
