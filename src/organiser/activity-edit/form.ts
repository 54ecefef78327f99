// The organiser's activity form as plain data: defaults, loading an activity into it, checking it,
// and turning it into the create input or the update patch. Pure: the clock is passed in; days and
// clocks are Asia/Shanghai.
import {
  ACTIVITY_LIMITS,
  CONTACT_PHONE_RE,
  ONLINE_URL_RE,
  type ActivityCreateInput,
  type ActivityLocation,
  type ActivityDetail,
  type ActivityPatch,
  type Week,
} from '@shared/contracts/activity'
import { defaultSignupWindow } from '@shared/domain/activityRules'
import { DEFAULT_SIGNUP_FIELDS, type SignupField } from '@shared/domain/people'
import { daysBetween, parseClock, shanghaiClock, shanghaiDate, shanghaiInstant } from '@shared/domain/time'
import type { ActivityMode, Audience, ContentType, Topic } from '@shared/domain/vocabulary'
import { ERROR_MESSAGES } from '@shared/errors'

const HOUR_MS = 60 * 60 * 1000

/** The contract's limits (activity.create and activity.update check the same numbers). */
export const LIMITS = ACTIVITY_LIMITS

export interface ActivityForm {
  districtCode: string
  title: string
  type: ContentType | ''
  topics: Topic[]
  audiences: Audience[]
  organizer: string
  /** Co-organisers, one text: separated by 、 ， , or new lines. */
  coOrganizers: string
  mode: ActivityMode
  venueName: string
  venueAddress: string
  onlineUrl: string
  day: string
  /** Clock times as typed ('9:30', '0930'…); read with parseClock, 'HH:mm' once the field is left. */
  startTime: string
  endTime: string
  signupRequired: boolean
  capacity: string
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  cancelDate: string
  cancelTime: string
  /** The organiser set the window themself; until then it follows the start time. */
  windowTouched: boolean
  /** Fields asked besides the name (always asked). */
  fields: SignupField[]
  description: string
  /** The venue picked on a map (weapp), or null: residents then get the address only. */
  location: ActivityLocation | null
  /** Whom residents call (shown on the activity page); both optional. */
  contactName: string
  contactPhone: string
}

export type FieldKey =
  | 'district'
  | 'title'
  | 'type'
  | 'topics'
  | 'audiences'
  | 'organizer'
  | 'coOrganizers'
  | 'mode'
  | 'venue'
  | 'onlineUrl'
  | 'time'
  | 'signupRequired'
  | 'capacity'
  | 'window'
  | 'cancel'
  | 'fields'
  | 'description'
  | 'location'
  | 'contactName'
  | 'contactPhone'

export type FormErrors = Partial<Record<FieldKey, string>>

const parts = (ms: number) => ({ date: shanghaiDate(ms), time: shanghaiClock(ms) })

/** The first day of the week on which an activity can still start (tomorrow at the earliest). */
export function firstOpenDay(week: Pick<Week, 'startDate' | 'endDate'>, now: number): string {
  const days = daysBetween(week.startDate, week.endDate)
  const tomorrow = shanghaiDate(now + 24 * HOUR_MS)
  return days.find((d) => d >= tomorrow) ?? days[days.length - 1]
}

/** An instant from a day and a typed clock time, or null while the time is not one. */
export function instantOf(day: string, clock: string): number | null {
  const c = parseClock(clock)
  return c ? shanghaiInstant(day, c) : null
}

/** The default window for the start (defaultSignupWindow: never already past); null while the start time is not a time. */
export function derivedWindow(f: Pick<ActivityForm, 'day' | 'startTime'>, now: number) {
  const start = instantOf(f.day, f.startTime)
  if (start === null) return null
  const w = defaultSignupWindow(start, now)
  const opens = parts(w.opensAt)
  const closes = parts(w.closesAt)
  const cancel = parts(w.cancelDeadline)
  return {
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    cancelDate: cancel.date,
    cancelTime: cancel.time,
  }
}

type SignupWindowForm = NonNullable<ReturnType<typeof derivedWindow>>

