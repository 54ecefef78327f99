import type { Scope } from '../components/scope'
import {
  honoursText,
  listFilterOf,
  mayEditPlaces,
  parsePlaces,
  placesFull,
  placesText,
  reasonError,
  selectingCity,
  statusText,
} from './starsText'

const week = { id: 'p1' } as Scope['week']
const admin: Scope = { week, admin: true, districts: [{ code: 'a1', name: '甲一区' }], cities: [] }
const cityAdmin: Scope = { week, admin: false, districts: [{ code: 'a1', name: '甲一区' }], cities: ['jia'] }
const organiser: Scope = { week, admin: false, districts: [{ code: 'a1', name: '甲一区' }], cities: [] }
const places = (cityCode: string | null, used = 1) => ({
  weekId: 'p1',
  cityCode,
  level: 'city' as const,
  star: { places: 2, used },
  project: { places: 0, used: 0 },
})

test('a unit choice is listed as a district, a city or the whole week', () => {
  expect(listFilterOf('p1', 'a1')).toEqual({ weekId: 'p1', districtCode: 'a1' })
  expect(listFilterOf('p1', '~jia')).toEqual({ weekId: 'p1', cityCode: 'jia' })
  expect(listFilterOf('p1', '')).toEqual({ weekId: 'p1' })
})

test('the selecting unit is the city listed, a city admin’s city, or the top for admins', () => {
  expect(selectingCity(cityAdmin, '~jia')).toBe('jia')
  expect(selectingCity(cityAdmin, 'a1')).toBe('jia')
  expect(selectingCity(admin, '')).toBeNull()
  expect(selectingCity(organiser, 'a1')).toBeNull()
})

test('places are edited by the city’s admins or the week’s admins, never by an organiser', () => {
  expect(mayEditPlaces(cityAdmin, places('jia'))).toBe(true)
  expect(mayEditPlaces(cityAdmin, places('yi'))).toBe(false)
  expect(mayEditPlaces(cityAdmin, places(null))).toBe(false)
  expect(mayEditPlaces(admin, places(null))).toBe(true)
  expect(mayEditPlaces(organiser, places('jia'))).toBe(false)
  expect(mayEditPlaces(admin, null)).toBe(false)
})

test('places, honours and statuses in words', () => {
  expect(placesText({ places: 5, used: 2 })).toBe('已入选 2 / 名额 5')
  expect(placesFull(places('jia', 2), 'star')).toBe(true)
  expect(placesFull(places('jia', 1), 'star')).toBe(false)
  expect(placesFull(places('jia'), 'project')).toBe(true)
  expect(
    honoursText([
      { level: 'province', by: '测试省教育厅', year: 2026, at: 0 },
      { level: 'city', by: '甲市教育局', year: 2026, at: 0 },
    ]),
  ).toBe('2026 省级（测试省教育厅）；2026 市级（甲市教育局）')
  expect(statusText({ status: 'published', hidden: true, recorded: false })).toBe('已公布 · 已隐藏')
  expect(statusText({ status: 'published', hidden: false, recorded: true })).toBe('已记录荣誉')
  expect(statusText({ status: 'nominated', hidden: false, recorded: false })).toBe('已推荐至县区')
})

test('a decline needs a reason of 2 to 200 characters', () => {
  expect(reasonError(' 不 ')).toContain('至少 2 个字')
  expect(reasonError('材料不全')).toBe('')
  expect(reasonError('字'.repeat(201))).toBe('原因最多 200 个字')
})

test('places are whole numbers up to the limit', () => {
  expect(parsePlaces(' 5 ')).toBe(5)
  expect(parsePlaces('0')).toBe(0)
  expect(parsePlaces('201')).toBeNull()
  expect(parsePlaces('2.5')).toBeNull()
  expect(parsePlaces('')).toBeNull()
})
