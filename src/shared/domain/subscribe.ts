// One-time subscribe messages (一次性订阅消息), pure: fitting a value to its field type's limit (WeChat
// refuses a value over it with errcode 47003), the reminders' due times in Asia/Shanghai, and which
// reminders a person's acceptances pay for (each acceptance of a template lets the app send ONE
// message of it). Templates and their fields: config/subscribe.ts.
import { SUBSCRIBE_TEMPLATES, type FieldSource, type FieldType, type SubscribeTemplateKey } from '../../../config/subscribe'
import { shanghaiDate, shanghaiDayRange, shanghaiParts } from './time'

const HOUR_MS = 60 * 60 * 1000

/** Characters (code points) each text type takes at most. */
export const FIELD_LIMITS: Record<Exclude<FieldType, 'time' | 'date'>, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  phone_number: 17,
}

const ELLIPSIS = '…'

const chars = (s: string) => Array.from(s)
const pad = (n: number) => String(n).padStart(2, '0')

/** '2026年12月12日' of an instant, in Shanghai. */
export function subscribeDate(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}年${p.month}月${p.day}日`
}

/** '2026年12月12日 14:30' of an instant, in Shanghai. */
export function subscribeTime(ms: number): string {
  const p = shanghaiParts(ms)
  return `${subscribeDate(ms)} ${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * A value as its field type allows: a thing over 20 characters cut to 19 and '…'; a name cut to 10,
 * a phrase to 5; a character_string keeps letters, digits and symbols (at most 32), a number its
 * digits (32), a phone_number digits, '+' and '-' (17); time and date take an instant (epoch ms).
 * An empty text becomes '无' (WeChat refuses an empty value).
 */
export function fitValue(type: FieldType, value: string | number): string {
  if (type === 'time' || type === 'date') {
    const ms = typeof value === 'number' ? value : Date.parse(value)
    if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(value)}`)
    return type === 'time' ? subscribeTime(ms) : subscribeDate(ms)
  }
  let text = String(value).replace(/\s+/g, ' ').trim()
  if (type === 'character_string') text = text.replace(/[^\x21-\x7e]/g, '')
  if (type === 'number') text = text.replace(/\D/g, '')
  if (type === 'phone_number') text = text.replace(/[^\d+-]/g, '')
  const limit = FIELD_LIMITS[type]
  const cs = chars(text)
  if (cs.length > limit) text = type === 'thing' ? cs.slice(0, limit - 1).join('') + ELLIPSIS : cs.slice(0, limit).join('')
  return text || (type === 'thing' || type === 'phrase' || type === 'name' ? '无' : '0')
}

/** Whether a value is within its type's limit as WeChat checks it (the stand-in answers 47003 otherwise). */
export function fitsField(type: FieldType, value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false
  if (type === 'time') return /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value)
  if (type === 'date') return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(value)
  if (chars(value).length > FIELD_LIMITS[type]) return false
  if (type === 'character_string') return /^[\x21-\x7e]+$/.test(value)
  if (type === 'number') return /^\d+$/.test(value)
  if (type === 'phone_number') return /^[\d+-]+$/.test(value)
  return true
}

/** The field type a template key names: thing1 → thing, character_string2 → character_string. */
export function fieldTypeOfKey(key: string): FieldType | null {
  const m = /^([a-z_]+?)\d+$/.exec(key)
  const type = m?.[1]
  const known: readonly string[] = ['thing', 'phrase', 'name', 'character_string', 'number', 'phone_number', 'time', 'date']
  return type && known.includes(type) ? (type as FieldType) : null
}

/** The values a message is filled from (time and date fields read an instant). */
export type MessageValues = Partial<Record<FieldSource, string | number>>

/** A template's `data` for subscribeMessage.send: each field fitted to its type. */
export function templateData(template: SubscribeTemplateKey, values: MessageValues): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const f of SUBSCRIBE_TEMPLATES[template].fields) data[f.key] = { value: fitValue(f.type, values[f.from] ?? '') }
  return data
}

// ------------------------------------------------------------------ the reminders

/** The two reminders of an activity: the evening before (18:00 Shanghai) and an hour before the start. */
export const REMINDERS = ['eve', 'hour'] as const
export type Reminder = (typeof REMINDERS)[number]

/** When a reminder is due (epoch ms): 18:00 Shanghai the day before the start's Shanghai day, or 1 hour before. */
export function reminderDueAt(reminder: Reminder, startAt: number): number {
  if (reminder === 'hour') return startAt - HOUR_MS
  return shanghaiDayRange(shanghaiDate(startAt)).start - 6 * HOUR_MS
}

/**
 * The reminders `accepted` acceptances pay for, soonest first: those still ahead when the person
 * first accepted (`since`), one per acceptance. Signed up before the evening before: one acceptance
 * pays for the evening's, a second for the hour's; after the evening's time, the first pays for the hour's.
 */
export function remindersPaidFor(accepted: number, since: number, startAt: number): Reminder[] {
  const ahead = REMINDERS.filter((r) => reminderDueAt(r, startAt) > since)
  return ahead.slice(0, Math.max(0, Math.floor(accepted)))
}
