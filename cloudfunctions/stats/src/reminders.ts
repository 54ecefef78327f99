// The 总结表 reminders: the stats function's timer (`reminders`, config.json; 08:30 and 10:30
// Shanghai, the second a catch-up that finds the first's notices written and writes nothing). On a
// day exactly 3 or 1 days before a published week's summaryDeadline (reminderDue), every city and
// district whose 总结表 is not submitted or confirmed (no document: a draft; returned counts as not
// submitted) gets a `summary_due` notice in the outbox for each person who runs it: a district's
// organisers, a city's city admins (@shared/domain/summaryReminders). The top hands in to nobody.
//
// Exactly once: a notice's _id is a step id of (week, unit, days left, recipient), so a second run
// the same day, or a run that died halfway and ran again, finds what is written and writes the rest
// (a notice written between that read and its write answers a duplicate key: not written twice).
//
// Reads, every run: the weeks (one page: a document per edition). Per week due that day: its units'
// 总结表 statuses by _id (a read per 100 units); when some unit has not submitted, the week's
// organisers and city admins (users by roles.role and roles.weekId, a read per 100 people) and which
// of the planned notices exist (a read per 100). Writes: one per notice not yet written, at most
// WRITE_PARALLEL at once. A week of 200 districts, 150 not submitted, two organisers each: 1 + 2 + 4
// + 3 reads and 300 writes on the first run; the same reads and no write on the catch-up. A day
// with no week due: 1 read.
import { reminderDue, summaryIdOf, type SubmissionStatus } from '@shared/domain/reporting'
import {
  awaitsSubmission,
  planReminders,
  reminderKey,
  RUNS_UNIT,
  unitsBelowTop,
  type ReminderGrant,
  type SummaryReminder,
} from '@shared/domain/summaryReminders'
import { shanghaiDate } from '@shared/domain/time'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type SummaryDraftDoc, type SummaryDueNoticeDoc, type WeekDoc } from '../../_core/collections'
import type { TimerContext } from '../../_core/handler'
import { stepId } from '../../_core/ids'
import { writeNotice } from '../../_core/outbox'
import { readDocs } from '../../_core/read'
import { mapBounded } from '../../_core/write'

/** Documents per read (ids per `in`, people per page, weeks per page). */
const PAGE = 100
/** Notices written at once (the base environment allows 30 requests a second). */
const WRITE_PARALLEL = 10
/** The id prefix of a reminder notice. */
export const SUMMARY_DUE_PREFIX = 'summary-due'

type WeekRow = Pick<WeekDoc, '_id' | 'status' | 'region' | 'districts' | 'cities' | 'summaryDeadline'>

export interface ReminderWeekRun {
  weekId: string
  daysLeft: number
  /** Units whose 总结表 is not submitted or confirmed. */
  units: number
  /** Notices the day asks for (units × the people who run them), and how many this run wrote. */
  notices: number
  written: number
}

export interface ReminderRun {
  /** The Shanghai day of the run. */
  today: string
  weeks: ReminderWeekRun[]
}

/** The notice id of one reminder: the same for every run of the same day, within every id contract. */
export const reminderNoticeId = (weekId: string, r: SummaryReminder) => stepId(SUMMARY_DUE_PREFIX, ...reminderKey(weekId, r))

/** The timer's job. */
export const summaryReminders = (ctx: TimerContext) => runReminders(ctx.db, ctx.now())

/** Writes the reminders due on `now`'s Shanghai day that are not written yet. */
export async function runReminders(db: Database, now: number): Promise<ReminderRun> {
  const today = shanghaiDate(now)
  const weeks = (await readWeeks(db)).filter((w) => w.status === 'published' && reminderDue(w.summaryDeadline, today) !== null)
  const out: ReminderWeekRun[] = []
  for (const week of weeks) out.push(await remindWeek(db, week, today, now))
  return { today, weeks: out }
}

