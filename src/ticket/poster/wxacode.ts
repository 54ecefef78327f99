// The poster's cloud call: the activity's 小程序码 (activity.wxacode). Its contract is registered here,
// in the subpackage, beside the main package's activity actions (see contracts/poster.ts).
import { activityContract } from '@shared/contracts/activity'
import { posterContract } from '@shared/contracts/poster'
import { callCloud } from '@/services/callCloud'
import { registerContract } from '@/services/contractRegistry'

registerContract('activity', { ...activityContract, ...posterContract })

export function getWxacode(id: string): Promise<{ fileId: string; scene: string }> {
  return callCloud('activity', 'wxacode', { id })
}
