import { checkinRefusal, addAttendance, walkinArrivals, walkinDelta } from '@shared/domain/attendance'
import type { Audience } from '@shared/domain/vocabulary'
import { maskName } from '@shared/domain/mask'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type WalkinDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { requireThat } from '../../_core/roles'
import { attendanceIncData, attendanceOf } from '../../_core/stats'
import { isDuplicateKey } from '../../_core/write'
import { loadDoorContext, mayCheckIn } from './context'
import { checkinTarget, countsOf } from './views'

/**
 * Someone who came without signing up (a group: one record, its headcount). Three operations:
 * the door read, the record (`_id` from the phone's nonce: a retry is a duplicate, not a second
 * walk-in), the counters.
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

  const doc: WalkinDoc = {
    _id: `${activity._id}_${input.nonce ?? `w${now.toString(36)}${randomId(8)}`}`,
    activityId: activity._id,
    weekId: activity.weekId,
    districtCode: activity.districtCode,
    name: input.name ?? null,
    audience: input.audience,
    headcount: input.headcount,
    volunteer: ctx.openid,
    nonce: input.nonce ?? null,
    createdAt: new Date(now),
  }
  const view = { walkinId: doc._id, name: doc.name ? maskName(doc.name) : null, audience: input.audience, headcount: input.headcount }
  try {
    await db.collection(COLLECTIONS.walkins).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return { ...view, replayed: true, counts: countsOf(activity) }
  }
  const delta = walkinDelta(doc.audience, doc.headcount)
  const arrivals = walkinArrivals(now, doc.headcount)
  await db.collection(COLLECTIONS.activities).doc(activity._id).update({ data: attendanceIncData(db.command, delta, arrivals) })
  return { ...view, replayed: false, counts: countsOf(activity, addAttendance(attendanceOf(activity), delta)) }
}
