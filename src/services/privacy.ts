// The personal-data calls: consent to the privacy guide, 我的信息 (see, export, delete), and the
// phone-number button's code turned into the number.
import type { ActionName, OutputOf } from '@shared/contracts'
import { privacyContract } from '@shared/contracts/privacy'
import { PRIVACY_VERSION } from '@shared/domain/consent'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('privacy', privacyContract)

type Out<A extends ActionName<'privacy'>> = Promise<OutputOf<'privacy', A>>

/** The guide's current version and the caller's recorded consent. */
export function getConsent(): Out<'consent.get'> {
  return callCloud('privacy', 'consent.get', {})
}

/** Records that the caller agreed to the current guide (the consent sheet's agree button). */
export function recordConsent(version: number = PRIVACY_VERSION): Out<'consent.record'> {
  return callCloud('privacy', 'consent.record', { version })
}

/** Everything stored about the caller and their family. */
export function getMyData(): Out<'mine'> {
  return callCloud('privacy', 'mine', {})
}

/** The same as a Word document (base64) to keep. */
export function exportMyData(): Out<'export'> {
  return callCloud('privacy', 'export', {})
}

/** Deletes the caller's data (upcoming registrations cancelled first); call again while `done` is false. */
export function eraseMyData(): Out<'erase'> {
  return callCloud('privacy', 'erase', { confirm: true })
}

/** The number behind WeChat's phone-number button (its one-time code). */
export function fillPhone(code: string): Out<'phone.fill'> {
  return callCloud('privacy', 'phone.fill', { code })
}
