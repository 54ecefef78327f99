// Ratings (群众满意度): after being checked in, a person is asked once to rate the activity.
//   rate: 1. one read: the registration with its check-in and any rating (aggregate + lookups)
//         2. insert the rating, `_id` = registration id: a second rating is a duplicate key
//         3. one `_.inc` of the activity's feedback counters
// Every refusal is decided on the read, before the first write.
import { feedbackDelta, type RatingChoice } from '@shared/domain/feedback'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type CheckinDoc, type RatingDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs } from '../../_core/read'
import { isDuplicateKey } from '../../_core/write'
import { feedbackIncData } from '../../_core/feedback'

type Joined = RegistrationDoc & { checkin: CheckinDoc[]; rating: Pick<RatingDoc, '_id'>[] }

const joinCheckinAndRating = <Q extends { lookup(spec: unknown): Q }>(q: Q): Q =>
  q
    .lookup({ from: COLLECTIONS.checkins, localField: '_id', foreignField: '_id', as: 'checkin' })
    .lookup({ from: COLLECTIONS.ratings, localField: '_id', foreignField: '_id', as: 'rating' })

/** The caller's (and their family's) checked-in activities not yet rated or declined, newest first. */
export async function pendingRatings(ctx: ActionContext) {
  const rows = await aggregateDocs<Joined>(
    joinCheckinAndRating(
      ctx.db.collection(COLLECTIONS.registrations).aggregate().match({ openid: ctx.openid, status: 'confirmed' }),
    ).limit(1000),
  )
  const items = rows
    .filter((r) => r.checkin.length > 0 && r.rating.length === 0 && !r.activityCancelled)
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
  const doc: RatingDoc = {
    _id: row._id,
    activityId: row.activityId,
    weekId: row.weekId,
    districtCode: row.districtCode,
    openid: ctx.openid,
    personId: row.personId,
    level: input.choice,
    comment,
    createdAt: new Date(now),
  }
  try {
    await db.collection(COLLECTIONS.ratings).add({ data: doc })
  } catch (err) {
    if (isDuplicateKey(err)) throw new DomainError('ALREADY_RATED')
    throw err
  }
  await db
    .collection(COLLECTIONS.activities)
    .doc(row.activityId)
    .update({ data: feedbackIncData(db.command, feedbackDelta(input.choice, comment !== null)) })
  return { registrationId: row._id, choice: input.choice, ratedAt: now }
}
