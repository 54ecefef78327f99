// Counts of SDK requests by action (database.getDocument, database.modifyDocument...), read by the
// benchmarks as "database operations per ...".

export interface DbStats {
  total: number
  byAction: Record<string, number>
}

export class StatsCounter {
  private total = 0
  private byAction = new Map<string, number>()

  record(action: string): void {
    this.total++
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1)
  }

  snapshot(): DbStats {
    return { total: this.total, byAction: Object.fromEntries([...this.byAction].sort(([a], [b]) => a.localeCompare(b))) }
  }

  reset(): void {
    this.total = 0
    this.byAction = new Map()
  }
}
