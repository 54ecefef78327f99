// Rules of signing up and cancelling, the waitlist order and the sign-up form snapshot. Pure:
// instants are epoch ms, the clock is passed in.
import type { ErrorCode } from '../errors'
import { audienceByAge, type AgeGroup, type Relation, type SignupField } from './people'
import type { Audience } from './vocabulary'

export interface SignupTarget {
  status: 'draft' | 'published' | 'cancelled'
  signup: { opensAt: number; closesAt: number; cancelDeadline: number } | null
}

/**
 * Why a new sign-up for the activity is refused right now, or null. The window is
 * [opensAt, closesAt): open at its opening instant, closed at its closing instant.
 */
export function signupRefusal(a: SignupTarget | null, now: number): ErrorCode | null {
  if (!a || a.status === 'draft') return 'ACTIVITY_NOT_FOUND'
  if (a.status === 'cancelled') return 'ACTIVITY_CANCELLED'
  if (!a.signup) return 'SIGNUP_NOT_REQUIRED'
  if (now < a.signup.opensAt) return 'SIGNUP_NOT_OPEN'
  if (now >= a.signup.closesAt) return 'SIGNUP_CLOSED'
  return null
}

/** Why a person may not cancel their registration now, or null: strictly before the deadline. */
export function cancelRefusal(a: SignupTarget, now: number): ErrorCode | null {
  if (a.status === 'cancelled') return 'ACTIVITY_CANCELLED'
  if (a.signup && now >= a.signup.cancelDeadline) return 'CANCEL_DEADLINE_PASSED'
  return null
}

export interface TimeSpan {
  startAt: number
  endAt: number
}

/** Two activities overlap when their [start, end) spans share any instant. */
export function overlapsInTime(a: TimeSpan, b: TimeSpan): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt
}

export interface WaitlistEntry {
  /** Unique ordering key (see the registrations' waitKey): arrival time, sequence, id. */
  waitKey: string
}

/** The waitlist order: by waiting key, which is unique, so every position is well defined. */
export function compareWaitlist(a: WaitlistEntry, b: WaitlistEntry): number {
  return a.waitKey < b.waitKey ? -1 : a.waitKey > b.waitKey ? 1 : 0
}

/** 1-based position of `me` among the waiting entries (`me` included or not). */
export function waitlistPosition(me: WaitlistEntry, waiting: WaitlistEntry[]): number {
  return waiting.filter((w) => compareWaitlist(w, me) < 0).length + 1
}

export interface PersonDetails {
  name: string
  phone: string | null
  ageGroup: AgeGroup | null
  community: string | null
  audience: Audience | null
  relation: Relation | null
}

export interface Profile {
  name: string
  phone: string
  ageGroup: AgeGroup
  community: string
  audience: Audience
}

export interface FamilyMemberDetails {
  name: string
  phone: string | null
  ageGroup: AgeGroup
  relation: Relation
  audience: Audience | null
}

/** The resident themself, as the sign-up form sees them. */
export function selfDetails(profile: Profile): PersonDetails {
  return { ...profile, relation: null }
}

/**
 * A family member as the form sees them: the resident's phone stands in as the contact when the
 * member has none (a senior without a phone), the resident's community is theirs, and a member
 * without an audience category counts as a senior from 60 and as a resident below.
 */
export function memberDetails(member: FamilyMemberDetails, owner: Profile): PersonDetails {
  return {
    name: member.name,
    phone: member.phone ?? owner.phone,
    ageGroup: member.ageGroup,
    community: owner.community,
    audience: member.audience ?? audienceByAge(member.ageGroup),
    relation: member.relation,
  }
}

export interface PersonSnapshot {
  name: string
  phone?: string
  ageGroup?: AgeGroup
  community?: string
  audience?: Audience
}

/** Only what the activity's form asks is kept on the registration; the name always. */
export function snapshotFor(fields: readonly SignupField[], person: PersonDetails): PersonSnapshot {
  const out: PersonSnapshot = { name: person.name }
  if (fields.includes('phone') && person.phone) out.phone = person.phone
  if (fields.includes('ageGroup') && person.ageGroup) out.ageGroup = person.ageGroup
  if (fields.includes('community') && person.community) out.community = person.community
  if (fields.includes('audience') && person.audience) out.audience = person.audience
  return out
}

export function sameProfile(a: Profile | null | undefined, b: Profile | null | undefined): boolean {
  if (!a || !b) return a === b
  return a.name === b.name && a.phone === b.phone && a.ageGroup === b.ageGroup && a.community === b.community && a.audience === b.audience
}

/** What a resident may still join: an activity's times, sign-up window and seats (epoch ms). */
export interface JoinableTarget extends TimeSpan {
  status: 'draft' | 'published' | 'cancelled'
  signup: { opensAt: number; closesAt: number } | null
  seatsLeft: number | null
}

/** An activity has ended once its end instant is reached: it shows 已结束 and no seats. */
export function hasEnded(a: Pick<TimeSpan, 'endAt'>, now: number): boolean {
  return now >= a.endAt
}

/**
 * 还能参加: published, and either sign-up is open now ([opensAt, closesAt)) with seats left and the
 * activity not started, or no sign-up is needed and it has not ended.
 */
export function canStillJoin(a: JoinableTarget, now: number): boolean {
  if (a.status !== 'published') return false
  if (!a.signup) return !hasEnded(a, now)
  return now >= a.signup.opensAt && now < a.signup.closesAt && now < a.startAt && (a.seatsLeft ?? 0) > 0
}
