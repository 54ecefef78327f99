import { z } from 'zod'
import { INVITE_CODE_RE, normaliseInviteCode } from '../domain/attendance'
import { action } from './envelope'
import { textSchema } from './text'
import { audienceSchema, idSchema, nonceSchema } from './activity'
import { registrationIdSchema } from './signup'

/** Epoch milliseconds. */
const instant = z.number().int()

/** A QR ticket token `LLW1.<activityId>.<ticketId>.<sig>` (checked for shape and signature by the function). */
export const ticketTokenSchema = textSchema({ min: 1, max: 300 })
/** A phone's id for one offline scan or walk-in: makes a replayed queue harmless. */
export { nonceSchema }
export const inviteCodeSchema = z.string().max(20).transform(normaliseInviteCode).pipe(z.string().regex(INVITE_CODE_RE))

/** Live counts of one activity, as volunteers and organisers see them. */
export const checkinCountsSchema = z.object({
  /** Confirmed registrations. */
  registered: z.number().int(),
  /** Registrations checked in. */
  checkedIn: z.number().int(),
  /** Walk-in records and the people they stand for. */
  walkIns: z.number().int(),
  walkInHeadcount: z.number().int(),
  /** checkedIn + walkInHeadcount. */
  participants: z.number().int(),
  /** Seats offered; null when no sign-up is needed. */
  capacity: z.number().int().nullable(),
})
export type CheckinCounts = z.infer<typeof checkinCountsSchema>

export { attendanceSchema, type AttendanceView } from './activity'

export const volunteerActivitySchema = z.object({
  id: idSchema,
  weekId: idSchema,
  title: z.string(),
  districtName: z.string(),
  venueName: z.string().nullable(),
  startAt: instant,
  endAt: instant,
  status: z.enum(['draft', 'published', 'cancelled']),
  /** The check-in window: from a lead time before the start until the end. */
  checkinOpensAt: instant,
  checkinClosesAt: instant,
  counts: checkinCountsSchema,
})
export type VolunteerActivity = z.infer<typeof volunteerActivitySchema>

/** Who checked a registration in, and when (for ALREADY_CHECKED_IN and the roster). */
export const checkedInBySchema = z.object({
  checkedInAt: instant,
  /** The volunteer's masked name, or 志愿者. */
  byName: z.string(),
  offline: z.boolean(),
})
export type CheckedInBy = z.infer<typeof checkedInBySchema>

/** A successful check-in, what the green screen shows. */
export const checkinResultSchema = z.object({
  registrationId: registrationIdSchema,
  activityId: idSchema,
  /** Masked: 张*华. */
  name: z.string(),
  /** Signed up by a family member (代报名). */
  proxy: z.boolean(),
  checkedInAt: instant,
  method: z.enum(['ticket', 'manual', 'offline']),
  counts: checkinCountsSchema,
})
export type CheckinResult = z.infer<typeof checkinResultSchema>

/** One registration as a volunteer may see it: masked. */
export const rosterEntrySchema = z.object({
  registrationId: registrationIdSchema,
  /** The ticket id in the QR token; null when its ticket was never shown. */
  ticketId: z.string().nullable(),
  name: z.string(),
  phoneTail: z.string().nullable(),
  proxy: z.boolean(),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
  checkedIn: checkedInBySchema.nullable(),
})
export type RosterEntry = z.infer<typeof rosterEntrySchema>

export const weekKeySchema = z.object({
  weekId: idSchema,
  /** Raw Ed25519 public key, base64url (43 characters). */
  publicKey: z.string(),
})

export const rosterActivitySchema = volunteerActivitySchema.extend({
  entries: z.array(rosterEntrySchema),
})
export type RosterActivity = z.infer<typeof rosterActivitySchema>

export const syncItemSchema = z.object({
  nonce: nonceSchema,
  token: ticketTokenSchema,
  activityId: idSchema,
  scannedAt: instant,
})
export type SyncItem = z.infer<typeof syncItemSchema>

export const syncResultSchema = z.object({
  nonce: z.string(),
  /** true: checked in by this item (now or by an earlier sync of the same nonce). */
  ok: z.boolean(),
  /** The item was already synced before (same nonce): nothing counted twice. */
  replayed: z.boolean().default(false),
  /** Refusal code when ok is false: ALREADY_CHECKED_IN (a conflict), TOKEN_INVALID, ... */
  code: z.string().nullable(),
  registrationId: z.string().nullable(),
  name: z.string().nullable(),
  /** For ALREADY_CHECKED_IN: who checked the person in first, and when. */
  checkedIn: checkedInBySchema.nullable(),
})
export type SyncResult = z.infer<typeof syncResultSchema>

