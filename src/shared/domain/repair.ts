// What the repair can change, as organisers read it on the dashboard.
export type RepairKind = 'reverted' | 'settled' | 'promoted' | 'notified' | 'rewritten'

export const REPAIR_KIND_LABELS: Record<RepairKind, string> = {
  reverted: '收回中断报名占用的名额',
  settled: '补完中断的报名或签到',
  promoted: '空出名额递补给候补',
  notified: '补发通知',
  rewritten: '按记录重算计数',
}

/** Sums changes by kind, in the order of REPAIR_KIND_LABELS ('promoted' and 'settled' refs are counts). */
export function repairKinds(changes: { kind: RepairKind; ref: string }[]): { kind: RepairKind; label: string; count: number }[] {
  const counts = new Map<RepairKind, number>()
  for (const c of changes) {
    const n = c.kind === 'promoted' || c.kind === 'settled' ? Number(c.ref) || 1 : 1
    counts.set(c.kind, (counts.get(c.kind) ?? 0) + n)
  }
  return (Object.keys(REPAIR_KIND_LABELS) as RepairKind[])
    .filter((k) => counts.has(k))
    .map((kind) => ({ kind, label: REPAIR_KIND_LABELS[kind], count: counts.get(kind) ?? 0 }))
}
