import type { Week } from '@shared/contracts/activity'
import type { Unit } from '@shared/contracts/staff'
import { appointableRoles, staffScopes, unitsFor, unitTree } from './staffScope'

const week = (id: string) => ({ id, name: id, level: 'city', districts: [] }) as unknown as Week

test('the weeks the caller may staff, and as what', () => {
  const weeks = [week('a'), week('b'), week('c')]
  const s = staffScopes(weeks, [
    { role: 'cityAdmin', weekId: 'b', cityCode: 'sanya' },
    { role: 'organiser', weekId: 'c', districtCode: 'd1' },
    { role: 'volunteer', weekId: 'a', activityIds: [] },
  ])
  expect(s.map((x) => [x.week.id, x.admin, x.cities, x.organiserOnly])).toEqual([
    ['b', false, ['sanya'], false],
    ['c', false, [], true],
  ])
  expect(staffScopes(weeks, [{ role: 'bureau' }]).every((x) => x.admin)).toBe(true)
  expect(appointableRoles(s[0], true)).toEqual(['organiser'])
  expect(appointableRoles(s[1], true)).toEqual([])
  expect(appointableRoles({ ...s[0], admin: true }, false)).toEqual(['admin', 'organiser'])
})

test('units by level, districts under their cities', () => {
  const units: Unit[] = [
    { code: 'c1', name: '三亚市', level: 'city', cityCode: null },
    { code: 'c1-1', name: '吉阳区', level: 'district', cityCode: 'c1' },
    { code: 'd1', name: '东湖区', level: 'district', cityCode: null },
  ]
  expect(unitsFor('cityAdmin', units).map((u) => u.code)).toEqual(['c1'])
  expect(unitsFor('organiser', units).map((u) => u.code)).toEqual(['c1-1', 'd1'])
  expect(unitTree(units).map((g) => [g.city?.code ?? null, g.districts.map((d) => d.code)])).toEqual([
    [null, ['d1']],
    ['c1', ['c1-1']],
  ])
})
