import { inviteLink, invitePath, inviteShareMessage } from './inviteShare'

describe('invite share', () => {
  test('the chat card names the activity and opens the volunteer page with the code', () => {
    expect(inviteShareMessage('K7QM3XPA', ['社区书法体验课'])).toEqual({
      title: '邀请您担任社区书法体验课签到志愿者',
      path: '/volunteer/scan/index?code=K7QM3XPA',
    })
  })

  test('several activities: the first and how many in all', () => {
    expect(inviteShareMessage('K7QM3XPA', ['书法课', '插花课', '健康讲座']).title).toBe('邀请您担任书法课等3场活动签到志愿者')
    expect(inviteShareMessage('K7QM3XPA', []).title).toBe('邀请您担任活动签到志愿者')
  })

  test('the h5 link is the hash route of the same path', () => {
    expect(invitePath('K7QM3XPA')).toBe('/volunteer/scan/index?code=K7QM3XPA')
    expect(inviteLink({ origin: 'https://llw.example.cn', pathname: '/' }, 'K7QM3XPA')).toBe(
      'https://llw.example.cn/#/volunteer/scan/index?code=K7QM3XPA',
    )
  })
})
