// What anonymising a person's records changes, collection by collection: names, phones and free
// texts go; ids, statuses, categories (age group, 街道/社区, audience) and every counted fact stay,
// so counters, dashboards, the 总结表 and reconcile read the same numbers afterwards. Used by a
// person's erasure (privacy.erase, by account) and by the week's retention (privacy timer, by week).
import { ANONYMOUS_NAME, ERASED_OPENID } from '@shared/domain/privacy'
import type { Database } from './cloud'
import { COLLECTIONS, type CollectionName } from './collections'

export interface AnonymiseStep {
  collection: CollectionName
  /** The field an erasure finds the account's records by (absent: not reachable by account). */
  accountField?: 'openid' | 'recipient'
  /** The fields set on every record, whoever it belongs to (plus anonymisedAt). */
  personal: Record<string, string | null>
  /**
   * Fields whose presence is counted (a rating's comment: feedback.comments, which reconcile recounts
   * from the records): replaced only where they hold a value, by a value that still counts as one.
   */
  ifPresent?: Record<string, string>
}

/**
 * In the order they run. Registrations come first: what a volunteer or organiser sees of a person
 * is read from them. Each step is idempotent (setting the same values again changes nothing), so a
 * retry or the timer simply runs it again.
 */
export const ANONYMISE_STEPS: AnonymiseStep[] = [
  { collection: COLLECTIONS.registrations, accountField: 'openid', personal: { 'person.name': ANONYMOUS_NAME, 'person.phone': null } },
  { collection: COLLECTIONS.outbox, accountField: 'recipient', personal: { 'person.name': ANONYMOUS_NAME } },
  { collection: COLLECTIONS.enrolments, accountField: 'openid', personal: { learnerName: ANONYMOUS_NAME } },
  { collection: COLLECTIONS.readingLogs, accountField: 'openid', personal: { note: null } },
  { collection: COLLECTIONS.readers, accountField: 'openid', personal: { name: ANONYMOUS_NAME, board: null } },
  // A comment's words go, the fact that there was one stays (feedback.comments).
  { collection: COLLECTIONS.ratings, accountField: 'openid', personal: {}, ifPresent: { comment: ANONYMOUS_NAME } },
  // Walk-ins carry a name a volunteer typed, linked to no account: the week's retention clears them;
  // an erasure clears those of the week's records bearing the person's or a family member's name.
  { collection: COLLECTIONS.walkins, personal: { name: null } },
]

/** What an erasure sets besides the personal fields: the account link, so no list of the account reaches the record. */
export function erasedAccount(step: AnonymiseStep): Record<string, string> {
  return step.accountField ? { [step.accountField]: ERASED_OPENID } : {}
}

/**
 * Anonymises the records of one step that `where` selects (bounded by the caller, e.g. `_id: in(page)`):
 * one update with the personal fields and `extra` (anonymisedAt, an erasure's account link), and one
 * more per ifPresent field. Each sets fixed values, so running it again changes nothing.
 */
export async function anonymiseRecords(
  db: Database,
  step: AnonymiseStep,
  where: Record<string, unknown>,
  extra: Record<string, unknown>,
): Promise<void> {
  const _ = db.command
  const records = db.collection(step.collection)
  await records.where(where).update({ data: { ...step.personal, ...extra } })
  for (const [field, value] of Object.entries(step.ifPresent ?? {})) {
    await records.where({ ...where, [field]: _.nin([null, '']) }).update({ data: { [field]: value } })
  }
}
