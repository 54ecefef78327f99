// Organiser actions: create, update, publish, cancel and list the activities of one's district.
// An organiser is scoped to their district of a week; the week's admins to all its districts.
// Every rule is checked before the first write, so a refused call writes nothing.
import type { z } from 'zod'
import type { ActivityPatch, activityCreateInputSchema } from '@shared/contracts/activity'
import {
  activityRuleBroken,
  capacityChangeBroken,
  publishRefusal,
  signupRemovalBroken,
  type ActivityPlan,
} from '@shared/domain/activityRules'
import { DEFAULT_SIGNUP_FIELDS, type SignupField } from '@shared/domain/people'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type WeekDoc } from '../../_core/collections'
import { decodeCursor, encodeCursor } from '../../_core/cursor'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { districtsRunBy, isOrganiserOf, requireThat } from '../../_core/roles'
import { finishCancellation } from '../../_core/repair'
import { fillFreeSeats } from '../../_core/seats'
import { countersOf } from '../../_core/stats'
import { updateCount } from '../../_core/write'
import { toManaged, toManagedSummary } from './mappers'

type CreateInput = z.output<typeof activityCreateInputSchema>

const ms = (d: Date | string | number) => new Date(d).getTime()

async function readActivity(db: Database, id: string): Promise<ActivityDoc | null> {
  const [doc] = await readDocs<ActivityDoc>(db.collection(COLLECTIONS.activities).where({ _id: id }).limit(1))
  return doc ?? null
}

async function readWeek(db: Database, id: string): Promise<WeekDoc | null> {
  const [doc] = await readDocs<WeekDoc>(db.collection(COLLECTIONS.weeks).where({ _id: id }).limit(1))
  return doc ?? null
}

/** The name first, each field once. */
function normaliseFields(fields: SignupField[]): SignupField[] {
  return ['name' as const, ...fields.filter((f) => f !== 'name')].filter((f, i, all) => all.indexOf(f) === i)
}

function planOf(doc: ActivityDoc): ActivityPlan {
  return {
    mode: doc.mode,
    venue: doc.venue,
    onlineUrl: doc.onlineUrl,
    startAt: ms(doc.startAt),
    endAt: ms(doc.endAt),
    signup: doc.signup
      ? {
          capacity: doc.signup.capacity,
          opensAt: ms(doc.signup.opensAt),
          closesAt: ms(doc.signup.closesAt),
          cancelDeadline: ms(doc.signup.cancelDeadline),
          fields: doc.signup.fields ?? DEFAULT_SIGNUP_FIELDS,
        }
      : null,
  }
}

function signupDoc(plan: ActivityPlan['signup']): ActivityDoc['signup'] {
  if (!plan) return null
  return {
    capacity: plan.capacity,
    opensAt: new Date(plan.opensAt),
    closesAt: new Date(plan.closesAt),
    cancelDeadline: new Date(plan.cancelDeadline),
    fields: normaliseFields(plan.fields),
  }
}

/** `<week>-<district>-<time><random>`, within the id contract (letters, digits, '-', 64 chars). */
function newActivityId(weekId: string, districtCode: string, now: number): string {
  const stem = `${weekId}-${districtCode}`
  return `${stem.length > 44 ? weekId.slice(0, 20) : stem}-${now.toString(36)}${randomId(4)}`
}

/** Reads the activity and the caller's roles; refuses unless the caller runs its district. */
async function managed(ctx: ActionContext, id: string): Promise<ActivityDoc> {
  const [caller, doc] = await Promise.all([ctx.caller(), readActivity(ctx.db, id)])
  if (!doc) throw new DomainError('ACTIVITY_NOT_FOUND')
  requireThat(isOrganiserOf(caller, doc.weekId, doc.districtCode))
  return doc
}

