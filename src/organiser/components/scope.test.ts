import type { Week } from '@shared/contracts/activity'
import { cityChoice, cityOfChoice, districtName, initialDistrict, pickScope, scopeQuery, unitInput, unitQuery, type Scope } from './scope'

const week = (id: string): Week =>
  ({
    id,
    name: id,
    level: 'city',
    region: '南昌市',
    theme: '主题',
    startDate: '2026-11-30',
    endDate: '2026-12-06',
    districts: [
      { code: 'donghu', name: '东湖区' },
      { code: 'xihu', name: '西湖区' },
    ],
    summaryDeadline: '2026-12-10',
    organiser: '南昌市教育局',
  }) as Week

const admin: Scope = { week: week('nc'), admin: true, districts: week('nc').districts, cities: [] }
const organiser: Scope = { week: week('nc'), admin: false, districts: [{ code: 'xihu', name: '西湖区' }], cities: [] }
const cityAdmin: Scope = { week: week('nc'), admin: false, districts: week('nc').districts, cities: ['nc'] }

test('an admin opens on the roll-up where offered, else the first district', () => {
  expect(initialDistrict(admin, true)).toBe('')
  expect(initialDistrict(admin, false)).toBe('donghu')
  expect(initialDistrict(admin, true, 'xihu')).toBe('xihu')
  expect(initialDistrict(admin, true, '')).toBe('')
})

test('an organiser opens on their district; never on one they do not run, nor the roll-up', () => {
  expect(initialDistrict(organiser, true)).toBe('xihu')
  expect(initialDistrict(organiser, true, 'donghu')).toBe('xihu')
  expect(initialDistrict(organiser, true, '')).toBe('xihu')
})

test('pickScope prefers the asked week, then the remembered one', () => {
  const hn: Scope = { ...admin, week: week('hn') }
  expect(pickScope([admin, hn], 'hn', 'nc')!.week.id).toBe('hn')
  expect(pickScope([admin, hn], 'zz', 'nc')!.week.id).toBe('nc')
  expect(pickScope([admin, hn], null, '')!.week.id).toBe('nc')
  expect(pickScope([], 'nc')).toBeNull()
})

test('names and query', () => {
  expect(districtName(admin, '')).toBe('全部县区')
  expect(districtName(admin, 'xihu')).toBe('西湖区')
  expect(scopeQuery('nc2026', '')).toBe('weekId=nc2026&districtCode=')
})

test("a city admin opens the 总结表 on their city's roll-up; other pages on their first district", () => {
  expect(initialDistrict(cityAdmin, true, undefined, true)).toBe(cityChoice('nc'))
  expect(initialDistrict(cityAdmin, true)).toBe('donghu')
  expect(initialDistrict(cityAdmin, true, 'xihu', true)).toBe('xihu')
  expect(initialDistrict(cityAdmin, true, cityChoice('other'), true)).toBe(cityChoice('nc'))
  // Nobody else gets a city.
  expect(initialDistrict(organiser, true, cityChoice('nc'), true)).toBe('xihu')
  expect(initialDistrict(admin, true, cityChoice('nc'), true)).toBe('')
})

test('a choice as the input naming its unit', () => {
  expect(unitInput('w', '')).toEqual({ weekId: 'w' })
  expect(unitInput('w', 'xihu')).toEqual({ weekId: 'w', districtCode: 'xihu' })
  expect(unitInput('w', cityChoice('c1'))).toEqual({ weekId: 'w', cityCode: 'c1' })
  expect(cityOfChoice('xihu')).toBeNull()
  expect(districtName(cityAdmin, cityChoice('nc'))).toBe('全市汇总')
  expect(unitQuery('w', { level: 'city', code: 'c1' })).toBe('weekId=w&cityCode=c1')
  expect(unitQuery('w', { level: 'district', code: 'c1-2' })).toBe('weekId=w&districtCode=c1-2')
})
