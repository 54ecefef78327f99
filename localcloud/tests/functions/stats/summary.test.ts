// `stats` src/summary.ts (summary, summary.save) through the real wx-server-sdk against the local
// cloud, on the scripted week of ./setup.ts: every computed 总结表 figure equals a hand count
// written below, ratings (signup.rating.pending / signup.rate) move the summary, the draft of typed
// rows, and whose draft a call opens when it names no district (its own two weeks). The small
// exportSummary.ts is grouped in (summary.export).
import { audienceByAge } from '../../../../src/shared/domain/people'
import { SUMMARY_ROWS } from '../../../../src/shared/domain/summary'
import { ADMIN, ORGANISER, OTHER_ORGANISER, activityInput, agree, createTestWeek, writesIn, type TestWeek } from '../fixtures'
import { cloud, db, ids, must, people, reconcileClean, reg, rowOf, runNow, stats, useStatsCloud, week } from './setup'

useStatsCloud()

describe('the 总结表 after a scripted week', () => {
  test('east: every computed figure equals the hand count', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(s.figures).toMatchObject({
      activities: 3, // A1, A2, A4 (A3 cancelled)
      activitiesByType: { smart_senior: 2, reading: 1 },
      cancelled: 1,
      registered: 5, // A1: r0 r2 r3 (r1 cancelled, r3 promoted, r4 waiting); A4: r0 r5
      checkIns: 5, // A1: 3, A4: 2
      distinctPeople: 4, // r0 (twice), r2, r3, r5
      walkInHeadcount: 6, // A1 2 + A2 4 (the retried walk-in once)
      participants: 10,
      feedback: { satisfied: 1, basic: 1, unsatisfied: 1, skipped: 1, comments: 2, rate: 0.667 },
      textReports: 1,
      photos: 2,
      videos: 1,
      outlets: ['东区融媒体中心', '东区教育公众号'],
      courses: { courses: 1, enrolled: 2, lessonsCompleted: 1, completed: 0 },
      reading: { logs: 2, minutes: 45 },
    })
    expect(s.figures.units.sort()).toEqual(['东区图书馆', '东区社区学院', '某街道'].sort())
    expect(s.figures.streets).toEqual(expect.arrayContaining(['豫章街道', '东湖街道']))
    expect(s.figures.communities).toEqual(expect.arrayContaining(['东湖社区', '彭家桥社区', '幸福社区']))
    expect(s.districtCode).toBe('east')
    expect(s.activities.map((a) => a.title)).toEqual(['智能手机入门课', '社区读书会', '防诈骗讲座'])
  })

  test('every row of the template is there, in its order, and data rows say how they were computed', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(s.rows.map((r) => r.label)).toEqual(SUMMARY_ROWS.map((r) => r.label))
    expect(rowOf(s, 'district').value).toBe('东区')
    expect(rowOf(s, 'activityCount').value).toContain('3 项')
    expect(rowOf(s, 'participants').value).toMatch(/^10 人（签到 4 人、现场登记 6 人；签到 5 人次；报名 5 人次）/)
    expect(rowOf(s, 'participants').basis).toContain('不同人数')
    expect(rowOf(s, 'satisfaction').value).toContain('满意率 66.7%')
    expect(rowOf(s, 'textReports').value).toContain('东区融媒体中心《东区活动周开幕》')
    expect(rowOf(s, 'mediaReports').value).toContain('图片 2 张，视频 1 条')
    expect(rowOf(s, 'effect').value).toContain('阅读打卡 2 次，累计阅读 45 分钟')
    expect(rowOf(s, 'theme').value).toBe('终身学习 测试')
    for (const r of s.rows.filter((x) => x.source === 'typed')) expect(r.computed).toBeNull()
  })

  test('west: its own hand count, and none of the east', async () => {
    const s = await must('stats', 'summary', { weekId: week.id }, OTHER_ORGANISER)
    expect(s.districtCode).toBe('west')
    expect(s.figures).toMatchObject({
      activities: 1,
      registered: 3,
      checkIns: 2,
      distinctPeople: 2,
      walkInHeadcount: 3,
      participants: 5,
      feedback: { satisfied: 1, basic: 0, unsatisfied: 0, rate: 1 },
      textReports: 1,
    })
  })

  test("the admin's roll-up adds the districts up (a person in both districts counts in each)", async () => {
    const s = await must('stats', 'summary', { weekId: week.id }, ADMIN)
    expect(s.districtCode).toBeNull()
    expect(s.figures).toMatchObject({ activities: 4, registered: 8, checkIns: 7, distinctPeople: 6, walkInHeadcount: 9, participants: 15 })
    expect(s.districts.map((d) => [d.code, d.people])).toEqual([
      ['east', 10],
      ['west', 5],
    ])
  })
})

