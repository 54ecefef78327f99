// Reporting the 总结表 up (stats summary.submit / summary.review / summary.submission and the roll-ups):
// a province week with two cities (甲市 over three districts, 乙市 over two), figures written straight
// onto the activities' kept counters so every sum below is a hand sum of the numbers in DISTRICTS.
import { startTestCloud, type ActionName, type InputOf, type TestCloud } from '../../harness'
import { ADMIN, activityInput, dayFromToday, expectRefusedWithoutWrites } from '../fixtures'

let cloud: TestCloud
const W = `rep${Date.now().toString(36)}`
const db = () => cloud.sdkDb as any

interface Act {
  people: number
  walkIns: number
  /** 满意, 基本满意, 不满意. */
  fb: [number, number, number]
}
/** Per district: its city, organiser, and activities with check-ins (people), walk-in heads and ratings. */
const DISTRICTS: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2', { name: string; city: 'ca' | 'cb'; acts: Act[] }> = {
  a1: {
    name: '甲一区',
    city: 'ca',
    acts: [
      { people: 10, walkIns: 3, fb: [5, 2, 1] },
      { people: 4, walkIns: 0, fb: [1, 0, 1] },
    ],
  },
  a2: { name: '甲二区', city: 'ca', acts: [{ people: 20, walkIns: 5, fb: [3, 3, 2] }] },
  a3: { name: '甲三区', city: 'ca', acts: [{ people: 7, walkIns: 1, fb: [0, 1, 0] }] },
  b1: { name: '乙一区', city: 'cb', acts: [{ people: 30, walkIns: 0, fb: [10, 0, 0] }] },
  b2: { name: '乙二区', city: 'cb', acts: [{ people: 2, walkIns: 2, fb: [1, 1, 1] }] },
}
type Code = keyof typeof DISTRICTS
const CITY_ADMIN = { ca: 'rep-admin-ca', cb: 'rep-admin-cb' } as const
const org = (code: Code) => `rep-org-${code}`
const activityIds: Partial<Record<Code, string[]>> = {}

const stats = <A extends ActionName<'stats'>>(action: A, input: InputOf<'stats', A>, openid: string) =>
  cloud.call('stats', action, input, openid)
async function ok<A extends ActionName<'stats'>>(action: A, input: InputOf<'stats', A>, openid: string) {
  const res = await stats(action, input, openid)
  if (!res.ok) throw new Error(`stats.${action} as ${openid}: ${JSON.stringify(res)}`)
  return res.data as any
}
const summaryDoc = async (id: string) =>
  (
    await db()
      .collection('summaries')
      .doc(id)
      .get()
      .catch(() => ({ data: null }))
  ).data

/** A district fills its typed rows and typical case, then submits; the answer. */
async function fillAndSubmit(code: Code) {
  const name = DISTRICTS[code].name
  const s = await ok('summary', { weekId: W, districtCode: code }, org(code))
  const saved = await ok(
    'summary.save',
    {
      weekId: W,
      districtCode: code,
      revision: s.revision,
      typed: { hosts: `${name}教育体育局`, content: `${name}开展了智慧助老课堂。`, effect: `${name}群众反响热烈。` },
      featuredIds: [activityIds[code]![0]],
      typicalCase: { activityId: null, title: `${name}的典型案例`, text: `${name}把课堂开进了社区。` },
    },
    org(code),
  )
  return ok('summary.submit', { weekId: W, districtCode: code, revision: saved.revision }, org(code))
}

