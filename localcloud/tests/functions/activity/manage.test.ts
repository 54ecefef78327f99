// The organiser and admin side of the `activity` function, bundled as uploaded, against the local
// cloud: week editions, activity create / update / publish / cancel / mine with district scoping,
// each rule with its code and no write, and the resident list's new filters.
import { seedActivities } from '../../../seed/data'
import type { InputOf } from '../../../../src/shared/contracts'
import { startTestCloud, type TestCloud } from '../../harness'
import {
  activityDoc,
  activityInput,
  ADMIN,
  allDocs,
  createActivity,
  createTestWeek,
  dayFromToday,
  expectRefusedWithoutWrites,
  ORGANISER,
  OTHER_ORGANISER,
  seedResidents,
  type TestWeek,
} from '../fixtures'

let cloud: TestCloud
let week: TestWeek
const HOUR = 3_600_000

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
})
afterAll(async () => {
  await cloud.stop()
})

let personSeq = 0
const resident = async () => (await seedResidents(cloud, `a${personSeq++}`, 1))[0]

const weekInput = (id: string, extra: Partial<InputOf<'activity', 'week.create'>> = {}): InputOf<'activity', 'week.create'> => ({
  id,
  name: '2027年测试市全民终身学习活动周',
  level: 'city',
  region: '测试市',
  theme: '学习让生活更美好',
  startDate: dayFromToday(30),
  endDate: dayFromToday(36),
  districts: [{ code: 'north', name: '北区' }],
  summaryDeadline: dayFromToday(40),
  organiser: '测试市教育局',
  ...extra,
})

describe('activity weeks (bureau admins)', () => {
  test('a bureau admin creates a new edition and becomes its admin', async () => {
    const res = await cloud.call('activity', 'week.create', weekInput('w2027a'), ADMIN)
    expect(res.data.week).toMatchObject({ id: 'w2027a', theme: '学习让生活更美好', status: 'draft', contacts: [] })
    const [user] = await allDocs(cloud, 'users', { _id: ADMIN })
    expect(user.roles).toContainEqual({ role: 'admin', weekId: 'w2027a' })
    expect((await cloud.call('activity', 'week.get', { id: 'w2027a' }, ADMIN)).data.week.districts).toEqual([
      { code: 'north', name: '北区' },
    ])
  })

  test('a draft week is not among the public weeks until published', async () => {
    await cloud.call('activity', 'week.create', weekInput('w2027b'), ADMIN)
    const ids = async () => (await cloud.call('activity', 'weeks', {})).data.weeks.map((w) => w.id)
    expect(await ids()).not.toContain('w2027b')
    await cloud.call('activity', 'week.update', { id: 'w2027b', patch: { status: 'published' } }, ADMIN)
    expect(await ids()).toContain('w2027b')
  })

  test('a resident or an organiser creating a week: FORBIDDEN, nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'week.create', weekInput('w-res'), 'dev-resident'))
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'week.create', weekInput('w-org'), ORGANISER))
  })

  test('an existing id: WEEK_EXISTS; dates the wrong way round: WEEK_DATES_INVALID; nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'WEEK_EXISTS', () => cloud.call('activity', 'week.create', weekInput('nc2026'), ADMIN))
    await expectRefusedWithoutWrites(cloud, 'WEEK_DATES_INVALID', () =>
      cloud.call('activity', 'week.create', weekInput('w-bad', { startDate: dayFromToday(36), endDate: dayFromToday(30) }), ADMIN),
    )
    await expectRefusedWithoutWrites(cloud, 'WEEK_DEADLINE_INVALID', () =>
      cloud.call('activity', 'week.create', weekInput('w-bad2', { summaryDeadline: dayFromToday(31) }), ADMIN),
    )
  })

  test("only the week's admin edits it: the organiser gets FORBIDDEN, nothing written", async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      cloud.call('activity', 'week.update', { id: 'nc2026', patch: { theme: '改' } }, ORGANISER),
    )
    const res = await cloud.call(
      'activity',
      'week.update',
      { id: 'nc2026', patch: { contacts: [{ name: '新联系人', unit: '市教育局', phone: '0791-1234567' }] } },
      ADMIN,
    )
    expect(res.data.week.contacts).toEqual([{ name: '新联系人', unit: '市教育局', phone: '0791-1234567' }])
  })

  test('a district with activities cannot be removed: WEEK_DISTRICT_IN_USE, nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'WEEK_DISTRICT_IN_USE', () =>
      cloud.call('activity', 'week.update', { id: 'nc2026', patch: { districts: [{ code: 'donghu', name: '东湖区' }] } }, ADMIN),
    )
  })

  test('renaming a district renames it on its activities', async () => {
    const w = await cloud.call('activity', 'week.get', { id: week.id }, ADMIN)
    const id = await createActivity(cloud, week, { district: 'west' })
    const districts = w.data.week.districts.map((d) => (d.code === 'west' ? { ...d, name: '西城区' } : d))
    expect((await cloud.call('activity', 'week.update', { id: week.id, patch: { districts } }, ADMIN)).ok).toBe(true)
    expect((await activityDoc(cloud, id)).districtName).toBe('西城区')
  })
})

