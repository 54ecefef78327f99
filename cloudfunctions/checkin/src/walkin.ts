import { checkinRefusal, addAttendance, walkinArrivals, walkinDelta } from '@shared/domain/attendance'
import type { Audience } from '@shared/domain/vocabulary'
import { maskName } from '@shared/domain/mask'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type WalkinDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { requireThat } from '../../_core/roles'
import { insertCounted } from '../../_core/countedRecord'
import { attendanceAmounts, attendanceOf } from '../../_core/stats'
import { loadDoorContext, mayCheckIn } from './context'
import { checkinTarget, countsOf } from './views'

/**
 * Someone who came without signing up (a group: one record, its headcount). Four operations: the
 * door read, the activity's attendance counters moved with a pending entry `wk~<hash of the
 * walk-in id>` (see _core/countedRecord.ts), the record carrying the entry's op (`_id` from the
 * phone's nonce: a retry is a duplicate, not a second walk-in), the entry settled. A retry of a
 * request cut off after its move adopts the move. Without a nonce the id is random: the journal
 * still keeps the counters exact if the call dies, but a retry is a second walk-in (as before).
 */
export async function walkin(
  ctx: ActionContext,
  input: { activityId: string; name?: string; audience: Audience; headcount: number; nonce?: string },
) {
  const { db } = ctx
  const now = ctx.now()
  const dc = await loadDoorContext(db, ctx.openid, input.activityId, null)
  const activity = dc.activity
  if (!activity || activity.status === 'draft') throw new DomainError('ACTIVITY_NOT_FOUND')
  requireThat(mayCheckIn(dc.caller, activity))
  const refusal = checkinRefusal(checkinTarget(activity), now)
  if (refusal) throw new DomainError(refusal)

  const id = `${activity._id}_${input.nonce ?? `w${now.toString(36)}${randomId(8)}`}`
  const delta = walkinDelta(input.audience, input.headcount)
  const build = (at: number) => {
    const doc: WalkinDoc = {
      _id: id,
      activityId: activity._id,
      weekId: activity.weekId,
      districtCode: activity.districtCode,
      name: input.name ?? null,
      audience: input.audience,
      headcount: input.headcount,
      volunteer: ctx.openid,
      nonce: input.nonce ?? null,
      createdAt: new Date(at),
    }
    return { doc, inc: attendanceAmounts(delta, walkinArrivals(at, input.headcount)) }
  }
  const view = { walkinId: id, name: input.name ? maskName(input.name) : null, audience: input.audience, headcount: input.headcount }
  const out = await insertCounted<WalkinDoc>(db, {
    kind: 'wk',
    collection: COLLECTIONS.walkins,
    id,
    activityId: activity._id,
    nonce: input.nonce ?? null,
    now,
    build,
  })
  // A pending move of this walk-in without our nonce cannot be (the id is the nonce's): a conflict.
  if (out.status === 'busy') throw new DomainError('CONFLICT')
  if (out.status !== 'written') return { ...view, replayed: true, counts: countsOf(activity) }
  return { ...view, replayed: false, counts: countsOf(activity, addAttendance(attendanceOf(activity), delta)) }
}
