// The five dev personas of the local cloud's person switcher. Their _id is the openid the
// local gateway plays. Names are invented; phones are fictional 1380000xxxx numbers.

import { HAINAN_WEEK_ID } from './hainan-2026'
import { NANCHANG_WEEK_ID } from './nanchang-2026'
import type { SeedPerson } from './types'

export const seedPeople: SeedPerson[] = [
  {
    _id: 'dev-resident',
    label: '居民 刘思雨',
    persona: 'resident',
    profile: {
      name: '刘思雨',
      phone: '13800001021',
      ageGroup: '18-39',
      community: '东湖区百花洲街道松柏巷社区',
      audience: 'residents',
    },
    roles: [],
  },
  {
    _id: 'dev-senior',
    label: '老年人 熊桂英',
    persona: 'senior',
    profile: {
      name: '熊桂英',
      phone: '13800001072',
      ageGroup: '70+',
      community: '东湖区豫章街道贤士花园社区',
      audience: 'seniors',
    },
    roles: [],
  },
  {
    _id: 'dev-volunteer',
    label: '志愿者 胡志强',
    persona: 'volunteer',
    profile: {
      name: '胡志强',
      phone: '13800001035',
      ageGroup: '18-39',
      community: '东湖区公园街道青山路社区',
      audience: 'residents',
    },
    roles: [
      {
        role: 'volunteer',
        weekId: NANCHANG_WEEK_ID,
        // Door duty at the district's sign-up activities, incl. the two small 智慧助老 classes.
        activityIds: ['nc2026-donghu-02', 'nc2026-donghu-03', 'nc2026-donghu-04', 'nc2026-donghu-06'],
      },
    ],
  },
  {
    _id: 'dev-organiser',
    label: '组织者 万丽娟（东湖区社区教育学院）',
    persona: 'organiser',
    profile: {
      name: '万丽娟',
      phone: '13800001048',
      ageGroup: '40-59',
      community: '东湖区社区教育学院',
      audience: 'educators',
    },
    roles: [{ role: 'organiser', weekId: NANCHANG_WEEK_ID, districtCode: 'donghu' }],
  },
  {
    _id: 'dev-admin',
    label: '管理员 涂建华（教育局）',
    persona: 'admin',
    profile: {
      name: '涂建华',
      phone: '13800001009',
      ageGroup: '40-59',
      community: '南昌市社区教育指导中心',
      audience: 'educators',
    },
    roles: [
      { role: 'admin', weekId: NANCHANG_WEEK_ID },
      { role: 'admin', weekId: HAINAN_WEEK_ID },
    ],
  },
]
