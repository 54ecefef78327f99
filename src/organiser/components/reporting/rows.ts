// The 总结表's rows as the pages show them. Pure.
import type { SummaryRowView } from '@shared/contracts/stats'

export interface RowGroup {
  group: string
  rows: SummaryRowView[]
}

/** Rows in order, consecutive rows of one group together (the official table's left column). */
export function groupRows(rows: readonly SummaryRowView[]): RowGroup[] {
  const out: RowGroup[] = []
  for (const r of rows) {
    const last = out[out.length - 1]
    if (last && last.group === r.group) last.rows.push(r)
    else out.push({ group: r.group, rows: [r] })
  }
  return out
}

/** A row of a roll-up still showing the text composed from its units (nothing typed over it). */
export const showsComposed = (row: SummaryRowView, value: string) =>
  row.composed !== null && row.typed === null && value.trim() === row.composed.trim()
