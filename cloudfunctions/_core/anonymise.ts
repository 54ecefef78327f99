// What anonymising a person's records changes, collection by collection: names, phones and free
// texts go; ids, statuses, categories (age group, 街道/社区, audience) and every counted fact stay,
// so counters, dashboards, the 总结表 and reconcile read the same numbers afterwards. Used by a
// person's erasure (privacy.erase, by account) and by the week's retention (privacy timer, by week).
import { ANONYMOUS_NAME, ERASED_OPENID, REDACTED_TEXT } from '@shared/domain/privacy'
import type { Command, Database } from './cloud'
import { COLLECTIONS, type CollectionName } from './collections'
import { deleteFiles } from './files'
import { readDocs } from './read'
import { updateCount } from './write'

export interface AnonymiseStep {
  /** The step's name in a week's retention progress (WeekDoc.retention.step); the collection when absent. */
  key?: string
  collection: CollectionName
  /** The field an erasure finds the account's records by (absent: not reachable by account). */
  accountField?: 'openid' | 'recipient' | 'nominator.openid'
  /** Only the records that also match this, in the step's reads and writes. */
  match?: (_: Command) => Record<string, unknown>
  /**
   * The fields set on every record, whoever it belongs to (plus anonymisedAt). Not `{}` unless
   * `remove`: a step that changes nothing personal would only stamp anonymisedAt.
   */
  personal: Record<string, unknown>
  /**
   * Free-text fields whose non-empty value becomes REDACTED_TEXT (an empty one stays empty): that
   * there was a text is counted (a rating's comment in feedback.comments), so it must stay visible
   * to reconcile's recount.
   */
  redacted?: string[]
  /** A field holding cloud storage file ids (photos) that go with the personal fields: removed from storage first. */
  files?: string
  /** Where the step runs: a person's erasure only, the week's retention only, or both (absent). */
  runs?: 'erasure' | 'retention'
  /**
   * An erasure removes the account's records instead (a like or a vote: the record is nothing but
   * the link between the account and what it liked on a day; the entry's counter keeps the count).
   */
  remove?: true
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
  // A resident's own nomination (自荐) is about them: erasing withdraws it from the gallery (hidden,
  // as an organiser hides one: no longer counted as shown; still counted as nominated and selected)
  // and clears the person's name, story, photos (removed from storage), contact and its history
  // (whose events carry the account). It runs before the nominator step below, and does that
  // step's part itself: its last write takes the record out of the account's reach.
  {
    key: 'nominations.self',
    collection: COLLECTIONS.nominations,
    accountField: 'nominator.openid',
    runs: 'erasure',
    match: () => ({ 'nominator.kind': 'self' }),
    personal: {
      name: ANONYMOUS_NAME,
      unitName: null,
      photos: [],
      videoUrl: null,
      hidden: true,
      history: [],
      'nominator.name': ANONYMOUS_NAME,
      'nominator.phone': '',
    },
    redacted: ['story'],
    files: 'photos',
  },
  // At the week's retention, a person nominated but never published loses their name, story and
  // photos (a published one stays: the person agreed to be shown; the organiser can hide it).
  {
    key: 'nominations.unpublished',
    collection: COLLECTIONS.nominations,
    runs: 'retention',
    match: (_) => ({ kind: 'star', status: _.neq('published') }),
    personal: { name: ANONYMOUS_NAME, photos: [], videoUrl: null },
    redacted: ['story'],
    files: 'photos',
  },
  // The contact a nominator gave (an organiser or the resident themself).
  {
    collection: COLLECTIONS.nominations,
    accountField: 'nominator.openid',
    personal: { 'nominator.name': ANONYMOUS_NAME, 'nominator.phone': '' },
  },
  { collection: COLLECTIONS.starLikes, accountField: 'openid', runs: 'erasure', remove: true, personal: {} },
  { collection: COLLECTIONS.starVotes, accountField: 'openid', runs: 'erasure', remove: true, personal: {} },
  // Walk-ins carry a name a volunteer typed, linked to no account: the week's retention clears them;
  // an erasure clears those of the week's records bearing the person's or a family member's name.
  { collection: COLLECTIONS.walkins, personal: { name: null } },
]

/** The step's name in a week's retention progress. */
export const stepKey = (step: AnonymiseStep): string => step.key ?? step.collection

/** The steps of a person's erasure, in order. */
export const ERASURE_STEPS = ANONYMISE_STEPS.filter((s) => s.runs !== 'retention')

/** The steps of a week's retention, in order (each anonymises; none removes). */
export const RETENTION_STEPS = ANONYMISE_STEPS.filter((s) => s.runs !== 'erasure')

/** What an erasure sets besides the personal fields: the account link, so no list of the account reaches the record. */
export function erasedAccount(step: AnonymiseStep): Record<string, string> {
  return step.accountField ? { [step.accountField]: ERASED_OPENID } : {}
}

/** Removes the storage files the selected records name in `field` (one read of at most a batch). */
async function deleteFilesOf(coll: ReturnType<Database['collection']>, where: Record<string, unknown>, field: string): Promise<void> {
  const docs = await readDocs<Record<string, unknown>>(
    coll
      .where(where)
      .field({ [field]: true })
      .limit(100),
  )
  await deleteFiles(
    docs.flatMap((d) => (Array.isArray(d[field]) ? (d[field] as unknown[]).filter((f): f is string => typeof f === 'string') : [])),
  )
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !(v instanceof Date)

/**
 * Anonymises the records of one step that `where` selects (a batch of ids, at most 100): first the
 * storage files they name (a step's `files`), then the redacted texts (only where non-empty), then the personal fields, anonymisedAt and, for an erasure
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
  const scoped = { ...where, ...step.match?.(_) }
  if (step.files) await deleteFilesOf(coll, scoped, step.files)
  for (const field of step.redacted ?? []) {
    await updateCount(coll.where({ ...scoped, [field]: _.nin([null, '', REDACTED_TEXT]) }), { [field]: REDACTED_TEXT })
  }
  const set = Object.fromEntries(Object.entries(step.personal).map(([k, v]) => [k, Array.isArray(v) || isObject(v) ? _.set(v) : v]))
  return updateCount(coll.where(scoped), { ...set, anonymisedAt: at, ...(erasure ? erasedAccount(step) : {}) })
}
