import { z } from 'zod'
import { ACTIVITY_MODES, AUDIENCES, CONTENT_TYPES, TOPICS, codesOf } from '../domain/vocabulary'
import { SIGNUP_FIELDS } from '../domain/people'
import { isValidDay } from '../domain/time'
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../domain/privacy'
import { action } from './envelope'
import { textSchema } from './text'

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
/** A random id the client makes once per request and sends again on a retry of it. */
export const nonceSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
export const daySchema = z.string().refine(isValidDay, { message: 'YYYY-MM-DD' })
export const contentTypeSchema = z.enum(codesOf(CONTENT_TYPES))
export const topicSchema = z.enum(codesOf(TOPICS))
export const audienceSchema = z.enum(codesOf(AUDIENCES))
export const modeSchema = z.enum(codesOf(ACTIVITY_MODES))
export const signupFieldSchema = z.enum(codesOf(SIGNUP_FIELDS))
/** Epoch milliseconds. */
const instant = z.number().int()

/** A district of a week; `cityCode` names its city when the week's units have cities. */
export const districtSchema = z.object({ code: idSchema, name: z.string(), cityCode: idSchema.optional() })

export const weekSchema = z.object({
  id: idSchema,
  name: z.string(),
  level: z.enum(['province', 'city', 'district']),
  region: z.string(),
  theme: z.string(),
  startDate: daySchema,
  endDate: daySchema,
  districts: z.array(districtSchema),
  summaryDeadline: daySchema,
  organiser: z.string(),
})
export type Week = z.infer<typeof weekSchema>

/** A point picked on a map (GCJ-02, as WeChat's chooseLocation gives and openLocation takes). */
export const locationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: textSchema({ max: 60 }).optional(),
  address: textSchema({ max: 120 }).optional(),
})
export type ActivityLocation = z.infer<typeof locationSchema>

export const activitySummarySchema = z.object({
  id: idSchema,
  weekId: idSchema,
  title: z.string(),
  type: contentTypeSchema,
  topics: z.array(topicSchema),
  audiences: z.array(audienceSchema),
  districtCode: idSchema,
  districtName: z.string(),
  mode: modeSchema,
  venueName: z.string().nullable(),
  startAt: instant,
  endAt: instant,
  signupRequired: z.boolean(),
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  /** When sign-up closes (null: no sign-up); past it the list says 报名已截止, not the seats. */
  signupClosesAt: instant.nullable().default(null),
  status: z.enum(['draft', 'published', 'cancelled']),
})
export type ActivitySummary = z.infer<typeof activitySummarySchema>

export const activityDetailSchema = activitySummarySchema.extend({
  description: z.string(),
  organizer: z.string(),
  coOrganizers: z.array(z.string()),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  signupOpensAt: instant.nullable(),
  cancelDeadline: instant.nullable(),
  /** What the sign-up form asks (name always); [] when no sign-up is needed. */
  signupFields: z.array(signupFieldSchema).default([]),
  /** Why the organiser cancelled it, when cancelled. */
  cancelReason: z.string().nullable().default(null),
  /** Minutes before the start when check-in opens (absent: 60). */
  checkinLeadMinutes: z.number().int().optional(),
  /** Where the venue is on a map (residents open navigation to it). */
  location: locationSchema.nullable().default(null),
  /** Whom residents call about it (a deadline passed, a question). */
  contactName: z.string().nullable().default(null),
  contactPhone: z.string().nullable().default(null),
})
export type ActivityDetail = z.infer<typeof activityDetailSchema>

export const activityListInputSchema = z.object({
  weekId: idSchema,
  date: daySchema.optional(),
  districtCode: idSchema.optional(),
  type: contentTypeSchema.optional(),
  /** Activities for this audience. */
  audience: audienceSchema.optional(),
  /** 'online' = online or hybrid, 'offline' = offline or hybrid, 'hybrid' = hybrid only. */
  mode: modeSchema.optional(),
  /** Title or venue name contains it (case-insensitive, taken literally). */
  keyword: textSchema({ min: 1, max: 30 }).optional(),
  /** Only published activities one can still attend: seats left, or no sign-up needed. */
  hasSeats: z.boolean().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})
export type ActivityListInput = z.input<typeof activityListInputSchema>

// ------------------------------------------------------------------ organisers and admins

export const countersSchema = z.object({
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
  /** Active sign-ups made for a family member (代报名). */
  proxy: z.number().int(),
})
export type ActivityCountersView = z.infer<typeof countersSchema>

/** Check-ins and walk-ins kept on an activity (see @shared/domain/attendance). */
export const attendanceSchema = z.object({
  checkedIn: z.number().int(),
  proxyCheckedIn: z.number().int(),
  walkIns: z.number().int(),
  walkInHeadcount: z.number().int(),
  /** Participants per audience code ('unspecified' when the form did not ask). */
  byAudience: z.record(z.string(), z.number().int()),
})
export type AttendanceView = z.infer<typeof attendanceSchema>

