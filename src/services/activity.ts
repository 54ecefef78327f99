// The activity domain's calls: weeks and roles, the public list and detail, the organiser's own
// activities and weeks, and the loaders the organiser pages share (scopes, activities to link).
import type { ActivitySummary, RoleGrant, Week } from '@shared/contracts/activity'
import { adminCities, isWeekAdmin, runsDistrict } from '@shared/domain/staff'
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { activityContract } from '@shared/contracts/activity'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('activity', activityContract)

type In<A extends ActionName<'activity'>> = InputOf<'activity', A>
type Out<A extends ActionName<'activity'>> = Promise<OutputOf<'activity', A>>

/** The learning weeks on offer. */
export function listWeeks(): Out<'weeks'> {
  return callCloud('activity', 'weeks', {})
}

/** The caller's roles (admin, organiser, volunteer) per week. */
export function myRoles(): Out<'roles'> {
  return callCloud('activity', 'roles', {})
}

/** One page of a week's published activities, filtered. */
export function listActivities(input: In<'list'>): Out<'list'> {
  return callCloud('activity', 'list', input)
}

export function getActivity(id: string): Out<'get'> {
  return callCloud('activity', 'get', { id })
}

export function createActivity(input: In<'create'>): Out<'create'> {
  return callCloud('activity', 'create', input)
}

export function updateActivity(input: In<'update'>): Out<'update'> {
  return callCloud('activity', 'update', input)
}

export function publishActivity(id: string): Out<'publish'> {
  return callCloud('activity', 'publish', { id })
}

export function cancelActivity(id: string, reason: string): Out<'cancel'> {
  return callCloud('activity', 'cancel', { id, reason })
}

/** One page of the activities an organiser manages (drafts included). */
export function listManagedActivities(input: In<'mine'>): Out<'mine'> {
  return callCloud('activity', 'mine', input)
}

export function getWeek(id: string): Out<'week.get'> {
  return callCloud('activity', 'week.get', { id })
}

export function createWeek(input: In<'week.create'>): Out<'week.create'> {
  return callCloud('activity', 'week.create', input)
}

export function updateWeek(input: In<'week.update'>): Out<'week.update'> {
  return callCloud('activity', 'week.update', input)
}

export interface Scope {
  week: Week
  admin: boolean
  /** Districts the caller runs in this week (all of them for an admin). */
  districts: { code: string; name: string }[]
  /** Cities the caller administers in this week (a city admin's; [] for a week admin, who has the top). */
  cities: string[]
}

/** The weeks the caller may manage, each with their districts (admins and the bureau: every district; city admins: their city's). */
export function scopesOf(weeks: Week[], roles: RoleGrant[]): Scope[] {
  return weeks.flatMap((week) => {
    const admin = isWeekAdmin(roles, week.id)
    const districts = week.districts.filter((d) => runsDistrict(roles, week.id, d.code))
    const cities = admin ? [] : adminCities(roles, week.id)
    return districts.length > 0 ? [{ week, admin, districts, cities }] : []
  })
}

export async function loadScopes(): Promise<Scope[]> {
  const [weeks, roles] = await Promise.all([listWeeks(), myRoles()])
  return scopesOf(weeks.weeks, roles.roles)
}

/** At most this many pages of 50 published activities are offered for linking. */
const MAX_PAGES = 4

/** The district's published activities of the week, to link to a course or a book. */
export async function loadPublishedActivities(weekId: string, districtCode: string): Promise<ActivitySummary[]> {
  const out: ActivitySummary[] = []
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const r: { items: ActivitySummary[]; nextCursor: string | null } = await listManagedActivities({
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
