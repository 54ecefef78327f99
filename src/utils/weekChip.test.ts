import { weekChipLabel } from './weekChip'

const nc26 = { id: 'nc2026', region: '南昌市', startDate: '2026-11-30' }
const nc27 = { id: 'nc2027', region: '南昌市', startDate: '2027-11-29' }
const jx26 = { id: 'jx2026', region: '江西省', startDate: '2026-11-30' }

describe('weekChipLabel', () => {
  test('a region of its own: the region alone', () => {
    expect(weekChipLabel(jx26, [nc26, jx26])).toBe('江西省')
    expect(weekChipLabel(nc26, [nc26])).toBe('南昌市')
  })

  test('two editions of one region are told apart by year', () => {
    const all = [nc26, nc27, jx26]
    expect(all.map((w) => weekChipLabel(w, all))).toEqual(['南昌市 2026', '南昌市 2027', '江西省'])
  })

  test('two editions in the same year: by start date', () => {
    const spring = { id: 'nc2026s', region: '南昌市', startDate: '2026-05-11' }
    const all = [nc26, spring, nc27]
    expect(all.map((w) => weekChipLabel(w, all))).toEqual(['南昌市 2026-11-30', '南昌市 2026-05-11', '南昌市 2027'])
  })
})