export function defaultForm(week: Pick<Week, 'startDate' | 'endDate'>, districtCode: string, now: number, organizer = ''): ActivityForm {
  const base = { day: firstOpenDay(week, now), startTime: '09:00' }
  return {
    districtCode,
    title: '',
    type: '',
    topics: [],
    audiences: ['residents'],
    organizer,
    coOrganizers: '',
    mode: 'offline',
    venueName: '',
    venueAddress: '',
    onlineUrl: '',
    ...base,
    endTime: '11:00',
    signupRequired: true,
    capacity: '50',
    ...(derivedWindow(base, now) as SignupWindowForm),
    windowTouched: false,
    fields: DEFAULT_SIGNUP_FIELDS.filter((f) => f !== 'name'),
    description: '',
    location: null,
    contactName: '',
    contactPhone: '',
  }
}

/** Applies a change; the sign-up window follows a new start time until the organiser sets it. */
export function withChange(f: ActivityForm, patch: Partial<ActivityForm>, now: number): ActivityForm {
  const next = { ...f, ...patch }
  const windowKeys: (keyof ActivityForm)[] = ['opensDate', 'opensTime', 'closesDate', 'closesTime', 'cancelDate', 'cancelTime']
  if (windowKeys.some((k) => k in patch)) next.windowTouched = true
  else if (!next.windowTouched && ('day' in patch || 'startTime' in patch)) Object.assign(next, derivedWindow(next, now) ?? {})
  return next
}

export function formFromActivity(a: ActivityDetail, now: number): ActivityForm {
  const start = parts(a.startAt)
  const end = parts(a.endAt)
  const win =
    a.signupOpensAt !== null && a.signupClosesAt !== null && a.cancelDeadline !== null
      ? {
          opensDate: parts(a.signupOpensAt).date,
          opensTime: parts(a.signupOpensAt).time,
          closesDate: parts(a.signupClosesAt).date,
          closesTime: parts(a.signupClosesAt).time,
          cancelDate: parts(a.cancelDeadline).date,
          cancelTime: parts(a.cancelDeadline).time,
        }
      : (derivedWindow({ day: start.date, startTime: start.time }, now) as SignupWindowForm)
  return {
    districtCode: a.districtCode,
    title: a.title,
    type: a.type,
    topics: [...a.topics],
    audiences: [...a.audiences],
    organizer: a.organizer,
    coOrganizers: a.coOrganizers.join('、'),
    mode: a.mode,
    venueName: a.venueName ?? '',
    venueAddress: a.address ?? '',
    onlineUrl: a.onlineUrl ?? '',
    day: start.date,
    startTime: start.time,
    endTime: end.time,
    signupRequired: a.signupRequired,
    capacity: a.capacity !== null ? String(a.capacity) : '50',
    ...win,
    windowTouched: a.signupRequired,
    fields: a.signupRequired ? a.signupFields.filter((x) => x !== 'name') : DEFAULT_SIGNUP_FIELDS.filter((f) => f !== 'name'),
    description: a.description,
    location: a.location,
    contactName: a.contactName ?? '',
    contactPhone: a.contactPhone ?? '',
  }
}

export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The form's instants; a time not (yet) readable is NaN, which every comparison below treats as wrong. */
export function instants(f: ActivityForm) {
  const at = (day: string, clock: string) => instantOf(day, clock) ?? NaN
  return {
    startAt: at(f.day, f.startTime),
    endAt: at(f.day, f.endTime),
    opensAt: at(f.opensDate, f.opensTime),
    closesAt: at(f.closesDate, f.closesTime),
    cancelDeadline: at(f.cancelDate, f.cancelTime),
  }
}

export const CLOCK_ERROR = '请按“时:分”填写时间，例如 09:30 或 14:00'

export interface CheckOptions {
  /** A new activity, or one whose start moved (the server refuses a start in the past then). */
  startMustBeFuture: boolean
  /** About to publish: also the start ahead and sign-up not already closed (publishRefusal). */
  publishing?: boolean
}

