// The template ids of the one-time subscribe messages, per product key: the one list to change for
// an AppID (订阅消息 → 我的模板 in the 公众平台 shows them). Apart from config/subscribe.ts (the fields)
// so the mini-program's sign-up page, which asks for them, carries the ids and nothing more.
//
// Plain data, no imports: the cloud functions, the app and the local cloud's stand-in all read it.

/** The templates a resident accepts for one registration (counted on it: signup subscribe.record). */
export const REGISTRATION_SUBSCRIBE_KEYS = ['activity_reminder', 'waitlist_promoted', 'activity_changed'] as const
export type RegistrationSubscribeKey = (typeof REGISTRATION_SUBSCRIBE_KEYS)[number]

/**
 * The product's names of the templates (the app asks for them, the functions send them): the
 * registration's, and summary_due, which the people who run a unit accept for its 总结表's deadline
 * reminders (counted on their account: stats summary.subscribe).
 */
export const SUBSCRIBE_TEMPLATE_KEYS = [...REGISTRATION_SUBSCRIBE_KEYS, 'summary_due'] as const
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number]

/** Ids that stand for a template in the local cloud only (the stand-in knows them; WeChat does not). */
export const LOCAL_TEMPLATE_ID_PREFIX = 'local-tmpl-'

/** Replace with the AppID's template ids before a real deploy (the field keys in subscribe.ts must match). */
export const SUBSCRIBE_TEMPLATE_IDS: Record<SubscribeTemplateKey, string> = {
  activity_reminder: `${LOCAL_TEMPLATE_ID_PREFIX}activity-reminder`,
  waitlist_promoted: `${LOCAL_TEMPLATE_ID_PREFIX}waitlist-promoted`,
  activity_changed: `${LOCAL_TEMPLATE_ID_PREFIX}activity-changed`,
  summary_due: `${LOCAL_TEMPLATE_ID_PREFIX}summary-due`,
}
