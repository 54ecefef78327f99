// The stars function's workflow: nominate, the district's review, selection within places by the
// level above (甲市 over a1/a2, 乙市 over b1), publish and hide; consent, self-nomination, the content
// check (local msgSecCheck stand-in: 违规测试词) and scope refusals.
import { startTestCloud, type ActionName, type InputOf, type TestCloud } from '../../harness'
import { ADMIN, allDocs, currentConsent, dayFromToday, expectRefusedWithoutWrites } from '../fixtures'

let cloud: TestCloud
const W = `st${Date.now().toString(36)}`
const db = () => cloud.sdkDb as any
const ORG = { a1: 'st-org-a1', b1: 'st-org-b1' }
const CITY = { ca: 'st-admin-ca', cb: 'st-admin-cb' }
const RESIDENT = 'st-resident'
const STORY = '她坚持在社区老年学校学习十年，带动邻里一起读书学习，还自编教材教老人使用智能手机。'

const stars = <A extends ActionName<'stars'>>(action: A, input: InputOf<'stars', A>, openid: string) =>
  cloud.call('stars', action, input, openid)
async function ok<A extends ActionName<'stars'>>(action: A, input: InputOf<'stars', A>, openid: string) {
  const res = await stars(action, input, openid)
  if (!res.ok) throw new Error(`stars.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data as any
}
const stored = async (id: string) => (await db().collection('nominations').doc(id).get()).data
const draft = (o: Partial<InputOf<'stars', 'save'>> = {}): InputOf<'stars', 'save'> => ({
  weekId: W,
  kind: 'star',
  districtCode: 'a1',
  name: '王秀兰',
  unitName: '甲一区老年学校',
  story: STORY,
  contactName: '李组织',
  contactPhone: '13800000000',
  nomineeConsent: true,
  ...o,
})
async function nominated(o: Partial<InputOf<'stars', 'save'>> = {}, by = ORG.a1) {
  const saved = await ok('save', draft(o), by)
  await ok('nominate', { id: saved.nomination.id }, by)
  return saved.nomination.id as string
}
async function recommended(o: Partial<InputOf<'stars', 'save'>> = {}, by = ORG.a1) {
  const id = await nominated(o, by)
  await ok('review', { id, decision: 'recommend' }, by)
  return id
}

beforeAll(async () => {
  cloud = await startTestCloud()
  const districts = [
    { code: 'a1', name: '甲一区' },
    { code: 'a2', name: '甲二区' },
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
  await db()
    .collection('weeks')
    .doc(W)
    .update({
      data: {
        cities: [
          { code: 'ca', name: '甲市' },
          { code: 'cb', name: '乙市' },
        ],
        districts: districts.map((d) => ({ ...d, cityCode: d.code.startsWith('a') ? 'ca' : 'cb' })),
      },
    })
  const now = new Date()
  const users = [
    { _id: ORG.a1, roles: [{ role: 'organiser', weekId: W, districtCode: 'a1' }] },
    { _id: ORG.b1, roles: [{ role: 'organiser', weekId: W, districtCode: 'b1' }] },
    { _id: CITY.ca, roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'ca' }] },
    { _id: CITY.cb, roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'cb' }] },
    { _id: RESIDENT, roles: [], consent: currentConsent() },
    { _id: 'st-no-consent', roles: [] },
  ]
  for (const u of users)
    await db()
      .collection('users')
      .add({ data: { family: [], createdAt: now, updatedAt: now, ...u } })
  await ok('places.set', { weekId: W, cityCode: 'ca', star: 3, project: 1 }, CITY.ca)
  await ok('places.set', { weekId: W, cityCode: 'cb', star: 1, project: 1 }, CITY.cb)
  await ok('places.set', { weekId: W, cityCode: null, star: 2, project: 1 }, ADMIN)
})
afterAll(async () => {
  await cloud.stop()
})

test('nominate hands a draft to the district and records the content check and the consent', async () => {
  const saved = await ok('save', draft(), ORG.a1)
  expect(saved.nomination).toMatchObject({ status: 'draft', can: { edit: true } })
  const res = await ok('nominate', { id: saved.nomination.id }, ORG.a1)
  expect(res.nomination.status).toBe('nominated')
  const doc = await stored(saved.nomination.id)
  expect(doc.status).toBe('nominated')
  expect(doc.checkedAt).not.toBeNull()
  expect(doc.nomineeConsentAt).not.toBeNull()
  expect(doc.history.map((h: any) => h.by)).toEqual(['甲一区组织者', '甲一区组织者'])
  expect(JSON.stringify(res.nomination.history)).not.toContain(ORG.a1)
})

test('a nominated draft is locked: NOMINATION_LOCKED', async () => {
  const id = await nominated()
  await expectRefusedWithoutWrites(cloud, 'NOMINATION_LOCKED', () => stars('save', draft({ id, name: '改名字' }), ORG.a1))
})

test('a star without the nominee consent: NOMINEE_CONSENT_REQUIRED, still a draft', async () => {
  const saved = await ok('save', draft({ nomineeConsent: false }), ORG.a1)
  await expectRefusedWithoutWrites(cloud, 'NOMINEE_CONSENT_REQUIRED', () => stars('nominate', { id: saved.nomination.id }, ORG.a1))
  expect((await stored(saved.nomination.id)).status).toBe('draft')
})

test('a flagged story: CONTENT_FLAGGED and the stored status is unchanged', async () => {
  const saved = await ok('save', draft({ story: `${STORY}违规测试词` }), ORG.a1)
  cloud.db.resetStats()
  expect(await stars('nominate', { id: saved.nomination.id }, ORG.a1)).toMatchObject({ ok: false, code: 'CONTENT_FLAGGED' })
  const doc = await stored(saved.nomination.id)
  expect(doc.status).toBe('draft')
  expect(doc.checkedAt).toBeNull()
})

test('a story under the minimum: VALIDATION_FAILED', async () => {
  const saved = await ok('save', draft({ story: '太短了' }), ORG.a1)
  expect(await stars('nominate', { id: saved.nomination.id }, ORG.a1)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
})

test('self-nomination is closed unless the week opens it: SELF_NOMINATION_CLOSED', async () => {
  await expectRefusedWithoutWrites(cloud, 'SELF_NOMINATION_CLOSED', () => stars('save', draft(), RESIDENT))
})

test('a self-nomination needs a current privacy consent: CONSENT_REQUIRED; with it, saved as self', async () => {
  await ok('settings.set', { weekId: W, selfNomination: true, vote: null }, ADMIN)
  try {
    await expectRefusedWithoutWrites(cloud, 'CONSENT_REQUIRED', () => stars('save', draft(), 'st-no-consent'))
    const saved = await ok('save', draft(), RESIDENT)
    expect(saved.nomination.nominator.kind).toBe('self')
    expect((await ok('mine', { weekId: W }, RESIDENT)).items.map((n: any) => n.id)).toEqual([saved.nomination.id])
  } finally {
    await ok('settings.set', { weekId: W, selfNomination: false, vote: null }, ADMIN)
  }
})

test('settings.set with closesOn before opensOn: VOTE_DATES_INVALID', async () => {
  await expectRefusedWithoutWrites(cloud, 'VOTE_DATES_INVALID', () =>
    stars('settings.set', { weekId: W, selfNomination: false, vote: { opensOn: dayFromToday(5), closesOn: dayFromToday(3) } }, ADMIN),
  )
})

test('decline needs a reason: NOMINATION_REASON_REQUIRED; with one, declined and the reason stored', async () => {
  const id = await nominated()
  await expectRefusedWithoutWrites(cloud, 'NOMINATION_REASON_REQUIRED', () => stars('review', { id, decision: 'decline' }, ORG.a1))
  const res = await ok('review', { id, decision: 'decline', reason: '事迹材料不完整' }, ORG.a1)
  expect(res.nomination).toMatchObject({ status: 'declined', reason: '事迹材料不完整' })
  expect(await stored(id)).toMatchObject({ status: 'declined', reason: '事迹材料不完整' })
})

test('recommend moves a nominated entry to recommended; again: NOMINATION_STATUS_INVALID', async () => {
  const id = await nominated()
  expect((await ok('review', { id, decision: 'recommend' }, ORG.a1)).nomination.status).toBe('recommended')
  expect((await stored(id)).status).toBe('recommended')
  await expectRefusedWithoutWrites(cloud, 'NOMINATION_STATUS_INVALID', () => stars('review', { id, decision: 'recommend' }, ORG.a1))
})

test('an organiser of another district cannot review: FORBIDDEN', async () => {
  const id = await nominated()
  await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => stars('review', { id, decision: 'recommend' }, ORG.b1))
})

test('a city admin cannot select another city’s entry: FORBIDDEN', async () => {
  const id = await recommended()
  await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => stars('select', { id, cityCode: 'cb' }, CITY.cb))
  await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => stars('select', { id, cityCode: 'ca' }, CITY.cb))
})

test('select within places, un-select frees the place, publish and hide', async () => {
  const id = await recommended({ kind: 'project', name: '社区读书会项目' })
  const sel = await ok('select', { id, cityCode: 'ca' }, CITY.ca)
  expect(sel.nomination).toMatchObject({ status: 'selected', honours: [{ level: 'city', by: '甲市教育局' }] })
  expect(sel.places.project).toEqual({ places: 1, used: 1 })
  const other = await recommended({ kind: 'project', name: '社区书法项目' })
  await expectRefusedWithoutWrites(cloud, 'PLACES_FULL', () => stars('select', { id: other, cityCode: 'ca' }, CITY.ca))
  const un = await ok('select', { id, cityCode: 'ca', selected: false }, CITY.ca)
  expect(un.nomination).toMatchObject({ status: 'recommended', honours: [] })
  expect(un.places.project).toEqual({ places: 1, used: 0 })
  expect((await ok('select', { id: other, cityCode: 'ca' }, CITY.ca)).places.project.used).toBe(1)
  const pub = await ok('publish', { id: other }, CITY.ca)
  expect(pub.nomination).toMatchObject({ status: 'published', can: { hide: true } })
  const hidden = await ok('hide', { id: other, hidden: true }, ORG.a1)
  expect(hidden.nomination.hidden).toBe(true)
  expect(await stored(other)).toMatchObject({ status: 'published', hidden: true })
})

test('places cannot drop below what is used: PLACES_BELOW_USED', async () => {
  const id = await recommended({ districtCode: 'b1' }, ORG.b1)
  await ok('select', { id, cityCode: 'cb' }, CITY.cb)
  await expectRefusedWithoutWrites(cloud, 'PLACES_BELOW_USED', () =>
    stars('places.set', { weekId: W, cityCode: 'cb', star: 0, project: 1 }, CITY.cb),
  )
})

test('the top selects a city-selected entry again, adding its honour highest first', async () => {
  const id = await recommended({ districtCode: 'a2' }, ADMIN)
  await ok('select', { id, cityCode: 'ca' }, CITY.ca)
  const top = await ok('select', { id, cityCode: null }, ADMIN)
  expect(top.nomination.honours.map((h: any) => h.level)).toEqual(['province', 'city'])
  expect(top.places.star.used).toBe(1)
})

test('a recognition recorded from elsewhere is published at once; a flagged one is refused', async () => {
  const res = await ok('record', { ...draft(), level: 'national', year: 2024, by: '教育部' }, ORG.a1)
  expect(res.nomination).toMatchObject({ status: 'published', recorded: true, honours: [{ level: 'national', by: '教育部', year: 2024 }] })
  const before = (await allDocs(cloud, 'nominations')).length
  expect(await stars('record', { ...draft({ name: '违规测试词' }), level: 'national', year: 2024, by: '教育部' }, ORG.a1)).toMatchObject({
    ok: false,
    code: 'CONTENT_FLAGGED',
  })
  expect((await allDocs(cloud, 'nominations')).length).toBe(before)
})

test('list: an organiser sees their district, a city admin its districts with its places', async () => {
  const org = await ok('list', { weekId: W, districtCode: 'a1' }, ORG.a1)
  expect(org.items.every((n: any) => n.districtCode === 'a1')).toBe(true)
  expect(org.places).toBeNull()
  const city = await ok('list', { weekId: W, cityCode: 'ca' }, CITY.ca)
  expect(city.items.every((n: any) => ['a1', 'a2'].includes(n.districtCode))).toBe(true)
  expect(city.places).toMatchObject({ cityCode: 'ca', level: 'city' })
  await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => stars('list', { weekId: W, districtCode: 'a1' }, ORG.b1))
})
