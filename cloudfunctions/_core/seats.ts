// Seats and the waitlist, exact under concurrency without multi-document transactions.
//
// The activity document holds seatsLeft and the counters; a registration document holds one
// person's status. Every move is one conditional single-document update whose `stats.updated`
// says who won:
//   take a seat        activities.where({ _id, status: 'published', seatsLeft: _.gt(0) })
//                        .update({ seatsLeft: _.inc(-1), 'counters.confirmed': _.inc(1), ... })
//   promote            registrations.where({ _id, status: 'waitlisted' }).update({ status: 'confirmed' })
// A seat freed by a cancellation goes straight to the first waitlisted registration (its status
// flips; seatsLeft does not move), so a newcomer can never jump the queue. Only when nobody
// waits is the seat given back (seatsLeft + 1), after which the giver looks at the waitlist once
// more; a newly waitlisted registration, after its insert, tries once more to take a free seat.
// Each side writes before it looks, so a seat freed while someone is being waitlisted is never
// left empty (see fillFreeSeats).
import { addDeltas, negateDelta, transitionDelta, type CounterDelta } from '@shared/domain/counters'
import type { Database } from './cloud'
import { COLLECTIONS, type RegistrationDoc } from './collections'
import { noticeFor, writeNotice, type NoticeActivity } from './outbox'
import { countDocs, readDocs } from './read'
import { incData } from './stats'
import { updateCount } from './write'

const WAITLIST_BATCH = 20
/** Bounds the retry loops; each round is a few database operations. */
const MAX_ROUNDS = 200

const activities = (db: Database) => db.collection(COLLECTIONS.activities)
const registrations = (db: Database) => db.collection(COLLECTIONS.registrations)

/** Adds a counter delta to the activity (no condition: the seat has already been decided). */
export async function applyDelta(db: Database, activityId: string, delta: CounterDelta): Promise<void> {
  const data = incData(db.command, delta)
  if (Object.keys(data).length === 0) return
  await activities(db).doc(activityId).update({ data })
}

/**
 * Takes one free seat of a published activity and moves its counters by `delta` in the same
 * conditional update. False when no seat was free (or the activity is no longer published).
 */
export async function takeSeat(db: Database, activityId: string, delta: CounterDelta): Promise<boolean> {
  const _ = db.command
  return (
    (await updateCount(
      activities(db).where({ _id: activityId, status: 'published', seatsLeft: _.gt(0) }),
      incData(_, delta),
    )) === 1
  )
}

/** The first waitlisted registrations of an activity, in waitlist order. */
export function firstWaitlisted(db: Database, activityId: string, limit = WAITLIST_BATCH): Promise<RegistrationDoc[]> {
  return readDocs<RegistrationDoc>(
    registrations(db)
      .where({ activityId, status: 'waitlisted' })
      .orderBy('waitKey', 'asc')
      .limit(limit),
  )
}

/** 1-based waitlist position of a waitlisted registration (one count). */
export async function waitlistPositionOf(db: Database, reg: Pick<RegistrationDoc, 'activityId' | 'waitKey'>): Promise<number> {
  const _ = db.command
  const ahead = await countDocs(
    registrations(db).where({ activityId: reg.activityId, status: 'waitlisted', waitKey: _.lt(reg.waitKey) }),
  )
  return ahead + 1
}

/** Flips one registration waitlisted -> confirmed; false when it was no longer waiting. */
export async function confirmIfWaiting(db: Database, regId: string, now: number, promoted: boolean): Promise<boolean> {
  const at = new Date(now)
  const data: Record<string, unknown> = { status: 'confirmed', confirmedAt: at, updatedAt: at }
  if (promoted) data.promotedAt = at
  return (await updateCount(registrations(db).where({ _id: regId, status: 'waitlisted' }), data)) === 1
}

/**
 * Gives a seat the caller already holds to the first registration still waiting, in waitlist
 * order: concurrent promoters walk the same queue and each wins exactly one. Null when nobody waits.
 * The caller moves the counters.
 */
export async function promoteFirstWaiting(db: Database, activityId: string, now: number): Promise<RegistrationDoc | null> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await firstWaitlisted(db, activityId)
    if (batch.length === 0) return null
    for (const w of batch) {
      if (await confirmIfWaiting(db, w._id, now, true)) return { ...w, status: 'confirmed' }
    }
  }
  return null
}

export async function notifyPromoted(db: Database, reg: RegistrationDoc, activity: NoticeActivity, now: number): Promise<void> {
  await writeNotice(db, noticeFor('waitlist_promoted', reg, activity, now))
}

/**
 * While seats are free and people wait: take a seat, give it to the first waiting registration,
 * notify them. A seat taken for nobody (the queue emptied meanwhile) is given back, then the
 * queue is looked at again. Answers how many were promoted.
 */
export async function fillFreeSeats(db: Database, activity: NoticeActivity, now: number): Promise<number> {
  const promote = transitionDelta('waitlisted', 'confirmed', false)
  let promoted = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const waiting = await firstWaitlisted(db, activity._id, 1)
    if (waiting.length === 0) return promoted
    if (!(await takeSeat(db, activity._id, promote))) return promoted
    const w = await promoteFirstWaiting(db, activity._id, now)
    if (w) {
      promoted++
      await notifyPromoted(db, w, activity, now)
      continue
    }
    await applyDelta(db, activity._id, negateDelta(promote))
  }
  return promoted
}

/**
 * After a confirmed registration was flipped to cancelled: its seat goes to the first waiting
 * registration (counters: one cancelled, one promoted; seatsLeft unchanged) or, when nobody
 * waits, back to the activity, whose waitlist is then looked at once more.
 */
export async function releaseSeat(db: Database, activity: NoticeActivity, leaving: { proxy: boolean }, now: number): Promise<RegistrationDoc | null> {
  const cancel = transitionDelta('confirmed', 'cancelled', leaving.proxy)
  const w = await promoteFirstWaiting(db, activity._id, now)
  if (w) {
    await applyDelta(db, activity._id, addDeltas(cancel, transitionDelta('waitlisted', 'confirmed', w.proxy)))
    await notifyPromoted(db, w, activity, now)
    return w
  }
  await applyDelta(db, activity._id, cancel)
  await fillFreeSeats(db, activity, now)
  return null
}