async function remindWeek(db: Database, week: WeekRow, today: string, now: number): Promise<ReminderWeekRun> {
  const daysLeft = reminderDue(week.summaryDeadline, today) as number
  const summaryIds = unitsBelowTop(week).map((u) => summaryIdOf(week._id, u))
  const statuses = await readStatuses(db, summaryIds)
  const units = summaryIds.filter((id) => awaitsSubmission(statuses.get(id))).length
  const run: ReminderWeekRun = { weekId: week._id, daysLeft, units, notices: 0, written: 0 }
  if (units === 0) return run
  const reminders = planReminders(week, week._id, today, statuses, await readUnitStaff(db, week._id))
  const todo = reminders.map((r) => ({ r, id: reminderNoticeId(week._id, r) }))
  const existing = await existingIds(
    db,
    todo.map((x) => x.id),
  )
  const missing = todo.filter((x) => !existing.has(x.id))
  const written = await mapBounded(missing, WRITE_PARALLEL, ({ r, id }) => writeNotice(db, { _id: id, ...noticeOf(week, r, now) }))
  return { ...run, notices: reminders.length, written: written.filter(Boolean).length }
}

/** The notice of one reminder. */
function noticeOf(week: WeekRow, r: SummaryReminder, now: number): Omit<SummaryDueNoticeDoc, '_id'> {
  return {
    recipient: r.recipient,
    template: 'summary_due',
    payload: {
      weekId: week._id,
      level: r.unit.level,
      unitCode: r.unit.code,
      unitName: r.unit.name,
      deadline: week.summaryDeadline,
      daysLeft: r.daysLeft,
    },
    createdAt: new Date(now),
    readAt: null,
    sentAt: null,
    // The notify timer sends it as a subscribe message at once, when the recipient accepted one
    // (stats summary.subscribe, on the 总结表 page).
    send: { state: 'pending', at: new Date(now), tries: 0, errcode: null },
  }
}

/** Every week (a document per edition: one page), with what the reminders need. */
async function readWeeks(db: Database): Promise<WeekRow[]> {
  const _ = db.command
  const rows: WeekRow[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<WeekRow>(
      db
        .collection(COLLECTIONS.weeks)
        .where({ _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, status: true, region: true, districts: true, cities: true, summaryDeadline: true })
        .limit(PAGE),
    )
    rows.push(...page)
    if (page.length < PAGE) return rows
    after = page[page.length - 1]._id
  }
}

/** The stored status of each 总结表 that exists (absent: a draft), by _id. */
async function readStatuses(db: Database, ids: string[]): Promise<Map<string, SubmissionStatus | undefined>> {
  const _ = db.command
  const out = new Map<string, SubmissionStatus | undefined>()
  for (let i = 0; i < ids.length; i += PAGE) {
    const docs = await readDocs<Pick<SummaryDraftDoc, '_id' | 'status'>>(
      db
        .collection(COLLECTIONS.summaries)
        .where({ _id: _.in(ids.slice(i, i + PAGE)) })
        .field({ _id: true, status: true })
        .limit(PAGE),
    )
    for (const d of docs) out.set(d._id, d.status)
  }
  return out
}

/**
 * The people who may run some unit of the week: those holding an organiser or city-admin grant and
 * some grant of the week (the two need not be one grant: planReminders matches them exactly), in _id pages.
 */
async function readUnitStaff(db: Database, weekId: string): Promise<{ _id: string; roles: ReminderGrant[] }[]> {
  const _ = db.command
  const out: { _id: string; roles: ReminderGrant[] }[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<{ _id: string; roles?: ReminderGrant[] }>(
      db
        .collection(COLLECTIONS.users)
        .where({ 'roles.role': _.in(Object.values(RUNS_UNIT)), 'roles.weekId': weekId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, roles: true })
        .limit(PAGE),
    )
    out.push(...page.map((u) => ({ _id: u._id, roles: u.roles ?? [] })))
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

/** Which of these outbox ids are written already. */
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
