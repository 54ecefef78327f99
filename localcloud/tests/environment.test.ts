// config/environment.ts, the cloud environment as code: it describes exactly the collections the
// functions use, within the cloud's limits, with names a second deploy recognises.
import { environment } from '../../config/environment'
import { COLLECTIONS } from '../../cloudfunctions/_core/collections'

/** The cloud database's limit of indexes per collection (besides `_id`). */
const MAX_INDEXES = 20

describe('config/environment.ts', () => {
  it('describes every collection of cloudfunctions/_core/collections.ts, and only those', () => {
    const described = environment.collections.map((c) => c.name).sort()
    expect(described).toEqual([...Object.values(COLLECTIONS)].sort())
    expect(new Set(described).size).toBe(described.length)
  })

  it('keeps each collection within 20 indexes, named uniquely, with fields and no `_id` index', () => {
    for (const c of environment.collections) {
      expect({ collection: c.name, indexes: c.indexes.length <= MAX_INDEXES }).toEqual({ collection: c.name, indexes: true })
      const names = c.indexes.map((i) => i.name)
      expect({ collection: c.name, names: new Set(names).size }).toEqual({ collection: c.name, names: names.length })
      for (const i of c.indexes) {
        expect(i.name).toMatch(/^[A-Za-z0-9_]+$/)
        expect(i.fields.length).toBeGreaterThan(0)
        expect(new Set(i.fields.map(([f]) => f)).size).toBe(i.fields.length)
        expect(i.fields.map(([f]) => f)).not.toContain('_id')
      }
      // Two indexes on the same fields in the same order would be one index twice.
      const keys = c.indexes.map((i) => JSON.stringify(i.fields))
      expect({ collection: c.name, distinct: new Set(keys).size }).toEqual({ collection: c.name, distinct: keys.length })
    }
  })

  it('says why a collection may be scanned, and only for one with a reason', () => {
    for (const c of environment.collections) if (c.scan !== undefined) expect(c.scan.trim().length).toBeGreaterThan(10)
  })

  it('gives every collection a security rule: closed unless written otherwise', () => {
    for (const c of environment.collections) {
      expect(['boolean', 'string']).toContain(typeof c.rule.read)
      expect(['boolean', 'string']).toContain(typeof c.rule.write)
    }
    // The ticket signing keys never reach a client; activities are read by the dashboard's watch only.
    const rule = (name: string) => environment.collections.find((c) => c.name === name)?.rule
    expect(rule('weekKeys')).toEqual({ read: false, write: false })
    expect(rule('activities')).toEqual({ read: "doc.status == 'published' || doc.status == 'cancelled'", write: false })
    const open = environment.collections.filter((c) => c.rule.read !== false || c.rule.write !== false).map((c) => c.name)
    expect(open).toEqual(['activities'])
  })
})