/** Everything wrong with the form, by field, in Chinese. */
export function checkForm(f: ActivityForm, week: Pick<Week, 'startDate' | 'endDate'>, now: number, options: CheckOptions): FormErrors {
  const e: FormErrors = {}
  if (!f.districtCode) e.district = '请选择县区'
  const title = f.title.trim()
  if (title.length < LIMITS.titleMin || title.length > LIMITS.titleMax)
    e.title = `请填写活动名称（${LIMITS.titleMin}–${LIMITS.titleMax}个字）`
  if (!f.type) e.type = '请选择活动类型'
  if (f.topics.length === 0) e.topics = '请至少选择一个学习主题'
  if (f.audiences.length === 0) e.audiences = '请至少选择一类适合人群'
  if (!f.organizer.trim() || f.organizer.trim().length > LIMITS.organizerMax)
    e.organizer = `请填写主办单位（${LIMITS.organizerMax}个字以内）`
  const co = splitNames(f.coOrganizers)
  if (co.length > LIMITS.coOrganizersMax || co.some((c) => c.length > LIMITS.coOrganizerMax))
    e.coOrganizers = `协办单位最多${LIMITS.coOrganizersMax}个，每个${LIMITS.coOrganizerMax}个字以内`
  if (f.mode !== 'online' && (!f.venueName.trim() || !f.venueAddress.trim())) e.venue = ERROR_MESSAGES.VENUE_REQUIRED
  else if (f.venueName.trim().length > LIMITS.venueNameMax || f.venueAddress.trim().length > LIMITS.venueAddressMax)
    e.venue = `场地名称${LIMITS.venueNameMax}字以内，地址${LIMITS.venueAddressMax}字以内`
  if (f.mode !== 'offline' && !ONLINE_URL_RE.test(f.onlineUrl.trim())) e.onlineUrl = '请填写以 http:// 或 https:// 开头的参与链接'
  const t = instants(f)
  const future = options.startMustBeFuture || options.publishing
  if (!parseClock(f.startTime) || !parseClock(f.endTime)) e.time = CLOCK_ERROR
  else if (f.day < week.startDate || f.day > week.endDate) e.time = ERROR_MESSAGES.ACTIVITY_OUTSIDE_WEEK
  else if (!(t.endAt > t.startAt)) e.time = ERROR_MESSAGES.ACTIVITY_TIME_INVALID
  else if (future && t.startAt <= now) e.time = ERROR_MESSAGES.ACTIVITY_START_PASSED
  if (f.signupRequired) {
    const cap = Number(f.capacity)
    if (!/^\d+$/.test(f.capacity.trim()) || !Number.isInteger(cap) || cap < 1 || cap > LIMITS.capacityMax)
      e.capacity = `请填写名额人数（1–${LIMITS.capacityMax} 的整数）`
    if (!parseClock(f.opensTime) || !parseClock(f.closesTime)) e.window = CLOCK_ERROR
    else if (!(t.opensAt < t.closesAt) || t.closesAt > t.startAt) e.window = ERROR_MESSAGES.SIGNUP_WINDOW_INVALID
    else if (options.publishing && t.closesAt <= now) e.window = ERROR_MESSAGES.SIGNUP_ALREADY_CLOSED
    if (!parseClock(f.cancelTime)) e.cancel = CLOCK_ERROR
    else if (t.cancelDeadline > t.startAt) e.cancel = ERROR_MESSAGES.CANCEL_DEADLINE_INVALID
  }
  if (f.description.trim().length > LIMITS.descriptionMax) e.description = `活动介绍${LIMITS.descriptionMax}字以内`
  if (f.contactName.trim().length > LIMITS.contactNameMax) e.contactName = `联系人${LIMITS.contactNameMax}字以内`
  const phone = f.contactPhone.trim()
  if (phone && !CONTACT_PHONE_RE.test(phone)) e.contactPhone = '请填写手机号或带区号的座机，例如 0791-88880126'
  return e
}

