// Whose 总结表 draft a stats.summary call opens when it names no district: the caller's roles are
// joined to the drafts of the asked week only (an admin's roles have no district, which a
// localField join would have taken as null: every week's roll-up draft).
import { startTestCloud, type TestCloud } from '../../harness'
import { ADMIN, ORGANISER, createTestWeek, type TestWeek } from '../fixtures'

let cloud: TestCloud
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
  cloud = await startTestCloud()
  weekA = await createTestWeek(cloud)
  weekB = await createTestWeek(cloud)
  await saveDraft(weekA.id, undefined, 'A周汇总', ADMIN)
  await saveDraft(weekB.id, undefined, 'B周汇总', ADMIN)
  await saveDraft(weekA.id, 'east', 'A周东区', ORGANISER)
  await saveDraft(weekB.id, 'east', 'B周东区', ORGANISER)
}, 60_000)
afterAll(async () => {
  await cloud.stop()
})

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
