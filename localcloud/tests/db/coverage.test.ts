// The index-coverage rules of the local database (localcloud/db/coverage.ts): what a declared index
// covers, as MongoDB would use it (its first field bounded), and what is refused under notablescan.
import type { EnvironmentSpec } from '../../../config/environment'
import {
  aggregateUse,
  bestIndex,
  filterShape,
  indexScore,
  lookupUses,
  plannedFilters,
  QueryCoverage,
  type QueryUse,
} from '../../db/coverage'
import type { Doc } from '../../db/decode'

const spec: EnvironmentSpec = {
  collections: [
    {
      name: 'regs',
      holds: 'test',
      rule: { read: false, write: false },
      indexes: [
        {
          name: 'activityId_status',
          fields: [
            ['activityId', 1],
            ['status', 1],
          ],
        },
        {
          name: 'openid_startAt',
          fields: [
            ['openid', 1],
            ['startAt', -1],
          ],
        },
      ],
    },
    { name: 'people', holds: 'test', rule: { read: false, write: false }, indexes: [{ name: 'personId', fields: [['personId', 1]] }] },
    { name: 'editions', holds: 'test', rule: { read: false, write: false }, indexes: [], scan: 'one document per edition' },
  ],
  functions: [],
}

const recorder = () => new QueryCoverage(spec, { enforce: false })
const find = (collection: string, query: Doc, sort?: string[]): QueryUse => ({ kind: 'get', collection, filter: filterShape(query), sort })
const covered = (use: QueryUse) => recorder().covers(use)

