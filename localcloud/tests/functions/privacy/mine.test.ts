// privacy.mine and privacy.export (我的信息): everything stored about the caller and their family,
// read from their own account only, and the same as a .docx with phone numbers masked. Runs on the
// stats tests' scripted week (check-ins, ratings, a course, reading) plus a resident with a family.
import { createActivity, expectRefusedWithoutWrites, ORGANISER } from '../fixtures'
import { cloud, ids, people, useStatsCloud, week } from '../stats/setup'
import { docxText, must, residentWithFamily, unzipAll, type Person } from './setup'

useStatsCloud()

let P: Person
let upcoming: string
const mine = (openid: string) => must(cloud, 'privacy', 'mine', {}, openid)

beforeAll(async () => {
  P = await residentWithFamily(cloud, 'priv-mine', '隐私甲', '13812340001', [['隐私乙', '13812340002']])
  upcoming = await createActivity(cloud, week, {
    capacity: 10,
    title: '隐私测试活动',
    fields: ['name', 'phone', 'ageGroup', 'community', 'audience'],
  })
  await must(cloud, 'signup', 'create', { activityId: upcoming }, P.openid)
  await must(cloud, 'signup', 'create', { activityId: upcoming, personId: P.family[0].id }, P.openid)
  await must(cloud, 'reading', 'log', { bookId: ids.book, minutes: 20, note: '读给妈妈听，她的电话13812340002' }, P.openid)
}, 240_000)

describe('privacy.mine', () => {
  test('lists the profile, consent, family and registrations, a family member’s 代报名 included', async () => {
    const d = await mine(P.openid)
    expect(d.profile).toMatchObject({ name: '隐私甲', phone: '13812340001', community: '测试街道幸福社区' })
    expect(d.consent).toMatchObject({ version: expect.any(Number) })
    expect(d.family).toEqual([expect.objectContaining({ name: '隐私乙', phone: '13812340002', relation: 'parent' })])
    expect(d.registrations).toHaveLength(2)
    expect(d.registrations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: '隐私测试活动', personName: '隐私甲', proxy: false, phone: '13812340001', checkedInAt: null }),
        expect.objectContaining({ title: '隐私测试活动', personName: '隐私乙', proxy: true, relation: 'parent', phone: '13812340002' }),
      ]),
    )
    expect(d.readingLogs).toEqual([expect.objectContaining({ minutes: 20, note: '读给妈妈听，她的电话13812340002' })])
    expect(d.upcoming).toBe(2)
    expect(d.roles).toEqual([])
    expect(d.truncated).toBe(false)
  })

  test('lists check-ins, the enrolment with its course title, reading and ratings with their activities’ titles', async () => {
    const d = await mine(people[0])
    expect(d.profile).toMatchObject({ name: '居民0' })
    expect(d.registrations.map((r: any) => r.title).sort()).toEqual(['智能手机入门课', '西区书法体验', '防诈骗讲座'].sort())
    expect(d.registrations.every((r: any) => typeof r.checkedInAt === 'number')).toBe(true)
    expect(d.enrolments).toEqual([expect.objectContaining({ courseId: ids.course, title: expect.any(String), lessonsDone: 1 })])
    expect(d.enrolments[0].title.length).toBeGreaterThan(0)
    expect(d.reading).toEqual([expect.objectContaining({ weekId: week.id, totalMinutes: 30, totalLogs: 1 })])
    expect(d.readingLogs).toEqual([expect.objectContaining({ minutes: 30 })])
    expect(d.ratings).toEqual([expect.objectContaining({ title: '智能手机入门课', choice: 'satisfied', comment: '老师讲得很耐心' })])
    // Checked in: deleting would not cancel them.
    expect(d.upcoming).toBe(0)
  })

  test('another person’s data never appears', async () => {
    const r0 = JSON.stringify(await mine(people[0]))
    for (const other of ['隐私甲', '隐私乙', '13812340001', '居民5', '声音太小', '13900000005']) expect(r0).not.toContain(other)
    const p = JSON.stringify(await mine(P.openid))
    for (const other of ['居民0', '13900000000', '老师讲得很耐心']) expect(p).not.toContain(other)
  })

  test('a staff member’s roles are said in words', async () => {
    const d = await mine(ORGANISER)
    expect(d.roles).toContain('测试活动周：东区 的组织者')
  })

  test('erase without confirm is refused and writes nothing', async () => {
    await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', () => cloud.callRaw('privacy', 'erase', {}, P.openid))
    await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', () => cloud.callRaw('privacy', 'erase', { confirm: false }, P.openid))
  })
})

describe('privacy.export', () => {
  test('a .docx titled 我的信息 with the person, their family and records, phones masked', async () => {
    const d = await must(cloud, 'privacy', 'export', {}, P.openid)
    expect(d.fileName).toMatch(/^我的信息-\d{4}-\d{2}-\d{2}\.docx$/)
    expect(d.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(Buffer.from(d.base64, 'base64').length).toBe(d.bytes)
    const text = docxText(d.base64)
    expect(text).toContain('我的信息')
    expect(text).toMatch(/生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/)
    for (const s of ['隐私甲', '隐私乙', '138****0001', '138****0002', '隐私测试活动', '代报名', '读给妈妈听']) expect(text).toContain(s)
  })

  test('no export holds a full mobile number anywhere in the file, a typed one in a note included', async () => {
    for (const openid of [P.openid, people[0], people[5]]) {
      const d = await must(cloud, 'privacy', 'export', {}, openid)
      const everything = unzipAll(Buffer.from(d.base64, 'base64'))
      expect(everything).not.toMatch(/1\d{10}/)
    }
  })
})
