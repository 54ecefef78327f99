// Cloud function `notify`: its timer (`timer:notify`, every 5 minutes) writes the reminders that are
// due and sends the outbox as subscribe messages; organisers send change notices through it.
import { z } from 'zod'
import { idSchema, nonceSchema } from './activity'
import { action } from './envelope'
import { textSchema } from './text'

/** What changed: the time, the venue, or something else the message says. */
export const changeKindSchema = z.enum(['time', 'venue', 'other'])
export type ChangeKind = z.infer<typeof changeKindSchema>

/** The change notice's message length, and how many an activity may have a Shanghai day. */
export const CHANGE_LIMITS = { messageMin: 2, messageMax: 60, perDay: 3 } as const

/** One change notice sent today, as its organisers see it. */
export const changeRecordSchema = z.object({
  changeId: z.string(),
  /** Its number today (1–3). */
  slot: z.number().int().min(1).max(CHANGE_LIMITS.perDay),
  change: changeKindSchema,
  message: z.string(),
  /** When it was sent (ms). */
  at: z.number().int(),
  /** Registrants told (0 while it is still being sent). */
  notified: z.number().int().min(0),
})
export type ChangeRecord = z.infer<typeof changeRecordSchema>

export const notifyContract = {
  /**
   * An organiser of the activity's district (or an admin above) tells every active registrant of a
   * published activity what changed: one `activity_changed` notice each through the outbox, sent as
   * a subscribe message where the person accepted one, and recorded. At most 3 a day (Shanghai) per
   * activity: TOO_MANY_ATTEMPTS (details { limit, day }). `nonce` as for sign-ups: a retry of the same
   * request answers the same notice and writes none twice. ACTIVITY_CANCELLED; a draft: ACTIVITY_NOT_FOUND.
   */
  'change.send': action(
    z.object({
      activityId: idSchema,
      change: changeKindSchema,
      message: textSchema({ min: CHANGE_LIMITS.messageMin, max: CHANGE_LIMITS.messageMax }),
      nonce: nonceSchema,
    }),
    z.object({
      changeId: z.string(),
      /** This notice's number today (1–3). */
      today: z.number().int().min(1).max(CHANGE_LIMITS.perDay),
      /** Registrants told. */
      notified: z.number().int().min(0),
    }),
  ),
  /**
   * The same organisers (or an admin above): the activity's change notices of today (Shanghai), in
   * the order sent, with the day's limit and how many are signed up (confirmed and waitlisted, from
   * the activity's counters), for the form's 今天已发送 N/3 and 将通知 N 位报名者.
   */
  'change.list': action(
    z.object({ activityId: idSchema }),
    z.object({
      day: z.string(),
      limit: z.number().int(),
      registrants: z.number().int().min(0),
      items: z.array(changeRecordSchema),
    }),
  ),
}
