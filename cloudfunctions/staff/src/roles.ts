// Who holds which role in a week, as far as the caller sees, and revocation. An admin of the week
// sees (and may revoke) every grant of the week; a city admin the organisers of their city's
// districts; a city admin or organiser the volunteers of the activities of the districts they run.
// Nobody revokes their own grant. Every revocation is recorded before the grant is taken.
import type { RoleGrant } from '@shared/contracts/activity'
import type { RoleChange, RoleHolder } from '@shared/contracts/staff'
import { adminCities, isWeekAdmin } from '@shared/domain/staff'
import type { Database } from '../../_core/cloud'
import {
  COLLECTIONS,
  type ActivityDoc,
  type AppointInviteDoc,
  type RoleChangeDoc,
  type UserDoc,
  type WeekDoc,
} from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { stepId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { ownDistricts, requireThat, type Caller } from '../../_core/roles'
import { updateCount } from '../../_core/write'
import { toInvite } from './appoint'
import { cityOfDistrict, grantKey, readUsers, readWeek, recordChange, unitNameOf } from './context'

/** Staff of one week are read in one go (a week has tens to hundreds of them). */
const HOLDERS_MAX = 1000
const CHANGES_SHOWN = 50
const INVITES_READ = 100

/** What the caller may see and revoke in a week. */
interface StaffScope {
  admin: boolean
  /** The districts of the caller's cities (their organisers are theirs to manage). */
  cityDistricts: Set<string>
  /** The activities of the districts the caller runs (their volunteers are theirs to manage): id → title. */
  activities: Map<string, string>
}

async function staffScope(db: Database, caller: Caller, week: WeekDoc): Promise<StaffScope> {
  const admin = isWeekAdmin(caller.roles, week._id)
  const cities = adminCities(caller.roles, week._id)
  const cityDistricts = new Set(week.districts.filter((d) => cities.includes(cityOfDistrict(week, d) ?? '')).map((d) => d.code))
  const runs = ownDistricts(caller, week._id, week.districts)
  const _ = db.command
  const where: Record<string, unknown> = { weekId: week._id }
  if (runs !== null) where.districtCode = _.in(runs)
  const docs =
    runs === null || runs.length > 0
      ? await readDocs<Pick<ActivityDoc, '_id' | 'title'>>(
          db.collection(COLLECTIONS.activities).where(where).field({ _id: true, title: true }).limit(HOLDERS_MAX),
        )
      : []
  return { admin, cityDistricts, activities: new Map(docs.map((d) => [d._id, d.title])) }
}

function inScope(scope: StaffScope, grant: RoleGrant, weekId: string, all: boolean): boolean {
  if (!('weekId' in grant) || grant.weekId !== weekId) return false
  if (scope.admin) return true
  if (grant.role === 'organiser') return scope.cityDistricts.has(grant.districtCode)
  if (grant.role === 'volunteer') {
    const mine = (id: string) => scope.activities.has(id)
    return all ? grant.activityIds.every(mine) : grant.activityIds.some(mine)
  }
  return false
}

const nameOf = (u: Pick<UserDoc, 'profile'> | undefined) => u?.profile?.name ?? null

export async function listRoles(ctx: ActionContext, input: { weekId: string }) {
  const { db } = ctx
  const caller = await ctx.caller()
  const runs = ownDistricts(caller, input.weekId)
  requireThat(isWeekAdmin(caller.roles, input.weekId) || adminCities(caller.roles, input.weekId).length > 0 || (runs ?? []).length > 0)
  const week = await readWeek(db, input.weekId)
  const [scope, users, inviteDocs, changeDocs] = await Promise.all([
    staffScope(db, caller, week),
    readDocs<UserDoc>(
      db.collection(COLLECTIONS.users).where({ 'roles.weekId': week._id }).field({ profile: true, roles: true }).limit(HOLDERS_MAX),
    ),
    readDocs<AppointInviteDoc>(
      db.collection(COLLECTIONS.appointInvites).where({ weekId: week._id }).orderBy('createdAt', 'desc').limit(INVITES_READ),
    ),
    readDocs<RoleChangeDoc>(db.collection(COLLECTIONS.roleChanges).where({ weekId: week._id }).orderBy('at', 'desc').limit(CHANGES_SHOWN)),
  ])

  const holders: RoleHolder[] = users.flatMap((u) =>
    (u.roles ?? [])
      .filter((g) => inScope(scope, g, week._id, false))
      .map((grant) => ({
        userId: u._id,
        name: nameOf(u),
        self: u._id === ctx.openid,
        grant,
        unitName: unitNameOf(week, grant, scope.activities),
      })),
  )
  const now = ctx.now()
  const invites = inviteDocs
    .filter((d) => !d.usedBy && !d.cancelledAt && d.expiresAt.getTime() > now && (scope.admin || d.createdBy === ctx.openid))
    .map(toInvite)
  const shownChanges = changeDocs.filter((c) => inScope(scope, c.grant, week._id, false))
  const known = new Map(users.map((u) => [u._id, u]))
  const missing = shownChanges.flatMap((c) => [c.by, c.whom]).filter((id) => !known.has(id))
  for (const u of await readUsers(db, missing)) known.set(u._id, u)
  const changes: RoleChange[] = shownChanges.map((c) => ({
    at: c.at.getTime(),
    byName: nameOf(known.get(c.by)),
    whomName: nameOf(known.get(c.whom)),
    change: c.change,
    via: c.via,
    grant: c.grant,
    unitName: c.unitName,
  }))
  return { holders, invites, changes }
}

/**
 * Takes a grant back: first the record (its _id made of the caller and the nonce), then the grant
 * pulled from the account. A retry with the same nonce finds the record and completes or answers
 * the same; revoking what is already gone answers revoked: false.
 */
export async function revokeRole(ctx: ActionContext, input: { weekId: string; userId: string; grant: RoleGrant; nonce: string }) {
  const { db } = ctx
  const _ = db.command
  const caller = await ctx.caller()
  requireThat(input.userId !== ctx.openid && 'weekId' in input.grant && input.grant.weekId === input.weekId)
  const week = await readWeek(db, input.weekId)
  const scope = await staffScope(db, caller, week)
  requireThat(inScope(scope, input.grant, week._id, true))

  const recordId = stepId('rc', 'revoke', ctx.openid, input.nonce)
  const [[user], [record]] = await Promise.all([
    readDocs<UserDoc>(db.collection(COLLECTIONS.users).where({ _id: input.userId }).limit(1)),
    readDocs<RoleChangeDoc>(db.collection(COLLECTIONS.roleChanges).where({ _id: recordId }).limit(1)),
  ])
  const stored = (user?.roles ?? []).find((g) => grantKey(g) === grantKey(input.grant))
  if (!stored) return { revoked: record !== undefined }
  await recordChange(db, {
    _id: recordId,
    weekId: week._id,
    at: new Date(ctx.now()),
    by: ctx.openid,
    whom: input.userId,
    change: 'revoke',
    via: 'revoke',
    grant: stored,
    unitName: unitNameOf(week, stored, scope.activities),
  })
  await updateCount(db.collection(COLLECTIONS.users).where({ _id: input.userId }), {
    roles: _.pull(stored),
    updatedAt: new Date(ctx.now()),
  })
  return { revoked: true }
}