describe('creating and publishing activities (organisers)', () => {
  test('an organiser creates a draft in their district, with every field stored', async () => {
    const res = await cloud.call('activity', 'create', activityInput(week, { fields: ['phone', 'community'] }), ORGANISER)
    expect(res.ok).toBe(true)
    const a = res.data.activity
    expect(a).toMatchObject({
      weekId: week.id,
      districtCode: 'east',
      districtName: '东区',
      status: 'draft',
      capacity: 30,
      seatsLeft: 30,
      signupFields: ['name', 'phone', 'community'],
      counters: { confirmed: 0, waitlisted: 0, cancelled: 0, proxy: 0 },
      coOrganizers: ['某街道'],
      address: '测试市东区一路1号',
    })
    expect(a.id.startsWith(`${week.id}-east-`)).toBe(true)
    expect(await activityDoc(cloud, a.id)).toMatchObject({ status: 'draft', createdBy: ORGANISER, seatsLeft: 30 })
  })

  test('a draft is hidden from residents, shown to its organiser, and listed once published', async () => {
    const id = await createActivity(cloud, week, { publish: false, title: '草稿活动' })
    expect(await cloud.call('activity', 'get', { id }, 'dev-resident')).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
    expect((await cloud.call('activity', 'get', { id }, ORGANISER)).data.activity.status).toBe('draft')
    const listed = async () => (await cloud.call('activity', 'list', { weekId: week.id, limit: 50 })).data.items.map((i) => i.id)
    expect(await listed()).not.toContain(id)
    const published = await cloud.call('activity', 'publish', { id }, ORGANISER)
    expect(published.data.activity.status).toBe('published')
    expect(await listed()).toContain(id)
    // Publishing again changes nothing.
    expect((await cloud.call('activity', 'publish', { id }, ORGANISER)).data.activity.status).toBe('published')
  })

  test('a resident calling an organiser action: FORBIDDEN, nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'create', activityInput(week), 'dev-resident'))
    const id = await createActivity(cloud, week)
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      cloud.call('activity', 'update', { id, patch: { title: '被改了' } }, 'dev-resident'),
    )
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'cancel', { id, reason: '捣乱' }, 'dev-resident'))
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'mine', { weekId: week.id }, 'dev-resident'))
  })

  test('an organiser creating in another district: FORBIDDEN, nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      cloud.call('activity', 'create', activityInput(week, { district: 'west' }), ORGANISER),
    )
  })

  test("an organiser editing another district's activity: FORBIDDEN, nothing written", async () => {
    const west = await createActivity(cloud, week, { district: 'west' })
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      cloud.call('activity', 'update', { id: west, patch: { title: '越界修改' } }, ORGANISER),
    )
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'publish', { id: west }, ORGANISER))
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.call('activity', 'cancel', { id: west, reason: '越界' }, ORGANISER))
    // The week's admin may edit any district.
    expect((await cloud.call('activity', 'update', { id: west, patch: { title: '管理员修改' } }, ADMIN)).data.activity.title).toBe(
      '管理员修改',
    )
  })

  test.each([
    ['ACTIVITY_TIME_INVALID', (i: any) => ({ ...i, endAt: i.startAt })],
    ['ACTIVITY_START_PASSED', (i: any) => ({ ...i, startAt: Date.now() - HOUR, endAt: Date.now() + HOUR, signup: null })],
    ['ACTIVITY_OUTSIDE_WEEK', (i: any) => ({ ...i, startAt: i.startAt + 10 * 24 * HOUR, endAt: i.endAt + 10 * 24 * HOUR })],
    ['SIGNUP_WINDOW_INVALID', (i: any) => ({ ...i, signup: { ...i.signup, closesAt: i.startAt + HOUR } })],
    ['SIGNUP_WINDOW_INVALID', (i: any) => ({ ...i, signup: { ...i.signup, opensAt: i.signup.closesAt } })],
    ['CANCEL_DEADLINE_INVALID', (i: any) => ({ ...i, signup: { ...i.signup, cancelDeadline: i.startAt + 1 } })],
    ['VENUE_REQUIRED', (i: any) => ({ ...i, venue: null })],
    ['ONLINE_URL_REQUIRED', (i: any) => ({ ...i, mode: 'hybrid', onlineUrl: null })],
    ['VALIDATION_FAILED', (i: any) => ({ ...i, topics: ['karaoke'] })],
  ])('a plan breaking a rule is refused with %s, nothing written', async (code, change) => {
    await expectRefusedWithoutWrites(cloud, code, () => cloud.callRaw('activity', 'create', change(activityInput(week)), ORGANISER))
  })

  test('an activity created without explicit fields asks the default ones: what the 总结表 needs (街道/社区, 人群类别)', async () => {
    const input = activityInput(week)
    delete input.signup!.fields
    const res = await cloud.call('activity', 'create', input, ORGANISER)
    expect(res).toMatchObject({ ok: true, data: { activity: { signupFields: ['name', 'phone', 'community', 'audience'] } } })
    expect((await activityDoc(cloud, res.data.activity.id)).signup.fields).toEqual(['name', 'phone', 'community', 'audience'])
    // A new plan naming no fields keeps those asked so far.
    const asked = await createActivity(cloud, week, { fields: ['ageGroup'], publish: false })
    const { fields: _dropped, ...plan } = activityInput(week, { capacity: 40 }).signup!
    const updated = await cloud.call('activity', 'update', { id: asked, patch: { signup: plan } }, ORGANISER)
    expect(updated).toMatchObject({ ok: true, data: { activity: { capacity: 40, signupFields: ['name', 'ageGroup'] } } })
  })

  test('the map point and the contact phone are stored, shown to residents, changed and cleared', async () => {
    const location = { latitude: 28.68402, longitude: 115.90833, name: '东湖区社区教育学院', address: '南昌市东湖区福州路236号' }
    const extra = { location, contactName: '刘老师', contactPhone: '0791-86620318' }
    const id = await createActivity(cloud, week, { extra })
    expect(await activityDoc(cloud, id)).toMatchObject(extra)
    const got = await cloud.call('activity', 'get', { id }, await resident())
    expect(got).toMatchObject({ ok: true, data: { activity: extra } })
    const moved = { latitude: -33.8568, longitude: 151.2153 }
    const upd = await cloud.call('activity', 'update', { id, patch: { location: moved, contactPhone: '13907912236' } }, ORGANISER)
    expect(upd).toMatchObject({ ok: true, data: { activity: { location: moved, contactName: '刘老师', contactPhone: '13907912236' } } })
    expect((await activityDoc(cloud, id)).location).toEqual(moved)
    const cleared = await cloud.call(
      'activity',
      'update',
      { id, patch: { location: null, contactName: null, contactPhone: null } },
      ORGANISER,
    )
    expect(cleared).toMatchObject({ ok: true, data: { activity: { location: null, contactName: null, contactPhone: null } } })
    // Activities made before these fields existed read as none.
    const plain = await createActivity(cloud, week)
    await (cloud.sdkDb as any)
      .collection('activities')
      .doc(plain)
      .update({ data: { location: (cloud.sdkDb as any).command.remove() } })
    expect((await cloud.call('activity', 'get', { id: plain }, ORGANISER)).data.activity).toMatchObject({
      location: null,
      contactPhone: null,
    })
  })

  test.each([
    ['a latitude above 90', { location: { latitude: 90.5, longitude: 115.9 } }],
    ['a latitude below -90', { location: { latitude: -91, longitude: 115.9 } }],
    ['a longitude beyond 180', { location: { latitude: 28.6, longitude: 180.01 } }],
    ['a longitude below -180', { location: { latitude: 28.6, longitude: -200 } }],
    ['a coordinate that is text', { location: { latitude: '28.6', longitude: 115.9 } }],
    ['a missing longitude', { location: { latitude: 28.6 } }],
    ['a point name over 60 characters', { location: { latitude: 28.6, longitude: 115.9, name: '名'.repeat(61) } }],
    ['a phone without its area code', { contactPhone: '88880126' }],
    ['a phone with letters', { contactPhone: '0791-8888O126' }],
    ['a mobile one digit short', { contactPhone: '1390791223' }],
    ['a contact name over 20 characters', { contactName: '王'.repeat(21) }],
  ])('%s is refused with VALIDATION_FAILED naming the field, nothing written', async (_what, extra) => {
    const field = Object.keys(extra)[0]
    const draft = await createActivity(cloud, week, { publish: false })
    for (const call of [
      () => cloud.callRaw('activity', 'create', { ...activityInput(week), ...extra }, ORGANISER),
      () => cloud.callRaw('activity', 'update', { id: draft, patch: extra }, ORGANISER),
    ]) {
      let res: any
      await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', async () => (res = await call()))
      expect(res.message).toBeTruthy()
      expect((res.fields ?? []).some((f: string) => f.replace(/^patch\./, '').startsWith(field))).toBe(true)
    }
  })

  test('a district outside the week (admin): DISTRICT_NOT_IN_WEEK, nothing written', async () => {
    const input = { ...activityInput(week), districtCode: 'nowhere' }
    const db: any = cloud.sdkDb
    await db
      .collection('users')
      .doc(ADMIN)
      .update({ data: { roles: db.command.push([{ role: 'admin', weekId: week.id }]) } })
    await expectRefusedWithoutWrites(cloud, 'DISTRICT_NOT_IN_WEEK', () => cloud.call('activity', 'create', input, ADMIN))
  })

  test('an online activity needs a link but no venue', async () => {
    const input = { ...activityInput(week), mode: 'online' as const, venue: null, onlineUrl: 'https://live.example.cn/t' }
    const res = await cloud.call('activity', 'create', input, ORGANISER)
    expect(res.data.activity).toMatchObject({ mode: 'online', venueName: null, onlineUrl: 'https://live.example.cn/t' })
  })
})

