// Collection names and the stored shape of each document. Only cloud functions (and the local
// cloud's seeder) write these; the client never touches the database.

export const COLLECTIONS = {
  weeks: 'weeks',
  activities: 'activities',
  users: 'users',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

export interface WeekDoc {
  _id: string
  name: string
  level: 'province' | 'city' | 'district'
  region: string
  theme: string
  startDate: string
  endDate: string
  districts: { code: string; name: string }[]
  summaryDeadline: string
  organiser: string
  contacts: { name: string; unit: string; phone: string }[]
  status: 'draft' | 'published'
  createdAt: Date
  updatedAt: Date
}

export interface ActivityDoc {
  _id: string
  weekId: string
  districtCode: string
  districtName: string
  title: string
  type: string
  topics: string[]
  audiences: string[]
  organizer: string
  coOrganizers: string[]
  mode: 'offline' | 'online' | 'hybrid'
  venue: { name: string; address: string } | null
  onlineUrl: string | null
  startAt: Date
  endAt: Date
  signup: {
    capacity: number
    opensAt: Date
    closesAt: Date
    cancelDeadline: Date
  } | null
  /** Seats not yet taken; null when no sign-up is needed. Decremented atomically on sign-up. */
  seatsLeft: number | null
  description: string
  status: 'draft' | 'published' | 'cancelled'
  createdAt: Date
  updatedAt: Date
}

export type RoleGrant =
  | { role: 'admin'; weekId: string }
  | { role: 'organiser'; weekId: string; districtCode: string }
  | { role: 'volunteer'; weekId: string; activityIds: string[] }

export interface UserDoc {
  /** The caller's OPENID. */
  _id: string
  profile?: {
    name: string
    phone: string
    ageGroup: string
    community: string
    audience: string
  }
  roles: RoleGrant[]
  createdAt: Date
  updatedAt: Date
}
