// Cloud function `privacy`: consent to the privacy guide, 我的信息 (see, export, delete my data), the
// phone-number button, and its timer, which anonymises each week's personal data after the week's
// retention period and finishes erasures whose call died. Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { getConsent, recordConsent } from './consent'
import { erase } from './erase'
import { exportMine } from './export'
import { mine } from './mine'

/** The actions, also for tests that run them with an injected clock. */
export const privacyActions = {
  'consent.get': getConsent,
  'consent.record': recordConsent,
  mine,
  export: exportMine,
  erase,
}

// Actions of the contract not listed yet answer UNKNOWN_ACTION.
export const main = createFunction('privacy', privacyActions as unknown as FunctionImpl<'privacy'>)