describe('editing activities', () => {
  test('capacity cannot drop below the confirmed count: CAPACITY_BELOW_CONFIRMED, nothing written', async () => {
    const id = await createActivity(cloud, week, { capacity: 3 })
    for (let i = 0; i < 2; i++) await cloud.call('signup', 'create', { activityId: id }, await resident())
    const signup = (await cloud.call('activity', 'get', { id }, ORGANISER)).data.activity
    const plan = (capacity: number) => ({
      capacity,
      opensAt: signup.signupOpensAt!,
      closesAt: signup.signupClosesAt!,
      cancelDeadline: signup.cancelDeadline!,
      fields: signup.signupFields,
    })
    await expectRefusedWithoutWrites(cloud, 'CAPACITY_BELOW_CONFIRMED', () =>
      cloud.call('activity', 'update', { id, patch: { signup: plan(1) } }, ORGANISER),
    )
    const ok = await cloud.call('activity', 'update', { id, patch: { signup: plan(2) } }, ORGANISER)
    expect(ok.data.activity).toMatchObject({ capacity: 2, seatsLeft: 0, counters: { confirmed: 2 } })
  })

  test('more seats go straight to the waitlist, in order, with notices', async () => {
    const id = await createActivity(cloud, week, { capacity: 1 })
    const people = [await resident(), await resident(), await resident(), await resident()]
    for (const p of people) await cloud.call('signup', 'create', { activityId: id }, p)
    const a = (await cloud.call('activity', 'get', { id }, ORGANISER)).data.activity
    const res = await cloud.call(
      'activity',
      'update',
      {
        id,
        patch: {
          signup: {
            capacity: 3,
            opensAt: a.signupOpensAt!,
            closesAt: a.signupClosesAt!,
            cancelDeadline: a.cancelDeadline!,
            fields: a.signupFields,
          },
        },
      },
      ORGANISER,
    )
    expect(res.data.activity).toMatchObject({ capacity: 3, seatsLeft: 0, counters: { confirmed: 3, waitlisted: 1 } })
    const regs = await allDocs(cloud, 'registrations', { activityId: id })
    const status = (p: string) => regs.find((r) => r.openid === p).status
    expect(people.map(status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted'])
    const notices = await allDocs(cloud, 'outbox', { 'payload.activityId': id })
    expect(notices.map((n) => n.recipient).sort()).toEqual([people[1], people[2]].sort())
  })

  test('switching off sign-up with people signed up: SIGNUP_HAS_REGISTRATIONS, nothing written', async () => {
    const id = await createActivity(cloud, week)
    await cloud.call('signup', 'create', { activityId: id }, await resident())
    await expectRefusedWithoutWrites(cloud, 'SIGNUP_HAS_REGISTRATIONS', () =>
      cloud.call('activity', 'update', { id, patch: { signup: null } }, ORGANISER),
    )
  })

  test('a new title and time reach the registrations ("my activities", overlap checks)', async () => {
    const id = await createActivity(cloud, week)
    const me = await resident()
    await cloud.call('signup', 'create', { activityId: id }, me)
    const a = (await cloud.call('activity', 'get', { id }, ORGANISER)).data.activity
    const res = await cloud.call(
      'activity',
      'update',
      { id, patch: { title: '改期后的课堂', startAt: a.startAt + HOUR, endAt: a.endAt + HOUR } },
      ORGANISER,
    )
    expect(res.data.activity).toMatchObject({ title: '改期后的课堂', startAt: a.startAt + HOUR })
    const [reg] = await allDocs(cloud, 'registrations', { activityId: id })
    expect(reg.title).toBe('改期后的课堂')
    expect(new Date(reg.startAt).getTime()).toBe(a.startAt + HOUR)
    expect((await cloud.call('signup', 'mine', {}, me)).data.items[0].activity.title).toBe('改期后的课堂')
  })

  test('a cancelled activity cannot be edited or cancelled again: ACTIVITY_CANCELLED, nothing written', async () => {
    const id = await createActivity(cloud, week)
    await cloud.call('activity', 'cancel', { id, reason: '天气原因' }, ORGANISER)
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_CANCELLED', () =>
      cloud.call('activity', 'update', { id, patch: { title: '复活' } }, ORGANISER),
    )
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_CANCELLED', () =>
      cloud.call('activity', 'cancel', { id, reason: '再取消' }, ORGANISER),
    )
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_CANCELLED', () => cloud.call('activity', 'publish', { id }, ORGANISER))
  })
})

