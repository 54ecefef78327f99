// Shapes of the seed documents the local cloud loads: weeks, activities and dev personas.
// Days are 'YYYY-MM-DD' and clocks 'HH:mm', both Asia/Shanghai wall time; the loader turns
// them into instants with shanghaiInstant(day, clock).

import type { Role, RoleGrant } from '../../../src/shared/contracts/activity'
import type { SignupField } from '../../../src/shared/domain/people'
import type { ActivityMode, Audience, ContentType, CourseTopic, Topic } from '../../../src/shared/domain/vocabulary'

export type SeedDay = string // 'YYYY-MM-DD'
export type SeedClock = string // 'HH:mm'

export interface SeedDistrict {
  code: string
  name: string
}

export interface SeedContact {
  name: string
  unit: string
  phone: string
}

export interface SeedWeek {
  _id: string
  name: string
  level: 'province' | 'city' | 'district'
  region: string
  theme: string
  startDate: SeedDay
  endDate: SeedDay
  /** The units the week is run in: 县区 for a city week, 市县 for a province week. */
  districts: SeedDistrict[]
  /** Day the 总结表 and summary material are due. */
  summaryDeadline: SeedDay
  /** The issuing bureau. */
  organiser: string
  contacts: SeedContact[]
  status: 'published'
}

export interface SeedVenue {
  name: string
  address: string
}

export interface SeedSignup {
  capacity: number
  opensDay: SeedDay
  opensAt: SeedClock
  closesDay: SeedDay
  closesAt: SeedClock
  cancelDeadlineDay: SeedDay
  cancelDeadlineAt: SeedClock
  /** What the sign-up form asks (name always); absent = DEFAULT_SIGNUP_FIELDS. */
  fields?: SignupField[]
}

/** The map point and the contact of a seeded activity (see places.ts). */
export interface SeedPlace {
  location?: { latitude: number; longitude: number; name?: string; address?: string }
  contactName?: string
  contactPhone?: string
}

export interface SeedActivity extends SeedPlace {
  _id: string
  weekId: string
  districtCode: string
  title: string
  type: ContentType
  topics: Topic[]
  audiences: Audience[]
  organizer: string
  coOrganizers: string[]
  mode: ActivityMode
  /** null for online-only activities. */
  venue: SeedVenue | null
  /** null for offline-only activities. */
  onlineUrl: string | null
  day: SeedDay
  start: SeedClock
  end: SeedClock
  /** null = 无需报名 (open attendance). */
  signup: SeedSignup | null
  /** 2-4 concrete sentences. */
  description: string
  status: 'published' | 'draft' | 'cancelled'
}

export type SeedPersona = 'resident' | 'senior' | Role

export type SeedRole = RoleGrant

export interface SeedPerson {
  /** The openid the local gateway plays. */
  _id: string
  /** Shown in the person switcher, e.g. '居民 王丽'. */
  label: string
  persona: SeedPersona
  profile: {
    name: string
    phone: string
    ageGroup: '18-39' | '40-59' | '60-69' | '70+'
    community: string
    audience: Audience
  }
  roles: SeedRole[]
}

// ------------------------------------------------------------------ courses and book lists

/**
 * A lesson picture, described rather than drawn: a phone screen of one of a few layouts, with the
 * thing to tap outlined and labelled. illustrations.ts turns it into a small SVG.
 *   tabs     an app's home with a bottom tab bar (`items` are the tabs)
 *   list     a page of rows (menus, settings, orders)
 *   grid     a page of square buttons (services, apps)
 *   search   a search box holding `query`, results below (`items`)
 *   form     labelled fields (`fields`) and one big button (`button`)
 *   message  a text message (`body`) with a warning banner instead of a tap
 *   code     a QR / payment code to show (`body` is the caption)
 */
export type ShotLayout = 'tabs' | 'list' | 'grid' | 'search' | 'form' | 'message' | 'code'

export interface SeedShot {
  layout: ShotLayout
  /** The title bar: the app or page name, e.g. '微信', '我', '腾讯乘车码'. */
  screen: string
  /** Rows, buttons, tabs or results, in screen order. */
  items?: string[]
  /** Index in `items` to outline (tabs/list/grid/search); for form the button; absent = none. */
  tap?: number
  /** The search text (search). */
  query?: string
  /** Label/value pairs (form). */
  fields?: [string, string][]
  /** The button at the bottom (form). */
  button?: string
  /** The message text (message) or the caption under the code (code). */
  body?: string
  /** The callout next to the arrow, e.g. '点“我”' or '不要告诉任何人'. Short: ≤ 12 characters. */
  label: string
}

export interface SeedStep {
  /** What to do, in short sentences. */
  text: string
  /** A safety hint or tip shown beside the step. */
  tip?: string
  shot: SeedShot
}

export interface SeedLesson {
  /** /^l[a-z0-9]{1,15}$/ */
  id: string
  title: string
  minutes: number
  steps: SeedStep[]
}

export interface SeedCourse {
  /** /^[A-Za-z0-9_-]+$/, at most 64. */
  _id: string
  weekId: string
  districtCode: string
  topic: CourseTopic
  title: string
  intro: string
  /** Offline classes of the same week and district. */
  activityIds: string[]
  status: 'published' | 'draft'
  lessons: SeedLesson[]
}

export interface SeedBook {
  /** /^b[a-z0-9]{1,23}$/ */
  _id: string
  title: string
  author: string
  /** Two or three honest lines on the book. */
  blurb: string
  /** 书友会 / 读书沙龙 (or 诵读) activities of the list's district about it. */
  activityIds: string[]
}

export interface SeedBookList {
  _id: string
  weekId: string
  districtCode: string
  title: string
  intro: string
  status: 'published' | 'draft'
  books: SeedBook[]
}
