import { activityContract } from './activity'
import { findContract } from './index'
import { messageFor } from '../errors'

describe('contracts', () => {
  test('list input defaults the page size to 20', () => {
    expect(activityContract.list.input.parse({ weekId: 'nc2026' })).toEqual({ weekId: 'nc2026', limit: 20 })
  })

  test('list input refuses an unknown content type', () => {
    const res = activityContract.list.input.safeParse({ weekId: 'nc2026', type: 'karaoke' })
    expect(res.success).toBe(false)
  })

  test('ids with path characters are refused', () => {
    expect(activityContract.get.input.safeParse({ id: '../x' }).success).toBe(false)
  })

  test('findContract tells unknown functions from unknown actions', () => {
    expect(findContract('nosuch', 'list').fn).toBeUndefined()
    expect(findContract('activity', 'nosuch')).toMatchObject({ action: undefined })
    expect(findContract('activity', 'toString').action).toBeUndefined()
    expect(findContract('activity', 'list').action).toBe(activityContract.list)
  })

  test('codes become Chinese messages; unknown codes the generic one', () => {
    expect(messageFor('ACTIVITY_NOT_FOUND')).toBe('活动不存在或已下线')
    expect(messageFor('SOMETHING_NEW')).toBe(messageFor('INTERNAL'))
  })
})

test('the subscribe template keys of the signup contract are the registration keys of config/subscribe.ts', async () => {
  const { REGISTRATION_SUBSCRIBE_KEYS } = await import('../../../config/subscribe')
  const { subscribeTemplateKeySchema } = await import('./subscribe')
  expect(subscribeTemplateKeySchema.options).toEqual([...REGISTRATION_SUBSCRIBE_KEYS])
})
