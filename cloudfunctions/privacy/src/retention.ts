// The week's retention (the privacy timer, hourly): a week whose retention date has come
// (summaryDeadline + retentionDays, see @shared/domain/privacy) has the personal fields of its
// records anonymised, collection by collection in RETENTION_STEPS' order, each walked in pages of
// _id order. Only the personal fields change (plus anonymisedAt): ids, openid and personId,
// statuses, categories and every counter stay, so counts, the dashboard, the 总结表 and reconcile
// read the same afterwards. A run stops at its time budget (10 s: chunks well under the 20 s the
// design allows, the function's timeout being 30 s) and the next run continues where it stopped.
//
// Where a week's records are found: registrations, enrolments, readingLogs, readers and nominations by weekId
// (an index leading with weekId in each); outbox notices carry no weekId, so they are found through
// the week's activities (payload.activityId, a page of the week's activities at a time), and so are
// walk-ins and ratings (their activityId index; one on weekId would only tie with it).
//
// Progress lives on the week (WeekDoc.retention): `step` the step being walked (stepKey: its collection,
// or its own key where a collection has two), `after` its
// cursor (the last _id done; walked by activity, a JSON pair [activity cursor, record cursor]), doneAt
// when every step is done. Writes of a run, in order:
//   1. weeks.where({ _id, retention: exists(false) }): retention started (startedAt = the run's now)
//   2. per page: <collection>.where({ _id: in(page) }).update(personal fields, anonymisedAt = startedAt),
//      with a redacted text (a rating's comment) replaced first where it holds one (anonymiseWhere)
//   3. every PROGRESS_EVERY pages, at each step's end and when the budget ends: the progress,
//      where({ _id, 'retention.step', 'retention.after' as last written }) (a concurrent run that
//      moved it first wins; this one stops)
//   4. weeks: retention.doneAt (in the same conditional write as the last progress)
// Crash safety: every page's update sets fixed values (anonymisedAt is the week's startedAt, not the
// run's clock), so a page done again changes nothing; a run that dies redoes at most the pages
// since the last progress written. Reads: the weeks (paged, a few), then per page one read (two
// when walked by activity). A week of 1,050 sign-ups and 230 notices: 26 reads, 25 writes.
import { performance } from 'node:perf_hooks'
import { retentionDue } from '@shared/domain/privacy'
import { anonymiseWhere, RETENTION_STEPS, stepKey, type AnonymiseStep } from '../../_core/anonymise'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type WeekDoc } from '../../_core/collections'
import { readDocs } from '../../_core/read'
import { updateCount } from '../../_core/write'

export interface RetentionBudget {
  /** Wall time a run may spend (ms); it stops at the first page boundary past it. */
  ms: number
  /** Records per page (≤ 100). */
  batch: number
  /** Pages a run may do at most (tests: several runs on a small week). */
  pages?: number
}

/** The timer's budget: 10 s of a 30 s function, pages of 100. */
export const RETENTION_BUDGET: RetentionBudget = { ms: 10_000, batch: 100 }

/** Activities per page when the outbox's notices are found through the week's activities. */
const ACTIVITY_PAGE = 100
/** Pages between two progress writes (a crash redoes at most these). */
const PROGRESS_EVERY = 10
/** Weeks read per page (weeks are few: one document per edition). */
const WEEK_PAGE = 100

export interface RetentionWeekRun {
  weekId: string
  /** Records whose personal fields this run set. */
  records: number
  pages: number
  /** The week's retention is finished (doneAt set by this run). */
  done: boolean
  /** Where the run stopped when not done: the step and its cursor. */
  step: string | null
}

export interface RetentionRun {
  weeks: RetentionWeekRun[]
  /** Some due week is not finished yet (budget spent, or another run moved its progress). */
  partial: boolean
  ms: number
}

