import type { CheckinResult } from '@shared/contracts/checkin'
import type { CloudError } from '@/services/callCloud'
import type { ScanView } from '../components/ScanResult'

/** A check-in the cloud (or, with `offline`, the phone) accepted. */
export const okView = (r: CheckinResult, offline = false): ScanView => ({ result: 'ok', offline, maskedName: r.name, proxy: r.proxy })

/** A check-in the cloud refused: 已签到 with who and when, or the refusal's code. */
export function refusalView(err: CloudError): ScanView {
  if (err.code === 'ALREADY_CHECKED_IN') {
    const d = err.details ?? {}
    return {
      result: 'already',
      offline: false,
      checkedInAt: typeof d.checkedInAt === 'number' ? d.checkedInAt : null,
      byName: typeof d.byName === 'string' ? d.byName : null,
      maskedName: typeof d.name === 'string' ? d.name : undefined,
    }
  }
  return { result: 'rejected', offline: false, code: err.code }
}
