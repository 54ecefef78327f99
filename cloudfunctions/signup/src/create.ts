import type { z } from 'zod'
import type { signupContract } from '@shared/contracts/signup'
import { isActive } from '@shared/domain/counters'
import { DEFAULT_SIGNUP_FIELDS } from '@shared/domain/people'
import { memberDetails, sameProfile, selfDetails, signupRefusal, snapshotFor, type PersonDetails } from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { nextWaitKey } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { readPending, regKey, revIs, revOf, settleFollowed, type Move } from '../../_core/journal'
import { clearStaleEntry } from '../../_core/repair'
import { fillFreeSeats, moveCounters, registrationMove, settle, undoMove, waitlistPositionOf } from '../../_core/seats'
import { requireConsent, saveProfile } from '../../_core/users'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { loadSignupContext } from './context'
import { overlapsWith, toRegistration, toSignupTarget } from './views'

type CreateInput = z.output<(typeof signupContract)['create']['input']>

/**
 * Write 2: the registration at its next revision: an insert for a first sign-up (the deterministic
 * _id refuses a second one), or a conditional update of the person's cancelled registration at
 * revision `fromRev` for a re-sign-up. False when another call got there first.
 */
async function writeRegistration(db: Database, doc: RegistrationDoc, fromRev: number): Promise<boolean> {
  const registrations = db.collection(COLLECTIONS.registrations)
  if (fromRev === 0) {
    try {
      await registrations.add({ data: doc })
      return true
    } catch (err) {
      if (isDuplicateKey(err)) return false
      throw err
    }
  }
  const { _id, person, consent, ...rest } = doc
  const data = { ...rest, person: db.command.set(person), ...(consent ? { consent: db.command.set(consent) } : {}) }
  return (await updateCount(registrations.where({ _id, status: 'cancelled', rev: revIs(db, fromRev) }), data)) === 1
}

type Place = { move: Move; to: 'confirmed' | 'waitlisted' }

/**
 * Write 1: a seat (seatsLeft > 0) or a place on the waitlist (seatsLeft = 0), moved on the
 * activity with the pending entry that names this registration. A retry of the same request
 * (same nonce) whose first call died after this write adopts its entry. Refusals write nothing.
 */
async function takePlace(
  db: Database,
  act: ActivityDoc,
  reg: { _id: string; proxy: boolean; status: 'cancelled' | null; rev: number },
  input: { waitlist: boolean; nonce?: string },
  now: number,
): Promise<Place> {
  const _ = db.command
  let seatsLeft = act.seatsLeft ?? 0
  for (let attempt = 0; attempt < 5; attempt++) {
    if (seatsLeft > 0) {
      const move = registrationMove(reg, 'confirmed', now, { nonce: input.nonce })
      if (await moveCounters(db, act._id, [move], { status: 'published', seatsLeft: _.gt(0) })) return { move, to: 'confirmed' }
    }
    if (!input.waitlist && seatsLeft <= 0) throw new DomainError('ACTIVITY_FULL')
    const wait = registrationMove(reg, 'waitlisted', now, { nonce: input.nonce })
    if (input.waitlist && (await moveCounters(db, act._id, [wait], { status: 'published', seatsLeft: 0 }))) {
      return { move: wait, to: 'waitlisted' }
    }
    const pending = await readPending(db, COLLECTIONS.activities, act._id, wait.key)
    if (pending) {
      // This very request, cut off after its first write: finish it. A stale entry of another
      // request (its call died long ago): repaired, then try again. A fresh one: another request
      // of the same person (a second tap) is signing them up right now.
      if (input.nonce && pending.nonce === input.nonce && pending.to !== 'cancelled' && pending.to) {
        return { move: { key: wait.key, entry: pending }, to: pending.to }
      }
      if (!(await clearStaleEntry(db, act._id, wait.key, now))) throw new DomainError('ALREADY_REGISTERED')
    }
    const [current] = await readDocs<ActivityDoc>(
      db.collection(COLLECTIONS.activities).where({ _id: act._id }).field({ status: true, seatsLeft: true }).limit(1),
    )
    if (!current || current.status !== 'published') throw new DomainError('ACTIVITY_CANCELLED')
    seatsLeft = current.seatsLeft ?? 0
  }
  throw new DomainError('CONFLICT')
}

