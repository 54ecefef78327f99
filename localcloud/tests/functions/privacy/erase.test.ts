// privacy.erase: a person deletes their and their family's data. Upcoming registrations are cancelled
// first (the waitlist moves up), every record is anonymised, the profile and family go, staff roles
// stay; nothing of the person's names or phones is left in any collection, while the dashboard, the
// 总结表 and reconcile read the same. Runs on the stats tests' scripted week.
import { ADMIN, allDocs, createActivity, ORGANISER, OTHER_ORGANISER, seatAudit } from '../fixtures'
import { cloud, ids, people, reconcileClean, useStatsCloud, week } from '../stats/setup'
import { collectionsHolding, consent, must, residentWithFamily, type Person } from './setup'

useStatsCloud()

const erase = (openid: string) => must(cloud, 'privacy', 'erase', { confirm: true }, openid)
const userDoc = async (openid: string) => (await allDocs(cloud, 'users', { _id: openid }))[0] ?? null

/** What organisers see of the week: every scope's dashboard and 总结表 figures. */
async function figures() {
  const scopes = [
    [{ weekId: week.id, districtCode: 'east' }, ORGANISER],
    [{ weekId: week.id, districtCode: 'west' }, OTHER_ORGANISER],
    [{ weekId: week.id }, ADMIN],
  ] as const
  const out: unknown[] = []
  for (const [scope, openid] of scopes) {
    out.push(await must(cloud, 'stats', 'dashboard', scope, openid))
    out.push(await must(cloud, 'stats', 'summary', scope, openid))
  }
  // When each was made is the only thing allowed to differ.
  return JSON.parse(JSON.stringify(out, (k, v) => (k === 'generatedAt' ? 0 : v)))
}

describe('a person with only past data', () => {
  const r0 = () => people[0]
  let before: unknown[]
  let erased: any

  beforeAll(async () => {
    await consent(cloud, r0())
    await must(cloud, 'signup', 'family.add', { name: '居民零之母', phone: '13700000000', ageGroup: '70+', relation: 'parent' }, r0())
    // A volunteer typed their name for a walk-in.
    await must(cloud, 'checkin', 'walkin', { activityId: ids.A2, name: '居民0', audience: 'residents' }, ORGANISER)
    await reconcileClean()
    before = await figures()
    erased = await erase(r0())
  }, 120_000)

  test('erase answers done, with nothing to cancel (every registration was checked in)', () => {
    expect(erased).toMatchObject({ cancelled: 0, done: true })
    expect(erased.anonymised).toBeGreaterThan(5)
  })

  test('no collection holds the person’s or their family member’s name or phone, nor their comment', async () => {
    expect(await collectionsHolding(cloud, ['居民0', '13900000000', '居民零之母', '13700000000', '老师讲得很耐心'])).toEqual([])
  })

  test('the dashboard and the 总结表 read the same, and reconcile finds no difference', async () => {
    expect(await figures()).toEqual(before)
    await reconcileClean()
  })

  test('the account document is gone with its consent, and its lists are empty', async () => {
    expect(await userDoc(r0())).toBeNull()
    const d = await must(cloud, 'privacy', 'mine', {}, r0())
    expect(d).toMatchObject({
      profile: null,
      consent: null,
      family: [],
      registrations: [],
      enrolments: [],
      reading: [],
      readingLogs: [],
      ratings: [],
      notices: 0,
    })
    for (const when of ['upcoming', 'past']) expect((await must(cloud, 'signup', 'mine', { when }, r0())).items).toEqual([])
  })

  test('the records stay, counted, with their categories: check-ins, the rating, the enrolment', async () => {
    const regs = await allDocs(cloud, 'registrations', { personId: r0() })
    expect(regs.length).toBe(3)
    for (const r of regs) {
      expect(r).toMatchObject({ openid: '~erased', person: { name: '（已匿名）', phone: null }, status: 'confirmed' })
      expect(r.anonymisedAt).toBeTruthy()
    }
    const [rating] = await allDocs(cloud, 'ratings', { _id: `${ids.A1}_${r0()}` })
    expect(rating).toMatchObject({ level: 'satisfied', comment: '（已删除）', openid: '~erased' })
    const walkins = await allDocs(cloud, 'walkins', { activityId: ids.A2 })
    expect(walkins.some((w) => w.name === '居民0')).toBe(false)
  })
})