export const districtTotalsSchema = z.object({
  activities: z.number().int(),
  registered: z.number().int(),
  checkedIn: z.number().int(),
  proxyCheckedIn: z.number().int(),
  walkIns: z.number().int(),
  walkInHeadcount: z.number().int(),
  participants: z.number().int(),
  byAudience: z.record(z.string(), z.number().int()),
})
export type AttendanceTotals = z.infer<typeof districtTotalsSchema>

export const checkinContract = {
  /**
   * Organiser of the activities' district (admin: any of the week): an invite code for one or
   * more activities of one week, valid until expiresAt: in the future and at most a day after the
   * last of them ends (else INVITE_EXPIRY_INVALID).
   */
  'invite.create': action(
    z.object({ activityIds: z.array(idSchema).min(1).max(20), expiresAt: instant }),
    z.object({ code: z.string(), weekId: idSchema, activityIds: z.array(idSchema), expiresAt: instant }),
  ),
  /** Anyone: redeeming a valid code makes the caller a volunteer of exactly those activities. */
  'invite.redeem': action(
    z.object({ code: inviteCodeSchema }),
    z.object({ weekId: idSchema, activities: z.array(volunteerActivitySchema) }),
  ),
  /** The caller's volunteer activities that have not ended, soonest first, with live counts. */
  myActivities: action(z.object({}).strict().default({}), z.object({ items: z.array(volunteerActivitySchema) })),

  /**
   * Check a ticket in at the door, for `activityId` (the activity the volunteer is checking in for).
   * Refusals: TOKEN_INVALID, WRONG_ACTIVITY, FORBIDDEN, REGISTRATION_CANCELLED, OUTSIDE_WINDOW,
   * ACTIVITY_CANCELLED, ALREADY_CHECKED_IN (details: checkedInAt, byName, offline).
   */
  scan: action(
    z.object({
      activityId: idSchema,
      token: ticketTokenSchema,
      nonce: nonceSchema.optional(),
      scannedAt: instant.optional(),
      offline: z.boolean().default(false),
    }),
    checkinResultSchema,
  ),
  /** A registrant without their ticket: by surname and the last 4 digits of the phone; masked. */
  lookup: action(
    z.object({ activityId: idSchema, surname: textSchema({ min: 1, max: 4 }), phoneTail: z.string().regex(/^\d{4}$/) }),
    z.object({ matches: z.array(rosterEntrySchema) }),
  ),
  /** Check a registration in without its ticket (after a lookup). Same refusals as scan. */
  manual: action(
    z.object({ activityId: idSchema, registrationId: registrationIdSchema, nonce: nonceSchema.optional() }),
    checkinResultSchema,
  ),
  /** Someone who came without signing up: counts as participant(s). `nonce` makes a retry harmless. */
  walkin: action(
    z.object({
      activityId: idSchema,
      name: textSchema({ min: 1, max: 20 }).optional(),
      audience: audienceSchema,
      headcount: z.number().int().min(1).max(200).default(1),
      nonce: nonceSchema.optional(),
    }),
    z.object({
      walkinId: z.string(),
      /** Masked, or null without a name. */
      name: z.string().nullable(),
      audience: audienceSchema,
      headcount: z.number().int(),
      replayed: z.boolean(),
      counts: checkinCountsSchema,
    }),
  ),
  /** Before going offline: the weeks' public keys and the masked rosters of the activities. */
  roster: action(
    z.object({ activityIds: z.array(idSchema).min(1).max(20) }),
    z.object({ generatedAt: instant, keys: z.array(weekKeySchema), activities: z.array(rosterActivitySchema) }),
  ),
  /**
   * Scans queued offline. Idempotent per nonce and per registration; a person checked in
   * elsewhere first comes back as ALREADY_CHECKED_IN with who and when.
   */
  sync: action(
    z.object({ items: z.array(syncItemSchema).min(1).max(200) }),
    z.object({ results: z.array(syncResultSchema), counts: z.record(z.string(), checkinCountsSchema) }),
  ),
  /** Organiser / admin: attendance of a week by district, content type and audience (from the counters). */
  totals: action(
    z.object({ weekId: idSchema }),
    z.object({
      weekId: idSchema,
      total: districtTotalsSchema,
      byDistrict: z.record(z.string(), districtTotalsSchema),
      byType: z.record(z.string(), districtTotalsSchema),
    }),
  ),
}