/**
 * Sign up the caller or a family member.
 *   returning resident, seat left: 4 operations (context read, seat with its pending entry,
 *   registration, the entry settled)
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
  // Every sign-up stores personal fields in its snapshot (and may save the profile typed with it).
  const consent = requireConsent(sc.user)
  const act = activity as ActivityDoc & { signup: NonNullable<ActivityDoc['signup']> }
  const stored = sc.user?.profile ?? null
  if (sc.existing && isActive(sc.existing.status)) {
    // The same request again (its answer was lost): the same registration, not an error.
    if (input.nonce && sc.existing.nonce === input.nonce) {
      // Its first call may have died before settling the move this registration followed.
      await settleFollowed(db, COLLECTIONS.activities, act._id, regKey(sc.existing._id), sc.existing.op)
      if (input.profile && !sameProfile(input.profile, stored)) await saveProfile(db, ctx.openid, input.profile, now, sc.user !== null)
      return answer(ctx, sc.existing, act, sc.upcoming, now)
    }
    throw new DomainError('ALREADY_REGISTERED')
  }

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

  const existing = sc.existing // a cancelled registration of this person: a re-sign-up
  const from = existing ? 'cancelled' : null
  const fromRev = revOf(existing)
  const proxy = memberId !== null
  const place = await takePlace(db, act, { _id: sc.registrationId, proxy, status: from, rev: fromRev }, input, now)
  const reg: RegistrationDoc = {
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
    consent,
    status: place.to,
    waitKey: nextWaitKey(now, sc.registrationId),
    title: act.title,
    startAt: act.startAt,
    endAt: act.endAt,
    activityCancelled: false,
    createdAt: at,
    updatedAt: at,
    confirmedAt: place.to === 'confirmed' ? at : null,
    promotedAt: null,
    cancelledAt: null,
    rev: fromRev + 1,
    nonce: input.nonce ?? null,
    op: place.move.entry.op,
  }
  if (!(await writeRegistration(db, reg, fromRev))) {
    const [again] = await readDocs<RegistrationDoc>(db.collection(COLLECTIONS.registrations).where({ _id: reg._id }).limit(1))
    if (again && again.op === place.move.entry.op) {
      // A retry of this very request (same nonce), sent while we were still running, adopted our
      // move and wrote its registration: the move is followed, never to be taken back.
      await settleFollowed(db, COLLECTIONS.activities, act._id, place.move.key, again.op)
      return answer(ctx, again, act, sc.upcoming, now)
    }
    // Another request wrote this registration first: take our move back.
    await undoMove(db, act._id, place.move, now)
    if (again && isActive(again.status) && input.nonce && again.nonce === input.nonce) return answer(ctx, again, act, sc.upcoming, now)
    throw new DomainError('ALREADY_REGISTERED')
  }
  await settle(db, act._id, [place.move])
  let final = reg
  if (place.to === 'waitlisted') final = await lookAtSeatsOnceMore(db, act, reg, now)

  if (input.profile && !sameProfile(input.profile, stored)) {
    await saveProfile(db, ctx.openid, input.profile, now, sc.user !== null)
  }
  return answer(ctx, final, act, sc.upcoming, now)
}

/**
 * A waitlisted registration has just been written: if a seat was given back meanwhile, fill it
 * (the giver may have looked at the waitlist before this registration was there). One read.
 */
async function lookAtSeatsOnceMore(db: Database, act: ActivityDoc, reg: RegistrationDoc, now: number): Promise<RegistrationDoc> {
  const [current] = await readDocs<ActivityDoc>(
    db.collection(COLLECTIONS.activities).where({ _id: act._id }).field({ seatsLeft: true, status: true }).limit(1),
  )
  if (!current || current.status !== 'published' || (current.seatsLeft ?? 0) <= 0) return reg
  await fillFreeSeats(db, act, now)
  const [again] = await readDocs<RegistrationDoc>(db.collection(COLLECTIONS.registrations).where({ _id: reg._id }).limit(1))
  return again ?? reg
}

async function answer(ctx: ActionContext, reg: RegistrationDoc, act: ActivityDoc, upcoming: RegistrationDoc[], now: number) {
  const position = reg.status === 'waitlisted' ? await waitlistPositionOf(ctx.db, reg) : null
  return {
    registration: toRegistration(reg, act, now, position),
    overlaps: overlapsWith(act, upcoming),
  }
}
