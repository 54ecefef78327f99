// privacy.phone.fill: WeChat's phone-number button's one-time code turned into the number through
// the real cloud call (cloud.openapi.phonenumber.getPhoneNumber), answered by the local cloud's
// stand-in with the platform's rules: each code once, for 5 minutes, for the person it was given to.
import { PHONE_CODE_TTL_MS } from '../../../db/openapi'
import { startTestCloud, type TestCloud } from '../../harness'
import { later } from '../faultFixtures'
import { writesIn } from '../fixtures'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})
afterEach(() => jest.restoreAllMocks())

const fill = (code: string, openid: string) => cloud.call('privacy', 'phone.fill', { code }, openid)

test('a valid code answers the number of the person it was given to, writing nothing', async () => {
  const code = cloud.db.mintPhoneCode('ph-a', '13912345678')
  cloud.db.resetStats()
  expect(await fill(code, 'ph-a')).toEqual({ ok: true, data: { phone: '13912345678' } })
  const stats = cloud.db.stats()
  expect(writesIn(stats.byAction)).toBe(0)
  expect(stats.byAction['wx.openApi']).toBe(1)
})

test('the same code a second time: PHONE_CODE_INVALID', async () => {
  const code = cloud.db.mintPhoneCode('ph-b', '13900000002')
  expect(await fill(code, 'ph-b')).toMatchObject({ ok: true, data: { phone: '13900000002' } })
  expect(await fill(code, 'ph-b')).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
})

test('a code older than 5 minutes: PHONE_CODE_INVALID; just under, still good', async () => {
  const stale = cloud.db.mintPhoneCode('ph-c', '13900000003')
  const fresh = cloud.db.mintPhoneCode('ph-c', '13900000003')
  later(PHONE_CODE_TTL_MS + 1_000)
  expect(await fill(stale, 'ph-c')).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
  jest.restoreAllMocks()
  later(PHONE_CODE_TTL_MS - 5_000)
  expect(await fill(fresh, 'ph-c')).toMatchObject({ ok: true, data: { phone: '13900000003' } })
})

test('a code given to someone else: PHONE_CODE_INVALID, and it stays good for its owner', async () => {
  const code = cloud.db.mintPhoneCode('ph-d', '13900000004')
  expect(await fill(code, 'ph-e')).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
  expect(await fill(code, 'ph-d')).toMatchObject({ ok: true, data: { phone: '13900000004' } })
})

test('an unknown code: PHONE_CODE_INVALID (WeChat answers 40029)', async () => {
  expect(await fill('not-a-code', 'ph-f')).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
})

test('the timer cannot use a code: a call without an OPENID is refused before any cloud call', async () => {
  const code = cloud.db.mintPhoneCode('ph-g', '13900000007')
  expect(await cloud.callRaw('privacy', 'phone.fill', { code }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await fill(code, 'ph-g')).toMatchObject({ ok: true })
})

test('the local cloud mints codes over HTTP too (POST /_local/phone-code)', async () => {
  const base = cloud.db.url.replace(/\/admin$/, '')
  const res = await fetch(`${base}/_local/phone-code`, { method: 'POST', body: JSON.stringify({ openid: 'ph-h', phone: '13900000008' }) })
  const { code } = (await res.json()) as { code: string }
  expect(await fill(code, 'ph-h')).toMatchObject({ ok: true, data: { phone: '13900000008' } })
  const bad = await fetch(`${base}/_local/phone-code`, { method: 'POST', body: JSON.stringify({ openid: 'ph-h' }) })
  expect(bad.status).toBe(400)
})
