import type { ActivitySummary, Week } from '@shared/contracts/activity'
import { callCloud } from '@/services/callCloud'

/** The week the organiser pages work on (shared with the dashboard and 活动管理). */
export const WEEK_KEY = 'organiser.weekId'

export interface Scope {
  week: Week
  admin: boolean
  /** Districts the caller runs in this week (all of them for an admin). */
  districts: { code: string; name: string }[]
}

type Role = { role: 'admin'; weekId: string } | { role: 'organiser'; weekId: string; districtCode: string } | { role: 'volunteer'; weekId: string }

/** The weeks the caller may manage, each with their districts (admins: every district). */
export function scopesOf(weeks: Week[], roles: Role[]): Scope[] {
  return weeks.flatMap((week) => {
    const admin = roles.some((r) => r.role === 'admin' && r.weekId === week.id)
    const codes = roles.flatMap((r) => (r.role === 'organiser' && r.weekId === week.id ? [r.districtCode] : []))
    const districts = week.districts.filter((d) => admin || codes.includes(d.code))
    return districts.length > 0 ? [{ week, admin, districts }] : []
  })
}

export async function loadScopes(): Promise<Scope[]> {
  const [weeks, roles] = await Promise.all([callCloud('activity', 'weeks', {}), callCloud('activity', 'roles', {})])
  return scopesOf(weeks.weeks, roles.roles)
}

/** At most this many pages of 50 published activities are offered for linking. */
const MAX_PAGES = 4

/** The district's published activities of the week, to link to a course or a book. */
export async function loadPublishedActivities(weekId: string, districtCode: string): Promise<ActivitySummary[]> {
  const out: ActivitySummary[] = []
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const r: { items: ActivitySummary[]; nextCursor: string | null } = await callCloud('activity', 'mine', {
      weekId,
      districtCode,
      status: 'published',
      limit: 50,
      ...(cursor ? { cursor } : {}),
    })
    out.push(...r.items)
    cursor = r.nextCursor
    if (!cursor) break
  }
  return out
}