describe('publishing only what residents can still sign up for (fixed clock)', () => {
  /** `call` with the function's clock (Date.now, read once per call by the handler) at `at`. */
  const at = async <T>(now: number, call: () => Promise<T>): Promise<T> => {
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now)
    try {
      return await call()
    } finally {
      clock.mockRestore()
    }
  }

  test('a draft whose sign-up deadline has passed: SIGNUP_ALREADY_CLOSED with its Chinese message, nothing written', async () => {
    const startAt = activityInput(week).startAt
    const id = await createActivity(cloud, week, { publish: false, title: '报名已截止的草稿' })
    const closesAt = startAt - 2 * HOUR
    let refused: { ok: boolean; code?: string; message?: string } = { ok: true }
    await expectRefusedWithoutWrites(cloud, 'SIGNUP_ALREADY_CLOSED', async () => {
      refused = await at(closesAt, () => cloud.call('activity', 'publish', { id }, ORGANISER))
      return refused
    })
    expect(refused.message).toBe('报名截止时间已经过去，发布后居民无法报名。请把报名截止改到现在之后再发布')
    expect(await activityDoc(cloud, id)).toMatchObject({ status: 'draft', publishedAt: null })
    // A minute earlier, sign-up is still open: published.
    const ok = await at(closesAt - 60_000, () => cloud.call('activity', 'publish', { id }, ORGANISER))
    expect(ok.data.activity.status).toBe('published')
    expect(await activityDoc(cloud, id)).toMatchObject({ status: 'published' })
  })

  test('a draft whose start has passed: ACTIVITY_START_PASSED, nothing written (with or without sign-up)', async () => {
    const startAt = activityInput(week).startAt
    const open = await createActivity(cloud, week, { publish: false, capacity: null, title: '无需报名的草稿' })
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_START_PASSED', () =>
      at(startAt, () => cloud.call('activity', 'publish', { id: open }, ORGANISER)),
    )
    const withSignup = await createActivity(cloud, week, { publish: false })
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_START_PASSED', () =>
      at(startAt + HOUR, () => cloud.call('activity', 'publish', { id: withSignup }, ORGANISER)),
    )
    expect((await activityDoc(cloud, open)).status).toBe('draft')
  })

  test('an activity already published stays published after its sign-up closes (publishing again is a no-op)', async () => {
    const startAt = activityInput(week).startAt
    const id = await createActivity(cloud, week)
    const again = await at(startAt - HOUR, () => cloud.call('activity', 'publish', { id }, ORGANISER))
    expect(again.data.activity.status).toBe('published')
  })
})

