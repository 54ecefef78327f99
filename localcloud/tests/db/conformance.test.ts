// The local database is as strict as the cloud's (MongoDB's where the cloud documents nothing
// else): each behaviour here through the real wx-server-sdk, with the error it answers and what is
// stored after.
import { rejectionOf, startTestDb, type TestDb } from './helpers'

/** The SDK's ObjectId (what @cloudbase/node-sdk's db.ObjectId makes; it sends {$oid: hex}). */
const { ObjectId } = require('@cloudbase/database/dist/commonjs/ObjectId') as { ObjectId: new (opt: { id: string }) => object }

let t: TestDb
beforeAll(async () => {
  t = await startTestDb()
})
afterAll(async () => {
  await t.stop()
})

async function all(coll: string): Promise<Record<string, unknown>[]> {
  return (await t.db.collection(coll).orderBy('_id', 'asc').get()).data
}

async function stored(coll: string, id: string): Promise<Record<string, unknown>> {
  return (await t.db.collection(coll).doc(id).get()).data
}

describe('field names the cloud cannot store', () => {
  it('refuses a top-level field name starting with $ with DATABASE_REQUEST_FAILED (-502001) and stores nothing', async () => {
    const coll = await t.collection('names')
    const err = await rejectionOf(t.db.collection(coll).add({ data: { $secret: 1, ok: true } }))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/The dollar \(\$\) prefixed field '\$secret'/)
    expect(await all(coll)).toEqual([])
  })

  it('refuses a nested field name containing a dot and stores nothing of the batch', async () => {
    const coll = await t.collection('names')
    const err = await rejectionOf(t.db.collection(coll).add({ data: [{ _id: 'fine' }, { _id: 'bad', by: { 'a.b': 1 } }] }))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/The dotted field 'a\.b' in 'by\.a\.b'/)
    expect(await all(coll)).toEqual([])
  })

  it('refuses a nested field name starting with $, also inside an array of documents', async () => {
    const coll = await t.collection('names')
    const err = await rejectionOf(t.db.collection(coll).add({ data: { _id: 'x', list: [{ ok: 1 }, { $x: 1 }] } }))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/'\$x' in 'list\.1\.\$x'/)
    expect(await all(coll)).toEqual([])
  })

  it('refuses such names in set() data, leaving the document as it was', async () => {
    const coll = await t.collection('names')
    await t.db.collection(coll).add({ data: { _id: 'd', v: 1 } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .doc('d')
        .set({ data: { v: 2, map: { 'x.y': 1 } } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(await stored(coll, 'd')).toEqual({ _id: 'd', v: 1 })
  })

  it('refuses such names in a value update() writes, leaving the document as it was', async () => {
    const coll = await t.collection('names')
    await t.db.collection(coll).add({ data: { _id: 'd', v: 1 } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .doc('d')
        .update({ data: { v: 2, map: t._.set({ 'x.y': 1 }) } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(await stored(coll, 'd')).toEqual({ _id: 'd', v: 1 })
  })

  it('still takes a dotted key of update() data as a path into the document', async () => {
    const coll = await t.collection('names')
    await t.db.collection(coll).add({ data: { _id: 'd', a: { b: 1 } } })
    await t.db
      .collection(coll)
      .doc('d')
      .update({ data: { 'a.c': 2 } })
    expect(await stored(coll, 'd')).toEqual({ _id: 'd', a: { b: 1, c: 2 } })
  })
})

describe('update paths', () => {
  it("refuses _.inc on a path under a null field: Cannot create field 'checkedIn' in element {attendance: null}", async () => {
    const coll = await t.collection('paths')
    await t.db.collection(coll).add({ data: { _id: 'r', attendance: null } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .doc('r')
        .update({ data: { 'attendance.checkedIn': t._.inc(1) } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain("Cannot create field 'checkedIn' in element {attendance: null}")
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', attendance: null })
  })

  it('refuses creating a field inside a number, a string or (by name) an array, in a where().update() too', async () => {
    const coll = await t.collection('paths')
    await t.db.collection(coll).add({ data: { _id: 'r', n: 3, s: 'x', arr: [1] } })
    for (const path of ['n.x', 's.x', 'arr.x']) {
      const err = await rejectionOf(
        t.db
          .collection(coll)
          .where({ _id: 'r' })
          .update({ data: { [path]: 1 } }),
      )
      expect(err.errCode).toBe(-502001)
      expect(err.errMsg).toContain("Cannot create field 'x'")
    }
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', n: 3, s: 'x', arr: [1] })
  })

  it('creates the missing documents of a path, and sets an array element by index', async () => {
    const coll = await t.collection('paths')
    await t.db.collection(coll).add({ data: { _id: 'r', arr: [{ v: 1 }] } })
    await t.db
      .collection(coll)
      .doc('r')
      .update({ data: { 'a.b.c': t._.inc(1), 'arr.0.v': 5 } })
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', a: { b: { c: 1 } }, arr: [{ v: 5 }] })
  })

  it("refuses an update that sets a and a.c in one call: Updating the path 'a.c' would create a conflict at 'a'", async () => {
    const coll = await t.collection('paths')
    await t.db.collection(coll).add({ data: { _id: 'r', a: { c: 1 } } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .doc('r')
        .update({ data: { a: t._.set({ z: 1 }), 'a.c': 5 } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain("Updating the path 'a.c' would create a conflict at 'a'")
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', a: { c: 1 } })
  })

  it('refuses two operators on the same path, even when no document matches', async () => {
    const coll = await t.collection('paths')
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .where({ _id: 'none' })
        .update({ data: { n: t._.inc(1), 'n.x': t._.remove() } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain("Updating the path 'n.x' would create a conflict at 'n'")
  })
})

describe('operand types', () => {
  it('refuses _.mul and _.inc on a field that is not a number, leaving it as it was', async () => {
    const coll = await t.collection('operands')
    await t.db.collection(coll).add({ data: { _id: 'r', s: 'x', n: null } })
    const mul = await rejectionOf(
      t.db
        .collection(coll)
        .doc('r')
        .update({ data: { s: t._.mul(2) } }),
    )
    expect(mul.errCode).toBe(-502001)
    expect(mul.errMsg).toContain(
      'Cannot apply $mul to a value of non-numeric type. {_id: "r"} has the field \'s\' of non-numeric type string',
    )
    const inc = await rejectionOf(
      t.db
        .collection(coll)
        .doc('r')
        .update({ data: { n: t._.inc(1) } }),
    )
    expect(inc.errMsg).toContain('of non-numeric type null')
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', s: 'x', n: null })
  })

  it('refuses _.push and _.addToSet on a field that is not an array', async () => {
    const coll = await t.collection('operands')
    await t.db.collection(coll).add({ data: { _id: 'r', s: 'x' } })
    for (const data of [{ s: t._.push(['y']) }, { s: t._.addToSet('y') }]) {
      const err = await rejectionOf(t.db.collection(coll).doc('r').update({ data }))
      expect(err.errCode).toBe(-502001)
      expect(err.errMsg).toContain("The field 's' must be an array but is of type string")
    }
    expect(await stored(coll, 'r')).toEqual({ _id: 'r', s: 'x' })
  })
})

describe('elemMatch', () => {
  it('with a field condition does not match an array of plain numbers', async () => {
    const coll = await t.collection('elem')
    await t.db.collection(coll).add({
      data: [
        { _id: 'nums', tags: [1, 2] },
        { _id: 'docs', tags: [{ value: 1 }] },
        { _id: 'mixed', tags: [3, { value: 0 }] },
      ],
    })
    const res = await t.db
      .collection(coll)
      .where({ tags: t._.elemMatch({ value: t._.gt(0) }) })
      .get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['docs'])
  })

  it('with operators only still tests each element as a value', async () => {
    const coll = await t.collection('elem')
    await t.db.collection(coll).add({
      data: [
        { _id: 'nums', tags: [1, 5] },
        { _id: 'small', tags: [1, 2] },
        { _id: 'docs', tags: [{ value: 5 }] },
      ],
    })
    const res = await t.db
      .collection(coll)
      .where({ tags: t._.elemMatch(t._.gt(3)) })
      .get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['nums'])
  })
})

describe('ObjectId', () => {
  const HEX = '65a1b2c3d4e5f60718293a4b'

  it('accepts an ObjectId _id and answers and stores it as its 24-hex string', async () => {
    const coll = await t.collection('oid')
    const res = await t.db.collection(coll).add({ data: { _id: new ObjectId({ id: HEX }), v: 1 } })
    expect(res._id).toBe(HEX)
    expect(await stored(coll, HEX)).toEqual({ _id: HEX, v: 1 })
  })

  it('reads an ObjectId field back as its 24-hex string, and finds it by an ObjectId', async () => {
    const coll = await t.collection('oid')
    await t.db.collection(coll).add({ data: { _id: 'd', ref: new ObjectId({ id: HEX }) } })
    expect(await stored(coll, 'd')).toEqual({ _id: 'd', ref: HEX })
    const found = await t.db
      .collection(coll)
      .where({ ref: new ObjectId({ id: HEX }) })
      .get()
    expect(found.data).toEqual([{ _id: 'd', ref: HEX }])
  })
})

describe('aggregation expressions', () => {
  async function project(values: Record<string, unknown>[], fields: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const coll = await t.collection('expr')
    await t.db.collection(coll).add({ data: values.map((v, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...v })) })
    const res = await t.db
      .collection(coll)
      .aggregate()
      .sort({ _id: 1 })
      .project({ _id: 0, ...fields })
      .limit(100)
      .end()
    return res.list
  }

  it('numbers $week as MongoDB does: Sunday-based, week 0 before the first Sunday of the year', async () => {
    const dates: [string, number][] = [
      ['2023-01-01', 1], // Sunday
      ['2024-01-01', 0], // Monday
      ['2019-01-01', 0], // Tuesday
      ['2025-01-01', 0], // Wednesday
      ['2026-01-01', 0], // Thursday
      ['2021-01-01', 0], // Friday
      ['2022-01-01', 0], // Saturday
      ['2022-01-02', 1], // the first Sunday
      ['2024-01-06', 0],
      ['2024-01-07', 1],
      ['2023-12-31', 53], // a Sunday
      ['2024-12-31', 52],
      ['2026-12-31', 52],
    ]
    const list = await project(
      dates.map(([d]) => ({ at: new Date(`${d}T12:00:00Z`) })),
      { w: t.$.week('$at') },
    )
    expect(list.map((d) => d.w)).toEqual(dates.map(([, w]) => w))
  })

  it('applies $week in the timezone given', async () => {
    // 2023-12-31 20:00 UTC is Monday 2024-01-01 04:00 in Beijing.
    const list = await project([{ at: new Date('2023-12-31T20:00:00Z') }], {
      utc: t.$.week('$at'),
      beijing: t.$.week({ date: '$at', timezone: '+08:00' }),
    })
    expect(list).toEqual([{ utc: 53, beijing: 0 }])
  })

  it('formats %U in $dateToString as $week numbers it, and answers null $week for no date', async () => {
    const list = await project([{ at: new Date('2024-01-07T12:00:00Z') }, { at: null }], {
      s: t.$.dateToString({ date: '$at', format: '%Y-W%U' }),
      w: t.$.week('$at'),
    })
    expect(list).toEqual([
      { s: '2024-W01', w: 1 },
      { s: null, w: null },
    ])
  })

  it('has $indexOfCP, counting code points, with start and end', async () => {
    const list = await project([{ s: 'cafétéria' }, { s: '𝟘𝟙ab' }, { s: null }], {
      e: t.$.indexOfCP(['$s', 'é']),
      e2: t.$.indexOfCP(['$s', 'é', 4]),
      before: t.$.indexOfCP(['$s', 'é', 0, 3]),
      b: t.$.indexOfCP(['$s', 'b']),
      empty: t.$.indexOfCP(['$s', '', 2]),
    })
    expect(list).toEqual([
      { e: 3, e2: 5, before: -1, b: -1, empty: 2 },
      { e: -1, e2: -1, before: -1, b: 3, empty: 2 },
      { e: null, e2: null, before: null, b: null, empty: null },
    ])
  })

  it('refuses $indexOfCP with a negative start', async () => {
    const coll = await t.collection('expr')
    await t.db.collection(coll).add({ data: { s: 'abc' } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .aggregate()
        .project({ i: t.$.indexOfCP(['$s', 'b', -1]) })
        .end(),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(err.errMsg).toMatch(/\$indexOfCP requires a nonnegative starting index/)
  })

  it('takes a negative $substrBytes length as "to the end of the string"', async () => {
    const list = await project([{ s: 'hello world' }, { s: '学习周' }], {
      rest: t.$.substrBytes(['$s', 3, -1]),
      two: t.$.substrBytes(['$s', 0, 3]),
      past: t.$.substrBytes(['$s', 0, 100]),
    })
    expect(list).toEqual([
      { rest: 'lo world', two: 'hel', past: 'hello world' },
      { rest: '习周', two: '学', past: '学习周' },
    ])
  })

  it('refuses a $substrBytes range that starts inside a UTF-8 character', async () => {
    const coll = await t.collection('expr')
    await t.db.collection(coll).add({ data: { s: '学习周' } })
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .aggregate()
        .project({ x: t.$.substrBytes(['$s', 1, -1]) })
        .end(),
    )
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    expect(err.errMsg).toMatch(/continuation byte/)
  })
})

describe('$jsonSchema', () => {
  let coll: string
  beforeAll(async () => {
    coll = await t.collection('schema')
    await t.db.collection(coll).add({
      data: [
        { _id: 'ok', name: 'Ann', age: 30, role: 'resident', tags: ['a'], phone: '13800000000' },
        { _id: 'noName', age: 30, role: 'resident' },
        { _id: 'young', name: 'Bo', age: 10, role: 'resident' },
        { _id: 'oddRole', name: 'Cy', age: 40, role: 'admin' },
        { _id: 'ageText', name: 'Di', age: '40', role: 'resident' },
        { _id: 'longName', name: 'Evangeline', age: 40, role: 'resident' },
        { _id: 'badTags', name: 'Fu', age: 40, role: 'resident', tags: [1] },
        { _id: 'badPhone', name: 'Gu', age: 40, role: 'resident', phone: '12' },
        { _id: 'extra', name: 'Hu', age: 40, role: 'resident', secret: true },
      ],
    })
  })

  async function matching(schema: Record<string, unknown>): Promise<string[]> {
    const res = await t.db.collection(coll).where({ $jsonSchema: schema }).orderBy('_id', 'asc').get()
    return res.data.map((d: { _id: string }) => d._id)
  }

  it('selects documents by bsonType, required, properties, minimum, maximum, enum, minLength, maxLength, pattern, items and additionalProperties', async () => {
    const schema = {
      bsonType: 'object',
      required: ['name', 'age'],
      additionalProperties: false,
      properties: {
        _id: { bsonType: 'string' },
        name: { bsonType: 'string', minLength: 2, maxLength: 8 },
        age: { bsonType: 'int', minimum: 18, maximum: 120 },
        role: { enum: ['resident', 'organiser'] },
        tags: { bsonType: 'array', items: { bsonType: 'string' } },
        phone: { bsonType: 'string', pattern: '^1\\d{10}$' },
      },
    }
    expect(await matching(schema)).toEqual(['ok'])
  })

  it('lets a keyword constrain only values of its type, and a missing property pass unless required', async () => {
    // minimum says nothing about a string age; no required: a document without age passes.
    expect(await matching({ properties: { age: { minimum: 35 } } })).toEqual([
      'ageText',
      'badPhone',
      'badTags',
      'extra',
      'longName',
      'oddRole',
    ])
  })

  it('refuses an unknown $jsonSchema keyword with DATABASE_REQUEST_FAILED', async () => {
    const err = await rejectionOf(
      t.db
        .collection(coll)
        .where({ $jsonSchema: { bsonType: 'object', minimumAge: 3 } })
        .get(),
    )
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/Unknown \$jsonSchema keyword: minimumAge/)
  })
})

describe('aggregate result count', () => {
  // The cloud documents no error for a big $limit: a pipeline without $limit answers 20 results,
  // and with one at most 10,000 (developers.weixin.qq.com community, "云函数端Aggregate聚合操作limit默认
  // 20条限制": "上限可以达到1万条数据"). The local database caps it the same way.
  it('answers at most 10,000 results for a $limit above 10,000, and 20 without a $limit', async () => {
    const coll = await t.collection('agglimit')
    await t.db.collection(coll).add({ data: { _id: 'one', n: Array.from({ length: 10_050 }, (_, i) => i) } })
    const capped = await t.db.collection(coll).aggregate().unwind('$n').limit(20_000).end()
    expect(capped.list).toHaveLength(10_000)
    expect(capped.list[9_999]).toEqual({ _id: 'one', n: 9_999 })
    const unlimited = await t.db.collection(coll).aggregate().unwind('$n').end()
    expect(unlimited.list).toHaveLength(20)
  })
})
