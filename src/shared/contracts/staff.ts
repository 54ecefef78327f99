// Cloud function `staff`: who runs the week. The first bureau admin (a one-time setup code), the
// units of a week (province → cities → districts), appointments by expiring invite, the list of who
// holds which role, revocation, and the record of every change.
import { z } from 'zod'
import { APPOINT_CODE_RE, normaliseAppointCode, STAFF_LIMITS } from '../domain/staff'
import { idSchema, nonceSchema, roleGrantSchema } from './activity'
import { action } from './envelope'
import { textSchema } from './text'

/** Epoch milliseconds. */
const instant = z.number().int()

export const appointCodeSchema = z.string().max(20).transform(normaliseAppointCode).pipe(z.string().regex(APPOINT_CODE_RE))

/** A unit below the week's own (the week is the top unit: its bureau). */
export const unitSchema = z.object({
  code: idSchema,
  name: z.string(),
  level: z.enum(['city', 'district']),
  /** A district's city, or null when the district sits right under the week's bureau. */
  cityCode: idSchema.nullable(),
})
export type Unit = z.infer<typeof unitSchema>

/** The roles an appointment can give (volunteers are invited per activity by the checkin function). */
export const appointRoleSchema = z.enum(['admin', 'cityAdmin', 'organiser'])
export type AppointRole = z.infer<typeof appointRoleSchema>

export const appointInviteSchema = z.object({
  code: z.string(),
  weekId: idSchema,
  role: appointRoleSchema,
  /** The city (cityAdmin) or district (organiser); null for an admin of the whole week. */
  unitCode: idSchema.nullable(),
  unitName: z.string(),
  expiresAt: instant,
  createdAt: instant,
})
export type AppointInvite = z.infer<typeof appointInviteSchema>

export const roleHolderSchema = z.object({
  /** Opaque id of the person (to revoke with). */
  userId: z.string(),
  /** Their profile name, or null when they have none. */
  name: z.string().nullable(),
  /** The caller themself (nobody revokes their own grant: the page offers no 撤销). */
  self: z.boolean(),
  grant: roleGrantSchema,
  /** The unit the grant holds in ("全部" for a week admin; the activities for a volunteer). */
  unitName: z.string(),
})
export type RoleHolder = z.infer<typeof roleHolderSchema>

export const roleChangeSchema = z.object({
  at: instant,
  byName: z.string().nullable(),
  whomName: z.string().nullable(),
  change: z.enum(['grant', 'revoke']),
  via: z.enum(['setup', 'invite', 'revoke', 'copy']),
  grant: roleGrantSchema,
  unitName: z.string(),
})
export type RoleChange = z.infer<typeof roleChangeSchema>

export const staffContract = {
  /**
   * Anyone: the one-time setup code deploy printed. The first to enter it becomes the bureau
   * admin; afterwards it is refused. Answers the caller's grants (with { role: 'bureau' }); the
   * claimant entering it again gets the same answer. Every try (right or wrong) takes one of the
   * person's STAFF_LIMITS.setupAttempts per window. Refusals: SETUP_CODE_WRONG (details:
   * attemptsLeft), SETUP_CLAIMED, SETUP_NOT_ENABLED, TOO_MANY_ATTEMPTS (details: retryAt, epoch ms).
   */
  'setup.claim': action(z.object({ code: z.string().min(1).max(64) }), z.object({ roles: z.array(roleGrantSchema) })),

  /**
   * Admin of the week (every unit) or a city admin (their city and its districts): the units they
   * may see, cities first. `level` is the week's own (its bureau's). Others: FORBIDDEN.
   */
  'units.list': action(
    z.object({ weekId: idSchema }),
    z.object({ weekId: idSchema, weekName: z.string(), level: z.enum(['province', 'city', 'district']), units: z.array(unitSchema) }),
  ),
  /**
   * Admin of the week: a city or a district, by its name (the code is generated). A city admin may
   * add districts to their city. Refusals: UNIT_NAME_TAKEN, UNIT_NOT_IN_WEEK (the city), FORBIDDEN.
   */
  'units.create': action(
    z.object({
      weekId: idSchema,
      name: textSchema({ min: 1, max: STAFF_LIMITS.unitNameMax }),
      level: z.enum(['city', 'district']),
      /** A district's city (null: right under the week's bureau); ignored for a city. */
      cityCode: idSchema.nullable().default(null),
    }),
    z.object({ unit: unitSchema }),
  ),

  /**
   * An expiring, single-use invite that makes its redeemer: an admin of the week or a city admin
   * (by an admin of the week), or an organiser of a district (by an admin of the week or of the
   * district's city). Refusals: UNIT_NOT_IN_WEEK, FORBIDDEN, INVITE_EXPIRY_INVALID.
   */
  'appoint.create': action(
    z.object({
      weekId: idSchema,
      role: appointRoleSchema,
      unitCode: idSchema.nullable().default(null),
      validHours: z.number().int().min(1).max(STAFF_LIMITS.inviteMaxHours).default(STAFF_LIMITS.inviteDefaultHours),
    }),
    z.object({ invite: appointInviteSchema }),
  ),
  /**
   * Anyone: redeem an appointment code (again by the same person: the same answer). Refusals:
   * INVITE_INVALID, INVITE_EXPIRED, INVITE_REVOKED, INVITE_USED.
   */
  'appoint.redeem': action(
    z.object({ code: appointCodeSchema }),
    z.object({ grant: roleGrantSchema, weekName: z.string(), unitName: z.string() }),
  ),
  /** Whoever made it (or an admin of the week): withdraw an unused invite. Refusals: INVITE_INVALID, INVITE_USED. */
  'appoint.cancel': action(z.object({ code: appointCodeSchema }), z.object({ cancelled: z.literal(true) })),

  /**
   * Who holds which role in a week, as far as the caller sees: an admin all of it, a city admin
   * their city's organisers, an organiser their district's volunteers. With the unused invites
   * the caller may cancel (an admin: every open invite of the week; others: their own) and the
   * latest changes (up to 50, newest first, in the same scope). Nobody else: FORBIDDEN.
   */
  'roles.list': action(
    z.object({ weekId: idSchema }),
    z.object({ holders: z.array(roleHolderSchema), invites: z.array(appointInviteSchema), changes: z.array(roleChangeSchema) }),
  ),
  /**
   * Take a grant back (the same scope rules as roles.list; nobody revokes their own). Idempotent:
   * revoking what is already gone answers revoked: false. Refusals: FORBIDDEN.
   */
  'roles.revoke': action(
    z.object({ weekId: idSchema, userId: z.string().min(1).max(64), grant: roleGrantSchema, nonce: nonceSchema }),
    z.object({ revoked: z.boolean() }),
  ),
  /**
   * Admin of both weeks: copy an earlier edition's units (cities and districts, same codes) and its
   * admin, city admin and organiser appointments into a new edition. Safe to repeat.
   */
  'editions.copy': action(
    z.object({ fromWeekId: idSchema, toWeekId: idSchema }),
    z.object({ units: z.number().int(), appointments: z.number().int() }),
  ),
}
