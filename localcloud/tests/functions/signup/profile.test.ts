// `signup` src/profile.ts (profile.get, profile.save, family.list, family.add, family.remove)
// through the real wx-server-sdk against the local cloud: profile and family, each refusal with its
// code and no write.
import { agree, allDocs, expectRefusedWithoutWrites, ORGANISER, profileOf } from '../fixtures'
import { cloud, resident, useSignupCloud } from './setup'

useSignupCloud()

describe('profile and family', () => {
  test('a newcomer has no profile; after agreeing to the privacy guide profile.save stores it on their account', async () => {
    expect(await cloud.call('signup', 'profile.get', {}, 'newcomer-1')).toEqual({ ok: true, data: { profile: null } })
    await agree(cloud, 'newcomer-1')
    const saved = await cloud.call('signup', 'profile.save', { profile: profileOf(1) }, 'newcomer-1')
    expect(saved).toEqual({ ok: true, data: { profile: profileOf(1) } })
    const [user] = await allDocs(cloud, 'users', { _id: 'newcomer-1' })
    expect(user).toMatchObject({ profile: profileOf(1), roles: [], family: [] })
    expect((await cloud.call('signup', 'profile.get', {}, 'newcomer-1')).data.profile).toEqual(profileOf(1))
  })

  test('saving a profile keeps the roles of an organiser', async () => {
    const res = await cloud.call('signup', 'profile.save', { profile: profileOf(2) }, ORGANISER)
    expect(res.ok).toBe(true)
    const [user] = await allDocs(cloud, 'users', { _id: ORGANISER })
    expect(user.roles.some((r: any) => r.role === 'organiser' && r.districtCode === 'donghu')).toBe(true)
  })

  test('a malformed phone is refused with VALIDATION_FAILED naming the field, and nothing is written', async () => {
    await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', () =>
      cloud.call('signup', 'profile.save', { profile: { ...profileOf(3), phone: '12345' } }, 'newcomer-2'),
    )
    const res = await cloud.call('signup', 'profile.save', { profile: { ...profileOf(3), phone: '12345' } }, 'newcomer-2')
    expect(res.fields).toEqual(['profile.phone'])
  })

  test('family members are added, listed and removed', async () => {
    const me = await resident()
    const added = await cloud.call('signup', 'family.add', { name: '王秀兰', ageGroup: '70+', relation: 'parent' }, me)
    expect(added.data.member).toMatchObject({ name: '王秀兰', phone: null, ageGroup: '70+', relation: 'parent', audience: null })
    expect(added.data.member.id).toMatch(/^m[a-z0-9]{8}$/)
    const listed = await cloud.call('signup', 'family.list', {}, me)
    expect(listed.data.members).toEqual([added.data.member])
    expect(await cloud.call('signup', 'family.remove', { memberId: added.data.member.id }, me)).toEqual({
      ok: true,
      data: { memberId: added.data.member.id },
    })
    expect((await cloud.call('signup', 'family.list', {}, me)).data.members).toEqual([])
  })

  test('removing a member one does not have answers FAMILY_MEMBER_NOT_FOUND and writes nothing', async () => {
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'FAMILY_MEMBER_NOT_FOUND', () =>
      cloud.call('signup', 'family.remove', { memberId: 'mnotthere' }, me),
    )
  })

  test('an eleventh family member is refused with FAMILY_LIMIT and not stored', async () => {
    const me = await resident()
    for (let i = 0; i < 10; i++) {
      expect((await cloud.call('signup', 'family.add', { name: `家人${i}`, ageGroup: '60-69', relation: 'relative' }, me)).ok).toBe(true)
    }
    await expectRefusedWithoutWrites(cloud, 'FAMILY_LIMIT', () =>
      cloud.call('signup', 'family.add', { name: '第十一位', ageGroup: '60-69', relation: 'relative' }, me),
    )
  })
})
