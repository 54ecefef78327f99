import type { z } from 'zod'
import type { activityListInputSchema } from '@shared/contracts/activity'
import { shanghaiDayRange } from '@shared/domain/time'
import { COLLECTIONS, type ActivityDoc } from '../../_core/collections'
import { decodeCursor, encodeCursor } from '../../_core/cursor'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { toSummary } from './mappers'

type ListInput = z.output<typeof activityListInputSchema>

/** A keyword taken literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The week's visible activities (published or cancelled, never drafts), by start time, filtered by
 * Shanghai day, district, content type, audience, mode (online/offline include hybrid), keyword
 * (title or venue, literal, case-insensitive) and 还能参加 (`canStillJoin` at the call's clock:
 * sign-up open now with seats left and not started, or no sign-up and not ended). Keyset paging: exactly one database read per page.
 */
export async function list(ctx: ActionContext, input: ListInput) {
  const _ = ctx.db.command
  const conditions: Record<string, unknown>[] = [{ weekId: input.weekId, status: _.in(['published', 'cancelled']) }]
  if (input.date) {
    const { start, end } = shanghaiDayRange(input.date)
    conditions.push({ startAt: _.gte(new Date(start)).and(_.lt(new Date(end))) })
  }
  if (input.districtCode) conditions.push({ districtCode: input.districtCode })
  if (input.type) conditions.push({ type: input.type })
  if (input.audience) conditions.push({ audiences: input.audience })
  if (input.mode === 'online') conditions.push({ mode: _.in(['online', 'hybrid']) })
  else if (input.mode === 'offline') conditions.push({ mode: _.in(['offline', 'hybrid']) })
  else if (input.mode === 'hybrid') conditions.push({ mode: 'hybrid' })
  if (input.keyword) {
    const re = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
    conditions.push(_.or([{ title: re }, { 'venue.name': re }]) as unknown as Record<string, unknown>)
  }
  if (input.hasSeats) {
    // canStillJoin (shared/domain/signupRules) as a query, at this call's clock.
    const at = new Date(ctx.now())
    conditions.push({ status: 'published' })
    conditions.push(
      _.or([
        { signup: null, endAt: _.gt(at) },
        { 'signup.opensAt': _.lte(at), 'signup.closesAt': _.gt(at), startAt: _.gt(at), seatsLeft: _.gt(0) },
      ]) as unknown as Record<string, unknown>,
    )
  }
  if (input.cursor) {
    const after = decodeCursor(input.cursor, 'instant')
    const at = new Date(after.key)
    conditions.push(_.or([{ startAt: _.gt(at) }, { startAt: at, _id: _.gt(after.id) }]) as unknown as Record<string, unknown>)
  }

  const docs = await readDocs<ActivityDoc>(
    ctx.db
      .collection(COLLECTIONS.activities)
      .where(_.and(conditions))
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(input.limit + 1),
  )
  const page = docs.slice(0, input.limit)
  const last = page[page.length - 1]
  const nextCursor = docs.length > input.limit && last ? encodeCursor({ key: new Date(last.startAt).getTime(), id: last._id }) : null
  return { items: page.map(toSummary), nextCursor }
}
