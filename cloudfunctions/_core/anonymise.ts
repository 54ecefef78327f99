// What anonymising a person's records changes, collection by collection: names, phones and free
// texts go; ids, statuses, categories (age group, 街道/社区, audience) and every counted fact stay,
// so counters, dashboards, the 总结表 and reconcile read the same numbers afterwards. Used by a
// person's erasure (privacy.erase, by account) and by the week's retention (privacy timer, by week).
import { ANONYMOUS_NAME, ERASED_OPENID, REDACTED_TEXT } from '@shared/domain/privacy'
import type { Database } from './cloud'
import { COLLECTIONS, type CollectionName } from './collections'
import { updateCount } from './write'

export interface AnonymiseStep {
  collection: CollectionName
  /** The field an erasure finds the account's records by (absent: not reachable by account). */
  accountField?: 'openid' | 'recipient'
  /** The fields set on every record, whoever it belongs to (plus anonymisedAt). */
  personal: Record<string, string | null>
  /**
   * Free-text fields whose non-empty value becomes REDACTED_TEXT (an empty one stays empty): that
   * there was a text is counted (a rating's comment in feedback.comments), so it must stay visible
   * to reconcile's recount.
   */
  redacted?: string[]
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
  { collection: COLLECTIONS.ratings, accountField: 'openid', personal: {}, redacted: ['comment'] },
  // Walk-ins carry a name a volunteer typed, linked to no account: the week's retention clears them;
  // an erasure clears those of the week's records bearing the person's or a family member's name.
  { collection: COLLECTIONS.walkins, personal: { name: null } },
]

/** What an erasure sets besides the personal fields: the account link, so no list of the account reaches the record. */
export function erasedAccount(step: AnonymiseStep): Record<string, string> {
  return step.accountField ? { [step.accountField]: ERASED_OPENID } : {}
}

/**
 * Anonymises the records of one step that `where` selects (a batch of ids, say): first the redacted
 * texts (only where non-empty), then the personal fields, anonymisedAt and, for an erasure
 * (`erasure: true`), the account link. In that order because the last write is what takes a record
 * out of an erasure's reads: a call dying between the two leaves it to be found and done again.
 * Idempotent. Answers how many records the last write changed.
 */
export async function anonymiseWhere(
  db: Database,
  step: AnonymiseStep,
  where: Record<string, unknown>,
  at: Date,
  erasure: boolean,
): Promise<number> {
  const _ = db.command
  const coll = db.collection(step.collection)
  for (const field of step.redacted ?? []) {
    await updateCount(coll.where({ ...where, [field]: _.nin([null, '', REDACTED_TEXT]) }), { [field]: REDACTED_TEXT })
  }
  return updateCount(coll.where(where), { ...step.personal, anonymisedAt: at, ...(erasure ? erasedAccount(step) : {}) })
}
