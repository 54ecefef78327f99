// Rules of personal data: the guide's version a consent must match, what an anonymised record
// holds instead of a person, and when a week's personal data is anonymised. Pure.
import { PRIVACY_GUIDE } from '../../../config/privacy'
import { shanghaiDate, shanghaiDayRange } from './time'

export { PRIVACY_GUIDE }
// The light part (the main package's): version, summary, retention bounds, consentIsCurrent.
export { PRIVACY_SUMMARY, PRIVACY_VERSION, RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, consentIsCurrent, type ConsentRecord } from './consent'
export type { PrivacyGuide, PrivacyItem } from '../../../config/privacy'

/** The name an anonymised record shows where a person's name was. */
export const ANONYMOUS_NAME = '（已匿名）'

/**
 * The `openid` of a record whose person deleted their data: the record stays (it is counted) but
 * no account's lists reach it any more.
 */
export const ERASED_OPENID = '~erased'

/** The day (Shanghai) a week's personal data is anonymised: `days` after its summary deadline. */
export function retentionDate(summaryDeadline: string, days: number = PRIVACY_GUIDE.retentionDays): string {
  return shanghaiDate(shanghaiDayRange(summaryDeadline).start + days * 86_400_000 + 3_600_000)
}

/** Whether a week's personal data is due for anonymising at `now`: from the start of its retention date. */
export function retentionDue(summaryDeadline: string, days: number | null | undefined, now: number): boolean {
  return now >= shanghaiDayRange(retentionDate(summaryDeadline, days ?? PRIVACY_GUIDE.retentionDays)).start
}