describe('index coverage rules', () => {
  it('covers a filter bounding _id or an index first field by equality, $in or a range', () => {
    expect(covered(find('regs', { _id: 'a' }))).toBe(true)
    expect(covered(find('regs', { activityId: 'a' }))).toBe(true)
    expect(covered(find('regs', { activityId: { $in: ['a', 'b'] }, note: { $ne: 'x' } }))).toBe(true)
    expect(covered(find('regs', { openid: 'o', startAt: { $gte: new Date(0) } }))).toBe(true)
    expect(covered(find('regs', { openid: { $gte: 'a', $lt: 'b' } }))).toBe(true)
    expect(covered(find('regs', { $and: [{ status: 'x' }, { activityId: 'a' }] }))).toBe(true)
  })

  it('does not cover a filter bounding only a later field of an index (not its prefix), or nothing', () => {
    expect(covered(find('regs', { status: 'confirmed' }))).toBe(false)
    expect(covered(find('regs', { startAt: { $gt: new Date(0) } }))).toBe(false)
    expect(covered(find('regs', { activityId: { $ne: 'a' } }))).toBe(false)
    expect(covered(find('regs', { activityId: { $exists: true } }))).toBe(false)
    expect(covered(find('regs', { activityId: /^a/ }))).toBe(false)
    expect(covered(find('regs', { activityId: { $nin: ['a'] } }))).toBe(false)
    expect(covered(find('regs', {}))).toBe(false)
  })

  it("does not take an _id range (a page's cursor) for a bound: the rest of the filter must be covered", () => {
    expect(covered(find('regs', { activityId: 'a', _id: { $gt: 'k' } }, ['_id']))).toBe(true)
    expect(covered(find('regs', { status: 'x', _id: { $gt: 'k' } }, ['_id']))).toBe(false)
    expect(covered(find('regs', { _id: { $in: ['a', 'b'] }, status: 'x' }))).toBe(true)
    // A cursor alone is a walk of the _id index in order.
    expect(covered(find('regs', { _id: { $gt: 'k' } }, ['_id']))).toBe(true)
    expect(covered(find('regs', { _id: { $gt: 'k' } }))).toBe(false)
  })

  it('covers an $or only when every branch is covered', () => {
    expect(covered(find('regs', { $or: [{ activityId: 'a' }, { openid: 'o' }] }))).toBe(true)
    expect(covered(find('regs', { $or: [{ activityId: 'a' }, { status: 'x' }] }))).toBe(false)
    expect(covered(find('regs', { status: 'x', $or: [{ _id: 'a' }, { openid: { $in: ['o'] } }] }))).toBe(true)
    expect(covered(find('regs', { $and: [{ $or: [{ activityId: 'a' }, { openid: 'o' }] }] }))).toBe(true)
    expect(covered(find('regs', { $or: [] }))).toBe(false)
  })

  it('covers a query bounding nothing when sorted by _id or an index first field (the index is walked)', () => {
    expect(covered(find('regs', {}, ['_id']))).toBe(true)
    expect(covered(find('regs', {}, ['openid', 'startAt']))).toBe(true)
    expect(covered(find('regs', {}, ['startAt']))).toBe(false)
    expect(covered(find('regs', { status: 'x' }, ['activityId']))).toBe(false)
  })

  it('lets a collection marked `scan` (small and bounded) be read whole', () => {
    expect(covered(find('editions', {}))).toBe(true)
    expect(covered(find('editions', { status: 'published' }))).toBe(true)
    expect(covered(find('people', {}))).toBe(false)
  })

  it('does not check collections the environment does not describe', () => {
    expect(covered(find('scratch', { anything: { $ne: 1 } }))).toBe(true)
  })

  it('covers a join on _id or an index first field of the joined collection', () => {
    const byField = lookupUses('regs', [{ $lookup: { from: 'people', localField: 'pid', foreignField: 'personId', as: 'p' } }])
    expect(byField.map((u) => [u.collection, u.via, covered(u)])).toEqual([['people', 'regs', true]])
    const byId = lookupUses('regs', [{ $lookup: { from: 'people', localField: 'pid', foreignField: '_id', as: 'p' } }])
    expect(covered(byId[0])).toBe(true)
    const unindexed = lookupUses('people', [{ $lookup: { from: 'regs', localField: 'personId', foreignField: 'status', as: 'r' } }])
    expect(covered(unindexed[0])).toBe(false)
  })

  it('covers a pipeline join by its leading $match on the joined collection, $expr $eq included', () => {
    const expr = lookupUses('people', [
      {
        $lookup: {
          from: 'regs',
          let: { id: '$personId' },
          pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$activityId', '$$id'] }, { $ne: ['$status', 'x'] }] } } }],
          as: 'r',
        },
      },
    ])
    expect(covered(expr[0])).toBe(true)
    const noMatch = lookupUses('people', [{ $lookup: { from: 'regs', pipeline: [{ $group: { _id: '$status' } }], as: 'r' } }])
    expect(covered(noMatch[0])).toBe(false)
    const onLater = lookupUses('people', [
      { $lookup: { from: 'regs', let: { s: '$s' }, pipeline: [{ $match: { $expr: { $eq: ['$status', '$$s'] } } }], as: 'r' } },
    ])
    expect(covered(onLater[0])).toBe(false)
    // Joins inside a join's pipeline are checked against their own collection.
    const nested = lookupUses('editions', [
      {
        $lookup: {
          from: 'regs',
          pipeline: [{ $match: { activityId: 'a' } }, { $lookup: { from: 'people', localField: 'p', foreignField: 'name', as: 'n' } }],
          as: 'r',
        },
      },
    ])
    expect(nested.map((u) => [u.collection, covered(u)])).toEqual([
      ['regs', true],
      ['people', false],
    ])
  })

  it("reads an aggregation's own use from its leading $match (and the $sort after it)", () => {
    expect(covered(aggregateUse('regs', [{ $match: { activityId: 'a' } }, { $group: { _id: '$status' } }]))).toBe(true)
    expect(covered(aggregateUse('regs', [{ $group: { _id: '$status' } }]))).toBe(false)
    expect(covered(aggregateUse('regs', [{ $sort: { openid: 1 } }, { $limit: 10 }]))).toBe(true)
    expect(covered(aggregateUse('regs', [{ $match: { status: 'x' } }, { $match: { activityId: 'a' } }]))).toBe(false)
  })

  it('names data-made path segments as *, so one query is one shape', () => {
    const a = recorder()
    a.check(find('regs', { _id: 'x', 'pending.r~0123456789abcdef.op': 'o1' }))
    a.check(find('regs', { _id: 'y', 'pending.r~fedcba9876543210.op': 'o2' }))
    expect(a.shapes().map((s) => [s.text, s.count])).toEqual([['get regs {_id, pending.*.op}', 2]])
  })

  it('names a made id of letters and digits as *, and keeps field names with a digit', () => {
    const a = recorder()
    a.check(find('places', { _id: 'p', 'held.nmmxcul640htjyvwxq': 'star' }))
    a.check(find('places', { _id: 'p', 'held.sfmxculmnx13': 'star' }))
    a.check(find('places', { _id: 'p', 'data.thing1': 'x' }))
    expect(a.shapes().map((s) => [s.text, s.count])).toEqual([
      ['get places {_id, held.*}', 2],
      ['get places {_id, data.thing1}', 1],
    ])
  })

  it("records every shape once with its count, and refuses a function's uncovered one only when enforcing", () => {
    const lines: string[] = []
    const strict = new QueryCoverage(spec, { enforce: true, report: (l) => lines.push(l) })
    strict.check(find('regs', { activityId: 'a' }), 'signup')
    strict.check(find('regs', { activityId: 'b' }), 'signup')
    expect(() => strict.check(find('regs', { status: 'x' }, ['startAt']), 'signup')).toThrow(
      'query not covered by any index in config/environment.ts: regs {status}',
    )
    expect(lines).toEqual([
      'query not covered by any index in config/environment.ts: regs {status} (get regs {status} sort(startAt), by the signup function)',
    ])
    // The seeder's and the tests' own reads (no function) are recorded, not refused.
    expect(() => strict.check(find('regs', { status: 'x' }))).not.toThrow()
    expect(strict.shapes().map((s) => [s.fn, s.text, s.count, s.covered])).toEqual([
      ['signup', 'get regs {activityId}', 2, true],
      ['signup', 'get regs {status} sort(startAt)', 1, false],
      [undefined, 'get regs {status}', 1, false],
    ])
    const lenient = recorder()
    expect(() => lenient.check(find('regs', { status: 'x' }), 'signup')).not.toThrow()
    expect(lenient.uncovered().map((s) => s.text)).toEqual(['get regs {status}'])
  })

  it('scores an index the ESR way: 3 per leading equality/$in field, then +2 sort served or +1 range', () => {
    const bound = (q: Doc) => plannedFilters(filterShape(q))[0]
    expect(indexScore(['activityId', 'status', 'waitKey'], bound({ activityId: 'a', status: { $in: ['x'] } }), ['waitKey'])).toBe(8)
    expect(indexScore(['activityId', 'status', 'waitKey'], bound({ activityId: 'a' }), ['waitKey'])).toBe(3)
    expect(indexScore(['activityId', 'ticketId'], bound({ activityId: 'a', ticketId: { $gt: 't' } }))).toBe(4)
    expect(indexScore(['openid', 'startAt'], bound({ openid: 'o' }), ['openid', 'startAt'])).toBe(5)
    // ESR: serving the sort beats bounding a range (no blocking sort); more equality beats both.
    const cursorPage = bound({ openid: 'o', endAt: { $gt: 1 }, startAt: { $gt: 2 } })
    expect(indexScore(['openid', 'startAt'], cursorPage, ['startAt', '_id'])).toBe(5)
    expect(indexScore(['openid', 'endAt'], cursorPage, ['startAt', '_id'])).toBe(4)
    expect(indexScore(['openid', 'startAt'], bound({ openid: 'o', startAt: 2, endAt: { $gt: 1 } }), ['startAt'])).toBe(6)
    expect(indexScore(['startAt', 'openid'], bound({ startAt: { $gt: 1 } }))).toBe(1)
    expect(indexScore(['openid', 'startAt'], bound({ startAt: { $gt: 1 } }))).toBe(0)
    expect(indexScore(['openid'], bound({ status: 'x' }), ['openid'])).toBe(0)
    expect(indexScore(['touchedAt'], bound({ _id: { $gt: 'k' } }), ['touchedAt', '_id'])).toBe(2)
    expect(indexScore(['openid', 'startAt'], bound({ status: 'x' }))).toBe(0)
  })

  it('plans an $or branch by branch, and leaves a query bounding _id to the _id index', () => {
    expect(plannedFilters(filterShape({ weekId: 'w', $or: [{ a: 1 }, { b: { $gt: 2 } }] }))).toEqual([
      { weekId: 'eq', a: 'eq' },
      { weekId: 'eq', b: 'range' },
    ])
    const regs = spec.collections[0].indexes
    expect(bestIndex(regs, { _id: 'eq', activityId: 'eq' })).toEqual({ score: Infinity, best: [] })
    expect(bestIndex(regs, { openid: 'eq', startAt: 'range' })).toEqual({ score: 4, best: ['openid_startAt'] })
    expect(bestIndex(regs, { activityId: 'eq' }, ['openid'])).toEqual({ score: 3, best: ['activityId_status'] })
    expect(bestIndex(regs, { status: 'eq' })).toEqual({ score: 0, best: [] })
  })
})
