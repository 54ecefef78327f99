// What every page needs of the privacy rules: the guide's version a consent must match, the consent
// sheet's summary and the retention bounds. Light on purpose (the main package carries it); the whole
// guide and the retention dates are in ./privacy. Pure.
import { PRIVACY_SUMMARY } from '../../../config/privacySummary'

export { PRIVACY_SUMMARY }

/** The guide's version a consent must name to count (a newer guide asks everyone again). */
export const PRIVACY_VERSION = PRIVACY_SUMMARY.version

export const RETENTION_DAYS_MIN = 30
export const RETENTION_DAYS_MAX = 3650

export interface ConsentRecord {
  version: number
  /** Epoch ms (contracts) or a Date (stored). */
  at: number | Date
}

/** A consent counts only for the guide's current version. */
export function consentIsCurrent(consent: ConsentRecord | null | undefined, version = PRIVACY_VERSION): boolean {
  return !!consent && consent.version === version
}
