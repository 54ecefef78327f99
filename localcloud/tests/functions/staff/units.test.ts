// Units of a week by name (staff.units.*), a city admin's scope (their city's districts in units,
// roles, appointments and the stats pages, nothing of another unit) and copying an edition.
import type { InputOf } from '../../harness'
import { allDocs } from '../fixtures'
import {
  activityCall,
  ADMIN,
  appoint,
  changes,
  cloud,
  expectNoWrites,
  expectRefused,
  person,
  rolesOf,
  staffCall,
  staffRaw,
  useStaffCloud,
} from './setup'

useStaffCloud()

const W = 'units2026'
const W2 = 'units2027'

const weekInput = (id: string, startDate: string, endDate: string): InputOf<'activity', 'week.create'> => ({
  id,
  name: `${id}活动周`,
  level: 'province',
  region: '测试省',
  theme: '学习',
  startDate,
  endDate,
  districts: [{ code: 'east', name: '东区' }],
  summaryDeadline: '2027-12-31',
  organiser: '测试省教育厅',
})

const weekDoc = async (id: string) => (await allDocs(cloud, 'weeks', { _id: id }))[0]
const create = (as: string, name: string, level: 'city' | 'district', cityCode: string | null = null) =>
  staffCall(as, 'units.create', { weekId: W, name, level, cityCode })
const codeOf = (res: Awaited<ReturnType<typeof create>>) => (res.ok ? res.data.unit.code : `refused ${JSON.stringify(res)}`)

let cityAdmin: string
let c1Organiser: string
let eastOrganiser: string

beforeAll(async () => {
  expect((await activityCall(ADMIN, 'week.create', weekInput(W, '2026-11-25', '2026-12-01'))).ok).toBe(true)
  cityAdmin = await person()
  c1Organiser = await person()
  eastOrganiser = await person()
})

describe('units by name', () => {
  test('a city gets c<n>, its districts <city>-<n>, a district under the bureau d<n>; stored in the week', async () => {
    expect(await create(ADMIN, '甲市', 'city')).toMatchObject({
      ok: true,
      data: { unit: { code: 'c1', name: '甲市', level: 'city', cityCode: null } },
    })
    expect(await create(ADMIN, '甲一区', 'district', 'c1')).toMatchObject({
      ok: true,
      data: { unit: { code: 'c1-1', name: '甲一区', level: 'district', cityCode: 'c1' } },
    })
    expect(codeOf(await create(ADMIN, '直属区', 'district'))).toBe('d1')
    expect(codeOf(await create(ADMIN, '乙市', 'city'))).toBe('c2')
    const week = await weekDoc(W)
    expect(week.cities).toEqual([
      { code: 'c1', name: '甲市' },
      { code: 'c2', name: '乙市' },
    ])
    expect(week.districts).toEqual([
      { code: 'east', name: '东区' },
      { code: 'c1-1', name: '甲一区', cityCode: 'c1' },
      { code: 'd1', name: '直属区' },
    ])
  })

  test('the same name at the same level: UNIT_NAME_TAKEN, nothing written', async () => {
    await expectRefused('UNIT_NAME_TAKEN', () => create(ADMIN, '甲市', 'city'))
    await expectRefused('UNIT_NAME_TAKEN', () => create(ADMIN, '东区', 'district', 'c1'))
  })

  test('a city not in the week: UNIT_NOT_IN_WEEK; bad input: VALIDATION_FAILED; nothing written', async () => {
    await expectRefused('UNIT_NOT_IN_WEEK', () => create(ADMIN, '丙区', 'district', 'c9'))
    await expectRefused('VALIDATION_FAILED', () => staffRaw(ADMIN, 'units.create', { weekId: W, name: '', level: 'city' }))
    await expectRefused('VALIDATION_FAILED', () => staffRaw(ADMIN, 'units.create', { weekId: W, name: '丁市', level: 'province' }))
    await expectRefused('VALIDATION_FAILED', () => staffRaw(ADMIN, 'units.create', { weekId: W, name: '甲'.repeat(21), level: 'city' }))
  })

  test('created at once: every district gets its own code, none lost', async () => {
    const names = ['甲二区', '甲三区', '甲四区', '甲五区']
    const answers = await Promise.all(names.map((n) => create(ADMIN, n, 'district', 'c1')))
    const codes = answers.map(codeOf)
    expect([...codes].sort()).toEqual(['c1-2', 'c1-3', 'c1-4', 'c1-5'])
    const stored = (await weekDoc(W)).districts.filter((d: { cityCode?: string }) => d.cityCode === 'c1')
    expect(stored.map((d: { name: string }) => d.name).sort()).toEqual(['甲一区', ...names].sort())
  })

  test('someone without a role in the week: FORBIDDEN, nothing written', async () => {
    await expectRefused('FORBIDDEN', () => create('dev-organiser', '戊市', 'city'))
    await expectRefused('FORBIDDEN', () => staffCall('dev-organiser', 'units.list', { weekId: W }))
  })
})

