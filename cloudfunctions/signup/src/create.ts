import type { z } from 'zod'
import type { signupContract } from '@shared/contracts/signup'
import { addDeltas, isActive, negateDelta, transitionDelta } from '@shared/domain/counters'
import { DEFAULT_SIGNUP_FIELDS } from '@shared/domain/people'
import {
  memberDetails,
  sameProfile,
  selfDetails,
  signupRefusal,
  snapshotFor,
  type PersonDetails,
} from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { nextWaitKey } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { applyDelta, confirmIfWaiting, fillFreeSeats, takeSeat, waitlistPositionOf } from '../../_core/seats'
import { incData } from '../../_core/stats'
import { saveProfile } from '../../_core/users'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { loadSignupContext } from './context'
import { overlapsWith, toRegistration, toSignupTarget } from './views'

type CreateInput = z.output<(typeof signupContract)['create']['input']>

/**
 * Writes the registration: an insert for a first sign-up (the deterministic _id refuses a second
 * one), or a conditional update of the person's cancelled registration for a re-sign-up. False
 * when another call got there first.
 */
async function writeRegistration(db: Database, doc: RegistrationDoc, reuse: boolean): Promise<boolean> {
  const registrations = db.collection(COLLECTIONS.registrations)
  if (!reuse) {
    try {
      await registrations.add({ data: doc })
      return true
    } catch (err) {
      if (isDuplicateKey(err)) return false
      throw err
    }
  }
  const { _id, person, ...rest } = doc
  const data = { ...rest, person: db.command.set(person) }
  return (await updateCount(registrations.where({ _id, status: 'cancelled' }), data)) === 1
}

/**
 * A waitlisted registration has just been written; count it, unless a seat is free after all.
 *   - where({ _id, status: 'published', seatsLeft: 0 }) counts it as waitlisted. Because this
 *     runs after the insert, a seat given back later is followed by a look at the waitlist
 *     that sees this registration (see _core/seats.ts): no seat stays empty while it waits.
 *   - if that finds a free seat instead, take it (counted as a direct sign-up) and confirm.
 *   - if the activity is no longer published, undo the registration: ACTIVITY_CANCELLED.
 * Usually one operation.
 */
async function settleWaiting(
  db: Database,
  act: ActivityDoc,
  reg: RegistrationDoc,
  from: 'cancelled' | null,
  now: number,
): Promise<RegistrationDoc> {
  const _ = db.command
  const activities = db.collection(COLLECTIONS.activities)
  const wait = transitionDelta(from, 'waitlisted', reg.proxy)
  const seat = transitionDelta(from, 'confirmed', reg.proxy)
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await updateCount(activities.where({ _id: act._id, status: 'published', seatsLeft: 0 }), incData(_, wait))) === 1) {
      return reg
    }
    if (await takeSeat(db, act._id, seat)) {
      if (await confirmIfWaiting(db, reg._id, now, false)) return { ...reg, status: 'confirmed', confirmedAt: new Date(now) }
      // Promoted by a canceller (or cancelled from another device) meanwhile: count it as having
      // waited, and pass the seat just taken on.
      await applyDelta(db, act._id, addDeltas(negateDelta(seat), wait))
      await fillFreeSeats(db, act, now)
      const [current] = await readDocs<RegistrationDoc>(db.collection(COLLECTIONS.registrations).where({ _id: reg._id }).limit(1))
      return current ?? reg
    }
    const [current] = await readDocs<ActivityDoc>(activities.where({ _id: act._id }).limit(1))
    if (!current || current.status !== 'published') {
      await undoRegistration(db, reg, from)
      throw new DomainError('ACTIVITY_CANCELLED')
    }
  }
  // Seats keep flipping between free and taken: count it as waiting and let the fill decide.
  await applyDelta(db, act._id, wait)
  await fillFreeSeats(db, act, now)
  return reg
}

