import { AUDIENCES, codesOf } from '@shared/domain/vocabulary'
import { AUDIENCE_CHOICES, checkFamily, checkProfile, communityExample, errorsFromPaths } from './peopleForm'

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

  test('不确定/其他 is stored as a 总结表 category by age: 老年人群 from 60, 城乡社区居民 below', () => {
    const base = { name: '何大爷', phone: '13800001021', community: '海府街道', audience: 'unsure' as const }
    expect(checkProfile({ ...base, ageGroup: '70+' })).toMatchObject({ profile: { audience: 'seniors' } })
    expect(checkProfile({ ...base, ageGroup: '40-59' })).toMatchObject({ profile: { audience: 'residents' } })
    // Without an age group only that is asked for.
    const r = checkProfile({ ...base, ageGroup: '' })
    expect('errors' in r && Object.keys(r.errors)).toEqual(['ageGroup'])
  })

  test('the plain-word categories are every 总结表 category once, then 不确定/其他, each short enough for two columns in care mode', () => {
    expect(AUDIENCE_CHOICES.map((c) => c.code).sort()).toEqual([...codesOf(AUDIENCES), 'unsure'].sort())
    expect(AUDIENCE_CHOICES[AUDIENCE_CHOICES.length - 1]).toEqual({ code: 'unsure', label: '不确定/其他' })
    for (const c of AUDIENCE_CHOICES) expect(c.label.length).toBeLessThanOrEqual(6)
  })

  test("the 街道/社区 example comes from the activity's own place, short enough for the box in care mode", () => {
    const cases: [string, string | null, string][] = [
      ['儋州市', '儋州市中和镇东坡村', '如：中和镇东坡村'],
      ['东湖区', '南昌市东湖区百花洲街道松柏巷社区18号', '如：百花洲街道松柏巷社区'],
      ['海口市', '海口市美兰区海府路38号', '如：海口市××街道××社区'],
      ['东湖区', '南昌市东湖区松柏巷18号', '如：东湖区××街道××社区'],
      ['琼中黎族苗族自治县', null, '如：××街道××社区'],
    ]
    for (const [districtName, address, example] of cases) {
      expect(communityExample({ districtName, address })).toBe(example)
      expect(example.length).toBeLessThanOrEqual(13)
    }
    expect(communityExample({ districtName: '海口市', address: '海口市美兰区海府路38号' })).not.toContain('南昌')
  })

  test('server validation paths', () => {
    expect(errorsFromPaths(['profile.phone', 'activityId'], 'profile.')).toEqual({ phone: expect.any(String) })
  })
})