describe('cancelling an activity', () => {
  test('writes one activity_cancelled notice per active registrant, none for those who cancelled', async () => {
    const id = await createActivity(cloud, week, { capacity: 2 })
    const people = [await resident(), await resident(), await resident(), await resident()]
    const regs = []
    for (const p of people) regs.push((await cloud.call('signup', 'create', { activityId: id }, p)).data.registration)
    await cloud.call('signup', 'cancel', { registrationId: regs[3].id }, people[3]) // left the waitlist
    const res = await cloud.call('activity', 'cancel', { id, reason: '场馆临时征用' }, ORGANISER)
    expect(res.data).toMatchObject({ notified: 3, activity: { status: 'cancelled', cancelReason: '场馆临时征用' } })
    const notices = await allDocs(cloud, 'outbox', { 'payload.activityId': id, template: 'activity_cancelled' })
    expect(notices.map((n) => n.recipient).sort()).toEqual(people.slice(0, 3).sort())
    for (const n of notices)
      expect(n).toMatchObject({ readAt: null, sentAt: null, payload: { reason: '场馆临时征用', title: '测试活动：手机课堂' } })
    const stored = await allDocs(cloud, 'registrations', { activityId: id })
    expect(
      stored
        .filter((r) => r.activityCancelled)
        .map((r) => r.openid)
        .sort(),
    ).toEqual(people.slice(0, 3).sort())
    // Residents still see it, as cancelled, with the reason.
    expect((await cloud.call('activity', 'get', { id }, 'dev-resident')).data.activity).toMatchObject({
      status: 'cancelled',
      cancelReason: '场馆临时征用',
    })
  })
})

