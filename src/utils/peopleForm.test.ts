import { checkFamily, checkProfile, errorsFromPaths } from './peopleForm'

describe('people forms', () => {
  test('a complete profile passes, spaces in the phone removed', () => {
    const r = checkProfile({ name: ' 刘思雨 ', phone: '138 0000 1021', ageGroup: '18-39', community: '松柏巷社区', audience: 'residents' })
    expect(r).toEqual({
      profile: { name: '刘思雨', phone: '13800001021', ageGroup: '18-39', community: '松柏巷社区', audience: 'residents' },
    })
  })

  test('each missing or wrong field gets its own sentence', () => {
    const r = checkProfile({ name: '', phone: '12345', ageGroup: '', community: '', audience: '' })
    expect('errors' in r && Object.keys(r.errors).sort()).toEqual(['ageGroup', 'audience', 'community', 'name', 'phone'])
    expect('errors' in r && r.errors.phone).toContain('11位手机号码')
  })

  test('a family member: phone optional, relation and age group required', () => {
    expect(checkFamily({ name: '王秀兰', phone: '', ageGroup: '70+', relation: 'parent' })).toEqual({
      member: { name: '王秀兰', phone: null, ageGroup: '70+', relation: 'parent', audience: null },
    })
    const r = checkFamily({ name: '王秀兰', phone: '', ageGroup: '', relation: '' })
    expect('errors' in r && Object.keys(r.errors).sort()).toEqual(['ageGroup', 'relation'])
  })

  test('server validation paths', () => {
    expect(errorsFromPaths(['profile.phone', 'activityId'], 'profile.')).toEqual({ phone: expect.any(String) })
  })
})
