// Rules of personal data: the guide's version a consent must match, what an anonymised record
// holds instead of a person, and when a week's personal data is anonymised. Pure.
// The full guide (items, purposes) is @shared/domain/privacyGuide: import it only where it is shown.
import { PHONE_NUMBER_BUTTON, PRIVACY_CONSENT } from '../../../config/privacyConsent'
import { shanghaiDate, shanghaiDayRange } from './time'

export { PRIVACY_CONSENT, PHONE_NUMBER_BUTTON }

/** The guide's version a consent must name to count (a newer guide asks everyone again). */
export const PRIVACY_VERSION = PRIVACY_CONSENT.version

/** Days after the summary deadline when a week's personal data is anonymised, unless the week sets its own. */
export const RETENTION_DAYS_DEFAULT = PRIVACY_CONSENT.retentionDays
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

/** The name an anonymised record shows where a person's name was. */
export const ANONYMOUS_NAME = '（已匿名）'

/**
 * What an anonymised free text (a rating's comment) says instead: the text goes, but that there was
 * one stays, because it is counted (feedback.comments, which reconcile recounts from the records).
 */
export const REDACTED_TEXT = '（已删除）'

/**
 * The `openid` of a record whose person deleted their data: the record stays (it is counted) but
 * no account's lists reach it any more.
 */
export const ERASED_OPENID = '~erased'

/** The day (Shanghai) a week's personal data is anonymised: `days` after its summary deadline. */
export function retentionDate(summaryDeadline: string, days: number = RETENTION_DAYS_DEFAULT): string {
  return shanghaiDate(shanghaiDayRange(summaryDeadline).start + days * 86_400_000 + 3_600_000)
}

/** Whether a week's personal data is due for anonymising at `now`: from the start of its retention date. */
export function retentionDue(summaryDeadline: string, days: number | null | undefined, now: number): boolean {
  return now >= shanghaiDayRange(retentionDate(summaryDeadline, days ?? RETENTION_DAYS_DEFAULT)).start
}