/** An activity as its organiser sees it: the detail, drafts included, with its counters. */
export const managedActivitySchema = activityDetailSchema.extend({ counters: countersSchema, attendance: attendanceSchema.optional() })
export type ManagedActivity = z.infer<typeof managedActivitySchema>

export const managedSummarySchema = activitySummarySchema.extend({ counters: countersSchema, attendance: attendanceSchema.optional() })
export type ManagedSummary = z.infer<typeof managedSummarySchema>

const text = (max: number) => textSchema({ min: 1, max })

/** The limits of an activity as an organiser writes it; the schemas below and the activity form share them. */
export const ACTIVITY_LIMITS = {
  titleMin: 2,
  titleMax: 60,
  organizerMax: 60,
  coOrganizersMax: 10,
  coOrganizerMax: 60,
  venueNameMax: 60,
  venueAddressMax: 120,
  onlineUrlMax: 300,
  capacityMax: 100_000,
  descriptionMax: 2000,
  cancelReasonMax: 200,
  contactNameMax: 20,
} as const

/** An online link: http or https. */
export const ONLINE_URL_RE = /^https?:\/\/\S+$/

/**
 * A phone residents can call: a mainland mobile (13812345678), a landline with its area code
 * (0791-88880126, 089866660137, with an extension -123), or a 400/800 service number.
 */
export const CONTACT_PHONE_RE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/
export const contactPhoneSchema = z.string().trim().regex(CONTACT_PHONE_RE)

export const venueSchema = z.object({ name: text(ACTIVITY_LIMITS.venueNameMax), address: text(ACTIVITY_LIMITS.venueAddressMax) })
export const onlineUrlSchema = textSchema({ max: ACTIVITY_LIMITS.onlineUrlMax }).regex(ONLINE_URL_RE)

export const signupPlanSchema = z.object({
  capacity: z.number().int().min(1).max(ACTIVITY_LIMITS.capacityMax),
  opensAt: instant,
  closesAt: instant,
  cancelDeadline: instant,
  /** Form fields asked; name is always added. Absent: DEFAULT_SIGNUP_FIELDS on create, unchanged on update. */
  fields: z.array(signupFieldSchema).max(5).optional(),
})

/** Every field an organiser edits (create takes them all; update any subset). */
const activityFields = {
  title: textSchema({ min: ACTIVITY_LIMITS.titleMin, max: ACTIVITY_LIMITS.titleMax }),
  type: contentTypeSchema,
  topics: z.array(topicSchema).min(1).max(11),
  audiences: z.array(audienceSchema).min(1).max(9),
  organizer: text(ACTIVITY_LIMITS.organizerMax),
  coOrganizers: z.array(text(ACTIVITY_LIMITS.coOrganizerMax)).max(ACTIVITY_LIMITS.coOrganizersMax),
  mode: modeSchema,
  venue: venueSchema.nullable(),
  onlineUrl: onlineUrlSchema.nullable(),
  startAt: instant,
  endAt: instant,
  /** null = 无需报名 (open attendance). */
  signup: signupPlanSchema.nullable(),
  description: textSchema({ max: ACTIVITY_LIMITS.descriptionMax, multiline: true }),
  /** Minutes before the start when check-in opens (default 60; up to a day). */
  checkinLeadMinutes: z.number().int().min(0).max(1440).optional(),
  /** The venue on a map; null clears it. */
  location: locationSchema.nullable(),
  contactName: text(ACTIVITY_LIMITS.contactNameMax).nullable(),
  contactPhone: contactPhoneSchema.nullable(),
}

export const activityCreateInputSchema = z.object({
  weekId: idSchema,
  districtCode: idSchema,
  ...activityFields,
  coOrganizers: activityFields.coOrganizers.default([]),
  venue: activityFields.venue.default(null),
  onlineUrl: activityFields.onlineUrl.default(null),
  description: activityFields.description.default(''),
  location: activityFields.location.default(null),
  contactName: activityFields.contactName.default(null),
  contactPhone: activityFields.contactPhone.default(null),
})
export type ActivityCreateInput = z.input<typeof activityCreateInputSchema>

export const activityPatchSchema = z.object(activityFields).partial()
export type ActivityPatch = z.infer<typeof activityPatchSchema>

export const contactSchema = z.object({ name: text(20), unit: text(60), phone: textSchema({ min: 5, max: 20 }) })