beforeAll(async () => {
  cloud = await startTestCloud()
  const districts = (Object.keys(DISTRICTS) as Code[]).map((code) => ({ code, name: DISTRICTS[code].name }))
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
  // The units' tree: two cities above the districts (as the staff function's units actions store it).
  await db()
    .collection('weeks')
    .doc(W)
    .update({
      data: {
        cities: [
          { code: 'ca', name: '甲市' },
          { code: 'cb', name: '乙市' },
        ],
        districts: districts.map((d) => ({ ...d, cityCode: DISTRICTS[d.code as Code].city })),
      },
    })
  const now = new Date()
  const users = [
    ...(Object.keys(DISTRICTS) as Code[]).map((code) => ({
      _id: org(code),
      roles: [{ role: 'organiser', weekId: W, districtCode: code }],
    })),
    { _id: CITY_ADMIN.ca, roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'ca' }] },
    { _id: CITY_ADMIN.cb, roles: [{ role: 'cityAdmin', weekId: W, cityCode: 'cb' }] },
  ]
  for (const u of users)
    await db()
      .collection('users')
      .add({ data: { ...u, family: [], createdAt: now, updatedAt: now } })
  const day = dayFromToday(3)
  for (const code of Object.keys(DISTRICTS) as Code[]) {
    activityIds[code] = []
    for (const [i, a] of DISTRICTS[code].acts.entries()) {
      const input = activityInput({ id: W, day }, { capacity: null, title: `${DISTRICTS[code].name}活动${i + 1}` })
      const created = await cloud.call(
        'activity',
        'create',
        { ...input, districtCode: code, organizer: `${DISTRICTS[code].name}社区学院` },
        org(code),
      )
      if (!created.ok) throw new Error(JSON.stringify(created))
      const id = created.data.activity.id
      const published = await cloud.call('activity', 'publish', { id }, org(code))
      if (!published.ok) throw new Error(JSON.stringify(published))
      await db()
        .collection('activities')
        .doc(id)
        .update({
          data: {
            attendance: { checkedIn: a.people, walkIns: a.walkIns ? 1 : 0, walkInHeadcount: a.walkIns, people: a.people },
            feedback: { satisfied: a.fb[0], basic: a.fb[1], unsatisfied: a.fb[2], skipped: 0, comments: 0 },
          },
        })
      activityIds[code]!.push(id)
    }
  }
}, 120_000)
afterAll(() => cloud?.stop())

/** Hand sums of DISTRICTS over some districts. */
function handSum(codes: Code[]) {
  const acts = codes.flatMap((c) => DISTRICTS[c].acts)
  const fb = acts.reduce((s, a) => [s[0] + a.fb[0], s[1] + a.fb[1], s[2] + a.fb[2]], [0, 0, 0])
  return {
    activities: acts.length,
    participants: acts.reduce((n, a) => n + a.people + a.walkIns, 0),
    feedback: { satisfied: fb[0], basic: fb[1], unsatisfied: fb[2] },
    rate: (fb[0] + fb[1]) / (fb[0] + fb[1] + fb[2]),
  }
}

