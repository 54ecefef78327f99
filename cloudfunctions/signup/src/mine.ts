import { COLLECTIONS, type ActivityDoc, type CheckinDoc, type RegistrationDoc } from '../../_core/collections'
import { decodeCursor, encodeCursor } from '../../_core/cursor'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { waitlistPositionOf } from '../../_core/seats'
import { toRegistration } from './views'

/**
 * Registrations of the caller and their family (all made from this account), with their state:
 * upcoming (not ended; soonest first) or past (ended; latest first). Keyset paging on
 * (startAt, _id). Three reads per page (registrations, their activities, their check-ins: a
 * check-in's id is its registration's) plus one count per waitlisted item for its position.
 */
export async function mine(ctx: ActionContext, input: { when: 'upcoming' | 'past'; cursor?: string; limit: number }) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const upcoming = input.when === 'upcoming'
  const conditions: Record<string, unknown>[] = [{ openid: ctx.openid, endAt: upcoming ? _.gt(new Date(now)) : _.lte(new Date(now)) }]
  if (input.cursor) {
    const after = decodeCursor(input.cursor, 'instant')
    const k = new Date(after.key)
    conditions.push(
      _.or(
        upcoming
          ? [{ startAt: _.gt(k) }, { startAt: k, _id: _.gt(after.id) }]
          : [{ startAt: _.lt(k) }, { startAt: k, _id: _.lt(after.id) }],
      ) as unknown as Record<string, unknown>,
    )
  }
  const dir = upcoming ? 'asc' : 'desc'
  const docs = await readDocs<RegistrationDoc>(
    db
      .collection(COLLECTIONS.registrations)
      .where(_.and(conditions))
      .orderBy('startAt', dir)
      .orderBy('_id', dir)
      .limit(input.limit + 1),
  )
  const page = docs.slice(0, input.limit)
  const last = page[page.length - 1]
  const nextCursor = docs.length > input.limit && last ? encodeCursor({ key: new Date(last.startAt).getTime(), id: last._id }) : null
  if (page.length === 0) return { items: [], nextCursor }

  const activityIds = [...new Set(page.map((r) => r.activityId))]
  const regIds = page.map((r) => r._id)
  const [activities, checkins, positions] = await Promise.all([
    readDocs<ActivityDoc>(
      db
        .collection(COLLECTIONS.activities)
        .where({ _id: _.in(activityIds) })
        .limit(activityIds.length),
    ),
    readDocs<Pick<CheckinDoc, '_id' | 'scannedAt'>>(
      db
        .collection(COLLECTIONS.checkins)
        .where({ _id: _.in(regIds) })
        .field({ _id: true, scannedAt: true })
        .limit(regIds.length),
    ),
    Promise.all(page.map((r) => (r.status === 'waitlisted' && !r.activityCancelled ? waitlistPositionOf(db, r) : Promise.resolve(null)))),
  ])
  const byId = new Map(activities.map((a) => [a._id, a]))
  const scanned = new Map(checkins.map((c) => [c._id, new Date(c.scannedAt).getTime()]))
  return {
    items: page.map((r, i) => toRegistration(r, byId.get(r.activityId) ?? null, now, positions[i], scanned.get(r._id) ?? null)),
    nextCursor,
  }
}
