// The store's document encoder writes exactly what bson's canonical EJSON writes, so what is on
// disk and what the SDK parses back does not depend on which path encoded it.
import { EJSON, ObjectId } from 'bson'
import { decodeStoredDoc, encodeDoc } from '../../db/decode'

const bson = (doc: unknown) => EJSON.stringify(doc, { relaxed: false })

const samples: Record<string, unknown> = {
  'numbers of every width': {
    a: 0,
    b: -1,
    c: 2147483647,
    d: 2147483648,
    e: -2147483649,
    f: 1.5,
    g: -0,
    h: 2 ** 53 + 2,
    i: 1e21,
    j: NaN,
    k: Infinity,
    l: -Infinity,
    m: 1796514013441,
  },
  'strings that need escaping': { s: 'a"b\\c\n\u0001东湖区', '键 with "quotes"': 'x', '': '' },
  'nested objects and arrays': {
    pending: {
      'r~abc': {
        at: 1796514013441,
        op: 'x1',
        nonce: null,
        inc: [
          ['counters.confirmed', 1],
          ['seatsLeft', -1],
        ],
        to: 'confirmed',
      },
    },
    list: [[], {}, [1, [2.5]]],
  },
  'dates, in range and not': { at: new Date(Date.UTC(2026, 11, 9, 2)), early: new Date(-1), far: new Date(253402318800001) },
  'undefined becomes null': { u: undefined, arr: [undefined, 1] },
  'booleans and null': { t: true, f: false, n: null },
  'an object without a prototype': Object.assign(Object.create(null), { x: 1 }),
}

describe('encodeDoc', () => {
  for (const [name, doc] of Object.entries(samples)) {
    test(`writes what bson writes: ${name}`, () => {
      expect(encodeDoc(doc)).toBe(bson(doc))
    })
  }

  test('falls back to bson for a value only bson knows (ObjectId), with the same output', () => {
    const doc = { _id: new ObjectId('65a1b2c3d4e5f60718293a4b'), n: 1 }
    expect(encodeDoc(doc)).toBe(bson(doc))
    expect(encodeDoc(doc)).toContain('"$oid":"65a1b2c3d4e5f60718293a4b"')
  })

  test('round-trips through the stored-document decoder: Dates stay Dates, numbers stay numbers', () => {
    const doc = { at: new Date(Date.UTC(2026, 11, 9, 2, 30)), n: 3, x: 1.25, big: 1796514013441, list: ['a', { b: null }] }
    expect(decodeStoredDoc(encodeDoc(doc))).toEqual(doc)
  })

  test('random trees encode as bson does', () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const leaf = (): unknown => {
      const r = rnd()
      if (r < 0.2) return Math.floor(rnd() * 2 ** 40) - 2 ** 39
      if (r < 0.35) return rnd() * 1000 - 500
      if (r < 0.5) return `s${Math.floor(rnd() * 1e6)}"\\`
      if (r < 0.6) return new Date(Math.floor(rnd() * 2e12))
      if (r < 0.7) return rnd() < 0.5
      if (r < 0.8) return null
      return Math.floor(rnd() * 100)
    }
    const tree = (depth: number): unknown => {
      if (depth === 0 || rnd() < 0.3) return leaf()
      const n = Math.floor(rnd() * 5)
      if (rnd() < 0.4) return Array.from({ length: n }, () => tree(depth - 1))
      return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}.${Math.floor(rnd() * 9)}`, tree(depth - 1)]))
    }
    for (let i = 0; i < 300; i++) {
      const doc = { _id: `d${i}`, body: tree(5) }
      expect(encodeDoc(doc)).toBe(bson(doc))
    }
  })
})