type RetentionState = NonNullable<WeekDoc['retention']>
type WeekRow = Pick<WeekDoc, '_id' | 'summaryDeadline' | 'retentionDays' | 'retention'>

/** The weeks to work on: started and not finished, or due and not started; oldest summary deadline first. */
export async function retentionWeeks(db: Database, now: number): Promise<WeekRow[]> {
  const _ = db.command
  const rows: WeekRow[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<WeekRow>(
      db
        .collection(COLLECTIONS.weeks)
        .where({ _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, summaryDeadline: true, retentionDays: true, retention: true })
        .limit(WEEK_PAGE),
    )
    rows.push(...page)
    if (page.length < WEEK_PAGE) break
    after = page[page.length - 1]._id
  }
  return rows
    .filter((w) => (w.retention ? !w.retention.doneAt : retentionDue(w.summaryDeadline, w.retentionDays, now)))
    .sort((a, b) => a.summaryDeadline.localeCompare(b.summaryDeadline) || a._id.localeCompare(b._id))
}

/** Runs the retention of every week that needs it, within the budget. */
export async function runRetention(db: Database, now: number, budget: RetentionBudget = RETENTION_BUDGET): Promise<RetentionRun> {
  const started = performance.now()
  const clock = { started, budget, pages: 0 }
  const weeks = await retentionWeeks(db, now)
  const out: RetentionWeekRun[] = []
  let partial = false
  for (const week of weeks) {
    if (spent(clock)) {
      partial = true
      break
    }
    const run = await anonymiseWeek(db, week, now, clock)
    out.push(run)
    if (!run.done) partial = true
  }
  return { weeks: out, partial, ms: Math.round(performance.now() - started) }
}

interface RunClock {
  started: number
  budget: RetentionBudget
  /** Pages done by this run over all weeks. */
  pages: number
}

function spent(clock: RunClock): boolean {
  return performance.now() - clock.started >= clock.budget.ms || (clock.budget.pages !== undefined && clock.pages >= clock.budget.pages)
}

/** One page of a step: the ids whose personal fields to set, and the cursor after them (null: the step is done). */
interface Page {
  ids: string[]
  next: string | null
}