describe('a person with upcoming registrations', () => {
  let P: Person
  let W: Person
  let Q: Person
  const act: Record<string, string> = {}
  let result: any

  beforeAll(async () => {
    P = await residentWithFamily(cloud, 'priv-p', '隐私主人', '13812340101', [
      ['隐私母亲', '13812340102'],
      ['隐私父亲', null],
    ])
    W = await residentWithFamily(cloud, 'priv-w', '候补之人', '13812340103')
    Q = await residentWithFamily(cloud, 'priv-q', '先到之人', '13812340104')
    const fields = ['name', 'phone', 'ageGroup', 'community', 'audience'] as const
    act.U1 = await createActivity(cloud, week, { capacity: 1, fields: [...fields], title: '隐私课一' })
    act.U2 = await createActivity(cloud, week, { capacity: 1, fields: [...fields], title: '隐私课二', start: '14:00' })
    act.U3 = await createActivity(cloud, week, { capacity: 10, fields: [...fields], title: '隐私课三', start: '16:00' })
    act.U4 = await createActivity(cloud, week, { capacity: 1, fields: [...fields], title: '隐私课四', start: '18:00' })
    const signUp = (activityId: string, who: Person, personId = 'self') =>
      must(cloud, 'signup', 'create', { activityId, personId }, who.openid)
    await signUp(act.U1, P)
    await signUp(act.U1, W) // waits
    await signUp(act.U2, Q)
    await signUp(act.U2, P, P.family[0].id) // waits
    await signUp(act.U3, P, P.family[1].id)
    // The father waits behind P, W behind him: P's cancel promotes the father, whose cancel then promotes W.
    await signUp(act.U4, P)
    await signUp(act.U4, P, P.family[1].id)
    await signUp(act.U4, W)
    await must(cloud, 'course', 'enrol', { courseId: ids.course, memberId: P.family[0].id }, P.openid)
    await must(cloud, 'checkin', 'walkin', { activityId: ids.A2, name: '隐私父亲', audience: 'seniors' }, ORGANISER)
    expect((await must(cloud, 'privacy', 'mine', {}, P.openid)).upcoming).toBe(5)
    result = await erase(P.openid)
  }, 120_000)

  test('the upcoming registrations are cancelled first, self and family', async () => {
    expect(result).toMatchObject({ cancelled: 5, done: true })
    const regs = await allDocs(cloud, 'registrations', { _id: `${act.U1}_${P.openid}` })
    expect(regs[0]).toMatchObject({ status: 'cancelled', openid: '~erased' })
    for (const id of Object.values(act)) {
      const mine = (await allDocs(cloud, 'registrations', { activityId: id })).filter((r) => r.personId.startsWith(P.openid))
      expect(mine.map((r) => r.status)).toEqual(mine.map(() => 'cancelled'))
    }
  })

  test('the waitlisted person is promoted and told, also past a family member promoted meanwhile; every seat and counter adds up', async () => {
    for (const id of [act.U1, act.U4]) {
      const [w] = await allDocs(cloud, 'registrations', { _id: `${id}_${W.openid}` })
      expect(w.status).toBe('confirmed')
    }
    const notices = await allDocs(cloud, 'outbox', { recipient: W.openid })
    expect(notices.map((n) => n.template)).toContain('waitlist_promoted')
    for (const id of Object.values(act))
      expect(await seatAudit(cloud, id)).toMatchObject({ orphaned: 0, differences: 0, pending: 0, duplicates: 0 })
    await reconcileClean()
  })

  test('no collection holds the names or phones of the person or their family', async () => {
    const needles = [P.name, P.phone, ...P.family.flatMap((m) => [m.name, ...(m.phone ? [m.phone] : [])])]
    expect(await collectionsHolding(cloud, needles)).toEqual([])
    // Others' data stays.
    expect(await collectionsHolding(cloud, [W.name, Q.name])).toEqual(
      expect.arrayContaining([`users: ${W.name}`, `users: ${Q.name}`, `registrations: ${W.name}`, `registrations: ${Q.name}`]),
    )
  })

  test('the user’s lists are empty afterwards and their consent is gone', async () => {
    expect(await userDoc(P.openid)).toBeNull()
    for (const when of ['upcoming', 'past']) expect((await must(cloud, 'signup', 'mine', { when }, P.openid)).items).toEqual([])
    expect(await must(cloud, 'privacy', 'consent.get', {}, P.openid)).toMatchObject({ consent: null, current: false })
    const d = await must(cloud, 'privacy', 'mine', {}, P.openid)
    expect(d).toMatchObject({ profile: null, family: [], registrations: [], enrolments: [], upcoming: 0 })
  })

  test('erasing again finds nothing left and answers done', async () => {
    expect(await erase(P.openid)).toEqual({ cancelled: 0, anonymised: 0, done: true })
    expect(await userDoc(P.openid)).toBeNull()
  })
})

test('a staff member’s roles survive their erasure; profile, family, consent and mark go', async () => {
  const grant = { role: 'organiser', weekId: week.id, districtCode: 'east' }
  const now = new Date()
  await (cloud.sdkDb as any).collection('users').add({
    data: {
      _id: 'priv-staff',
      roles: [grant],
      profile: { name: '工作人员甲', phone: '13812340201', ageGroup: '40-59', community: '某社区', audience: 'residents' },
      family: [
        { id: 'mabcd1', name: '工作人员甲之子', phone: null, ageGroup: 'under18', relation: 'child', audience: null, createdAt: now },
      ],
      consent: { version: 1, at: now },
      createdAt: now,
      updatedAt: now,
    },
  })
  expect(await erase('priv-staff')).toMatchObject({ done: true })
  const doc = await userDoc('priv-staff')
  expect(doc.roles).toEqual([grant])
  expect(doc.family).toEqual([])
  for (const gone of ['profile', 'consent', 'erasure']) expect(doc).not.toHaveProperty(gone)
  expect(await collectionsHolding(cloud, ['工作人员甲', '13812340201'])).toEqual([])
})
