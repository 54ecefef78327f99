// Who the caller is and what they may do. Roles live in the database (users collection) and are
// loaded only by actions that need them, so public reads cost no extra database operation.
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type RoleGrant, type UserDoc } from './collections'
import type { Database } from './cloud'
import { readDocs } from './read'

export interface Caller {
  openid: string
  roles: RoleGrant[]
}

export async function loadCaller(db: Database, openid: string): Promise<Caller> {
  const [user] = await readDocs<UserDoc>(db.collection(COLLECTIONS.users).where({ _id: openid }).limit(1))
  return { openid, roles: user?.roles ?? [] }
}

export function isAdmin(caller: Caller, weekId: string): boolean {
  return caller.roles.some((r) => r.role === 'admin' && r.weekId === weekId)
}

export function isOrganiserOf(caller: Caller, weekId: string, districtCode: string): boolean {
  return (
    isAdmin(caller, weekId) || caller.roles.some((r) => r.role === 'organiser' && r.weekId === weekId && r.districtCode === districtCode)
  )
}

export function isVolunteerOf(caller: Caller, activityId: string): boolean {
  return caller.roles.some((r) => r.role === 'volunteer' && r.activityIds.includes(activityId))
}

export function requireThat(allowed: boolean): void {
  if (!allowed) throw new DomainError('FORBIDDEN')
}
