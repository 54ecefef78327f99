// The one-time subscribe messages (一次性订阅消息) the product sends: their template ids and how each
// template's fields are filled. A template is chosen in the 公众平台 (订阅消息 → 公共模板库) per AppID,
// so the ids below are this product's placeholders for the local cloud: replace them with the ids the
// AppID's console shows before a real deploy (the field keys must then match the chosen template's).
//
// Plain data: the cloud functions and the local cloud's stand-in read it. The ids themselves are in
// subscribeTemplateIds.ts (the app asks for them without carrying the fields).
import {
  LOCAL_TEMPLATE_ID_PREFIX,
  REGISTRATION_SUBSCRIBE_KEYS,
  SUBSCRIBE_TEMPLATE_IDS,
  SUBSCRIBE_TEMPLATE_KEYS,
  type RegistrationSubscribeKey,
  type SubscribeTemplateKey,
} from './subscribeTemplateIds'

export {
  LOCAL_TEMPLATE_ID_PREFIX,
  REGISTRATION_SUBSCRIBE_KEYS,
  SUBSCRIBE_TEMPLATE_IDS,
  SUBSCRIBE_TEMPLATE_KEYS,
  type RegistrationSubscribeKey,
  type SubscribeTemplateKey,
}

/**
 * WeChat's field types (订阅消息参数值内容限制): thing ≤ 20 characters; phrase ≤ 5 Chinese characters;
 * name ≤ 10 characters; character_string ≤ 32 letters, digits and symbols; number ≤ 32 digits;
 * phone_number ≤ 17; time and date as 2026年12月12日 14:30 / 2026年12月12日.
 */
export const FIELD_TYPES = ['thing', 'phrase', 'name', 'character_string', 'number', 'phone_number', 'time', 'date'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** What a field is filled from (the sender gives each of these; see @shared/domain/subscribe). */
export const FIELD_SOURCES = ['title', 'startAt', 'venue', 'personName', 'tip', 'status', 'change', 'item', 'deadline'] as const
export type FieldSource = (typeof FIELD_SOURCES)[number]

export interface TemplateField {
  /** The template's key, e.g. thing1 (its type is the key's letters). */
  key: string
  type: FieldType
  from: FieldSource
}

export interface SubscribeTemplate {
  /** The template id in the AppID's console (placeholders locally: LOCAL_TEMPLATE_ID_PREFIX). */
  id: string
  /** The template's title in the public library, for people reading this. */
  title: string
  fields: TemplateField[]
}

export const SUBSCRIBE_TEMPLATES: Record<SubscribeTemplateKey, SubscribeTemplate> = {
  activity_reminder: {
    id: SUBSCRIBE_TEMPLATE_IDS.activity_reminder,
    title: '活动开始提醒',
    fields: [
      { key: 'thing1', type: 'thing', from: 'title' },
      { key: 'time2', type: 'time', from: 'startAt' },
      { key: 'thing3', type: 'thing', from: 'venue' },
      { key: 'name4', type: 'name', from: 'personName' },
      { key: 'thing5', type: 'thing', from: 'tip' },
    ],
  },
  waitlist_promoted: {
    id: SUBSCRIBE_TEMPLATE_IDS.waitlist_promoted,
    title: '候补成功通知',
    fields: [
      { key: 'thing1', type: 'thing', from: 'title' },
      { key: 'time2', type: 'time', from: 'startAt' },
      { key: 'name3', type: 'name', from: 'personName' },
      { key: 'phrase4', type: 'phrase', from: 'status' },
      { key: 'thing5', type: 'thing', from: 'tip' },
    ],
  },
  activity_changed: {
    id: SUBSCRIBE_TEMPLATE_IDS.activity_changed,
    title: '活动变更通知',
    fields: [
      { key: 'thing1', type: 'thing', from: 'title' },
      { key: 'phrase2', type: 'phrase', from: 'change' },
      { key: 'time3', type: 'time', from: 'startAt' },
      { key: 'thing4', type: 'thing', from: 'venue' },
      { key: 'thing5', type: 'thing', from: 'tip' },
    ],
  },
  summary_due: {
    id: SUBSCRIBE_TEMPLATE_IDS.summary_due,
    title: '材料提交提醒',
    fields: [
      { key: 'thing1', type: 'thing', from: 'item' },
      { key: 'date2', type: 'date', from: 'deadline' },
      { key: 'thing3', type: 'thing', from: 'tip' },
    ],
  },
}

/** The page a message opens (the person's activities). */
export const SUBSCRIBE_PAGE = 'pages/mine/index'
