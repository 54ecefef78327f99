import { Text, View } from '@tarojs/components'
import type { ScanView } from '../components/ScanResult'

/** How the tickets scanned on this screen since it opened were judged. */
export interface Tally {
  ok: number
  already: number
  rejected: number
}
export const EMPTY_TALLY: Tally = { ok: 0, already: 0, rejected: 0 }

export const countResult = (t: Tally, result: ScanView['result']): Tally => ({ ...t, [result]: t[result] + 1 })

/** One line under the result, so a volunteer scanning back to back sees every ticket was judged. */
export function ScanTally({ tally }: { tally: Tally }) {
  const total = tally.ok + tally.already + tally.rejected
  if (total === 0) return null
  return (
    <View
      className="vol-tally"
      data-testid="scan-tally"
      data-total={total}
      data-ok={tally.ok}
      data-already={tally.already}
      data-rejected={tally.rejected}
    >
      <Text>
        本次已核验 {total} 张：签到成功 {tally.ok} · 重复 {tally.already} · 未通过 {tally.rejected}
      </Text>
    </View>
  )
}