/** The next page of a collection that carries weekId. */
async function weekPage(db: Database, step: AnonymiseStep, weekId: string, after: string, batch: number): Promise<Page> {
  const _ = db.command
  const docs = await readDocs<{ _id: string }>(
    db
      .collection(step.collection)
      .where({ weekId, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(batch),
  )
  const ids = docs.map((d) => d._id)
  return { ids, next: ids.length < batch ? null : ids[ids.length - 1] }
}

/**
 * Collections walked through the week's activities: the outbox has no weekId; walk-ins and ratings
 * have one, but their activityId index serves the walk (an index on weekId would only tie with it).
 */
const BY_ACTIVITY: Partial<Record<string, string>> = {
  [COLLECTIONS.outbox]: 'payload.activityId',
  [COLLECTIONS.walkins]: 'activityId',
  [COLLECTIONS.ratings]: 'activityId',
}

/** The next page of the records of a page of the week's activities, in _id order. */
async function activityPage(db: Database, step: AnonymiseStep, field: string, weekId: string, after: string, batch: number): Promise<Page> {
  const _ = db.command
  const [activityAfter, recordAfter] = after ? (JSON.parse(after) as [string, string]) : ['', '']
  const activities = await readDocs<{ _id: string }>(
    db
      .collection(COLLECTIONS.activities)
      .where({ weekId, _id: _.gt(activityAfter) })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(ACTIVITY_PAGE),
  )
  if (activities.length === 0) return { ids: [], next: null }
  const records = await readDocs<{ _id: string }>(
    db
      .collection(step.collection)
      .where({ [field]: _.in(activities.map((a) => a._id)), _id: _.gt(recordAfter) })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(batch),
  )
  const ids = records.map((d) => d._id)
  if (ids.length === batch) return { ids, next: JSON.stringify([activityAfter, ids[ids.length - 1]]) }
  // This page of activities is done: the next one, unless it was the last.
  const lastActivity = activities[activities.length - 1]._id
  return { ids, next: activities.length < ACTIVITY_PAGE ? null : JSON.stringify([lastActivity, '']) }
}

function nextPage(db: Database, step: AnonymiseStep, weekId: string, after: string, batch: number): Promise<Page> {
  const field = BY_ACTIVITY[step.collection]
  return field ? activityPage(db, step, field, weekId, after, batch) : weekPage(db, step, weekId, after, batch)
}

/** Writes retention.startedAt once (a concurrent first run's wins); the state to go on from. */
async function startRetention(db: Database, weekId: string, now: number): Promise<RetentionState | null> {
  const _ = db.command
  const state: RetentionState = { startedAt: new Date(now), step: stepKey(RETENTION_STEPS[0]), after: '', doneAt: null }
  if (
    (await updateCount(db.collection(COLLECTIONS.weeks).where({ _id: weekId, retention: _.exists(false) }), {
      retention: _.set(state),
    })) === 1
  ) {
    return state
  }
  const [doc] = await readDocs<WeekRow>(db.collection(COLLECTIONS.weeks).where({ _id: weekId }).field({ retention: true }).limit(1))
  return doc?.retention && !doc.retention.doneAt ? doc.retention : null
}

/** Moves the stored progress from `from` to `to` (conditional: false when another run moved it first). */
async function saveProgress(db: Database, weekId: string, from: RetentionState, to: RetentionState): Promise<boolean> {
  const data: Record<string, unknown> = { 'retention.step': to.step, 'retention.after': to.after }
  if (to.doneAt) data['retention.doneAt'] = to.doneAt
  const where = { _id: weekId, 'retention.step': from.step, 'retention.after': from.after, 'retention.doneAt': null }
  return (await updateCount(db.collection(COLLECTIONS.weeks).where(where), data)) === 1
}

async function anonymiseWeek(db: Database, week: WeekRow, now: number, clock: RunClock): Promise<RetentionWeekRun> {
  const _ = db.command
  const run: RetentionWeekRun = { weekId: week._id, records: 0, pages: 0, done: false, step: null }
  let saved = week.retention ?? (await startRetention(db, week._id, now))
  if (!saved) return run
  const startedAt = new Date(saved.startedAt)
  let stepIndex = RETENTION_STEPS.findIndex((s) => stepKey(s) === saved!.step)
  if (stepIndex < 0) stepIndex = 0
  let state: RetentionState = { ...saved }
  let unsaved = 0

  const save = async (to: RetentionState): Promise<boolean> => {
    const ok = await saveProgress(db, week._id, saved!, to)
    if (ok) {
      saved = to
      unsaved = 0
    }
    return ok
  }

  while (stepIndex < RETENTION_STEPS.length) {
    if (spent(clock)) {
      if (unsaved > 0) await save(state)
      run.step = state.step
      return run
    }
    const step = RETENTION_STEPS[stepIndex]
    const page = await nextPage(db, step, week._id, state.after, clock.budget.batch)
    if (page.ids.length > 0) {
      await anonymiseWhere(db, step, { _id: _.in(page.ids) }, startedAt, false)
      run.records += page.ids.length
    }
    run.pages++
    clock.pages++
    unsaved++
    if (page.next !== null) {
      state = { ...state, after: page.next }
      if (unsaved >= PROGRESS_EVERY && !(await save(state))) return { ...run, step: state.step }
      continue
    }
    stepIndex++
    const last = stepIndex >= RETENTION_STEPS.length
    state = last
      ? { ...state, step: stepKey(step), after: '', doneAt: new Date(now) }
      : { ...state, step: stepKey(RETENTION_STEPS[stepIndex]), after: '' }
    if (!(await save(state))) return { ...run, step: state.step }
  }
  run.done = true
  return run
}