export async function create(ctx: ActionContext, input: CreateInput) {
  const { db } = ctx
  const now = ctx.now()
  const [caller, week] = await Promise.all([ctx.caller(), readWeek(db, input.weekId)])
  requireThat(isOrganiserOf(caller, input.weekId, input.districtCode))
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  const district = week.districts.find((d) => d.code === input.districtCode)
  if (!district) throw new DomainError('DISTRICT_NOT_IN_WEEK')
  const plan: ActivityPlan = {
    mode: input.mode,
    venue: input.venue,
    onlineUrl: input.onlineUrl,
    startAt: input.startAt,
    endAt: input.endAt,
    // A form that names no fields asks the default ones (what the 总结表 needs).
    signup: input.signup ? { ...input.signup, fields: input.signup.fields ?? DEFAULT_SIGNUP_FIELDS } : null,
  }
  const broken = activityRuleBroken(plan, week, now, { requireFutureStart: true })
  if (broken) throw new DomainError(broken)

  const at = new Date(now)
  const signup = signupDoc(plan.signup)
  const doc: ActivityDoc = {
    _id: newActivityId(input.weekId, input.districtCode, now),
    weekId: input.weekId,
    districtCode: input.districtCode,
    districtName: district.name,
    title: input.title,
    type: input.type,
    topics: [...new Set(input.topics)],
    audiences: [...new Set(input.audiences)],
    organizer: input.organizer,
    coOrganizers: input.coOrganizers,
    mode: input.mode,
    venue: input.venue,
    onlineUrl: input.onlineUrl,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signup,
    seatsLeft: signup ? signup.capacity : null,
    counters: { confirmed: 0, waitlisted: 0, cancelled: 0, proxy: 0 },
    description: input.description,
    ...(input.checkinLeadMinutes !== undefined ? { checkinLeadMinutes: input.checkinLeadMinutes } : {}),
    location: input.location,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    status: 'draft',
    createdBy: ctx.openid,
    publishedAt: null,
    cancelledAt: null,
    cancelReason: null,
    createdAt: at,
    updatedAt: at,
  }
  await db.collection(COLLECTIONS.activities).add({ data: doc })
  return { activity: toManaged(doc) }
}

/**
 * Edits any subset of the fields. Capacity moves seatsLeft by the difference in one conditional
 * update (guarded on the capacity read, and on enough free seats when it shrinks); more seats
 * are handed to the waitlist at once. Title and times are kept in step on the registrations.
 */