/** Every registration's activity ended a minute ago (the rating is asked from then on). */
async function endActivities() {
  await db()
    .collection('registrations')
    .where({ weekId: week.id })
    .update({ data: { endAt: new Date(Date.now() - 60_000) } })
}

describe('ratings', () => {
  test('a checked-in person is asked only once the activity has ended', async () => {
    const r0 = people[0]
    // The scripted activities run now (started 20 minutes from set-up, three hours long): none has ended.
    expect((await must('signup', 'rating.pending', {}, r0)).items).toEqual([])
    await endActivities()
    expect((await must('signup', 'rating.pending', {}, r0)).items.map((i) => i.activityId).sort()).toEqual([ids.A4, ids.B1].sort())
  })

  test('a checked-in person is asked once: pending until rated or declined', async () => {
    const [r0, , , , , r5] = people
    await endActivities()
    const before = await must('signup', 'rating.pending', {}, r0)
    // r0 rated A1; A4 and B1 are still to rate.
    expect(before.items.map((i) => i.activityId).sort()).toEqual([ids.A4, ids.B1].sort())
    await must('signup', 'rate', { registrationId: reg(ids.A4, r0), choice: 'skipped' }, r0)
    const after = await must('signup', 'rating.pending', {}, r0)
    expect(after.items.map((i) => i.activityId)).toEqual([ids.B1])
    expect((await must('signup', 'rating.pending', {}, r5)).items).toEqual([])
  })

  test.each([
    ['ALREADY_RATED', () => reg(ids.A1, people[0]), () => people[0]],
    ['NOT_CHECKED_IN', () => reg(ids.A1, people[4]), () => people[4]],
    ['REGISTRATION_NOT_FOUND', () => reg(ids.B1, people[7]), () => people[0]],
  ])('a refused rating answers %s and writes nothing', async (code, regId, who) => {
    cloud.db.resetStats()
    const res = await cloud.call('signup', 'rate', { registrationId: regId(), choice: 'satisfied' }, who())
    expect(res).toMatchObject({ ok: false, code })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })

  test('a rating moves the activity counters and the summary; the reconcile agrees', async () => {
    const r7 = people[7]
    await db().collection('activities').doc(ids.B1).get()
    await must('checkin', 'manual', { activityId: ids.B1, registrationId: reg(ids.B1, r7) }, OTHER_ORGANISER)
    await must('signup', 'rate', { registrationId: reg(ids.B1, r7), choice: 'basic', comment: '希望多办几场' }, r7)
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'west' }, OTHER_ORGANISER)
    expect(s.figures.feedback).toMatchObject({ satisfied: 1, basic: 1, comments: 1, rate: 1 })
    expect(s.figures.distinctPeople).toBe(3)
    await reconcileClean()
  })
})

