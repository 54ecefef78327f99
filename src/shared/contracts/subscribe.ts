// signup subscribe.record, apart from signupContract: the cloud function serves it with the rest
// of signup (contracts/index.ts merges the two); in the app, services/subscribe.ts registers it beside
// signupContract (src/services/contractRegistry.ts), so only the pages that ask requestSubscribeMessage
// (the sign-up page, the ticket) carry these schemas.
import { z } from 'zod'
import { action } from './envelope'
import { registrationIdSchema } from './signup'

/**
 * The templates the app asks people to subscribe to: SUBSCRIBE_TEMPLATE_KEYS of config/subscribe.ts,
 * written out so the pages need not bundle the config (contracts.test.ts checks they agree).
 */
export const subscribeTemplateKeySchema = z.enum(['activity_reminder', 'waitlist_promoted', 'activity_changed'])
/** One value per template key (each optional; no other key). */
const perTemplate = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ activity_reminder: value.optional(), waitlist_promoted: value.optional(), activity_changed: value.optional() }).strict()
/** What requestSubscribeMessage answered for one template: only 'accept' lets the app send a message. */
export const subscribeResultSchema = z.enum(['accept', 'reject', 'ban', 'filter'])
/** The tap's own id (the app makes one per answer): a retry with it counts nothing again. */
export const subscribeNonceSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
/** Per template: how many messages the person's acceptances paid for, the first acceptance and the latest (epoch ms). */
export const subscribeRecordSchema = z.object({ accepted: z.number().int().min(0), firstAt: z.number().int(), at: z.number().int() })

export const signupSubscribeContract = {
  /**
   * What the person answered to requestSubscribeMessage at a tap (sign-up, the ticket) for one of
   * the caller's own registrations (or a family member's): each 'accept' pays for one message of
   * that template (一次性订阅) and is counted on the registration, once per `nonce`. Someone else's
   * or unknown: REGISTRATION_NOT_FOUND.
   */
  'subscribe.record': action(
    z.object({
      registrationId: registrationIdSchema,
      results: perTemplate(subscribeResultSchema),
      nonce: subscribeNonceSchema,
    }),
    z.object({ registrationId: registrationIdSchema, subscribe: perTemplate(subscribeRecordSchema) }),
  ),
}
