import { z } from 'zod'
import { RATING_LEVELS } from '../domain/feedback'
import { AGE_GROUPS, RELATIONS } from '../domain/people'
import { codesOf } from '../domain/vocabulary'
import { action } from './envelope'
import { textSchema } from './text'
import { audienceSchema, daySchema, idSchema, modeSchema, nonceSchema, signupFieldSchema } from './activity'

/** Epoch milliseconds. */
const instant = z.number().int()

export const ageGroupSchema = z.enum(codesOf(AGE_GROUPS))
export const relationSchema = z.enum(codesOf(RELATIONS))
export const ratingLevelSchema = z.enum(codesOf(RATING_LEVELS))
/** A rating, or 'skipped' (asked once; the person chose not to rate). */
export const ratingChoiceSchema = z.union([ratingLevelSchema, z.literal('skipped')])
/** A mainland mobile number. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/)
export const personNameSchema = textSchema({ min: 1, max: 20 })

/** What a resident fills in once; remembered on their account for one-tap sign-ups. */
export const profileSchema = z.object({
  name: personNameSchema,
  phone: phoneSchema,
  ageGroup: ageGroupSchema,
  /** Street (街道) or community (社区). */
  community: textSchema({ min: 1, max: 60 }),
  audience: audienceSchema,
})
export type ProfileView = z.infer<typeof profileSchema>

export const memberIdSchema = z.string().regex(/^m[a-z0-9]{4,15}$/)

export const familyMemberInputSchema = z.object({
  name: personNameSchema,
  /** Optional: a senior without a phone; the resident's phone is then the contact. */
  phone: phoneSchema.nullable().default(null),
  ageGroup: ageGroupSchema,
  relation: relationSchema,
  /** Optional audience category; from 60 a member counts as 老年人群, below as 城乡社区居民. */
  audience: audienceSchema.nullable().default(null),
})
export type FamilyMemberInput = z.input<typeof familyMemberInputSchema>

export const familyMemberSchema = z.object({
  id: memberIdSchema,
  name: z.string(),
  phone: z.string().nullable(),
  ageGroup: ageGroupSchema,
  relation: relationSchema,
  audience: audienceSchema.nullable(),
})
export type FamilyMember = z.infer<typeof familyMemberSchema>

/** Who a sign-up is for: the caller ('self') or one of their family members (member id). */
export const personRefSchema = z.union([z.literal('self'), memberIdSchema])

/**
 * Registration ids are `<activityId>_<personId>` where personId is the caller's OPENID, or
 * `<OPENID>~<memberId>` for a family member: deliberately wider than idSchema ('~', 160 chars).
 */
export const registrationIdSchema = z
  .string()
  .min(3)
  .max(160)
  .regex(/^[A-Za-z0-9_~-]+$/)
export const registrationStatusSchema = z.enum(['confirmed', 'waitlisted', 'cancelled'])

export const registrationSchema = z.object({
  id: registrationIdSchema,
  activityId: idSchema,
  /** 'self' or the family member's id (as given to create). */
  personId: personRefSchema,
  /** The name on the ticket (large for a family member). */
  personName: z.string(),
  relation: relationSchema.nullable(),
  /** Made for a family member (代报名). */
  proxy: z.boolean(),
  status: registrationStatusSchema,
  /** 1-based place on the waitlist; null unless waitlisted. */
  position: z.number().int().min(1).nullable(),
  activity: z.object({
    title: z.string(),
    status: z.enum(['draft', 'published', 'cancelled']),
    startAt: instant,
    endAt: instant,
    districtName: z.string(),
    mode: modeSchema,
    venueName: z.string().nullable(),
    address: z.string().nullable(),
    cancelDeadline: instant.nullable(),
    /** The organiser's phone, when given (a deadline passed: whom to call). */
    contactPhone: z.string().nullable().default(null),
  }),
  /** The person may still cancel it (active, activity not cancelled, before the deadline). */
  canCancel: z.boolean(),
  /** When the person was checked in at the door (the scan time); null until then. */
  checkedInAt: instant.nullable(),
  createdAt: instant,
})
export type Registration = z.infer<typeof registrationSchema>

