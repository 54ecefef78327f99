// Counts of SDK requests by action (database.getDocument, database.modifyDocument...), read by the
// benchmarks as "database operations per ...", and the same requests as WeChat Cloud bills them
// (billing(): reads and writes, in all and per collection).

export interface DbStats {
  total: number
  byAction: Record<string, number>
}

/**
 * How WeChat Cloud's quota counts a request ("读操作数" / "写操作数" a day): one operation per request,
 * however many documents it touches. A read is a query: `get` (database.getDocument, also a `doc().get()`
 * inside a transaction), `count` (calculateDocument) and `aggregate` (aggregateDocuments, its lookups
 * included). A write is `add` (insertDocument, one request even with an array), `update`/`set`
 * (modifyDocument), `findOneAndUpdate`-style modifyAndReturnDoc, and `remove`. Creating a collection and
 * a transaction's start, commit and abort are neither (counted apart as `other`).
 */
export type BilledKind = 'read' | 'write' | 'other'

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument'])

export function billedKind(action: string): BilledKind {
  if (READS.has(action)) return 'read'
  if (WRITES.has(action)) return 'write'
  return 'other'
}

export interface DbBilling {
  reads: number
  writes: number
  other: number
  byCollection: Record<string, { reads: number; writes: number }>
}

export class StatsCounter {
  private total = 0
  private byAction = new Map<string, number>()
  private bill = { reads: 0, writes: 0, other: 0 }
  private byCollection = new Map<string, { reads: number; writes: number }>()

  record(action: string, collection?: string): void {
    this.total++
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1)
    const kind = billedKind(action)
    if (kind === 'other') {
      this.bill.other++
      return
    }
    const field = kind === 'read' ? 'reads' : 'writes'
    this.bill[field]++
    const name = collection ?? '(none)'
    const c = this.byCollection.get(name) ?? { reads: 0, writes: 0 }
    c[field]++
    this.byCollection.set(name, c)
  }

  snapshot(): DbStats {
    return { total: this.total, byAction: Object.fromEntries([...this.byAction].sort(([a], [b]) => a.localeCompare(b))) }
  }

  billing(): DbBilling {
    return {
      ...this.bill,
      byCollection: Object.fromEntries([...this.byCollection].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v }])),
    }
  }

  reset(): void {
    this.total = 0
    this.byAction = new Map()
    this.bill = { reads: 0, writes: 0, other: 0 }
    this.byCollection = new Map()
  }
}