const weekFields = {
  name: text(60),
  level: z.enum(['province', 'city', 'district']),
  region: text(30),
  theme: text(60),
  startDate: daySchema,
  endDate: daySchema,
  districts: z
    .array(z.object({ code: idSchema, name: text(20) }))
    .min(1)
    .max(60),
  summaryDeadline: daySchema,
  organiser: text(60),
  contacts: z.array(contactSchema).max(10),
  status: z.enum(['draft', 'published']),
  /** Days after the summary deadline when the week's personal data is anonymised (absent = the guide's 180). */
  retentionDays: z.number().int().min(RETENTION_DAYS_MIN).max(RETENTION_DAYS_MAX).optional(),
}

export const weekCreateInputSchema = z.object({
  id: idSchema,
  ...weekFields,
  contacts: weekFields.contacts.default([]),
  status: weekFields.status.default('draft'),
})
export type WeekCreateInput = z.input<typeof weekCreateInputSchema>
export const weekPatchSchema = z.object(weekFields).partial()

/** A week as its admins see it: contacts and status too. */
export const managedWeekSchema = weekSchema.extend({
  contacts: z.array(contactSchema),
  status: z.enum(['draft', 'published']),
  retentionDays: z.number().int(),
  /** The day the week's personal data is anonymised (summary deadline + retentionDays). */
  retentionDate: daySchema,
  /** When the retention timer finished anonymising the week; null before. */
  anonymisedAt: instant.nullable(),
})
export type ManagedWeek = z.infer<typeof managedWeekSchema>

/**
 * What a user may be besides a resident: the bureau admin of the environment (the first admin, by
 * the setup code: admin of every week), a week's admin, a city's admin (its districts), a
 * district's organiser, a door's volunteer.
 */
export const roleSchema = z.enum(['bureau', 'admin', 'cityAdmin', 'organiser', 'volunteer'])
export type Role = z.infer<typeof roleSchema>
const { bureau, admin, cityAdmin, organiser, volunteer } = roleSchema.enum

/** One grant of a role (stored in the user's `roles`): where it holds. */
export const roleGrantSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal(bureau) }),
  z.object({ role: z.literal(admin), weekId: idSchema }),
  z.object({ role: z.literal(cityAdmin), weekId: idSchema, cityCode: idSchema }),
  z.object({ role: z.literal(organiser), weekId: idSchema, districtCode: idSchema }),
  z.object({ role: z.literal(volunteer), weekId: idSchema, activityIds: z.array(idSchema) }),
])
export type RoleGrant = z.infer<typeof roleGrantSchema>

export const activityContract = {
  weeks: action(z.object({}).strict().default({}), z.object({ weeks: z.array(weekSchema) })),
  list: action(activityListInputSchema, z.object({ items: z.array(activitySummarySchema), nextCursor: z.string().nullable() })),
  /**
   * Residents: published or cancelled. The district's organisers (and the week's admins) also get drafts.
   * `id` may also be the scene of the activity's 小程序码 (`a_<code>`, see contracts/poster.ts).
   */
  get: action(z.object({ id: idSchema }), z.object({ activity: activityDetailSchema })),

  /** The caller's organiser / admin / volunteer grants, to know what they may manage. */
  roles: action(z.object({}).strict().default({}), z.object({ roles: z.array(roleGrantSchema) })),

  /** Organiser of the district (or admin of the week): a new draft. */
  create: action(activityCreateInputSchema, z.object({ activity: managedActivitySchema })),
  /** Organiser: edit any subset of the fields of a draft or published activity. */
  update: action(z.object({ id: idSchema, patch: activityPatchSchema }), z.object({ activity: managedActivitySchema })),
  /** Organiser: draft -> published (idempotent for a published one). */
  publish: action(z.object({ id: idSchema }), z.object({ activity: managedActivitySchema })),
  /** Organiser: cancel; every active registrant gets an `activity_cancelled` notice. */
  cancel: action(
    z.object({ id: idSchema, reason: textSchema({ min: 1, max: ACTIVITY_LIMITS.cancelReasonMax }) }),
    z.object({ activity: managedActivitySchema, notified: z.number().int() }),
  ),
  /** Organiser: the activities of the districts they run in a week (admin: all), drafts included. */
  mine: action(
    z.object({
      weekId: idSchema,
      districtCode: idSchema.optional(),
      status: z.enum(['draft', 'published', 'cancelled']).optional(),
      cursor: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    z.object({ items: z.array(managedSummarySchema), nextCursor: z.string().nullable() }),
  ),

  /** Admin of the week: the week with contacts and status. */
  'week.get': action(z.object({ id: idSchema }), z.object({ week: managedWeekSchema })),
  /** A bureau admin (admin of any week) creates a new edition and becomes its admin. */
  'week.create': action(weekCreateInputSchema, z.object({ week: managedWeekSchema })),
  /** Admin of the week: edit any subset of its fields. */
  'week.update': action(z.object({ id: idSchema, patch: weekPatchSchema }), z.object({ week: managedWeekSchema })),
}
