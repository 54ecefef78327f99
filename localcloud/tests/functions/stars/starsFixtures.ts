// A province week for the stars tests: 甲市 (ca) over a1, 乙市 (cb) over b1; organisers, city admins,
// and entries written straight into the database at a status (a recommended one waits for selection).
import type { TestCloud } from '../../harness'
import { ADMIN, dayFromToday } from '../fixtures'

export const ORG = { a1: 'sf-org-a1', b1: 'sf-org-b1' }
export const CITY = { ca: 'sf-admin-ca', cb: 'sf-admin-cb' }

export async function starsWeek(cloud: TestCloud, W: string): Promise<void> {
  const db = cloud.sdkDb as any
  const districts = [
    { code: 'a1', name: '甲一区' },
    { code: 'b1', name: '乙一区' },
  ]
  const week = await cloud.call(
    'activity',
    'week.create',
    {
      id: W,
      name: '测试省活动周',
      level: 'province',
      region: '测试省',
      theme: '终身学习 测试',
      startDate: dayFromToday(2),
      endDate: dayFromToday(8),
      districts,
      summaryDeadline: dayFromToday(12),
      organiser: '测试省教育厅',
      contacts: [{ name: '联系人', unit: '测试省教育厅', phone: '0898-00000000' }],
      status: 'published',
    },
    ADMIN,
  )
  if (!week.ok) throw new Error(JSON.stringify(week))
  await db
    .collection('weeks')
    .doc(W)
    .update({
      data: {
        cities: [
          { code: 'ca', name: '甲市' },
          { code: 'cb', name: '乙市' },
        ],
        districts: districts.map((d) => ({ ...d, cityCode: d.code === 'a1' ? 'ca' : 'cb' })),
      },
    })
  const now = new Date()
  const users = [
    { _id: ORG.a1, roles: [{ role: 'organiser', weekId: W, districtCode: 'a1' }] },
    { _id: ORG.b1, roles: [{ role: 'organiser', weekId: W, districtCode: 'b1' }] },
    { _id: CITY.ca, roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'ca' }] },
    { _id: CITY.cb, roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'cb' }] },
  ]
  for (const u of users) await db.collection('users').add({ data: { family: [], createdAt: now, updatedAt: now, ...u } })
}

let seq = 0

/** An entry written straight into the database at `status` (default recommended); its id. */
export async function insertEntry(cloud: TestCloud, W: string, district: 'a1' | 'b1', o: Record<string, unknown> = {}): Promise<string> {
  const id = `sf${Date.now().toString(36)}${(seq++).toString(36)}`
  const now = new Date()
  await (cloud.sdkDb as any).collection('nominations').add({
    data: {
      _id: id,
      weekId: W,
      kind: 'star',
      districtCode: district,
      districtName: district === 'a1' ? '甲一区' : '乙一区',
      cityCode: district === 'a1' ? 'ca' : 'cb',
      name: `测试人${seq}`,
      unitName: null,
      story: '她坚持在社区老年学校学习十年，带动邻里一起读书学习。',
      photos: [],
      videoUrl: null,
      nominator: { kind: 'organiser', openid: district === 'a1' ? ORG.a1 : ORG.b1, name: '李组织', phone: '13800000000' },
      nomineeConsent: true,
      nomineeConsentAt: now,
      status: 'recommended',
      hidden: false,
      reason: null,
      honours: [],
      placeOf: null,
      recorded: false,
      likes: 0,
      votes: 0,
      checkedAt: now,
      history: [],
      createdAt: now,
      updatedAt: now,
      ...o,
    },
  })
  return id
}
