// Ratings (群众满意度): after being checked in, once the activity has ended, a person is asked once to rate it.
//   rate: 1. one read: the registration with its check-in and any rating (aggregate + lookups)
//         2. the activity's feedback counters moved with a pending entry `rt~<hash of the
//            registration id>` in ONE conditional update (see _core/countedRecord.ts)
//         3. insert the rating, `_id` = registration id, carrying the entry's op: a second rating
//            is a duplicate key
//         4. the entry settled
// Every refusal is decided on the read, before the first write. A call that dies between 2 and 4
// leaves an entry the repair reverts or settles. The request has no nonce, but only the
// registration's owner may rate it: a fresh pending entry moving the same counters is this same
// rating sent again (a retry) and is adopted; one moving others (a different choice sent at the
// same moment) answers CONFLICT.
import { feedbackDelta, type RatingChoice } from '@shared/domain/feedback'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type CheckinDoc, type RatingDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import type { PendingEntry } from '../../_core/journal'
import { aggregateDocs } from '../../_core/read'
import { insertCounted } from '../../_core/countedRecord'
import { feedbackAmounts } from '../../_core/feedback'

type Joined = RegistrationDoc & { checkin: CheckinDoc[]; rating: Pick<RatingDoc, '_id'>[] }

const joinCheckinAndRating = <Q extends { lookup(spec: unknown): Q }>(q: Q): Q =>
  q
    .lookup({ from: COLLECTIONS.checkins, localField: '_id', foreignField: '_id', as: 'checkin' })
    .lookup({ from: COLLECTIONS.ratings, localField: '_id', foreignField: '_id', as: 'rating' })

/**
 * The caller's (and their family's) checked-in activities not yet rated or declined, newest first.
 * An activity is asked about only once it has ended: a rating card before the class would push the
 * ticket down the page, and the person cannot judge an activity they have not finished.
 */
export async function pendingRatings(ctx: ActionContext) {
  const now = ctx.now()
  const rows = await aggregateDocs<Joined>(
    joinCheckinAndRating(ctx.db.collection(COLLECTIONS.registrations).aggregate().match({ openid: ctx.openid, status: 'confirmed' })).limit(
      1000,
    ),
  )
  const items = rows
    .filter((r) => r.checkin.length > 0 && r.rating.length === 0 && !r.activityCancelled && new Date(r.endAt).getTime() <= now)
    .map((r) => ({
      registrationId: r._id,
      activityId: r.activityId,
      title: r.title,
      startAt: new Date(r.startAt).getTime(),
      personName: r.person.name,
      proxy: r.proxy,
      checkedInAt: new Date(r.checkin[0].scannedAt).getTime(),
    }))
  items.sort((a, b) => b.checkedInAt - a.checkedInAt)
  return { items }
}

export async function rate(ctx: ActionContext, input: { registrationId: string; choice: RatingChoice; comment?: string }) {
  const { db } = ctx
  const [row] = await aggregateDocs<Joined>(
    joinCheckinAndRating(db.collection(COLLECTIONS.registrations).aggregate().match({ _id: input.registrationId })).limit(1),
  )
  if (!row || row.openid !== ctx.openid) throw new DomainError('REGISTRATION_NOT_FOUND')
  if (row.checkin.length === 0) throw new DomainError('NOT_CHECKED_IN')
  if (row.rating.length > 0) throw new DomainError('ALREADY_RATED')

  const now = ctx.now()
  const comment = input.choice === 'skipped' ? null : input.comment?.trim() || null
  const inc = feedbackAmounts(feedbackDelta(input.choice, comment !== null))
  const build = (at: number) => {
    const doc: RatingDoc = {
      _id: row._id,
      activityId: row.activityId,
      weekId: row.weekId,
      districtCode: row.districtCode,
      openid: ctx.openid,
      personId: row.personId,
      level: input.choice,
      comment,
      createdAt: new Date(at),
    }
    return { doc, inc }
  }
  const sameAmounts = (entry: PendingEntry) => JSON.stringify(entry.inc) === JSON.stringify(inc)
  const out = await insertCounted<RatingDoc>(db, {
    kind: 'rt',
    collection: COLLECTIONS.ratings,
    id: row._id,
    activityId: row.activityId,
    nonce: null,
    now,
    build,
    adoptAlso: sameAmounts,
  })
  if (out.status === 'duplicate') throw new DomainError('ALREADY_RATED')
  if (out.status === 'busy') throw new DomainError('CONFLICT')
  const doc = out.status === 'written' ? out.doc : out.existing
  return {
    registrationId: row._id,
    choice: doc.level,
    ratedAt: doc.createdAt instanceof Date ? doc.createdAt.getTime() : new Date(doc.createdAt).getTime(),
  }
}