describe('the draft of typed rows', () => {
  test('typed rows, featured activities and the typical case are saved and shown in their rows', async () => {
    const s0 = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    const saved = await must(
      'stats',
      'summary.save',
      {
        weekId: week.id,
        districtCode: 'east',
        revision: s0.revision,
        typed: { fileDept: '东区教育局', selfAssessment: '活动覆盖面广，群众参与积极。' },
        featuredIds: [ids.A1],
        typicalCase: { activityId: ids.A1, title: '手机课堂进社区', text: '志愿者一对一教老人用手机。' },
      },
      ORGANISER,
    )
    expect(saved.revision).toBe(s0.revision + 1)
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(rowOf(s, 'fileDept')).toMatchObject({ typed: '东区教育局', value: '东区教育局' })
    expect(rowOf(s, 'featured').value).toContain('《智能手机入门课》')
    expect(s.typicalCase).toMatchObject({ title: '手机课堂进社区' })
    expect(s.featuredIds).toEqual([ids.A1])
    expect(s.draftSavedAt).not.toBeNull()
    const d = await must('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(d.today.filter((a) => a.featured).map((a) => a.id)).toEqual([ids.A1])
  })

  test("an organiser who names no district gets their own district's draft", async () => {
    const s = await must('stats', 'summary', { weekId: week.id }, ORGANISER)
    expect(s.districtCode).toBe('east')
    expect(rowOf(s, 'fileDept').typed).toBe('东区教育局')
  })

  test('a save on an old revision answers CONFLICT and writes nothing', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    cloud.db.resetStats()
    const res = await stats('summary.save', { weekId: week.id, districtCode: 'east', revision: s.revision - 1, typed: { other: '覆盖' } })
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })

  test('a featured activity of another district answers FEATURED_ACTIVITY_INVALID; a typed key outside the template VALIDATION_FAILED', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(
      await stats('summary.save', { weekId: week.id, districtCode: 'east', revision: s.revision, featuredIds: [ids.B1] }),
    ).toMatchObject({
      ok: false,
      code: 'FEATURED_ACTIVITY_INVALID',
    })
    expect(
      await stats('summary.save', { weekId: week.id, districtCode: 'east', revision: s.revision, typed: { participants: '999' } }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    })
  })
})

describe('exports', () => {
  test.each(['docx', 'xlsx'] as const)('summary.export answers a %s file named for the district', async (format) => {
    const res = await must('stats', 'summary.export', { weekId: week.id, districtCode: 'east', format }, ORGANISER)
    expect(res.fileName).toMatch(new RegExp(`东区\\.${format}$`))
    const bytes = Buffer.from(res.base64, 'base64')
    expect(bytes.length).toBe(res.bytes)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })
})

