// The activity reminders (notify timer): for each confirmed registration of an activity starting
// within REMINDER_HORIZON whose person accepted reminders (registration.subscribe.activity_reminder,
// signup subscribe.record), the reminders their acceptances pay for (@shared/domain/subscribe:
// 18:00 Shanghai the evening before, an hour before) that are due now and not yet written go to the
// outbox as `activity_reminder` notices, pending at once. The evening's is skipped once the hour's is
// due (a late run sends the one that still makes sense).
//
// Exactly once: a reminder's _id is a step id of (registration, which, start time), so a second run,
// or a run that died halfway, finds what is written (a duplicate key when two runs race: not twice).
// A changed start time makes new reminders for the new time.
//
// Reads: the registrations starting soon (a read per PAGE), their activities (the venue) and which
// reminders exist (a read per PAGE ids). Writes: one per reminder written.
import { reminderDueAt, remindersPaidFor, type Reminder } from '@shared/domain/subscribe'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../../_core/collections'
import { stepId } from '../../_core/ids'
import { noticeFor, writeNotice } from '../../_core/outbox'
import { readDocs } from '../../_core/read'
import { mapBounded } from '../../_core/write'

const HOUR_MS = 3_600_000
/** The evening reminder is at most 30 hours before a start (18:00 the day before a 23:59 start). */
export const REMINDER_HORIZON_MS = 31 * HOUR_MS
const PAGE = 100
const WRITE_PARALLEL = 10
export const REMINDER_PREFIX = 'reminder'

type RegRow = Pick<RegistrationDoc, '_id' | 'activityId' | 'openid' | 'personId' | 'person' | 'startAt' | 'title' | 'subscribe'>

/** The outbox id of one reminder of one registration for one start time. */
export const reminderNoticeId = (registrationId: string, reminder: Reminder, startAt: number) =>
  stepId(REMINDER_PREFIX, registrationId, reminder, startAt)

/** The reminders a registration's acceptances pay for that are due at `now` (at most one: the latest due). */
export function dueReminder(reg: Pick<RegRow, 'subscribe' | 'startAt'>, now: number): Reminder | null {
  const acc = reg.subscribe?.activity_reminder
  const startAt = new Date(reg.startAt).getTime()
  if (!acc || now >= startAt) return null
  const paid = remindersPaidFor(acc.accepted, new Date(acc.firstAt).getTime(), startAt).filter((r) => reminderDueAt(r, startAt) <= now)
  // Once the hour's is due, the evening's would arrive late: only the hour's (when paid for).
  if (reminderDueAt('hour', startAt) <= now) return paid.includes('hour') ? 'hour' : null
  return paid[paid.length - 1] ?? null
}

/** Writes the reminders due at `now` not yet written; answers how many were due and how many this run wrote. */
export async function writeDueReminders(db: Database, now: number): Promise<{ due: number; written: number }> {
  const regs = await readStartingSoon(db, now)
  const todo = regs
    .map((reg) => ({ reg, which: dueReminder(reg, now) }))
    .filter((x): x is { reg: RegRow; which: Reminder } => x.which !== null)
    .map((x) => ({ ...x, id: reminderNoticeId(x.reg._id, x.which, new Date(x.reg.startAt).getTime()) }))
  if (todo.length === 0) return { due: 0, written: 0 }
  const existing = await existingIds(
    db,
    todo.map((t) => t.id),
  )
  const missing = todo.filter((t) => !existing.has(t.id))
  if (missing.length === 0) return { due: todo.length, written: 0 }
  const venues = await readVenues(db, [...new Set(missing.map((t) => t.reg.activityId))])
  const written = await mapBounded(missing, WRITE_PARALLEL, ({ reg, which, id }) => {
    const activity = { _id: reg.activityId, title: reg.title, startAt: new Date(reg.startAt) }
    const notice = noticeFor('activity_reminder', reg, activity, now)
    return writeNotice(db, {
      _id: id,
      ...notice,
      payload: { ...notice.payload, reminder: which, venue: venues.get(reg.activityId) ?? null },
    })
  })
  return { due: todo.length, written: written.filter(Boolean).length }
}

/** Confirmed registrations of activities not cancelled starting within the horizon, whose person accepted reminders. */
async function readStartingSoon(db: Database, now: number): Promise<RegRow[]> {
  const _ = db.command
  const out: RegRow[] = []
  let after = new Date(now)
  let afterId = ''
  for (;;) {
    const page = await readDocs<RegRow>(
      db
        .collection(COLLECTIONS.registrations)
        .where(
          _.and([
            { status: 'confirmed', startAt: _.lte(new Date(now + REMINDER_HORIZON_MS)) },
            _.or([{ startAt: _.gt(after) }, { startAt: after, _id: _.gt(afterId) }]),
          ]),
        )
        .orderBy('startAt', 'asc')
        .orderBy('_id', 'asc')
        .field({
          _id: true,
          activityId: true,
          openid: true,
          personId: true,
          person: true,
          startAt: true,
          title: true,
          subscribe: true,
          activityCancelled: true,
        })
        .limit(PAGE),
    )
    out.push(...page.filter((r) => !(r as RegRow & { activityCancelled?: boolean }).activityCancelled && r.subscribe?.activity_reminder))
    if (page.length < PAGE) return out
    const last = page[page.length - 1]
    after = new Date(last.startAt)
    afterId = last._id
  }
}

async function readVenues(db: Database, ids: string[]): Promise<Map<string, string | null>> {
  const _ = db.command
  const out = new Map<string, string | null>()
  for (let i = 0; i < ids.length; i += PAGE) {
    const docs = await readDocs<Pick<ActivityDoc, '_id' | 'venue' | 'mode'>>(
      db
        .collection(COLLECTIONS.activities)
        .where({ _id: _.in(ids.slice(i, i + PAGE)) })
        .field({ _id: true, venue: true, mode: true })
        .limit(PAGE),
    )
    for (const d of docs) out.set(d._id, d.venue?.name ?? (d.mode === 'online' ? '线上活动' : null))
  }
  return out
}

async function existingIds(db: Database, ids: string[]): Promise<Set<string>> {
  const _ = db.command
  const out = new Set<string>()
  for (let i = 0; i < ids.length; i += PAGE) {
    const docs = await readDocs<{ _id: string }>(
      db
        .collection(COLLECTIONS.outbox)
        .where({ _id: _.in(ids.slice(i, i + PAGE)) })
        .field({ _id: true })
        .limit(PAGE),
    )
    for (const d of docs) out.add(d._id)
  }
  return out
}
