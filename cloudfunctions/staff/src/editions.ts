// A new edition of the week takes over last year's units and appointments: the cities and
// districts (same codes, so the grants still fit) and every admin, city admin and organiser grant,
// each recorded. Volunteers are invited per activity, so they are not copied. Safe to repeat: a
// unit or grant already there is skipped, and each record has an _id made of what it records.
import type { RoleGrant } from '@shared/contracts/activity'
import { isWeekAdmin } from '@shared/domain/staff'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type UserDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { stepId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { requireThat } from '../../_core/roles'
import { addGrant, grantKey, readWeek, recordChange, unitNameOf } from './context'
import { saveUnits } from './units'

const UNIT_ROUNDS = 5
const USERS_MAX = 1000

function moved(g: RoleGrant, weekId: string): RoleGrant | null {
  if (g.role === 'admin') return { role: 'admin', weekId }
  if (g.role === 'cityAdmin') return { role: 'cityAdmin', weekId, cityCode: g.cityCode }
  if (g.role === 'organiser') return { role: 'organiser', weekId, districtCode: g.districtCode }
  return null
}

/** The units of `from` the week `to` lacks (by code), added to it: how many. */
async function copyUnits(ctx: ActionContext, from: WeekDoc, toId: string): Promise<{ week: WeekDoc; added: number }> {
  for (let round = 0; round < UNIT_ROUNDS; round++) {
    const to = await readWeek(ctx.db, toId)
    const cities = to.cities ?? []
    const codes = new Set([...cities, ...to.districts].map((u) => u.code))
    const newCities = (from.cities ?? []).filter((c) => !codes.has(c.code))
    const newDistricts = from.districts.filter((d) => !codes.has(d.code))
    const added = newCities.length + newDistricts.length
    if (added === 0) return { week: to, added }
    const next = { cities: [...cities, ...newCities], districts: [...to.districts, ...newDistricts] }
    if (await saveUnits(ctx.db, to, next, ctx.now())) return { week: { ...to, ...next }, added }
  }
  throw new DomainError('CONFLICT')
}

export async function copyEdition(ctx: ActionContext, input: { fromWeekId: string; toWeekId: string }) {
  const { db } = ctx
  const caller = await ctx.caller()
  requireThat(isWeekAdmin(caller.roles, input.fromWeekId) && isWeekAdmin(caller.roles, input.toWeekId))
  const from = await readWeek(db, input.fromWeekId)
  const { week: to, added: units } = await copyUnits(ctx, from, input.toWeekId)

  const users = await readDocs<UserDoc>(
    db.collection(COLLECTIONS.users).where({ 'roles.weekId': from._id }).field({ roles: true }).limit(USERS_MAX),
  )
  let appointments = 0
  const now = ctx.now()
  for (const user of users) {
    const held = new Set((user.roles ?? []).map(grantKey))
    for (const g of user.roles ?? []) {
      if (!('weekId' in g) || g.weekId !== from._id) continue
      const grant = moved(g, to._id)
      if (!grant || held.has(grantKey(grant))) continue
      // The record first (once, whoever repeats), then the grant (only if absent).
      await recordChange(db, {
        _id: stepId('rc', 'copy', to._id, user._id, grantKey(grant)),
        weekId: to._id,
        at: new Date(now),
        by: ctx.openid,
        whom: user._id,
        change: 'grant',
        via: 'copy',
        grant,
        unitName: unitNameOf(to, grant),
      })
      await addGrant(db, user._id, user, grant, now)
      held.add(grantKey(grant))
      user.roles = [...user.roles, grant]
      appointments++
    }
  }
  return { units, appointments }
}