/** Another activity of the same person at an overlapping time: a warning, not a refusal. */
export const overlapSchema = z.object({
  registrationId: registrationIdSchema,
  activityId: idSchema,
  title: z.string(),
  startAt: instant,
  endAt: instant,
  status: z.enum(['confirmed', 'waitlisted']),
})
export type Overlap = z.infer<typeof overlapSchema>

export const noticeTemplateSchema = z.enum([
  'activity_cancelled',
  'waitlist_promoted',
  'activity_reminder',
  'activity_changed',
  'summary_due',
])

/** A notice about one of the caller's registrations (or a family member's). */
const registrationNoticeSchema = z.object({
  id: z.string(),
  template: z.enum(['activity_cancelled', 'waitlist_promoted', 'activity_reminder', 'activity_changed']),
  /** Whose registration it is about (the resident or their family member). */
  personName: z.string(),
  activityId: idSchema,
  registrationId: registrationIdSchema,
  title: z.string(),
  startAt: instant,
  /** The organiser's reason, for a cancelled activity (or what changed). */
  reason: z.string().nullable(),
  createdAt: instant,
  readAt: instant.nullable(),
})

/** To an organiser (district) or a city admin (city): the unit's 总结表 is not submitted, `daysLeft` days before the deadline. */
const summaryDueNoticeSchema = z.object({
  id: z.string(),
  template: z.literal('summary_due'),
  weekId: idSchema,
  level: z.enum(['district', 'city']),
  unitCode: idSchema,
  unitName: z.string(),
  /** The week's summaryDeadline (YYYY-MM-DD, Shanghai). */
  deadline: daySchema,
  daysLeft: z.number().int(),
  createdAt: instant,
  readAt: instant.nullable(),
})

/** Read `template` first: the other fields are the template's. */
export const noticeSchema = z.discriminatedUnion('template', [registrationNoticeSchema, summaryDueNoticeSchema])
export type Notice = z.infer<typeof noticeSchema>
export type RegistrationNotice = z.infer<typeof registrationNoticeSchema>
export type SummaryDueNotice = z.infer<typeof summaryDueNoticeSchema>

const pageInput = {
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
}

/** An activity the caller (or their family member) was checked in to and has not rated yet. */
export const pendingRatingSchema = z.object({
  registrationId: registrationIdSchema,
  activityId: idSchema,
  title: z.string(),
  startAt: instant,
  /** Whose attendance it is (the resident or their family member). */
  personName: z.string(),
  proxy: z.boolean(),
  checkedInAt: instant,
})
export type PendingRating = z.infer<typeof pendingRatingSchema>

