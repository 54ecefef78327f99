// Bureau admin actions on an activity week edition: theme, dates, districts, summary deadline,
// contacts, issuing bureau. Admin of a week edits it; a bureau admin (admin of any week) may
// create a new edition and becomes its admin.
import type { z } from 'zod'
import type { weekCreateInputSchema, weekPatchSchema } from '@shared/contracts/activity'
import { weekRuleBroken } from '@shared/domain/activityRules'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { countDocs, readDocs } from '../../_core/read'
import { isAdmin, requireThat } from '../../_core/roles'
import { isDuplicateKey } from '../../_core/write'
import { toManagedWeek } from './mappers'

async function readWeek(db: Database, id: string): Promise<WeekDoc | null> {
  const [doc] = await readDocs<WeekDoc>(db.collection(COLLECTIONS.weeks).where({ _id: id }).limit(1))
  return doc ?? null
}

export async function getWeek(ctx: ActionContext, input: { id: string }) {
  requireThat(isAdmin(await ctx.caller(), input.id))
  const doc = await readWeek(ctx.db, input.id)
  if (!doc) throw new DomainError('WEEK_NOT_FOUND')
  return { week: toManagedWeek(doc) }
}

export async function createWeek(ctx: ActionContext, input: z.output<typeof weekCreateInputSchema>) {
  const { db } = ctx
  const caller = await ctx.caller()
  requireThat(caller.roles.some((r) => r.role === 'admin' || r.role === 'bureau'))
  const broken = weekRuleBroken(input)
  if (broken) throw new DomainError(broken)
  // Read first so that an existing id is refused without a write attempt.
  if (await readWeek(db, input.id)) throw new DomainError('WEEK_EXISTS')
  const at = new Date(ctx.now())
  const { id, ...fields } = input
  const doc: WeekDoc = { _id: id, ...fields, createdAt: at, updatedAt: at }
  try {
    await db.collection(COLLECTIONS.weeks).add({ data: doc })
  } catch (err) {
    if (isDuplicateKey(err)) throw new DomainError('WEEK_EXISTS')
    throw err
  }
  await db
    .collection(COLLECTIONS.users)
    .where({ _id: ctx.openid })
    .update({ data: { roles: db.command.push([{ role: 'admin', weekId: id }]), updatedAt: at } })
  return { week: toManagedWeek(doc) }
}

/**
 * Edits a week. A district that has activities cannot be removed (WEEK_DISTRICT_IN_USE); a
 * renamed district is renamed on its activities too.
 */
export async function updateWeek(ctx: ActionContext, input: { id: string; patch: z.output<typeof weekPatchSchema> }) {
  const { db } = ctx
  const _ = db.command
  requireThat(isAdmin(await ctx.caller(), input.id))
  const doc = await readWeek(db, input.id)
  if (!doc) throw new DomainError('WEEK_NOT_FOUND')
  const next: WeekDoc = { ...doc, ...input.patch }
  const broken = weekRuleBroken(next)
  if (broken) throw new DomainError(broken)

  const activities = db.collection(COLLECTIONS.activities)
  const kept = new Map(next.districts.map((d) => [d.code, d.name]))
  const removed = doc.districts.filter((d) => !kept.has(d.code)).map((d) => d.code)
  if (removed.length > 0 && (await countDocs(activities.where({ weekId: doc._id, districtCode: _.in(removed) }))) > 0) {
    throw new DomainError('WEEK_DISTRICT_IN_USE')
  }

  const at = new Date(ctx.now())
  const data: Record<string, unknown> = { updatedAt: at }
  for (const [key, value] of Object.entries(input.patch)) {
    if (value !== undefined) data[key] = Array.isArray(value) ? _.set(value) : value
  }
  // The units revision the staff function's unit changes are conditional on (a race loses, reads again).
  if (input.patch.districts !== undefined) data.unitsRev = _.inc(1)
  await db.collection(COLLECTIONS.weeks).doc(doc._id).update({ data })
  const renamed = doc.districts.filter((d) => kept.has(d.code) && kept.get(d.code) !== d.name)
  await Promise.all(
    renamed.map((d) => activities.where({ weekId: doc._id, districtCode: d.code }).update({ data: { districtName: kept.get(d.code) } })),
  )
  return { week: toManagedWeek({ ...next, updatedAt: at }) }
}