describe('a district hands in its 总结表', () => {
  test('submit: 已提交, a frozen copy with who and when, the history holds the submit', async () => {
    const res = await fillAndSubmit('a1')
    expect(res.submission).toMatchObject({
      status: 'submitted',
      version: 1,
      late: false,
      canSubmit: false,
      parent: { level: 'city', code: 'ca', name: '甲市' },
    })
    expect(res.submission.history).toEqual([expect.objectContaining({ action: 'submit', by: '甲一区组织者', reason: null, late: false })])
    const doc = await summaryDoc(`${W}_a1`)
    expect(doc).toMatchObject({ status: 'submitted', version: 1, level: 'district', districtCode: 'a1' })
    expect(doc.submitted.summary.rows.find((r: any) => r.key === 'content').typed).toBe('甲一区开展了智慧助老课堂。')
    expect(doc.submitted.figures.participants).toBe(handSum(['a1']).participants)
    expect(doc.history[0].byOpenid).toBe(org('a1'))
  })

  test('while submitted, a save answers SUMMARY_LOCKED and a second submit SUMMARY_ALREADY_SUBMITTED, writing nothing', async () => {
    const s = await ok('summary', { weekId: W, districtCode: 'a1' }, org('a1'))
    await expectRefusedWithoutWrites(cloud, 'SUMMARY_LOCKED', () =>
      stats('summary.save', { weekId: W, districtCode: 'a1', revision: s.revision, typed: { other: '改一下' } }, org('a1')),
    )
    await expectRefusedWithoutWrites(cloud, 'SUMMARY_ALREADY_SUBMITTED', () =>
      stats('summary.submit', { weekId: W, districtCode: 'a1', revision: s.revision }, org('a1')),
    )
  })

  test("an organiser cannot submit another district's 总结表, nor review one: FORBIDDEN, nothing written", async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      stats('summary.submit', { weekId: W, districtCode: 'a2', revision: 0 }, org('a1')),
    )
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      stats('summary.review', { weekId: W, districtCode: 'a1', decision: 'confirm', version: 1 }, org('a1')),
    )
  })

  test("another city's admin cannot review it: FORBIDDEN", async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      stats('summary.review', { weekId: W, districtCode: 'a1', decision: 'confirm', version: 1 }, CITY_ADMIN.cb),
    )
  })

  test('a return without a reason answers SUMMARY_REASON_REQUIRED; on an old version CONFLICT; nothing written', async () => {
    await expectRefusedWithoutWrites(cloud, 'SUMMARY_REASON_REQUIRED', () =>
      stats('summary.review', { weekId: W, districtCode: 'a1', decision: 'return', reason: ' ', version: 1 }, CITY_ADMIN.ca),
    )
    await expectRefusedWithoutWrites(cloud, 'CONFLICT', () =>
      stats('summary.review', { weekId: W, districtCode: 'a1', decision: 'confirm', version: 2 }, CITY_ADMIN.ca),
    )
  })

  test('the city returns it with a reason; the district sees it, edits, resubmits; the city confirms; history kept', async () => {
    const returned = await ok(
      'summary.review',
      { weekId: W, districtCode: 'a1', decision: 'return', reason: '活动成效请补充数据', version: 1 },
      CITY_ADMIN.ca,
    )
    expect(returned.frozen).toBe(true)
    expect(returned.submission).toMatchObject({ status: 'returned', returnReason: '活动成效请补充数据', canReview: false })

    const mine = await ok('summary', { weekId: W, districtCode: 'a1' }, org('a1'))
    expect(mine.submission).toMatchObject({ status: 'returned', returnReason: '活动成效请补充数据', canSubmit: true })
    const saved = await ok(
      'summary.save',
      { weekId: W, districtCode: 'a1', revision: mine.revision, typed: { effect: '甲一区参与 17 人，满意率 80%。' } },
      org('a1'),
    )
    const again = await ok('summary.submit', { weekId: W, districtCode: 'a1', revision: saved.revision }, org('a1'))
    expect(again.submission).toMatchObject({ status: 'submitted', version: 2, returnReason: null })

    const table = await ok('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.ca)
    expect(table.units.find((u: any) => u.unit.code === 'a1')).toMatchObject({ status: 'submitted', version: 2, source: 'submitted' })
    const confirmed = await ok('summary.review', { weekId: W, districtCode: 'a1', decision: 'confirm', version: 2 }, CITY_ADMIN.ca)
    expect(confirmed.submission.status).toBe('confirmed')
    expect(confirmed.submission.history.map((h: any) => [h.action, h.by, h.reason])).toEqual([
      ['submit', '甲一区组织者', null],
      ['return', '甲市管理员', '活动成效请补充数据'],
      ['submit', '甲一区组织者', null],
      ['confirm', '甲市管理员', null],
    ])
    expect(confirmed.rows.find((r: any) => r.key === 'effect').typed).toBe('甲一区参与 17 人，满意率 80%。')
  })

  test('a unit never submitted answers SUMMARY_NOT_SUBMITTED to a read of its copy and to a review', async () => {
    expect(await stats('summary.submission', { weekId: W, districtCode: 'b2' }, CITY_ADMIN.cb)).toMatchObject({
      ok: false,
      code: 'SUMMARY_NOT_SUBMITTED',
    })
    await expectRefusedWithoutWrites(cloud, 'SUMMARY_NOT_SUBMITTED', () =>
      stats('summary.review', { weekId: W, districtCode: 'b2', decision: 'confirm', version: 1 }, CITY_ADMIN.cb),
    )
  })
})

