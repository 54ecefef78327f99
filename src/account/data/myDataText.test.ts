import type { MyData, MyRegistration } from '@shared/contracts/privacy'
import { PRIVACY_VERSION } from '@shared/domain/privacy'
import { consentText, eraseWarning, isEmpty, registrationLines } from './myDataText'

const at = Date.UTC(2026, 11, 7, 2, 30) // 2026-12-07 10:30 Shanghai

const empty: MyData = {
  consent: null,
  profile: null,
  family: [],
  roles: [],
  registrations: [],
  enrolments: [],
  reading: [],
  readingLogs: [],
  ratings: [],
  nominations: [],
  starLikes: 0,
  notices: 0,
  upcoming: 0,
  truncated: false,
}

const registration: MyRegistration = {
  id: 'nc2026-donghu-02_o1~mab12cd',
  activityId: 'nc2026-donghu-02',
  title: '智慧助老·智慧出行',
  startAt: at,
  status: 'waitlisted',
  personName: '王秀兰',
  proxy: true,
  relation: 'parent',
  phone: null,
  ageGroup: '70+',
  community: '松柏巷社区',
  audience: 'seniors',
  checkedInAt: null,
  createdAt: at,
}

test('the consent says which version was agreed to and when, and asks again for an older version', () => {
  expect(consentText({ version: PRIVACY_VERSION, at })).toEqual({
    text: `已于 2026年12月7日 10:30 同意第 ${PRIVACY_VERSION} 版《用户隐私保护指引》`,
    note: '',
  })
  expect(consentText({ version: PRIVACY_VERSION + 1, at }).note).toContain('下次填写信息时会请您重新阅读并同意')
  expect(consentText(null).text).toBe('您还没有同意《用户隐私保护指引》')
})

test('a registration lists only the fields its form stored, whose it is and the check-in', () => {
  expect(registrationLines(registration)).toEqual([
    { label: '状态', value: '◷ 候补中' },
    { label: '活动时间', value: '2026年12月7日 10:30' },
    { label: '报名人', value: '王秀兰（父母，代报名）' },
    { label: '年龄段', value: '70岁及以上' },
    { label: '街道/社区', value: '松柏巷社区' },
    { label: '人群类别', value: '老年人群' },
    { label: '报名时间', value: '2026年12月7日 10:30' },
    { label: '签到', value: '未签到' },
  ])
})

test('the delete warning names the upcoming registrations first, then the family, and keeps staff roles', () => {
  const lines = eraseWarning({
    upcoming: 2,
    family: [{ id: 'mab12cd', name: '王秀兰', phone: null, ageGroup: '70+', relation: 'parent', audience: null }],
    roles: ['东湖区 组织者'],
  })
  expect(lines[0]).toBe('您（和家人）还有 2 个尚未开始的报名，会先被取消，名额按顺序让给候补的人。')
  expect(lines[1]).toContain('1 位家人的信息会被删除')
  expect(lines).toContain('活动的报名人数、参加人数等统计数字保持不变。')
  expect(lines).toContain('您的工作人员任命保留不变。')
  expect(eraseWarning({ upcoming: 0, family: [], roles: [] }).some((l) => l.includes('取消'))).toBe(false)
})

test('nothing stored reads as empty; staff roles alone do not count as personal data', () => {
  expect(isEmpty(empty)).toBe(true)
  expect(isEmpty({ ...empty, roles: ['东湖区 组织者'] })).toBe(true)
  expect(isEmpty({ ...empty, notices: 1 })).toBe(false)
  expect(isEmpty({ ...empty, registrations: [registration] })).toBe(false)
})