describe("the organiser's list", () => {
  test('an organiser sees their district only, drafts included, with counters', async () => {
    const draft = await createActivity(cloud, week, { publish: false })
    const items: any[] = []
    let cursor: string | undefined
    do {
      const res = await cloud.call('activity', 'mine', { weekId: week.id, limit: 5, ...(cursor ? { cursor } : {}) }, ORGANISER)
      items.push(...res.data.items)
      cursor = res.data.nextCursor ?? undefined
    } while (cursor)
    expect(items.every((i) => i.districtCode === 'east')).toBe(true)
    expect(items.map((i) => i.id)).toContain(draft)
    expect(items.every((i) => typeof i.counters.confirmed === 'number')).toBe(true)
    const all = await allDocs(cloud, 'activities', { weekId: week.id, districtCode: 'east' })
    expect(items.map((i) => i.id).sort()).toEqual(all.map((a) => a._id).sort())
  })

  test("asking for another district: FORBIDDEN; the week's admin may", async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      cloud.call('activity', 'mine', { weekId: week.id, districtCode: 'west' }, ORGANISER),
    )
    const res = await cloud.call('activity', 'mine', { weekId: week.id, districtCode: 'west', limit: 50 }, ADMIN)
    expect(res.data.items.length).toBeGreaterThan(0)
    expect(res.data.items.every((i) => i.districtCode === 'west')).toBe(true)
    expect((await cloud.call('activity', 'mine', { weekId: week.id, districtCode: 'west' }, OTHER_ORGANISER)).ok).toBe(true)
  })

  test('roles tells the caller what they may manage', async () => {
    expect((await cloud.call('activity', 'roles', {}, 'dev-resident')).data.roles).toEqual([])
    expect((await cloud.call('activity', 'roles', {}, ORGANISER)).data.roles).toContainEqual({
      role: 'organiser',
      weekId: 'nc2026',
      districtCode: 'donghu',
    })
  })
})

