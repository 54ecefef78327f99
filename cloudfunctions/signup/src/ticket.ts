import { signTicket } from '@shared/domain/ticket'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type CheckinDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { ensureWeekKey } from '../../_core/keys'
import { aggregateDocs, readDocs } from '../../_core/read'
import { updateCount } from '../../_core/write'

const ms = (d: Date | string | number) => new Date(d).getTime()

/**
 * The QR ticket of a confirmed registration made from the caller's account (their own or a
 * family member's). The ticket id is drawn once, on first display, by a conditional update (two
 * phones showing it at once agree on the winner's id); the token carries ids only.
 * Usually 1 operation (registration with its activity and check-in; the week's key is cached),
 * the first time 2-4.
 */
export async function ticket(ctx: ActionContext, input: { registrationId: string }) {
  const { db } = ctx
  const now = ctx.now()
  const [row] = await aggregateDocs<RegistrationDoc & { activity: ActivityDoc[]; checkin: CheckinDoc[] }>(
    db
      .collection(COLLECTIONS.registrations)
      .aggregate()
      .match({ _id: input.registrationId })
      .lookup({ from: COLLECTIONS.activities, localField: 'activityId', foreignField: '_id', as: 'activity' })
      .lookup({ from: COLLECTIONS.checkins, localField: '_id', foreignField: '_id', as: 'checkin' })
      .limit(1),
  )
  if (!row || row.openid !== ctx.openid) throw new DomainError('REGISTRATION_NOT_FOUND')
  const { activity: joined, checkin, ...reg } = row
  const activity = joined[0]
  if (!activity) throw new DomainError('REGISTRATION_NOT_FOUND')
  if (reg.activityCancelled || activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED')
  if (reg.status !== 'confirmed') throw new DomainError('REGISTRATION_NOT_CONFIRMED')

  const key = await ensureWeekKey(db, activity.weekId, now)
  let ticketId = reg.ticketId
  if (!ticketId) {
    const fresh = randomId(10)
    const registrations = db.collection(COLLECTIONS.registrations)
    const set = await updateCount(registrations.where({ _id: reg._id, ticketId: db.command.exists(false) }), { ticketId: fresh })
    if (set === 1) ticketId = fresh
    else {
      const [current] = await readDocs<RegistrationDoc>(registrations.where({ _id: reg._id }).limit(1))
      if (!current?.ticketId) throw new DomainError('CONFLICT')
      ticketId = current.ticketId
    }
  }
  return {
    token: signTicket({ activityId: activity._id, ticketId }, key.privateKey),
    registrationId: reg._id,
    activityId: activity._id,
    activity: {
      title: activity.title,
      startAt: ms(activity.startAt),
      endAt: ms(activity.endAt),
      venueName: activity.venue?.name ?? null,
    },
    holderName: reg.person.name,
    proxy: reg.proxy,
    checkedInAt: checkin[0] ? ms(checkin[0].scannedAt) : null,
  }
}
