// Consent before personal fields (issue 15): signup.profile.save, signup.family.add and
// signup.create refuse a caller without a consent to the privacy guide's current version with
// CONSENT_REQUIRED, writing nothing; with one, the writes carry it (the registration and the
// family member a copy of the account's consent, the profile next to it).
import { PRIVACY_VERSION } from '../../../../src/shared/domain/privacy'
import { agree, allDocs, createActivity, expectRefusedWithoutWrites, profileOf } from '../fixtures'
import { cloud, regsOf, resident, signUp, useSignupCloud, week } from './setup'

useSignupCloud()

const userDoc = async (openid: string) => (await allDocs(cloud, 'users', { _id: openid }))[0] ?? null
const parent = { name: '王秀兰', ageGroup: '70+', relation: 'parent' } as const
const OLD = new Date(Date.UTC(2026, 0, 5, 2))

/** A returning resident (profile stored) whose consent is to a guide older than the current one. */
async function residentWithOldConsent(): Promise<string> {
  const me = await resident()
  await (cloud.sdkDb as any)
    .collection('users')
    .doc(me)
    .update({ data: { consent: { version: PRIVACY_VERSION - 1, at: OLD } } })
  return me
}

/** A returning resident (profile stored) who never agreed to the guide. */
async function residentWithoutConsent(): Promise<string> {
  const me = await resident()
  await (cloud.sdkDb as any)
    .collection('users')
    .doc(me)
    .update({ data: { consent: (cloud.sdkDb as any).command.remove() } })
  expect((await userDoc(me)).consent).toBeUndefined()
  return me
}

describe('without a current consent nothing personal is written', () => {
  test('profile.save by a newcomer who never agreed is refused with CONSENT_REQUIRED and writes nothing', async () => {
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () =>
      cloud.call('signup', 'profile.save', { profile: profileOf(1) }, 'noconsent-1'),
    )
    expect(await userDoc('noconsent-1')).toBeNull()
  })

  test('profile.save by a resident whose consent is to an older guide is refused with CONSENT_REQUIRED', async () => {
    const me = await residentWithOldConsent()
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => cloud.call('signup', 'profile.save', { profile: profileOf(2) }, me))
  })

  test('family.add by a resident who never agreed is refused with CONSENT_REQUIRED and writes nothing', async () => {
    const me = await residentWithoutConsent()
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => cloud.call('signup', 'family.add', parent, me))
    expect((await userDoc(me)).family).toEqual([])
  })

  test('family.add by a newcomer without an account is refused with CONSENT_REQUIRED and writes nothing', async () => {
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => cloud.call('signup', 'family.add', parent, 'noconsent-2'))
  })

  test('family.add by a resident whose consent is to an older guide is refused with CONSENT_REQUIRED', async () => {
    const me = await residentWithOldConsent()
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => cloud.call('signup', 'family.add', parent, me))
  })

  test('a first sign-up with a typed profile by a newcomer who never agreed is refused with CONSENT_REQUIRED and writes nothing', async () => {
    const activityId = await createActivity(cloud, week)
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => signUp('noconsent-3', activityId, { profile: profileOf(3) }))
    expect(await userDoc('noconsent-3')).toBeNull()
  })

  test('a returning resident who never agreed is refused with CONSENT_REQUIRED: no seat taken, no registration', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 5 })
    const me = await residentWithoutConsent()
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => signUp(me, activityId))
    expect(await regsOf(activityId)).toEqual([])
  })

  test('a returning resident whose consent is to an older guide is refused with CONSENT_REQUIRED', async () => {
    const activityId = await createActivity(cloud, week)
    const me = await residentWithOldConsent()
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => signUp(me, activityId))
  })

  test('signing up a family member after the consent went stale is refused with CONSENT_REQUIRED', async () => {
    const activityId = await createActivity(cloud, week)
    const me = await resident()
    const { member } = (await cloud.call('signup', 'family.add', parent, me)).data
    await (cloud.sdkDb as any)
      .collection('users')
      .doc(me)
      .update({ data: { consent: { version: PRIVACY_VERSION - 1, at: OLD } } })
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => signUp(me, activityId, { personId: member.id }))
  })
})

describe('with a current consent the writes carry it', () => {
  test('a newcomer who agreed saves a profile; the account keeps the consent next to it', async () => {
    await agree(cloud, 'consent-p-1')
    const consent = (await userDoc('consent-p-1')).consent
    expect((await cloud.call('signup', 'profile.save', { profile: profileOf(4) }, 'consent-p-1')).ok).toBe(true)
    const user = await userDoc('consent-p-1')
    expect(user.profile).toEqual(profileOf(4))
    expect(user.consent).toEqual(consent)
  })

  test('an older consent renewed by consent.record lets the profile be saved', async () => {
    const me = await residentWithOldConsent()
    await agree(cloud, me)
    expect((await cloud.call('signup', 'profile.save', { profile: profileOf(5) }, me)).ok).toBe(true)
  })

  test("a family member added stores a copy of the resident's consent", async () => {
    const me = await resident()
    const consent = (await userDoc(me)).consent
    const added = await cloud.call('signup', 'family.add', parent, me)
    expect(added.ok).toBe(true)
    const [stored] = (await userDoc(me)).family
    expect(stored).toMatchObject({ id: added.data.member.id, name: '王秀兰', consent: { version: PRIVACY_VERSION } })
    expect(stored.consent).toEqual(consent)
  })

  test("a newcomer's first sign-up after agreeing stores the consent's version and time on the registration", async () => {
    const activityId = await createActivity(cloud, week)
    await agree(cloud, 'consent-s-1')
    const consent = (await userDoc('consent-s-1')).consent
    const res = await signUp('consent-s-1', activityId, { profile: profileOf(6) })
    expect(res.ok).toBe(true)
    const [reg] = await regsOf(activityId)
    expect(reg.consent).toEqual(consent)
    expect(reg.consent.version).toBe(PRIVACY_VERSION)
    expect(new Date(reg.consent.at).getTime()).toBeLessThanOrEqual(new Date(reg.createdAt).getTime())
    expect((await userDoc('consent-s-1')).profile).toEqual(profileOf(6))
  })

  test("a family member's registration (代报名) carries the resident's consent", async () => {
    const activityId = await createActivity(cloud, week)
    const me = await resident()
    const { member } = (await cloud.call('signup', 'family.add', parent, me)).data
    expect((await signUp(me, activityId, { personId: member.id })).ok).toBe(true)
    const [reg] = await regsOf(activityId)
    expect(reg).toMatchObject({ personId: `${me}~${member.id}`, consent: { version: PRIVACY_VERSION } })
    expect(reg.consent).toEqual((await userDoc(me)).consent)
  })

  test('a re-sign-up after cancelling carries the consent in force at the re-sign-up', async () => {
    const activityId = await createActivity(cloud, week)
    const me = await resident()
    expect((await signUp(me, activityId)).ok).toBe(true)
    expect((await cloud.call('signup', 'cancel', { registrationId: `${activityId}_${me}` }, me)).ok).toBe(true)
    await agree(cloud, me)
    const renewed = (await userDoc(me)).consent
    expect((await signUp(me, activityId)).ok).toBe(true)
    const [reg] = await regsOf(activityId)
    expect(reg.status).toBe('confirmed')
    expect(reg.consent).toEqual(renewed)
  })
})
