// Cloud function `notify`: its timer (`timer:notify`, every 5 minutes) writes the reminders that are
// due and sends the outbox as subscribe messages; organisers send change notices through it.
import { z } from 'zod'
import { idSchema, nonceSchema } from './activity'
import { action } from './envelope'
import { textSchema } from './text'

/** What changed: the time, the venue, or something else the message says. */
export const changeKindSchema = z.enum(['time', 'venue', 'other'])

export const notifyContract = {
  /**
   * An organiser of the activity's district (or an admin above) tells every active registrant of a
   * published activity what changed: one `activity_changed` notice each through the outbox, sent as
   * a subscribe message where the person accepted one, and recorded. At most 3 a day (Shanghai) per
   * activity: TOO_MANY_ATTEMPTS (details { limit, day }). `nonce` as for sign-ups: a retry of the same
   * request answers the same notice and writes none twice. ACTIVITY_CANCELLED; a draft: ACTIVITY_NOT_FOUND.
   */
  'change.send': action(
    z.object({ activityId: idSchema, change: changeKindSchema, message: textSchema({ min: 2, max: 60 }), nonce: nonceSchema }),
    z.object({
      changeId: z.string(),
      /** This notice's number today (1–3). */
      today: z.number().int().min(1).max(3),
      /** Registrants told. */
      notified: z.number().int().min(0),
    }),
  ),
}
