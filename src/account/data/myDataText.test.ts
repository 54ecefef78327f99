import type { MyData, MyNomination, MyRegistration } from '@shared/contracts/privacy'
import { PRIVACY_VERSION } from '@shared/domain/privacy'
import {
  consentText,
  eraseWarning,
  isEmpty,
  nominationKindText,
  nominationLines,
  nominationStatusText,
  registrationLines,
  starLikesText,
} from './myDataText'

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

const nomination: MyNomination = {
  id: 'nmmab12cd3456',
  kind: 'star',
  name: '王秀兰',
  districtName: '东湖区',
  status: 'nominated',
  self: true,
  contactName: '王秀兰',
  contactPhone: '13800000001',
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
    nominations: [],
    starLikes: 0,
  })
  expect(lines[0]).toBe('您（和家人）还有 2 个尚未开始的报名，会先被取消，名额按顺序让给候补的人。')
  expect(lines[1]).toContain('1 位家人的信息会被删除')
  expect(lines).toContain('活动的报名人数、参加人数等统计数字保持不变。')
  expect(lines).toContain('您的工作人员任命保留不变。')
  expect(eraseWarning({ upcoming: 0, family: [], roles: [], nominations: [], starLikes: 0 }).some((l) => l.includes('取消'))).toBe(false)
  expect(lines.some((l) => l.includes('学习之星') || l.includes('点赞'))).toBe(false)
})

test('the delete warning says a 自荐 is withdrawn, a nomination of others keeps its materials, and likes go while counts stay', () => {
  const nomination = {
    id: 'nm1',
    kind: 'star',
    name: '刘思雨',
    districtName: '东湖区',
    status: 'published',
    self: true,
    contactName: '刘思雨',
    contactPhone: '13800001021',
    createdAt: 0,
  }
  const lines = eraseWarning({
    upcoming: 0,
    family: [],
    roles: [],
    nominations: [nomination, { ...nomination, self: false }],
    starLikes: 3,
  })
  expect(lines).toContain('您自荐的学习之星会从展示栏撤下，其中的姓名、事迹和照片会被删除。')
  expect(lines).toContain('您推荐他人时留下的姓名和手机号会被匿名化，推荐材料本身保留。')
  expect(lines).toContain('您的点赞和投票记录会被删除，已计入的点赞数、票数不变。')
})

test('nothing stored reads as empty; staff roles alone do not count as personal data', () => {
  expect(isEmpty(empty)).toBe(true)
  expect(isEmpty({ ...empty, roles: ['东湖区 组织者'] })).toBe(true)
  expect(isEmpty({ ...empty, notices: 1 })).toBe(false)
  expect(isEmpty({ ...empty, registrations: [registration] })).toBe(false)
})

test('a self-nomination lists its kind, district, status in words, 本人自荐 and the contact given', () => {
  expect(nominationLines(nomination)).toEqual([
    { label: '类别', value: '百姓学习之星' },
    { label: '县区', value: '东湖区' },
    { label: '状态', value: '已推荐至县区' },
    { label: '推荐方式', value: '本人自荐' },
    { label: '联系人', value: '王秀兰' },
    { label: '联系电话', value: '13800000001' },
    { label: '推荐时间', value: '2026年12月7日 10:30' },
  ])
})

test('a project the caller nominated for someone else reads 终身学习品牌项目 and 由您推荐', () => {
  const lines = nominationLines({ ...nomination, kind: 'project', self: false, status: 'declined' })
  expect(lines).toContainEqual({ label: '类别', value: '终身学习品牌项目' })
  expect(lines).toContainEqual({ label: '推荐方式', value: '由您推荐' })
  expect(lines).toContainEqual({ label: '状态', value: '未获推荐' })
})

test('a kind or status the stars vocabulary does not know is shown as stored', () => {
  expect(nominationKindText('unit')).toBe('unit')
  expect(nominationStatusText('archived')).toBe('archived')
  expect(nominationStatusText('published')).toBe('已公布')
})

test('the likes and votes line says how many and why they are kept; none says so', () => {
  expect(starLikesText(3)).toBe('您为学习之星和品牌项目点赞、投票 3 次（保存了哪天为哪一位点赞或投票，用于每人每天只计一次）。')
  expect(starLikesText(0)).toBe('没有点赞或投票记录。')
})

test('a nomination or a like alone is personal data', () => {
  expect(isEmpty({ ...empty, nominations: [nomination] })).toBe(false)
  expect(isEmpty({ ...empty, starLikes: 1 })).toBe(false)
})
