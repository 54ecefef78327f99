import { z } from 'zod'
import { action } from './envelope'
import { idSchema, audienceSchema } from './activity'
import {
  ageGroupSchema,
  familyMemberSchema,
  profileSchema,
  ratingChoiceSchema,
  registrationIdSchema,
  registrationStatusSchema,
  relationSchema,
} from './signup'

/** Epoch milliseconds. */
const instant = z.number().int()
const count = z.number().int().min(0)

/** A person's agreement to the privacy guide (config/privacy.ts): its version and when. */
export const consentSchema = z.object({ version: z.number().int().min(1), at: instant })
export type Consent = z.infer<typeof consentSchema>

/** One registration as its person sees it on 我的信息: what it stores about them. */
export const myRegistrationSchema = z.object({
  id: registrationIdSchema,
  activityId: idSchema,
  title: z.string(),
  startAt: instant,
  status: registrationStatusSchema,
  /** Whose it is: the resident or a family member (代报名). */
  personName: z.string(),
  proxy: z.boolean(),
  relation: relationSchema.nullable(),
  /** What the sign-up form stored (each only when that form asked for it). */
  phone: z.string().nullable(),
  ageGroup: ageGroupSchema.nullable(),
  community: z.string().nullable(),
  audience: audienceSchema.nullable(),
  /** When the person was checked in; null if not (yet). */
  checkedInAt: instant.nullable(),
  createdAt: instant,
})
export type MyRegistration = z.infer<typeof myRegistrationSchema>

export const myEnrolmentSchema = z.object({
  courseId: idSchema,
  title: z.string(),
  learnerName: z.string(),
  lessonsDone: count,
  completedAt: instant.nullable(),
  certificateNo: z.string().nullable(),
})

export const myReadingSchema = z.object({
  weekId: idSchema,
  name: z.string(),
  totalMinutes: count,
  totalLogs: count,
  /** The name shown on a district's reading board, if the person joined one. */
  boardName: z.string().nullable(),
})

export const myReadingLogSchema = z.object({
  bookTitle: z.string(),
  day: z.string(),
  minutes: count,
  note: z.string().nullable(),
})

export const myRatingSchema = z.object({
  registrationId: registrationIdSchema,
  title: z.string(),
  choice: ratingChoiceSchema,
  comment: z.string().nullable(),
  createdAt: instant,
})

/**
 * A 百姓学习之星 or 终身学习品牌项目 the caller nominated (self: themself): the nominee, the contact the
 * caller gave. kind and status are the stars contract's values, kept as plain strings here so the
 * main package does not carry the stars vocabulary (the account pages word them).
 */
export const myNominationSchema = z.object({
  id: idSchema,
  kind: z.string(),
  name: z.string(),
  districtName: z.string(),
  status: z.string(),
  self: z.boolean(),
  contactName: z.string(),
  contactPhone: z.string(),
  createdAt: instant,
})
export type MyNomination = z.infer<typeof myNominationSchema>

/** Everything stored about the caller and their family (each list newest first, at most MY_DATA_LIMIT). */
export const myDataSchema = z.object({
  consent: consentSchema.nullable(),
  profile: profileSchema.nullable(),
  family: z.array(familyMemberSchema),
  /** The caller's staff roles, in words (kept when the caller deletes their data). */
  roles: z.array(z.string()),
  registrations: z.array(myRegistrationSchema),
  enrolments: z.array(myEnrolmentSchema),
  reading: z.array(myReadingSchema),
  readingLogs: z.array(myReadingLogSchema),
  ratings: z.array(myRatingSchema),
  nominations: z.array(myNominationSchema),
  /** Likes and votes the caller gave to stars and projects (each kept as a record of who, which and which day). */
  starLikes: count,
  /** Notices (messages to the caller) kept. */
  notices: count,
  /** Registrations that deleting would cancel first (active, activity not started). */
  upcoming: count,
  /** Some list was cut at MY_DATA_LIMIT (the export holds everything). */
  truncated: z.boolean(),
})
export type MyData = z.infer<typeof myDataSchema>

/** The most entries of each list 我的信息 shows. */
export const MY_DATA_LIMIT = 200

export const privacyContract = {
  /** The guide's current version and the caller's recorded consent (null: never agreed). */
  'consent.get': action(
    z.object({}).strict().default({}),
    z.object({ version: z.number().int(), consent: consentSchema.nullable(), current: z.boolean() }),
  ),
  /**
   * Record that the caller agreed to the guide `version` (the consent sheet's agree button). A version
   * other than the current one: CONSENT_VERSION_STALE, nothing written. Agreeing again is harmless.
   */
  'consent.record': action(z.object({ version: z.number().int().min(1) }), z.object({ consent: consentSchema })),

  /** 我的信息: everything stored about the caller and their family. */
  mine: action(z.object({}).strict().default({}), myDataSchema),

  /** The same as a Word document the person can keep (phone numbers masked as 139****0001). */
  export: action(z.object({}).strict().default({}), z.object({ fileName: z.string(), mime: z.string(), bytes: count, base64: z.string() })),

  /**
   * Delete my data: upcoming registrations cancelled first (the waitlist moves up as on any cancel),
   * then every record of the caller and their family anonymised (counted figures unchanged), then the
   * profile, family and consent removed (staff roles stay). Safe to call again: a retry, or the
   * privacy timer, finishes an erasure a dead call left. `done: false` = call again to finish.
   */
  erase: action(z.object({ confirm: z.literal(true) }), z.object({ cancelled: count, anonymised: count, done: z.boolean() })),

  /**
   * WeChat's phone-number button (AppIDs that qualify): the button's one-time `code` turned into the
   * number (cloud.openapi.phonenumber.getPhoneNumber). Bad or used code: PHONE_CODE_INVALID.
   */
  'phone.fill': action(z.object({ code: z.string().trim().min(1).max(256) }), z.object({ phone: z.string() })),
}