describe('whose draft a summary call opens when it names no district', () => {
  let weekA: TestWeek
  let weekB: TestWeek

  async function saveDraft(weekId: string, districtCode: string | undefined, fileDept: string, openid: string) {
    const scope = districtCode ? { weekId, districtCode } : { weekId }
    const s = await cloud.call('stats', 'summary', scope, openid)
    if (!s.ok) throw new Error(`summary failed: ${JSON.stringify(s)}`)
    const saved = await cloud.call('stats', 'summary.save', { ...scope, revision: s.data.revision, typed: { fileDept } }, openid)
    if (!saved.ok) throw new Error(`summary.save failed: ${JSON.stringify(saved)}`)
  }
  const fileDeptOf = (s: any) => s.rows.find((r: any) => r.key === 'fileDept')?.typed

  beforeAll(async () => {
    weekA = await createTestWeek(cloud)
    weekB = await createTestWeek(cloud)
    await saveDraft(weekA.id, undefined, 'A周汇总', ADMIN)
    await saveDraft(weekB.id, undefined, 'B周汇总', ADMIN)
    await saveDraft(weekA.id, 'east', 'A周东区', ORGANISER)
    await saveDraft(weekB.id, 'east', 'B周东区', ORGANISER)
  }, 60_000)

  test("an admin whose roles hold no district opens the asked week's roll-up with that week's draft", async () => {
    const res = await cloud.call('stats', 'summary', { weekId: weekB.id }, ADMIN)
    expect(res).toMatchObject({ ok: true, data: { districtCode: null } })
    expect(fileDeptOf(res.data)).toBe('B周汇总')
  })

  test("an organiser naming no district opens their district's draft of the asked week, not another week's", async () => {
    const a = await cloud.call('stats', 'summary', { weekId: weekA.id }, ORGANISER)
    const b = await cloud.call('stats', 'summary', { weekId: weekB.id }, ORGANISER)
    expect(a).toMatchObject({ ok: true, data: { districtCode: 'east' } })
    expect([fileDeptOf(a.data), fileDeptOf(b.data)]).toEqual(['A周东区', 'B周东区'])
  })

  test('a caller with no account document answers FORBIDDEN', async () => {
    expect(await cloud.call('stats', 'summary', { weekId: weekA.id }, 'nobody-without-account')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  test('a caller whose account has no roles field answers FORBIDDEN', async () => {
    const now = new Date()
    await (cloud.sdkDb as any).collection('users').add({ data: { _id: 'no-roles-field', family: [], createdAt: now, updatedAt: now } })
    expect(await cloud.call('stats', 'summary', { weekId: weekA.id }, 'no-roles-field')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the default sign-up form gives the 总结表 what it counts', () => {
  test('sign-ups through an activity created without explicit fields are counted by 人群 and 社区, none 未填写', async () => {
    const w = await createTestWeek(cloud)
    const input = activityInput(w, { title: '默认报名表的活动' })
    delete input.signup!.fields
    const id = (await must('activity', 'create', input, ORGANISER)).activity.id
    await must('activity', 'publish', { id }, ORGANISER)
    // First-time residents fill the light form: one chose 不确定/其他 (counted by age), one 企业职工;
    // the first also signs up a parent without a category (代报名).
    const [unsure, worker] = [`dflt-${w.id}-1`, `dflt-${w.id}-2`]
    const profile = (name: string, ageGroup: '60-69' | '18-39', community: string, audience: 'seniors' | 'residents' | 'employees') => ({
      name,
      phone: ageGroup === '60-69' ? '13900000101' : '13900000102',
      ageGroup,
      community,
      audience,
    })
    for (const p of [unsure, worker]) await agree(cloud, p)
    await must(
      'signup',
      'create',
      { activityId: id, profile: profile('何大爷', '60-69', '东湖街道彭家桥社区', audienceByAge('60-69')) },
      unsure,
    )
    await must('signup', 'create', { activityId: id, profile: profile('钟女士', '18-39', '西山镇梅岭村', 'employees') }, worker)
    const { member } = await must('signup', 'family.add', { name: '何奶奶', ageGroup: '70+', relation: 'spouse' }, unsure)
    await must('signup', 'create', { activityId: id, personId: member.id }, unsure)
    const stored = (await db().collection('registrations').where({ activityId: id }).get()).data.map((r: any) => r.person)
    expect(stored.map((p: any) => [p.audience, p.community]).sort()).toEqual([
      ['employees', '西山镇梅岭村'],
      ['seniors', '东湖街道彭家桥社区'],
      ['seniors', '东湖街道彭家桥社区'],
    ])
    await runNow(id)
    for (const [person, regId] of [
      [unsure, reg(id, unsure)],
      [worker, reg(id, worker)],
      [unsure, reg(id, `${unsure}~${member.id}`)],
    ]) {
      const token = (await must('signup', 'ticket', { registrationId: regId }, person)).token as string
      await must('checkin', 'scan', { activityId: id, token }, ORGANISER)
    }
    const dash = await must('stats', 'dashboard', { weekId: w.id, districtCode: 'east' }, ORGANISER)
    expect(dash.byAudience.map((a) => [a.code, a.label, a.participants])).toEqual([
      ['seniors', '老年人群', 2],
      ['employees', '企业职工', 1],
    ])
    const s = await must('stats', 'summary', { weekId: w.id, districtCode: 'east' }, ORGANISER)
    expect(s.figures.streets).toEqual(expect.arrayContaining(['东湖街道', '西山镇']))
    expect(s.figures.communities).toEqual(expect.arrayContaining(['彭家桥社区', '梅岭村']))
    expect(rowOf(s, 'scope').computed).toContain('彭家桥社区')
  }, 60_000)
})
