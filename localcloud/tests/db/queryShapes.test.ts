// The declared indexes measured on the queries the functions really make (query-shapes.json, the
// distinct shapes the function tests recorded; regenerate it as localcloud/scripts/query-shapes.ts
// says when a function's queries change). Coverage (localcloud/db/coverage.ts) asks only that some
// index's first field be bounded; here each index must also be needed: for each declared index there
// is a shape whose best index (ESR: the longest run of equality fields, then its sort or range
// field) gets strictly worse without it. So removing any one declared index makes this fail.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { environment } from '../../../config/environment'
import { QueryCoverage } from '../../db/coverage'
import { choices, without, type SnapshotShape } from './queryShapes'

const shapes = JSON.parse(readFileSync(join(__dirname, 'query-shapes.json'), 'utf8')) as SnapshotShape[]
const collectionOf = (spec: typeof environment, name: string) => spec.collections.find((c) => c.name === name)!

/** The first shape whose best index gets strictly worse in `reduced`, or null. */
function worsened(reduced: typeof environment, collection: string): SnapshotShape | null {
  const full = collectionOf(environment, collection)
  const less = collectionOf(reduced, collection)
  for (const shape of shapes.filter((s) => s.collection === collection)) {
    const before = choices(shape, full)
    const after = choices(shape, less)
    if (after.some((c, i) => c.score < before[i].score)) return shape
  }
  return null
}

/** The shapes an index is the (tied) best of. */
function bestOf(collection: string, index: string): string[] {
  const full = collectionOf(environment, collection)
  return shapes.filter((s) => s.collection === collection && choices(s, full).some((c) => c.best.includes(index))).map((s) => s.text)
}

describe('the declared indexes on the functions’ recorded query shapes', () => {
  it('has shapes of the described collections only, and of every function that reads', () => {
    expect(shapes.length).toBeGreaterThan(50)
    for (const s of shapes) expect(environment.collections.some((c) => c.name === s.collection)).toBe(true)
  })

  it('covers every shape with config/environment.ts', () => {
    const coverage = new QueryCoverage(environment, { enforce: false })
    expect(shapes.filter((s) => !coverage.covers(s)).map((s) => s.text)).toEqual([])
  })

  it('needs every declared index: without any one, some shape’s best index gets worse', () => {
    const unneeded: string[] = []
    for (const c of environment.collections) {
      for (const index of c.indexes) {
        if (worsened(without(environment, c.name, index.name), c.name)) continue
        const tied = bestOf(c.name, index.name)
        unneeded.push(`${c.name}.${index.name}: ${tied.length > 0 ? `only tied best of ${tied.join('; ')}` : 'the best of no shape'}`)
      }
    }
    expect(unneeded).toEqual([])
  })

  // The indexes coverage alone could not show needed: a sibling has the same first field.
  it.each([
    ['registrations', 'activityId_status_waitKey', 'count registrations {activityId, status, waitKey:range}'],
    ['courses', 'weekId_status_kind', 'get courses {weekId, status, kind} sort(_id)'],
    ['enrolments', 'openid_memberId_weekId', 'get enrolments {openid, memberId, weekId}'],
    ['readers', 'weekId_board_districtCode_totalMinutes', 'get readers {weekId, board.districtCode} sort(totalMinutes, _id)'],
    ['readers', 'weekId_bookIds', 'count readers {weekId, bookIds:in}'],
  ])('without %s.%s, the best index of a shape gets worse (%s)', (collection, index, text) => {
    const reduced = without(environment, collection, index)
    expect(collectionOf(reduced, collection).indexes.length).toBe(collectionOf(environment, collection).indexes.length - 1)
    const shape = shapes.find((s) => s.text === text)!
    const before = choices(shape, collectionOf(environment, collection))
    const after = choices(shape, collectionOf(reduced, collection))
    expect(before.some((c) => c.best.includes(index))).toBe(true)
    expect(after.some((c, i) => c.score < before[i].score)).toBe(true)
    // Coverage alone still passes it: a sibling index has the same first field.
    expect(new QueryCoverage(reduced, { enforce: false }).covers(shape)).toBe(true)
  })
})
