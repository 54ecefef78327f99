// notify change.send: an organiser tells an activity's registrants what changed (time, venue, …).
// One `activity_changed` notice per active registration (confirmed or waitlisted) through the outbox,
// to the account that made it; the timer sends each as a subscribe message where the person accepted
// one (send.ts), and the app lists them all. At most MAX_PER_DAY a Shanghai day per activity.
//
// The day's limit holds whoever sends: each notice takes a slot, a record `<activity>_<day>_<slot>`
// created with add() (a duplicate key when taken), so two organisers at once cannot make a fourth.
// A retry of the same request (its nonce) finds its own record and finishes it: the notices have
// deterministic ids (record, registration), so none is written twice.
//
// Requests: the caller and the activity (2 reads, at once), the day's slots (1), the record (1 add,
// +1 per slot lost to someone else), then a read per PAGE registrations and a write per notice, and
// the record marked done (1). change.list: the caller and the activity (2, at once), the day's slots (1).
import { CHANGE_LIMITS, type ChangeRecord } from '@shared/contracts/notify'
import { shanghaiDate } from '@shared/domain/time'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type ChangeNoticeDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { stepId } from '../../_core/ids'
import { NO_JOURNAL } from '../../_core/journal'
import { noticeFor, writeNotice } from '../../_core/outbox'
import { readDocs } from '../../_core/read'
import { isOrganiserOf, requireThat } from '../../_core/roles'
import { isDuplicateKey, mapBounded } from '../../_core/write'

export const MAX_PER_DAY = CHANGE_LIMITS.perDay
const PAGE = 100
const WRITE_PARALLEL = 10

type Input = { activityId: string; change: ChangeNoticeDoc['change']; message: string; nonce: string }

export const changeRecordId = (activityId: string, day: string, slot: number) => `${activityId}_${day}_${slot}`
export const changedNoticeId = (recordId: string, registrationId: string) => stepId('changed', recordId, registrationId)

/** The activity, when the caller organises its district (or is an admin above); else the refusal. */
async function managedActivity(ctx: ActionContext, activityId: string): Promise<ActivityDoc> {
  const [caller, [activity]] = await Promise.all([
    ctx.caller(),
    readDocs<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities).where({ _id: activityId }).field(NO_JOURNAL).limit(1)),
  ])
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND')
  requireThat(isOrganiserOf(caller, activity.weekId, activity.districtCode))
  return activity
}

/** The day's records of the activity (at most MAX_PER_DAY, read by _id). */
function daysRecords(ctx: ActionContext, activityId: string, day: string): Promise<ChangeNoticeDoc[]> {
  const _ = ctx.db.command
  const ids = Array.from({ length: MAX_PER_DAY }, (_x, i) => changeRecordId(activityId, day, i + 1))
  return readDocs<ChangeNoticeDoc>(
    ctx.db
      .collection(COLLECTIONS.changeNotices)
      .where({ _id: _.in(ids) })
      .limit(MAX_PER_DAY),
  )
}

/** change.list: today's notices of the activity (in the order sent), the limit, and how many are signed up. */
export async function listChanges(ctx: ActionContext, input: { activityId: string }) {
  const activity = await managedActivity(ctx, input.activityId)
  const day = shanghaiDate(ctx.now())
  const records = await daysRecords(ctx, activity._id, day)
  const items: ChangeRecord[] = records
    .sort((a, b) => a.slot - b.slot)
    .map((r) => ({
      changeId: r._id,
      slot: r.slot,
      change: r.change,
      message: r.message,
      at: new Date(r.at).getTime(),
      notified: r.notified,
    }))
  const c = activity.counters ?? {}
  return { day, limit: MAX_PER_DAY, registrants: (c.confirmed ?? 0) + (c.waitlisted ?? 0), items }
}

export async function sendChange(ctx: ActionContext, input: Input) {
  const { db } = ctx
  const now = ctx.now()
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED')
  // A draft has nobody signed up: as if it were not there.
  if (activity.status !== 'published') throw new DomainError('ACTIVITY_NOT_FOUND')

  const record = await takeSlot(ctx, activity, input, now)
  const notified = await tellRegistrants(ctx, activity, record, now)
  await db
    .collection(COLLECTIONS.changeNotices)
    .doc(record._id)
    .update({ data: { notified, doneAt: new Date(now) } })
  return { changeId: record._id, today: record.slot, notified }
}

/** This request's record: found (a retry) or created in the day's first free slot; TOO_MANY_ATTEMPTS when none is left. */
async function takeSlot(ctx: ActionContext, activity: ActivityDoc, input: Input, now: number): Promise<ChangeNoticeDoc> {
  const { db } = ctx
  const day = shanghaiDate(now)
  const taken = await daysRecords(ctx, activity._id, day)
  const mine = taken.find((r) => r.nonce === input.nonce)
  if (mine) return mine
  const used = new Set(taken.map((r) => r._id))
  for (let slot = 1; slot <= MAX_PER_DAY; slot++) {
    const _id = changeRecordId(activity._id, day, slot)
    if (used.has(_id)) continue
    const record: ChangeNoticeDoc = {
      _id,
      activityId: activity._id,
      weekId: activity.weekId,
      districtCode: activity.districtCode,
      day,
      slot,
      nonce: input.nonce,
      change: input.change,
      message: input.message,
      by: ctx.openid,
      at: new Date(now),
      notified: 0,
      doneAt: null,
    }
    try {
      await db.collection(COLLECTIONS.changeNotices).add({ data: record })
      return record
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  throw new DomainError('TOO_MANY_ATTEMPTS', { limit: MAX_PER_DAY, day })
}

/** One notice per active registration (deterministic ids: a retry writes the missing ones); how many registrants. */
async function tellRegistrants(ctx: ActionContext, activity: ActivityDoc, record: ChangeNoticeDoc, now: number): Promise<number> {
  const { db } = ctx
  const _ = db.command
  const venue = activity.venue?.name ?? (activity.mode === 'online' ? '线上活动' : null)
  let count = 0
  let after = ''
  for (;;) {
    const page = await readDocs<RegistrationDoc>(
      db
        .collection(COLLECTIONS.registrations)
        .where({ activityId: activity._id, status: _.in(['confirmed', 'waitlisted']), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    const active = page.filter((r) => !r.activityCancelled)
    count += active.length
    await mapBounded(active, WRITE_PARALLEL, (reg) => {
      const notice = noticeFor('activity_changed', reg, activity, now, record.message)
      return writeNotice(db, { _id: changedNoticeId(record._id, reg._id), ...notice, payload: { ...notice.payload, venue } })
    })
    if (page.length < PAGE) return count
    after = page[page.length - 1]._id
  }
}