describe('resident list filters', () => {
  const listAll = async (input: Record<string, unknown>) => {
    const items: any[] = []
    let cursor: string | undefined
    do {
      const res = await cloud.call('activity', 'list', { weekId: 'nc2026', limit: 50, ...input, ...(cursor ? { cursor } : {}) })
      expect(res.ok).toBe(true)
      items.push(...res.data.items)
      cursor = res.data.nextCursor ?? undefined
    } while (cursor)
    return items.map((i) => i.id).sort()
  }
  const visible = seedActivities.filter((a) => a.weekId === 'nc2026' && a.status !== 'draft')

  test('audience', async () => {
    expect(await listAll({ audience: 'veterans' })).toEqual(
      visible
        .filter((a) => a.audiences.includes('veterans'))
        .map((a) => a._id)
        .sort(),
    )
  })

  test('mode: online includes hybrid, offline includes hybrid', async () => {
    expect(await listAll({ mode: 'online' })).toEqual(
      visible
        .filter((a) => a.mode !== 'offline')
        .map((a) => a._id)
        .sort(),
    )
    expect(await listAll({ mode: 'offline' })).toEqual(
      visible
        .filter((a) => a.mode !== 'online')
        .map((a) => a._id)
        .sort(),
    )
    expect(await listAll({ mode: 'hybrid' })).toEqual(
      visible
        .filter((a) => a.mode === 'hybrid')
        .map((a) => a._id)
        .sort(),
    )
  })

  test('keyword matches title or venue, taken literally', async () => {
    expect(await listAll({ keyword: '智慧助老' })).toEqual(
      visible
        .filter((a) => a.title.includes('智慧助老') || a.venue?.name.includes('智慧助老'))
        .map((a) => a._id)
        .sort(),
    )
    expect(await listAll({ keyword: '图书馆' })).toEqual(
      visible
        .filter((a) => a.title.includes('图书馆') || a.venue?.name.includes('图书馆'))
        .map((a) => a._id)
        .sort(),
    )
    expect(await listAll({ keyword: '.*' })).toEqual([])
    expect(await listAll({ keyword: '(' })).toEqual([])
  })

  test('hasSeats: published with seats left or open attendance; full and cancelled left out', async () => {
    const full = await createActivity(cloud, week, { capacity: 1, title: '满员活动' })
    await cloud.call('signup', 'create', { activityId: full }, await resident())
    const open = await createActivity(cloud, week, { capacity: null, title: '免报名活动' })
    const seats = await createActivity(cloud, week, { capacity: 10, title: '有余位活动' })
    const res = await cloud.call('activity', 'list', { weekId: week.id, hasSeats: true, limit: 50 })
    const ids = res.data.items.map((i) => i.id)
    expect(ids).toEqual(expect.arrayContaining([open, seats]))
    expect(ids).not.toContain(full)
    expect(res.data.items.every((i) => i.status === 'published' && (i.seatsLeft === null || i.seatsLeft > 0))).toBe(true)
  })

  test('a filtered page is still one database read', async () => {
    cloud.db.resetStats()
    await cloud.call('activity', 'list', { weekId: 'nc2026', audience: 'seniors', mode: 'offline', keyword: '社区', hasSeats: true })
    expect(cloud.db.stats()).toEqual({ total: 1, byAction: { 'database.getDocument': 1 } })
  })
})