export const signupContract = {
  'profile.get': action(z.object({}).strict().default({}), z.object({ profile: profileSchema.nullable() })),
  /** Needs the caller's consent to the privacy guide's current version (privacy consent.record), else CONSENT_REQUIRED. */
  'profile.save': action(z.object({ profile: profileSchema }), z.object({ profile: profileSchema })),

  'family.list': action(z.object({}).strict().default({}), z.object({ members: z.array(familyMemberSchema) })),
  /** Needs the caller's current consent (CONSENT_REQUIRED); the member stores a copy of it. */
  'family.add': action(familyMemberInputSchema, z.object({ member: familyMemberSchema })),
  /** Removes the member from the list; their registrations (tickets) stay. */
  'family.remove': action(z.object({ memberId: memberIdSchema }), z.object({ memberId: memberIdSchema })),

  /** Before the sign-up button: what would happen, and overlapping activities of that person. */
  preview: action(
    z.object({ activityId: idSchema, personId: personRefSchema.default('self') }),
    z.object({
      /** The code a sign-up would be refused with now, or null. */
      refusal: z.string().nullable(),
      /** True when a sign-up now would join the waitlist. */
      full: z.boolean(),
      seatsLeft: z.number().int().nullable(),
      /** No profile stored yet: the first sign-up must carry one. */
      profileRequired: z.boolean(),
      signupFields: z.array(signupFieldSchema),
      /** The person's active registration for this activity, if any. */
      registration: registrationSchema.nullable(),
      overlaps: z.array(overlapSchema),
    }),
  ),

  /**
   * Sign up the caller or a family member. A seat when one is left, otherwise the waitlist (unless
   * waitlist: false -> ACTIVITY_FULL). `profile` is needed the first time (PROFILE_REQUIRED) and
   * saved when it differs from the stored one. Every sign-up stores personal fields: the caller's
   * consent to the privacy guide's current version is needed (CONSENT_REQUIRED, checked after the
   * activity's own refusals) and the registration stores a copy of it.
   */
  create: action(
    z.object({
      activityId: idSchema,
      personId: personRefSchema.default('self'),
      profile: profileSchema.optional(),
      waitlist: z.boolean().default(true),
      /**
       * Made once per tap and sent again when the app retries the same request: a retry after a
       * lost answer gets the same registration back instead of ALREADY_REGISTERED.
       */
      nonce: nonceSchema.optional(),
    }),
    z.object({ registration: registrationSchema, overlaps: z.array(overlapSchema) }),
  ),

  /**
   * Cancel one's own (or one's family member's) registration before the deadline. `nonce` as for
   * create: a retry of the same request finishes a cancellation its first call left half-done.
   */
  cancel: action(
    z.object({ registrationId: registrationIdSchema, nonce: nonceSchema.optional() }),
    z.object({ registration: registrationSchema }),
  ),

  /** Registrations of the caller and their family: upcoming (soonest first) or past (latest first). */
  mine: action(
    z.object({ when: z.enum(['upcoming', 'past']).default('upcoming'), ...pageInput }),
    z.object({ items: z.array(registrationSchema), nextCursor: z.string().nullable() }),
  ),

  /** The caller's notices (outbox records), newest first. */
  notices: action(
    z.object({ unreadOnly: z.boolean().default(false), ...pageInput }),
    z.object({ items: z.array(noticeSchema), nextCursor: z.string().nullable(), unread: z.number().int() }),
  ),
  /**
   * The QR ticket of the caller's own (or family member's) confirmed registration: a signed token
   * with ids only, and what is printed beside the code. Someone else's: REGISTRATION_NOT_FOUND;
   * waitlisted or cancelled: REGISTRATION_NOT_CONFIRMED.
   */
  ticket: action(
    z.object({ registrationId: registrationIdSchema }),
    z.object({
      token: z.string(),
      registrationId: registrationIdSchema,
      activityId: idSchema,
      activity: z.object({ title: z.string(), startAt: instant, endAt: instant, venueName: z.string().nullable() }),
      /** The person's full name (printed beside the code on the owner's own phone). */
      holderName: z.string(),
      proxy: z.boolean(),
      /** When the holder was checked in (the scan time); null until then. */
      checkedInAt: instant.nullable(),
    }),
  ),
  'notices.read': action(z.object({ ids: z.array(idSchema).min(1).max(50) }), z.object({ updated: z.number().int() })),

  /** Checked-in activities of the caller and their family not yet rated (or declined), newest first. */
  'rating.pending': action(z.object({}).strict().default({}), z.object({ items: z.array(pendingRatingSchema) })),
  /**
   * Rate an activity one was checked in to, once: 满意 / 基本满意 / 不满意 with an optional comment,
   * or 'skipped'. NOT_CHECKED_IN, ALREADY_RATED.
   */
  rate: action(
    z.object({
      registrationId: registrationIdSchema,
      choice: ratingChoiceSchema,
      comment: textSchema({ max: 200, multiline: true }).optional(),
    }),
    z.object({ registrationId: registrationIdSchema, choice: ratingChoiceSchema, ratedAt: instant }),
  ),
}
