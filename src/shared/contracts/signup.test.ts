import { signupContract } from './signup'
import { activityContract } from './activity'
import { messageFor } from '../errors'

describe('signup contracts', () => {
  test('a sign-up is for the caller and joins the waitlist unless told otherwise', () => {
    expect(signupContract.create.input.parse({ activityId: 'nc2026-donghu-01' })).toEqual({
      activityId: 'nc2026-donghu-01',
      personId: 'self',
      waitlist: true,
    })
  })

  test('a family member is named by their member id; anything else is refused', () => {
    expect(signupContract.create.input.safeParse({ activityId: 'a1', personId: 'mabc12345' }).success).toBe(true)
    expect(signupContract.create.input.safeParse({ activityId: 'a1', personId: 'someone-else' }).success).toBe(false)
  })

  test('registration ids may carry the family separator, nothing path-like', () => {
    expect(signupContract.cancel.input.safeParse({ registrationId: 'nc2026-donghu-01_oAbc-12_x~mabc12345' }).success).toBe(true)
    expect(signupContract.cancel.input.safeParse({ registrationId: '../etc' }).success).toBe(false)
  })

  test('a profile needs a mainland mobile number', () => {
    const profile = { name: '刘思雨', phone: '13800001021', ageGroup: '18-39', community: '松柏巷社区', audience: 'residents' }
    expect(signupContract['profile.save'].input.safeParse({ profile }).success).toBe(true)
    expect(signupContract['profile.save'].input.safeParse({ profile: { ...profile, phone: '0791-8888' } }).success).toBe(false)
  })

  test('an organiser patch may change any subset of fields', () => {
    expect(activityContract.update.input.safeParse({ id: 'a1', patch: { title: '新标题' } }).success).toBe(true)
    expect(activityContract.update.input.safeParse({ id: 'a1', patch: { signup: null } }).success).toBe(true)
    expect(activityContract.update.input.safeParse({ id: 'a1', patch: { capacity: 3 } }).success).toBe(true) // unknown keys are dropped
  })

  test('the list takes the new filters and refuses an unknown audience', () => {
    expect(
      activityContract.list.input.safeParse({ weekId: 'nc2026', audience: 'seniors', mode: 'online', keyword: '手机', hasSeats: true })
        .success,
    ).toBe(true)
    expect(activityContract.list.input.safeParse({ weekId: 'nc2026', audience: 'aliens' }).success).toBe(false)
  })

  test('every new code has a Chinese message', () => {
    for (const code of [
      'ALREADY_REGISTERED',
      'SIGNUP_NOT_OPEN',
      'SIGNUP_CLOSED',
      'ACTIVITY_CANCELLED',
      'SIGNUP_NOT_REQUIRED',
      'ACTIVITY_FULL',
      'CANCEL_DEADLINE_PASSED',
      'REGISTRATION_NOT_FOUND',
      'PROFILE_REQUIRED',
    ]) {
      expect(messageFor(code)).not.toBe(messageFor('INTERNAL'))
      expect(messageFor(code)).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})