/** Takes back a registration that was written but never counted (the activity went away). */
async function undoRegistration(db: Database, reg: RegistrationDoc, from: 'cancelled' | null): Promise<void> {
  const registrations = db.collection(COLLECTIONS.registrations)
  if (from === null) await registrations.where({ _id: reg._id, status: 'waitlisted' }).remove()
  else await updateCount(registrations.where({ _id: reg._id, status: 'waitlisted' }), { status: 'cancelled', updatedAt: new Date() })
}

/**
 * Sign up the caller or a family member.
 *   returning resident, seat left: 3 operations (context read, seat, registration)
 *   waitlisted: context read, [a seat attempt lost to others], registration, waitlist counter,
 *   waitlist position: 4 (5)
 */
export async function create(ctx: ActionContext, input: CreateInput) {
  const { db } = ctx
  const now = ctx.now()
  const at = new Date(now)
  const memberId = input.personId === 'self' ? null : input.personId
  const sc = await loadSignupContext(db, { activityId: input.activityId, openid: ctx.openid, memberId, now })

  const activity = sc.activity
  const refusal = signupRefusal(activity && toSignupTarget(activity), now)
  if (refusal) throw new DomainError(refusal)
  const act = activity as ActivityDoc & { signup: NonNullable<ActivityDoc['signup']> }
  if (sc.existing && isActive(sc.existing.status)) throw new DomainError('ALREADY_REGISTERED')

  const stored = sc.user?.profile ?? null
  const ownerProfile = input.profile ?? stored
  if (!ownerProfile) throw new DomainError('PROFILE_REQUIRED')
  let details: PersonDetails
  if (memberId) {
    const member = sc.user?.family?.find((m) => m.id === memberId)
    if (!member) throw new DomainError('FAMILY_MEMBER_NOT_FOUND')
    details = memberDetails(member, ownerProfile)
  } else {
    details = selfDetails(ownerProfile)
  }

  const reuse = sc.existing !== null // a cancelled registration of this person: re-sign-up
  const from = reuse ? 'cancelled' : null
  const proxy = memberId !== null
  const base: Omit<RegistrationDoc, 'status' | 'waitKey' | 'confirmedAt'> = {
    _id: sc.registrationId,
    activityId: act._id,
    weekId: act.weekId,
    districtCode: act.districtCode,
    openid: ctx.openid,
    personId: sc.personId,
    memberId,
    relation: details.relation,
    proxy,
    person: snapshotFor(act.signup.fields ?? DEFAULT_SIGNUP_FIELDS, details),
    title: act.title,
    startAt: act.startAt,
    endAt: act.endAt,
    activityCancelled: false,
    createdAt: at,
    updatedAt: at,
    promotedAt: null,
    cancelledAt: null,
  }

  let reg: RegistrationDoc
  const seatDelta = transitionDelta(from, 'confirmed', proxy)
  if ((act.seatsLeft ?? 0) > 0 && (await takeSeat(db, act._id, seatDelta))) {
    reg = { ...base, status: 'confirmed', waitKey: nextWaitKey(now, sc.registrationId), confirmedAt: at }
    if (!(await writeRegistration(db, reg, reuse))) {
      // The same person signed up twice at once and the other call won: hand the seat on.
      await applyDelta(db, act._id, negateDelta(seatDelta))
      await fillFreeSeats(db, act, now)
      throw new DomainError('ALREADY_REGISTERED')
    }
  } else {
    if (!input.waitlist) throw new DomainError('ACTIVITY_FULL')
    reg = { ...base, status: 'waitlisted', waitKey: nextWaitKey(now, sc.registrationId), confirmedAt: null }
    if (!(await writeRegistration(db, reg, reuse))) throw new DomainError('ALREADY_REGISTERED')
    reg = await settleWaiting(db, act, reg, from, now)
  }

  if (input.profile && !sameProfile(input.profile, stored)) {
    await saveProfile(db, ctx.openid, input.profile, now, sc.user !== null)
  }
  const position = reg.status === 'waitlisted' ? await waitlistPositionOf(db, reg) : null
  return {
    registration: toRegistration(reg, act, now, position),
    overlaps: overlapsWith(act, sc.upcoming),
  }
}
