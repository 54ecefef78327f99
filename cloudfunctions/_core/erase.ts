// A person deleting their data (privacy.erase), in steps that each survive the call dying after any
// write: calling erase again, or the privacy timer (finishErasures, for marks older than
// ERASE_RESUME_AFTER_MS), runs the same steps again and each finds what is left.
//   a. the user document marked `erasure: { requestedAt }` and its consent removed, in one write
//      (a sign-up now asks for consent again; the mark is what the timer looks for)
//   b. every upcoming registration of the account (self and family) cancelled as signup.cancel does
//      (_core/cancel.ts: the seat handed to the first waiting person, counters, journal), with a
//      nonce made of the registration and its revision, so a retry adopts the move a dead call
//      left instead of starting another
//   c. every record of the account anonymised per ERASURE_STEPS, a batch of ids read and then
//      updated at a time (personal fields, anonymisedAt and the account link set to ERASED_OPENID,
//      so the next read no longer finds the batch), or removed (likes and votes, whose record is
//      only the link between the account and what it liked); walk-ins bearing the person's or a family
//      member's name lose the name (a namesake's walk-in too: a typed name alone cannot tell them
//      apart, and a walk-in's name is never counted)
//   d. the profile, family and mark removed: the user document deleted when it holds no roles,
//      kept with its roles otherwise (one write)
// Ids, personIds, statuses, categories (age group, 街道/社区, audience) and every counted fact stay,
// so counters, the dashboard, the 总结表 and reconcile read the same afterwards, apart from the
// cancellations of step b, which move the counters as any cancel does.
import { ANONYMISE_STEPS, anonymiseWhere, ERASURE_STEPS, type AnonymiseStep } from './anonymise'
import { cancelActiveRegistration } from './cancel'
import type { Database } from './cloud'
import { COLLECTIONS, type ActivityDoc, type CheckinDoc, type RegistrationDoc, type UserDoc } from './collections'
import { stepId } from './ids'
import { regKey, revOf, type PendingMap } from './journal'
import { readDocs } from './read'
import { clearStaleEntry } from './repair'
import { readUser, upsertUser } from './users'
import { updateCount } from './write'

/** An erasure mark older than this belongs to a call that died: the privacy timer finishes it. */
export const ERASE_RESUME_AFTER_MS = 5 * 60_000
/** Records read and anonymised at a time. */
const BATCH = 100
/** Upcoming registrations looked at per round (a person has a handful). */
const UPCOMING_MAX = 200
/** Rounds of cancelling (a promotion may make a family member's waitlisted registration confirmed). */
const CANCEL_ROUNDS = 5
/** An erase call stops (done: false) after this long; the privacy function's timeout is 30 s. */
export const ERASE_BUDGET_MS = 15_000
/** Marks the timer finishes per run. */
const FINISH_MAX = 20

export interface EraseProgress {
  /** Registrations this call cancelled, records it anonymised. */
  cancelled: number
  anonymised: number
  /** Every step done; false: call again (time budget or a registration being moved by another call). */
  done: boolean
}

const ACTIVE = ['confirmed', 'waitlisted']

/**
 * The registrations an erasure cancels first: the account's active ones (self and family) whose
 * activity has not started and was not cancelled by its organiser, and that were not checked in (a
 * person at the door is counted as attending; their record is anonymised, not cancelled). The cancel
 * deadline does not apply: a person deleting their data cannot attend an activity anonymously, and a
 * late cancel frees the seat for the waitlist, which is better than a no-show. At most UPCOMING_MAX.
 */
export async function cancellableRegistrations(db: Database, openid: string, now: number): Promise<RegistrationDoc[]> {
  const _ = db.command
  const regs = (
    await readDocs<RegistrationDoc>(
      db
        .collection(COLLECTIONS.registrations)
        .where({ openid, startAt: _.gt(new Date(now)), status: _.in(ACTIVE) })
        .orderBy('startAt', 'asc')
        .limit(UPCOMING_MAX),
    )
  ).filter((r) => !r.activityCancelled)
  if (regs.length === 0) return []
  const ids = regs.map((r) => r._id)
  const checked = await readDocs<Pick<CheckinDoc, '_id'>>(
    db
      .collection(COLLECTIONS.checkins)
      .where({ _id: _.in(ids) })
      .field({ _id: true })
      .limit(ids.length),
  )
  const seen = new Set(checked.map((c) => c._id))
  return regs.filter((r) => !seen.has(r._id))
}

/** The nonce of an erasure's cancel of a registration at a revision: the same in every retry. */
const eraseNonce = (reg: RegistrationDoc) => stepId('erase', reg._id, revOf(reg))

/** Step a: the mark set and the consent removed (one write; the document created when there is none). */
async function markErasure(db: Database, openid: string, user: UserDoc | null, now: number): Promise<void> {
  if (user?.erasure) return
  const _ = db.command
  const erasure = { requestedAt: new Date(now) }
  await upsertUser(db, openid, { erasure: _.set(erasure), consent: _.remove() }, () => ({ erasure }), now, user !== null)
}

/** Step b: false when some registration could not be cancelled now (moved by another call). */
async function cancelUpcoming(
  db: Database,
  openid: string,
  now: number,
  progress: EraseProgress,
  outOfTime: () => boolean,
  worked: () => void,
): Promise<boolean> {
  const _ = db.command
  for (let round = 0; round < CANCEL_ROUNDS; round++) {
    const regs = await cancellableRegistrations(db, openid, now)
    if (regs.length === 0) return true
    const activityIds = [...new Set(regs.map((r) => r.activityId))]
    const activities = await readDocs<ActivityDoc & { pending?: PendingMap }>(
      db
        .collection(COLLECTIONS.activities)
        .where({ _id: _.in(activityIds) })
        .limit(activityIds.length),
    )
    const byId = new Map(activities.map((a) => [a._id, a]))
    for (const reg of regs) {
      if (outOfTime()) return false
      const activity = byId.get(reg.activityId)
      if (!activity) continue
      if (await cancelActiveRegistration(db, activity, reg, now, eraseNonce(reg))) progress.cancelled++
      else await clearStaleEntry(db, activity._id, regKey(reg._id), now)
      worked()
    }
  }
  return (await cancellableRegistrations(db, openid, now)).length === 0
}