describe('a city admin sees only their districts', () => {
  beforeAll(async () => {
    await appoint(ADMIN, cityAdmin, { weekId: W, role: 'cityAdmin', unitCode: 'c1' })
    await appoint(ADMIN, eastOrganiser, { weekId: W, role: 'organiser', unitCode: 'east' })
  })

  test('appointed by invite: the cityAdmin grant, recorded', async () => {
    expect(await rolesOf(cityAdmin)).toEqual([{ role: 'cityAdmin', weekId: W, cityCode: 'c1' }])
    expect(await changes({ whom: cityAdmin })).toMatchObject([
      { via: 'invite', unitName: '甲市', grant: { role: 'cityAdmin', cityCode: 'c1' } },
    ])
  })

  test('units.list: their city and its districts; the admin: every unit', async () => {
    const mine = await staffCall(cityAdmin, 'units.list', { weekId: W })
    expect(mine.ok && mine.data.units.map((u) => u.code).sort()).toEqual(['c1', 'c1-1', 'c1-2', 'c1-3', 'c1-4', 'c1-5'])
    const all = await staffCall(ADMIN, 'units.list', { weekId: W })
    expect(all.ok && all.data.units.map((u) => u.code)).toEqual(expect.arrayContaining(['c1', 'c2', 'east', 'd1', 'c1-1']))
  })

  test("they appoint an organiser of their city's district, not of another unit nor a city admin (FORBIDDEN)", async () => {
    await appoint(cityAdmin, c1Organiser, { weekId: W, role: 'organiser', unitCode: 'c1-1' })
    expect(await rolesOf(c1Organiser)).toEqual([{ role: 'organiser', weekId: W, districtCode: 'c1-1' }])
    await expectRefused('FORBIDDEN', () => staffCall(cityAdmin, 'appoint.create', { weekId: W, role: 'organiser', unitCode: 'east' }))
    await expectRefused('FORBIDDEN', () => staffCall(cityAdmin, 'appoint.create', { weekId: W, role: 'cityAdmin', unitCode: 'c1' }))
  })

  test('roles.list: the organisers of their districts only', async () => {
    const res = await staffCall(cityAdmin, 'roles.list', { weekId: W })
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(res.data.holders).toEqual([
      {
        userId: c1Organiser,
        name: expect.any(String),
        self: false,
        grant: { role: 'organiser', weekId: W, districtCode: 'c1-1' },
        unitName: '甲一区',
      },
    ])
    expect(res.data.changes.map((c) => c.grant)).toEqual([{ role: 'organiser', weekId: W, districtCode: 'c1-1' }])
  })

  test('they may revoke an organiser of their city but not of another district (FORBIDDEN)', async () => {
    const east = { role: 'organiser', weekId: W, districtCode: 'east' } as const
    await expectRefused('FORBIDDEN', () =>
      staffCall(cityAdmin, 'roles.revoke', { weekId: W, userId: eastOrganiser, grant: east, nonce: 'ca-revoke-east' }),
    )
  })

  test('they add a district to their city, not a city (FORBIDDEN)', async () => {
    expect(codeOf(await create(cityAdmin, '甲六区', 'district', 'c1'))).toBe('c1-6')
    await expectRefused('FORBIDDEN', () => create(cityAdmin, '己市', 'city'))
    await expectRefused('FORBIDDEN', () => create(cityAdmin, '己区', 'district', 'c2'))
  })

  test('the stats dashboard and summary: their districts, no roll-up of the week, another district FORBIDDEN', async () => {
    const dash = await cloud.call('stats', 'dashboard', { weekId: W }, cityAdmin)
    if (!dash.ok) throw new Error(JSON.stringify(dash))
    expect(dash.data.districts.map((d) => d.code).sort()).toEqual(['c1-1', 'c1-2', 'c1-3', 'c1-4', 'c1-5', 'c1-6'])
    expect(dash.data.canRollUp).toBe(false)
    expect(dash.data.districtCode).toBe('c1-1')
    expect((await cloud.call('stats', 'dashboard', { weekId: W, districtCode: 'c1-2' }, cityAdmin)).ok).toBe(true)
    expect(await cloud.call('stats', 'dashboard', { weekId: W, districtCode: 'east' }, cityAdmin)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call('stats', 'summary', { weekId: W, districtCode: 'east' }, cityAdmin)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect((await cloud.call('stats', 'summary', { weekId: W, districtCode: 'c1-1' }, cityAdmin)).ok).toBe(true)
  })

  test('they run their districts: an activity in 甲一区, not in 东区 (FORBIDDEN)', async () => {
    const input: InputOf<'activity', 'create'> = {
      weekId: W,
      districtCode: 'c1-1',
      title: '社区读书会',
      type: 'reading',
      topics: ['science_culture'],
      audiences: ['residents'],
      organizer: '甲一区社区学院',
      coOrganizers: [],
      mode: 'online',
      venue: null,
      onlineUrl: 'https://example.org/live',
      startAt: Date.parse('2026-11-27T02:00:00Z'),
      endAt: Date.parse('2026-11-27T04:00:00Z'),
      signup: null,
      description: '一起读书。',
    }
    expect((await activityCall(cityAdmin, 'create', input)).ok).toBe(true)
    await expectRefused('FORBIDDEN', () => activityCall(cityAdmin, 'create', { ...input, districtCode: 'east' }))
  })
})

describe('a new edition copies the units and appointments', () => {
  beforeAll(async () => {
    expect((await activityCall(ADMIN, 'week.create', weekInput(W2, '2027-11-25', '2027-12-01'))).ok).toBe(true)
  })

  test('only an admin of both weeks: a city admin is refused (FORBIDDEN)', async () => {
    await expectRefused('FORBIDDEN', () => staffCall(cityAdmin, 'editions.copy', { fromWeekId: W, toWeekId: W2 }))
  })

  test('copied: the units with their codes, the admin, city admin and organiser grants, each recorded', async () => {
    const from = await weekDoc(W)
    const res = await staffCall(ADMIN, 'editions.copy', { fromWeekId: W, toWeekId: W2 })
    // east is in both already; every other unit is new. Grants: the city admin, two organisers (ADMIN already admin of W2).
    expect(res).toEqual({ ok: true, data: { units: from.cities.length + from.districts.length - 1, appointments: 3 } })
    const to = await weekDoc(W2)
    expect(to.cities).toEqual(from.cities)
    expect(to.districts).toEqual(from.districts)
    expect(await rolesOf(cityAdmin)).toContainEqual({ role: 'cityAdmin', weekId: W2, cityCode: 'c1' })
    expect(await rolesOf(c1Organiser)).toContainEqual({ role: 'organiser', weekId: W2, districtCode: 'c1-1' })
    expect(await changes({ weekId: W2, via: 'copy' })).toHaveLength(3)
  })

  test('repeated: nothing more copied, nothing written', async () => {
    const res = await expectNoWrites(() => staffCall(ADMIN, 'editions.copy', { fromWeekId: W, toWeekId: W2 }))
    expect(res).toEqual({ ok: true, data: { units: 0, appointments: 0 } })
    expect((await rolesOf(c1Organiser)).filter((g: { weekId?: string }) => g.weekId === W2)).toHaveLength(1)
  })
})
