import type { CheckinCounts } from '@shared/contracts/checkin'

/** '已签到 3 / 15 人，现场登记 2 人' */
export function countsText(c: CheckinCounts): string {
  return `已签到 ${c.checkedIn} / ${c.registered} 人${c.walkInHeadcount > 0 ? `，现场登记 ${c.walkInHeadcount} 人` : ''}`
}