/** Step c: one batch of one step's records of the account; how many were done (0: that step is done). */
async function anonymiseBatch(db: Database, step: AnonymiseStep, openid: string, at: Date): Promise<number> {
  const _ = db.command
  const field = step.accountField
  if (!field) return 0
  const coll = db.collection(step.collection)
  const docs = await readDocs<{ _id: string }>(
    coll
      .where({ [field]: openid, ...step.match?.(_) })
      .field({ _id: true })
      .limit(BATCH),
  )
  if (docs.length === 0) return 0
  const ids = docs.map((d) => d._id)
  if (step.remove) await coll.where({ _id: _.in(ids), [field]: openid }).remove()
  else await anonymiseWhere(db, step, { _id: _.in(ids), [field]: openid }, at, true)
  return ids.length
}

/** Step c for walk-ins: names a volunteer typed that are the person's or a family member's. */
async function clearWalkinNames(db: Database, names: string[], at: Date): Promise<number> {
  if (names.length === 0) return 0
  const _ = db.command
  const coll = db.collection(COLLECTIONS.walkins)
  const docs = await readDocs<{ _id: string }>(
    coll
      .where({ name: _.in(names) })
      .field({ _id: true })
      .limit(BATCH),
  )
  if (docs.length === 0) return 0
  const step = ANONYMISE_STEPS.find((s) => s.collection === COLLECTIONS.walkins) ?? {
    collection: COLLECTIONS.walkins,
    personal: { name: null },
  }
  await anonymiseWhere(db, step, { _id: _.in(docs.map((d) => d._id)) }, at, false)
  return docs.length
}

/** Step d: the profile, family, consent and mark gone (the document too when it holds no roles). */
async function removeAccountData(db: Database, openid: string, user: UserDoc | null, now: number): Promise<void> {
  const _ = db.command
  const users = db.collection(COLLECTIONS.users)
  if (!user || (user.roles ?? []).length === 0) {
    await users.where({ _id: openid }).remove()
    return
  }
  await updateCount(users.where({ _id: openid }), {
    profile: _.remove(),
    family: _.set([]),
    consent: _.remove(),
    erasure: _.remove(),
    updatedAt: new Date(now),
  })
}

/**
 * Runs (or continues) the erasure of an account's data until done or `budgetMs` of real time has
 * passed. `now` is the action's (or the timer's) clock: which registrations are upcoming, the marks' times.
 */
export async function eraseAccount(db: Database, openid: string, now: number, budgetMs = ERASE_BUDGET_MS): Promise<EraseProgress> {
  const started = Date.now()
  // Every call gets at least one unit of work done (a cancel, a batch), so calls again always progress.
  let worked = false
  const outOfTime = () => worked && Date.now() - started > budgetMs
  const progress: EraseProgress = { cancelled: 0, anonymised: 0, done: false }
  const at = new Date(now)
  const user = await readUser(db, openid)
  await markErasure(db, openid, user, now)

  if (!(await cancelUpcoming(db, openid, now, progress, outOfTime, () => (worked = true)))) return progress

  for (const step of ERASURE_STEPS) {
    for (;;) {
      if (outOfTime()) return progress
      const n = await anonymiseBatch(db, step, openid, at)
      progress.anonymised += n
      if (n > 0) worked = true
      if (n < BATCH) break
    }
  }
  const names = [user?.profile?.name, ...(user?.family ?? []).map((m) => m.name)].filter((n): n is string => !!n)
  for (;;) {
    if (outOfTime()) return progress
    const n = await clearWalkinNames(db, [...new Set(names)], at)
    progress.anonymised += n
    if (n > 0) worked = true
    if (n < BATCH) break
  }
  await removeAccountData(db, openid, user, now)
  progress.done = true
  return progress
}

/**
 * The privacy timer's part: erasures whose call died (marked more than ERASE_RESUME_AFTER_MS before
 * `now`) are run to their end, oldest first, within `budgetMs` of real time in all. Answers how many
 * were finished and whether marks are left for the next run.
 */
export async function finishErasures(
  db: Database,
  now: number,
  budgetMs = ERASE_BUDGET_MS,
): Promise<{ finished: number; cancelled: number; anonymised: number; more: boolean }> {
  const _ = db.command
  const started = Date.now()
  const out = { finished: 0, cancelled: 0, anonymised: 0, more: false }
  const marked = await readDocs<Pick<UserDoc, '_id'>>(
    db
      .collection(COLLECTIONS.users)
      .where({ 'erasure.requestedAt': _.lt(new Date(now - ERASE_RESUME_AFTER_MS)) })
      .orderBy('erasure.requestedAt', 'asc')
      .field({ _id: true })
      .limit(FINISH_MAX),
  )
  for (const { _id } of marked) {
    const left = budgetMs - (Date.now() - started)
    if (left <= 0) {
      out.more = true
      break
    }
    const p = await eraseAccount(db, _id, now, left)
    out.cancelled += p.cancelled
    out.anonymised += p.anonymised
    if (p.done) out.finished++
    else out.more = true
  }
  if (marked.length === FINISH_MAX) out.more = true
  return out
}