export async function update(ctx: ActionContext, input: { id: string; patch: ActivityPatch }) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const doc = await managed(ctx, input.id)
  if (doc.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED')
  const week = await readWeek(db, doc.weekId)
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  const p = input.patch

  const current = planOf(doc)
  const plan: ActivityPlan = {
    mode: p.mode ?? current.mode,
    venue: p.venue !== undefined ? p.venue : current.venue,
    onlineUrl: p.onlineUrl !== undefined ? p.onlineUrl : current.onlineUrl,
    startAt: p.startAt ?? current.startAt,
    endAt: p.endAt ?? current.endAt,
    // A new plan that names no fields keeps the fields asked so far.
    signup:
      p.signup !== undefined
        ? p.signup && { ...p.signup, fields: p.signup.fields ?? current.signup?.fields ?? DEFAULT_SIGNUP_FIELDS }
        : current.signup,
  }
  const timesChanged = plan.startAt !== current.startAt || plan.endAt !== current.endAt
  const broken = activityRuleBroken(plan, week, now, { requireFutureStart: timesChanged })
  if (broken) throw new DomainError(broken)

  const counters = countersOf(doc)
  const at = new Date(now)
  const cond: Record<string, unknown> = { _id: doc._id, status: _.in(['draft', 'published']) }
  const data: Record<string, unknown> = { updatedAt: at }
  for (const key of [
    'title',
    'type',
    'organizer',
    'description',
    'mode',
    'onlineUrl',
    'checkinLeadMinutes',
    'contactName',
    'contactPhone',
  ] as const) {
    if (p[key] !== undefined) data[key] = p[key]
  }
  if (p.topics) data.topics = _.set([...new Set(p.topics)])
  if (p.audiences) data.audiences = _.set([...new Set(p.audiences)])
  if (p.coOrganizers) data.coOrganizers = _.set(p.coOrganizers)
  if (p.venue !== undefined) data.venue = p.venue ? _.set(p.venue) : null
  if (p.location !== undefined) data.location = p.location ? _.set(p.location) : null
  if (timesChanged) {
    data.startAt = new Date(plan.startAt)
    data.endAt = new Date(plan.endAt)
  }

  let seatDelta = 0
  if (p.signup !== undefined) {
    const next = signupDoc(plan.signup)
    if (doc.signup && !next) {
      const removal = signupRemovalBroken(counters)
      if (removal) throw new DomainError(removal)
      cond['counters.confirmed'] = _.in([0, null])
      cond['counters.waitlisted'] = _.in([0, null])
      data.signup = null
      data.seatsLeft = null
    } else if (!doc.signup && next) {
      cond.signup = null
      data.signup = _.set(next)
      data.seatsLeft = next.capacity
    } else if (doc.signup && next) {
      const shrink = capacityChangeBroken(next.capacity, counters)
      if (shrink) throw new DomainError(shrink)
      seatDelta = next.capacity - doc.signup.capacity
      cond['signup.capacity'] = doc.signup.capacity
      if (seatDelta < 0) cond.seatsLeft = _.gte(-seatDelta)
      data.signup = _.set(next)
      if (seatDelta !== 0) {
        data.seatsLeft = _.inc(seatDelta)
        // Seats added: the fill below follows; if this call dies first, the repair fills them.
        data.touchedAt = new Date(now)
      }
    }
  }

  const activities = db.collection(COLLECTIONS.activities)
  if ((await updateCount(activities.where(cond), data)) !== 1) {
    const now2 = await readActivity(db, doc._id)
    if (now2?.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED')
    if (seatDelta < 0 && now2?.seatsLeft !== null && (now2?.seatsLeft ?? 0) < -seatDelta) {
      throw new DomainError('CAPACITY_BELOW_CONFIRMED')
    }
    throw new DomainError('CONFLICT')
  }

  const titleChanged = p.title !== undefined && p.title !== doc.title
  if (doc.signup && (timesChanged || titleChanged)) {
    const copy: Record<string, unknown> = { updatedAt: at }
    if (titleChanged) copy.title = p.title
    if (timesChanged) {
      copy.startAt = new Date(plan.startAt)
      copy.endAt = new Date(plan.endAt)
    }
    await db.collection(COLLECTIONS.registrations).where({ activityId: doc._id }).update({ data: copy })
  }
  const updated = (await readActivity(db, doc._id)) as ActivityDoc
  if (seatDelta > 0 && updated.status === 'published') {
    if ((await fillFreeSeats(db, updated, now)) > 0) return { activity: toManaged((await readActivity(db, doc._id)) as ActivityDoc) }
  }
  return { activity: toManaged(updated) }
}

/**
 * draft -> published, once every rule holds, the start is still ahead and sign-up (if any) is not
 * already closed (publishRefusal). Idempotent. 4 operations: reads the caller, the activity and the
 * week, then one conditional update (a refusal writes nothing).
 */
export async function publish(ctx: ActionContext, input: { id: string }) {
  const { db } = ctx
  const now = ctx.now()
  const doc = await managed(ctx, input.id)
  if (doc.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED')
  if (doc.status === 'published') return { activity: toManaged(doc) }
  const week = await readWeek(db, doc.weekId)
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  const refused = publishRefusal(planOf(doc), week, now)
  if (refused) throw new DomainError(refused)
  const at = new Date(now)
  const changed = await updateCount(db.collection(COLLECTIONS.activities).where({ _id: doc._id, status: 'draft' }), {
    status: 'published',
    publishedAt: at,
    updatedAt: at,
  })
  if (changed !== 1) {
    const again = await readActivity(db, doc._id)
    if (again?.status === 'published') return { activity: toManaged(again) }
    throw new DomainError(again?.status === 'cancelled' ? 'ACTIVITY_CANCELLED' : 'CONFLICT')
  }
  return { activity: toManaged({ ...doc, status: 'published', publishedAt: at, updatedAt: at }) }
}

/**
 * Cancels the activity and writes one `activity_cancelled` notice per active registrant (to the
 * account that made the registration, naming the person). Registrations keep their status and
 * are marked activityCancelled, so they no longer count as overlapping.
 */
export async function cancel(ctx: ActionContext, input: { id: string; reason: string }) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const doc = await managed(ctx, input.id)
  if (doc.status === 'cancelled') {
    // A retry of a cancellation whose call died half-way finishes it, then answers as before.
    if (doc.signup && !doc.cancelFinishedAt) await finishCancellation(db, doc, now)
    throw new DomainError('ACTIVITY_CANCELLED')
  }
  const at = new Date(now)
  // 1. the activity (touchedAt: the repair finishes the rest if this call dies), 2. its active
  // registrations marked, 3. one notice each, with a deterministic id (a retry writes none twice).
  const changed = await updateCount(db.collection(COLLECTIONS.activities).where({ _id: doc._id, status: _.in(['draft', 'published']) }), {
    status: 'cancelled',
    cancelledAt: at,
    cancelReason: input.reason,
    updatedAt: at,
    touchedAt: at,
    // Nobody to tell (a draft, or no sign-up): the cancellation is finished with this write.
    ...(!doc.signup || doc.status === 'draft' ? { cancelFinishedAt: at } : {}),
  })
  if (changed !== 1) throw new DomainError('ACTIVITY_CANCELLED')
  const cancelled: ActivityDoc = { ...doc, status: 'cancelled', cancelledAt: at, cancelReason: input.reason, updatedAt: at }
  if (!doc.signup || doc.status === 'draft') return { activity: toManaged(cancelled), notified: 0 }
  const notified = (await finishCancellation(db, cancelled, now)).length
  return { activity: toManaged(cancelled), notified }
}

/** The caller's activities in a week: their districts (admins: all or one), drafts included. */
export async function mine(
  ctx: ActionContext,
  input: { weekId: string; districtCode?: string; status?: ActivityDoc['status']; cursor?: string; limit: number },
) {
  const { db } = ctx
  const _ = db.command
  const caller = await ctx.caller()
  const conditions: Record<string, unknown>[] = [{ weekId: input.weekId }]
  const districts = await districtsRunBy(db, caller, input.weekId)
  if (districts === null) {
    if (input.districtCode) conditions.push({ districtCode: input.districtCode })
  } else {
    requireThat(districts.length > 0 && (!input.districtCode || districts.includes(input.districtCode)))
    conditions.push({ districtCode: input.districtCode ?? _.in(districts) })
  }
  if (input.status) conditions.push({ status: input.status })
  if (input.cursor) {
    const after = decodeCursor(input.cursor, 'instant')
    const k = new Date(after.key)
    conditions.push(_.or([{ startAt: _.gt(k) }, { startAt: k, _id: _.gt(after.id) }]) as unknown as Record<string, unknown>)
  }
  const docs = await readDocs<ActivityDoc>(
    db
      .collection(COLLECTIONS.activities)
      .where(_.and(conditions))
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(input.limit + 1),
  )
  const page = docs.slice(0, input.limit)
  const last = page[page.length - 1]
  const nextCursor = docs.length > input.limit && last ? encodeCursor({ key: ms(last.startAt), id: last._id }) : null
  return { items: page.map(toManagedSummary), nextCursor }
}

export async function roles(ctx: ActionContext) {
  return { roles: (await ctx.caller()).roles }
}