describe('late, frozen and 开幕式 materials', () => {
  test('a submit after the deadline day is marked late in its state, its history and the table above', async () => {
    const deadline = (await db().collection('weeks').doc(W).get()).data.summaryDeadline
    await db()
      .collection('weeks')
      .doc(W)
      .update({ data: { summaryDeadline: dayFromToday(-1) } })
    try {
      const res = await fillAndSubmit('a3')
      expect(res.submission).toMatchObject({ status: 'submitted', late: true })
      expect(res.submission.history[0].late).toBe(true)
      const table = await ok('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.ca)
      expect(table.units.find((u: any) => u.unit.code === 'a3')).toMatchObject({ late: true })
      expect(table.units.find((u: any) => u.unit.code === 'a1')).toMatchObject({ late: false })
    } finally {
      await db()
        .collection('weeks')
        .doc(W)
        .update({ data: { summaryDeadline: deadline } })
    }
  })

  test('开幕式 materials travel with the submission; the level above sees them with their unit', async () => {
    await ok(
      'publicity.add',
      {
        weekId: W,
        districtCode: 'a2',
        opening: true,
        kind: 'video',
        title: '甲二区开幕式',
        outlet: '甲二区融媒体中心',
        url: 'https://example.com/a2',
      },
      org('a2'),
    )
    await fillAndSubmit('a2')
    const table = await ok('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.ca)
    expect(table.opening).toEqual([
      expect.objectContaining({ unitName: '甲二区', kind: 'video', title: '甲二区开幕式', url: 'https://example.com/a2' }),
    ])
    expect(table.units.find((u: any) => u.unit.code === 'a2').opening).toBe(1)
    const copy = await ok('summary.submission', { weekId: W, districtCode: 'a2' }, CITY_ADMIN.ca)
    expect(copy.opening.map((o: any) => o.title)).toEqual(['甲二区开幕式'])
  })

  test("a submitted copy does not change when the district's data moves later; the live table does", async () => {
    const before = await ok('summary.submission', { weekId: W, districtCode: 'a2' }, org('a2'))
    await db()
      .collection('activities')
      .doc(activityIds.a2![0])
      .update({ data: { 'attendance.walkInHeadcount': 105 } })
    try {
      const after = await ok('summary.submission', { weekId: W, districtCode: 'a2' }, CITY_ADMIN.ca)
      expect(after.figures).toEqual(before.figures)
      expect(after.rows).toEqual(before.rows)
      expect(after.figures.participants).toBe(handSum(['a2']).participants)
      const live = await ok('summary', { weekId: W, districtCode: 'a2' }, org('a2'))
      expect(live.figures.participants).toBe(handSum(['a2']).participants + 100)
    } finally {
      await db()
        .collection('activities')
        .doc(activityIds.a2![0])
        .update({ data: { 'attendance.walkInHeadcount': 5 } })
    }
  })
})

describe('the roll-ups', () => {
  test("the city's computed rows equal hand sums over its three districts (satisfaction from the counts, not an average of rates)", async () => {
    const city = await ok('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.ca)
    const hand = handSum(['a1', 'a2', 'a3'])
    expect(city.unit).toEqual({ level: 'city', code: 'ca', name: '甲市' })
    expect(city.units.map((u: any) => [u.unit.name, u.status, u.source])).toEqual([
      ['甲一区', 'confirmed', 'submitted'],
      ['甲二区', 'submitted', 'submitted'],
      ['甲三区', 'submitted', 'submitted'],
    ])
    expect(city.figures).toMatchObject({ activities: hand.activities, participants: hand.participants, feedback: hand.feedback })
    expect(city.figures.feedback.rate).toBeCloseTo(hand.rate, 3)
    const avgOfRates = (0.8 + 0.75 + 1) / 3
    expect(Math.abs(city.figures.feedback.rate - avgOfRates)).toBeGreaterThan(0.01)
    const row = (k: string) => city.rows.find((r: any) => r.key === k)
    expect(row('participants').value).toContain(`${hand.participants} 人`)
    expect(row('activityCount').value).toContain(`${hand.activities} 项`)
    expect(row('satisfaction').value).toContain(`${(hand.rate * 100).toFixed(1)}%`)
  })

  test("the city's typed rows hold each district's text under its name; cases and featured activities with their unit", async () => {
    const city = await ok('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.ca)
    const row = (k: string) => city.rows.find((r: any) => r.key === k)
    expect(row('content').typed).toBeNull()
    expect(row('content').composed).toBe(
      '【甲一区】\n甲一区开展了智慧助老课堂。\n【甲二区】\n甲二区开展了智慧助老课堂。\n【甲三区】\n甲三区开展了智慧助老课堂。',
    )
    expect(row('effect').composed).toContain('【甲一区】\n甲一区参与 17 人，满意率 80%。')
    expect(row('hosts').composed).toBe('甲一区：甲一区教育体育局\n甲二区：甲二区教育体育局\n甲三区：甲三区教育体育局')
    expect(row('content').value).toContain('【甲二区】')
    expect(city.unitCases).toEqual(
      ['甲一区', '甲二区', '甲三区'].map((n) => ({ unitName: n, title: `${n}的典型案例`, text: `${n}把课堂开进了社区。` })),
    )
    expect(row('featured').computed).toContain('《甲一区活动1》（甲一区）')
  })

  test('a unit not yet submitted is counted live and marked so in the table', async () => {
    const cb = await ok('summary', { weekId: W, cityCode: 'cb' }, CITY_ADMIN.cb)
    expect(cb.units.map((u: any) => [u.unit.code, u.status, u.source])).toEqual([
      ['b1', 'draft', 'live'],
      ['b2', 'draft', 'live'],
    ])
    expect(cb.figures.participants).toBe(handSum(['b1', 'b2']).participants)
    expect(cb.rows.find((r: any) => r.key === 'content').composed).toBeNull()
  })

  test('a city admin naming no unit opens their city; an organiser cannot open a city (FORBIDDEN)', async () => {
    const mine = await ok('summary', { weekId: W }, CITY_ADMIN.cb)
    expect(mine.unit).toEqual({ level: 'city', code: 'cb', name: '乙市' })
    expect(await stats('summary', { weekId: W, cityCode: 'ca' }, org('a1'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stats('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.cb)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stats('summary', { weekId: W, cityCode: 'nope' }, ADMIN)).toMatchObject({ ok: false, code: 'UNIT_NOT_IN_WEEK' })
  })

  test('the province over two cities: their submitted figures summed, their texts under their names', async () => {
    // 甲市 edits one composed row and hands in; 乙市's districts hand in, then 乙市 with its composed rows as they are.
    const ca = await ok('summary', { weekId: W, cityCode: 'ca' }, CITY_ADMIN.ca)
    const caSaved = await ok(
      'summary.save',
      { weekId: W, cityCode: 'ca', revision: ca.revision, typed: { content: '甲市三个区共开展智慧助老课堂。' } },
      CITY_ADMIN.ca,
    )
    const caSubmitted = await ok('summary.submit', { weekId: W, cityCode: 'ca', revision: caSaved.revision }, CITY_ADMIN.ca)
    expect(caSubmitted.submission).toMatchObject({ status: 'submitted', parent: { level: 'top', code: null, name: '测试省' } })
    await fillAndSubmit('b1')
    await fillAndSubmit('b2')
    const cb = await ok('summary', { weekId: W, cityCode: 'cb' }, CITY_ADMIN.cb)
    await ok('summary.submit', { weekId: W, cityCode: 'cb', revision: cb.revision }, CITY_ADMIN.cb)

    const top = await ok('summary', { weekId: W }, ADMIN)
    const hand = handSum(['a1', 'a2', 'a3', 'b1', 'b2'])
    expect(top.unit.level).toBe('top')
    expect(top.units.map((u: any) => [u.unit.name, u.status, u.source])).toEqual([
      ['甲市', 'submitted', 'submitted'],
      ['乙市', 'submitted', 'submitted'],
    ])
    expect(top.figures).toMatchObject({ activities: hand.activities, participants: hand.participants, feedback: hand.feedback })
    expect(top.figures.feedback.rate).toBeCloseTo(hand.rate, 3)
    const content = top.rows.find((r: any) => r.key === 'content').composed
    expect(content).toBe(
      '【甲市】\n甲市三个区共开展智慧助老课堂。\n【乙市】\n【乙一区】\n乙一区开展了智慧助老课堂。\n【乙二区】\n乙二区开展了智慧助老课堂。',
    )
    expect(top.unitCases.map((c: any) => c.unitName)).toEqual(['甲一区', '甲二区', '甲三区', '乙一区', '乙二区'])
    expect(top.opening.map((o: any) => o.unitName)).toEqual(['甲二区'])
    expect(top.submission).toMatchObject({ parent: null, canSubmit: false })
  })

  test('the province confirms a city; the top cannot submit (SUMMARY_NO_PARENT, nothing written)', async () => {
    const confirmed = await ok('summary.review', { weekId: W, cityCode: 'ca', decision: 'confirm', version: 1 }, ADMIN)
    expect(confirmed.submission).toMatchObject({ status: 'confirmed' })
    expect(confirmed.submission.history.at(-1)).toMatchObject({ action: 'confirm', by: '测试省管理员' })
    const top = await ok('summary', { weekId: W }, ADMIN)
    await expectRefusedWithoutWrites(cloud, 'SUMMARY_NO_PARENT', () =>
      stats('summary.submit', { weekId: W, revision: top.revision }, ADMIN),
    )
  })

  test('a city admin cannot review a city (their own or another): FORBIDDEN', async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () =>
      stats('summary.review', { weekId: W, cityCode: 'cb', decision: 'confirm', version: 1 }, CITY_ADMIN.cb),
    )
  })

  test('both a district and a city named: VALIDATION_FAILED', async () => {
    expect(await stats('summary', { weekId: W, districtCode: 'a1', cityCode: 'ca' }, ADMIN)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    })
  })

  test('summary.export of the submitted copy answers a file; of a unit never submitted SUMMARY_NOT_SUBMITTED', async () => {
    const file = await ok('summary.export', { weekId: W, cityCode: 'cb', format: 'docx', submitted: true }, ADMIN)
    expect(file.bytes).toBeGreaterThan(1000)
    expect(file.fileName).toContain('乙市')
    expect(await stats('summary.export', { weekId: W, format: 'docx', submitted: true }, ADMIN)).toMatchObject({
      ok: false,
      code: 'SUMMARY_NOT_SUBMITTED',
    })
  })
})