/** What stops publishing, as the code the server would answer (the reason shown by the button), or null. */
export function publishBlocker(e: FormErrors): 'ACTIVITY_START_PASSED' | 'SIGNUP_ALREADY_CLOSED' | null {
  if (e.time === ERROR_MESSAGES.ACTIVITY_START_PASSED) return 'ACTIVITY_START_PASSED'
  if (e.window === ERROR_MESSAGES.SIGNUP_ALREADY_CLOSED) return 'SIGNUP_ALREADY_CLOSED'
  return null
}

function fieldsOf(f: ActivityForm): ActivityPatch {
  const t = instants(f)
  return {
    title: f.title.trim(),
    type: f.type as ContentType,
    topics: f.topics,
    audiences: f.audiences,
    organizer: f.organizer.trim(),
    coOrganizers: splitNames(f.coOrganizers),
    mode: f.mode,
    venue: f.mode === 'online' ? null : { name: f.venueName.trim(), address: f.venueAddress.trim() },
    onlineUrl: f.mode === 'offline' ? null : f.onlineUrl.trim(),
    startAt: t.startAt,
    endAt: t.endAt,
    signup: f.signupRequired
      ? {
          capacity: Number(f.capacity),
          opensAt: t.opensAt,
          closesAt: t.closesAt,
          cancelDeadline: t.cancelDeadline,
          fields: ['name', ...f.fields],
        }
      : null,
    description: f.description.trim(),
    // An online activity has no venue to find.
    location: f.mode === 'online' ? null : f.location,
    contactName: f.contactName.trim() || null,
    contactPhone: f.contactPhone.trim() || null,
  }
}

/** The form with its typed times as 'HH:mm' (those that read as times). */
export function normalised(f: ActivityForm): ActivityForm {
  const keys = ['startTime', 'endTime', 'opensTime', 'closesTime', 'cancelTime'] as const
  const out = { ...f }
  for (const k of keys) out[k] = parseClock(f[k]) ?? f[k]
  return out
}

export function toCreateInput(f: ActivityForm, weekId: string): ActivityCreateInput {
  const all = fieldsOf(f) as Required<ActivityPatch>
  return { weekId, districtCode: f.districtCode, ...all }
}

/** Every field (the server checks the whole plan anyway); the district cannot move. */
export function toPatch(f: ActivityForm): ActivityPatch {
  return fieldsOf(f)
}

/** Which form field a server refusal is about. */
export const CODE_FIELD: Partial<Record<string, FieldKey>> = {
  DISTRICT_NOT_IN_WEEK: 'district',
  VENUE_REQUIRED: 'venue',
  ONLINE_URL_REQUIRED: 'onlineUrl',
  ACTIVITY_TIME_INVALID: 'time',
  ACTIVITY_START_PASSED: 'time',
  ACTIVITY_OUTSIDE_WEEK: 'time',
  SIGNUP_WINDOW_INVALID: 'window',
  SIGNUP_ALREADY_CLOSED: 'window',
  CANCEL_DEADLINE_INVALID: 'cancel',
  CAPACITY_BELOW_CONFIRMED: 'capacity',
  SIGNUP_HAS_REGISTRATIONS: 'signupRequired',
}

/** VALIDATION_FAILED paths ('patch.venue.name', 'signup.capacity') as form fields. */
export function fieldsFromPaths(paths: string[] | undefined): FieldKey[] {
  const out = new Set<FieldKey>()
  for (const raw of paths ?? []) {
    const p = raw.replace(/^patch\./, '').split('.')
    const head = p[0]
    if (head === 'districtCode') out.add('district')
    else if (head === 'venue') out.add('venue')
    else if (head === 'location' || head === 'contactName' || head === 'contactPhone') out.add(head)
    else if (head === 'startAt' || head === 'endAt') out.add('time')
    else if (head === 'signup') {
      const sub = p[1]
      out.add(sub === 'capacity' ? 'capacity' : sub === 'fields' ? 'fields' : sub === 'cancelDeadline' ? 'cancel' : 'window')
    } else if (['title', 'type', 'topics', 'audiences', 'organizer', 'coOrganizers', 'mode', 'onlineUrl', 'description'].includes(head)) {
      out.add(head as FieldKey)
    }
  }
  return [...out]
}
