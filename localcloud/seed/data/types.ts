// Shapes of the seed documents the local cloud loads: weeks, activities and dev personas.
// Days are 'YYYY-MM-DD' and clocks 'HH:mm', both Asia/Shanghai wall time; the loader turns
// them into instants with shanghaiInstant(day, clock).

import type { ActivityMode, Audience, ContentType, Topic } from '../../../src/shared/domain/vocabulary'

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
}

export interface SeedActivity {
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

export type SeedPersona = 'resident' | 'senior' | 'volunteer' | 'organiser' | 'admin'

export type SeedRole =
  | { role: 'organiser'; weekId: string; districtCode: string }
  | { role: 'admin'; weekId: string }
  | { role: 'volunteer'; weekId: string; activityIds: string[] }

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
