// `stats` src/dashboard.ts through the real wx-server-sdk against the local cloud, on the scripted
// week of ./setup.ts: the dashboard agrees with the summary, who may see what, and the cost of the
// reads. publicity.ts is grouped in (its two tests), as are the summary's and a check-in's
// operation counts.
import { shanghaiDate } from '../../../../src/shared/domain/time'
import type { Answer } from '../../harness'
import { ADMIN, ORGANISER, OTHER_ORGANISER, allDocs, createActivity, writesIn } from '../fixtures'
import { cloud, fields, ids, must, people, reconcileClean, runNow, stats, ticketOf, useStatsCloud, week } from './setup'

useStatsCloud()

describe('the dashboard after a scripted week', () => {
  test('the dashboard agrees with the summary and draws the check-in curve of today', async () => {
    const d = await must('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(d.totals).toMatchObject({ activities: 3, registered: 5, checkedIn: 5, walkInHeadcount: 6, participants: 11, people: 10 })
    expect(d.day).toBe(shanghaiDate(Date.now()))
    expect(d.curve).toHaveLength(24)
    expect(d.curve.reduce((n: number, h: any) => n + h.participants, 0)).toBe(11)
    const a1 = d.today.find((a) => a.id === ids.A1)
    expect(a1).toMatchObject({ registered: 3, waitlisted: 1, checkedIn: 3, walkInHeadcount: 2, capacity: 3, full: true })
    expect(d.byType.find((t) => t.code === 'reading')).toMatchObject({ activities: 1, participants: 4 })
    expect(d.byAudience.find((a) => a.code === 'seniors')!.participants).toBe(2)
    expect(d.feedback).toMatchObject({ satisfied: 1, basic: 1, unsatisfied: 1 })
  })
})

describe('who may see what', () => {
  test("an organiser of district A cannot read district B's dashboard, summary or publicity", async () => {
    for (const [action, input] of [
      ['dashboard', { weekId: week.id, districtCode: 'west' }],
      ['summary', { weekId: week.id, districtCode: 'west' }],
      ['summary.export', { weekId: week.id, districtCode: 'west', format: 'xlsx' }],
      ['publicity.list', { weekId: week.id, districtCode: 'west' }],
    ] as const) {
      expect(await stats(action, input, ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  test('a resident cannot read any of it', async () => {
    expect(await stats('dashboard', { weekId: week.id }, people[0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stats('reconcile', { weekId: week.id }, people[0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('an organiser without a district named sees their own; an admin the roll-up', async () => {
    expect((await must('stats', 'dashboard', { weekId: week.id }, ORGANISER)).districtCode).toBe('east')
    const admin = await must('stats', 'dashboard', { weekId: week.id }, ADMIN)
    expect(admin.districtCode).toBeNull()
    expect(admin.canRollUp).toBe(true)
    expect(admin.byDistrict.map((d) => d.code)).toEqual(['east', 'west'])
  })

  test('a district not in the week answers DISTRICT_NOT_IN_WEEK', async () => {
    expect(await stats('summary', { weekId: week.id, districtCode: 'north' }, ADMIN)).toMatchObject({
      ok: false,
      code: 'DISTRICT_NOT_IN_WEEK',
    })
  })
})

describe('publicity', () => {
  test('a text report or video needs a link; a photo record needs photos; nothing is written', async () => {
    const base = { weekId: week.id, districtCode: 'east', title: '标题测试', outlet: '某媒体' }
    for (const [input, code] of [
      [{ ...base, kind: 'text' }, 'PUBLICITY_LINK_REQUIRED'],
      [{ ...base, kind: 'video' }, 'PUBLICITY_LINK_REQUIRED'],
      [{ ...base, kind: 'photo' }, 'PUBLICITY_PHOTOS_REQUIRED'],
      [{ ...base, kind: 'photo', fileIds: ['http://not-cloud'] }, 'VALIDATION_FAILED'],
      [{ ...base, kind: 'text', url: 'https://x.org/1', activityId: ids.B1 }, 'FEATURED_ACTIVITY_INVALID'],
    ] as const) {
      cloud.db.resetStats()
      expect(await cloud.callRaw('stats', 'publicity.add', input, ORGANISER)).toMatchObject({ ok: false, code })
      expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    }
  })

  test('the list shows the district records; another organiser cannot remove them', async () => {
    const list = await must('stats', 'publicity.list', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(list.items.map((i) => i.kind).sort()).toEqual(['photo', 'text', 'video'])
    expect(list.items.find((i) => i.kind === 'photo')!.activityTitle).toBe('智能手机入门课')
    const photo = list.items.find((i) => i.kind === 'photo')!
    expect(await stats('publicity.remove', { id: photo.id }, OTHER_ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('cost', () => {
  test.each([
    ['dashboard', () => ({ weekId: week.id, districtCode: 'east' })],
    ['summary', () => ({ weekId: week.id, districtCode: 'east' })],
    // A roll-up joins its units' 总结表 documents onto the same read of the week.
    ['summary', () => ({ weekId: week.id })],
  ])('%s costs at most 3 database operations and writes nothing', async (action, input) => {
    cloud.db.resetStats()
    const res: Answer = await cloud.callRaw(
      'stats',
      action,
      input(),
      action === 'summary' && !('districtCode' in input()) ? ADMIN : ORGANISER,
    )
    expect(res.ok).toBe(true)
    const st = cloud.db.stats()
    expect(st.total).toBeLessThanOrEqual(3)
    expect(writesIn(st.byAction)).toBe(0)
  })

  test('the check-in costs 4 database operations (read, counters with their pending entry, check-in, entry settled)', async () => {
    const id = await createActivity(cloud, week, { capacity: 5, fields, title: '成本测试' })
    await must('signup', 'create', { activityId: id }, people[8])
    const token = await ticketOf(people[8], id)
    await runNow(id)
    cloud.db.resetStats()
    await must('checkin', 'scan', { activityId: id, token }, ORGANISER)
    expect(cloud.db.stats().total).toBe(4)
    const c = (await allDocs(cloud, 'checkins', { activityId: id }))[0]
    expect(c).toMatchObject({ personId: people[8], firstInDistrict: true })
    await reconcileClean()
  })
})
