// `privacy` src/consent.ts (consent.get, consent.record) through the real wx-server-sdk against the
// local cloud: recording stores the guide's version and the time on the caller's account, getting
// reflects it, a stale version is refused writing nothing, recording again is harmless. Calls that
// need a known time run the same actions through createFunction with an injected clock.
import { createFunction, type FunctionImpl } from '../../../../cloudfunctions/_core/handler'
import { privacyActions } from '../../../../cloudfunctions/privacy/src/index'
import { PRIVACY_VERSION } from '../../../../src/shared/domain/privacy'
import { runAsCaller } from '../../../gateway/wx-context'
import { startTestCloud, type ActionName, type AnswerOf, type InputOf, type TestCloud } from '../../harness'
import { allDocs, expectRefusedWithoutWrites, ORGANISER, profileOf, writesIn } from '../fixtures'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})

let clock = 0
const clocked = createFunction('privacy', privacyActions as unknown as FunctionImpl<'privacy'>, { now: () => clock })
/** A privacy call as `openid` with the function's clock at `now`. */
const callAt = <A extends ActionName<'privacy'>>(now: number, openid: string, action: A, input: InputOf<'privacy', A>) => {
  clock = now
  return runAsCaller({ openid }, () => clocked({ action, input }, { request_id: 'privacy-test' })) as Promise<AnswerOf<'privacy', A>>
}

const userDoc = async (openid: string) => (await allDocs(cloud, 'users', { _id: openid }))[0] ?? null
const AT = Date.UTC(2026, 11, 1, 2, 30)

describe('consent.get', () => {
  test('a newcomer has no consent: the current version, consent null, not current; nothing is written', async () => {
    cloud.db.resetStats()
    expect(await cloud.call('privacy', 'consent.get', {}, 'consent-new-1')).toEqual({
      ok: true,
      data: { version: PRIVACY_VERSION, consent: null, current: false },
    })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    expect(await userDoc('consent-new-1')).toBeNull()
  })
})

describe('consent.record', () => {
  test("a newcomer's consent is stored with the version and the function's clock, and consent.get reflects it", async () => {
    const res = await callAt(AT, 'consent-new-2', 'consent.record', { version: PRIVACY_VERSION })
    expect(res).toEqual({ ok: true, data: { consent: { version: PRIVACY_VERSION, at: AT } } })
    const user = await userDoc('consent-new-2')
    expect(user).toMatchObject({ _id: 'consent-new-2', roles: [], family: [], consent: { version: PRIVACY_VERSION } })
    expect(new Date(user.consent.at).getTime()).toBe(AT)
    expect(user.profile).toBeUndefined()
    expect(await cloud.call('privacy', 'consent.get', {}, 'consent-new-2')).toEqual({
      ok: true,
      data: { version: PRIVACY_VERSION, consent: { version: PRIVACY_VERSION, at: AT }, current: true },
    })
  })

  test('through the bundled function the consent is stamped with the current time', async () => {
    const before = Date.now()
    const res = await cloud.call('privacy', 'consent.record', { version: PRIVACY_VERSION }, 'consent-new-3')
    expect(res.ok).toBe(true)
    expect(res.data.consent.at).toBeGreaterThanOrEqual(before)
    expect(res.data.consent.at).toBeLessThanOrEqual(Date.now())
    expect(new Date((await userDoc('consent-new-3')).consent.at).getTime()).toBe(res.data.consent.at)
  })

  test("recording on an existing account keeps its profile, family and roles (an organiser's grants stay)", async () => {
    await cloud.call('privacy', 'consent.record', { version: PRIVACY_VERSION }, ORGANISER)
    const saved = await cloud.call('signup', 'profile.save', { profile: profileOf(7) }, ORGANISER)
    expect(saved.ok).toBe(true)
    const before = await userDoc(ORGANISER)
    expect((await callAt(AT, ORGANISER, 'consent.record', { version: PRIVACY_VERSION })).ok).toBe(true)
    const after = await userDoc(ORGANISER)
    expect(after.profile).toEqual(profileOf(7))
    expect(after.roles).toEqual(before.roles)
    expect(after.family).toEqual(before.family)
    expect(new Date(after.consent.at).getTime()).toBe(AT)
  })

  test('recording twice is harmless: one account document, the consent current, stamped by the latest call', async () => {
    expect((await callAt(AT, 'consent-twice', 'consent.record', { version: PRIVACY_VERSION })).ok).toBe(true)
    expect((await callAt(AT + 60_000, 'consent-twice', 'consent.record', { version: PRIVACY_VERSION })).ok).toBe(true)
    const docs = await allDocs(cloud, 'users', { _id: 'consent-twice' })
    expect(docs).toHaveLength(1)
    expect(docs[0].consent.version).toBe(PRIVACY_VERSION)
    expect(new Date(docs[0].consent.at).getTime()).toBe(AT + 60_000)
    expect((await cloud.call('privacy', 'consent.get', {}, 'consent-twice')).data.current).toBe(true)
  })

  test('a version other than the current one is refused with CONSENT_VERSION_STALE and nothing is written', async () => {
    await expectRefusedWithoutWrites(cloud, 'CONSENT_VERSION_STALE', () =>
      cloud.call('privacy', 'consent.record', { version: PRIVACY_VERSION + 1 }, 'consent-stale-1'),
    )
    expect(await userDoc('consent-stale-1')).toBeNull()
  })

  test("a stale version leaves an account's older consent as it was", async () => {
    const now = new Date(AT)
    await (cloud.sdkDb as any)
      .collection('users')
      .add({ data: { _id: 'consent-stale-2', roles: [], family: [], consent: { version: 0, at: now }, createdAt: now, updatedAt: now } })
    await expectRefusedWithoutWrites(cloud, 'CONSENT_VERSION_STALE', () =>
      cloud.call('privacy', 'consent.record', { version: PRIVACY_VERSION + 1 }, 'consent-stale-2'),
    )
    expect((await userDoc('consent-stale-2')).consent).toEqual({ version: 0, at: now })
  })

  test('a version below 1 is refused with VALIDATION_FAILED and nothing is written', async () => {
    await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', () =>
      cloud.callRaw('privacy', 'consent.record', { version: 0 }, 'consent-stale-3'),
    )
  })
})
