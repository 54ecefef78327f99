// Reconcile: every kept counter recomputed from the raw records, and each difference reported, in
// resumable chunks so that no call grows with the week's size. The phases, in order:
//   activities  consecutive activities in _id order, recounted by group-bys (reconcileActivities.ts)
//   districts   each district's distinct people, in pages of its check-ins (reconcileDistricts.ts)
//   courses     a few courses at a time, each against its enrolments
//   books       a few books at a time, each against its reading logs
// A call runs chunks until it has run `chunksPerCall` of them, or has spent `softMs` (it starts no
// chunk after that), or the slowest chunk so far would take it past `hardMs`; then it answers the
// cursor of where it stopped (reconcileCursor.ts). Each chunk is bounded by its own work: so many
// activities, and no more estimated records than `workPerChunk`; so many check-ins per page.
import type { ReconcileDifference } from '@shared/contracts/stats'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type WeekDoc } from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { recountCourseOf } from '../../_core/courseStats'
import type { PendingMap } from '../../_core/journal'
import type { ActionContext } from '../../_core/handler'
import { countDocs, readDocs } from '../../_core/read'
import { recountBookOf } from '../../_core/readingStats'
import { districtsRunBy, isAdmin, requireThat } from '../../_core/roles'
import { mapBounded } from '../../_core/write'
import { checkActivityChunk, recountWork, type ReconciledActivity } from './reconcileActivities'
import { decodePosition, encodePosition, scopeKey, type ReconcilePosition } from './reconcileCursor'
import { countPeoplePage, storedPeople } from './reconcileDistricts'
import { emptyTally, repairBeforeRecount, writeBackActivities, writeBackCounters, type RepairTally } from './reconcileRepair'
import { recordRepair } from '../../_core/repairRun'

export interface ReconcileLimits {
  /** Activities per chunk at most. */
  activitiesPerChunk: number
  /** Estimated records (see recountWork) per chunk of activities at most; a chunk has at least one activity. */
  workPerChunk: number
  /** Check-ins per page of a district's distinct people. */
  peoplePerPage: number
  /** Courses, or books, per chunk. */
  itemsPerChunk: number
  /** Chunks per call at most. */
  chunksPerCall: number
  /** No chunk is started after this many milliseconds of the call. */
  softMs: number
  /** Nor one that, as slow as the slowest so far, would end after this many. */
  hardMs: number
}

// A chunk cannot be cut once started, so it is kept small against the calls' 20 s: at 1,000,000
// registrations on the local database (npm run bench:scale) a chunk of 100,000 records took 8-10 s
// alone and up to 22 s on a busy machine; one of 50,000 takes half that.
export const RECONCILE_LIMITS: ReconcileLimits = {
  activitiesPerChunk: 200,
  workPerChunk: 50_000,
  peoplePerPage: 50_000,
  itemsPerChunk: 20,
  chunksPerCall: 100,
  softMs: 8_000,
  hardMs: 15_000,
}

/**
 * Tests only: STATS_RECONCILE_LIMITS (JSON, e.g. {"activitiesPerChunk":1,"chunksPerCall":1}) makes
 * the chunks tiny so that a small week runs through many chunks and calls. Unset in production.
 */
export const LIMITS_ENV = 'STATS_RECONCILE_LIMITS'

function limitsNow(): ReconcileLimits {
  const raw = process.env[LIMITS_ENV]
  if (!raw) return RECONCILE_LIMITS
  const out = { ...RECONCILE_LIMITS }
  try {
    const given = JSON.parse(raw) as Record<string, unknown>
    for (const key of Object.keys(out) as (keyof ReconcileLimits)[]) {
      const v = given[key]
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[key] = v
    }
  } catch {
    // a malformed override is ignored
  }
  return out
}

interface Scope {
  weekId: string
  /** null: the whole week (admin). */
  districtCodes: string[] | null
  /** The districts whose distinct people are checked, in order. */
  districts: () => Promise<string[]>
  /** The week's districts' names by code. */
  districtNames: () => Promise<Map<string, string>>
  where: Record<string, unknown>
}

interface CallResult {
  checked: { activities: number; districts: number; courses: number; books: number }
  differences: ReconcileDifference[]
}

const ACTIVITY_STATUSES = ['published', 'cancelled', 'draft']

/** Counts the units of work of the scope (activities + districts + courses + books): 3 operations. */
async function totalOf(db: Database, scope: Scope): Promise<number> {
  const _ = db.command
  const [activities, courses, books, districts] = await Promise.all([
    countDocs(db.collection(COLLECTIONS.activities).where({ ...scope.where, status: _.in(ACTIVITY_STATUSES) })),
    countDocs(db.collection(COLLECTIONS.courses).where(scope.where)),
    countDocs(db.collection(COLLECTIONS.books).where(scope.where)),
    scope.districts(),
  ])
  return activities + districts.length + courses + books
}

const nextPhase = (p: ReconcilePosition, phase: ReconcilePosition['phase']): ReconcilePosition => ({
  ...p,
  phase,
  after: '',
  district: 0,
  personAfter: '',
  people: 0,
})
const advance = (p: ReconcilePosition, units: number) => Math.min(p.total, p.done + units)

/** Runs one chunk from `p`; answers the position after it, or null when the scope is done. */
/** With repair (admin): the call's clock and what it has put right so far. */
interface Repairing {
  now: number
  tally: RepairTally
}

async function runChunk(
  db: Database,
  scope: Scope,
  p: ReconcilePosition,
  limits: ReconcileLimits,
  out: CallResult,
  repairing: Repairing | null,
): Promise<ReconcilePosition | null> {
  const _ = db.command
  if (p.phase === 'activities') {
    const pageLimit = Math.min(limits.activitiesPerChunk, 1000)
    const page = await readDocs<ReconciledActivity>(
      db
        .collection(COLLECTIONS.activities)
        .where({ ...scope.where, status: _.in(ACTIVITY_STATUSES), ...(p.after ? { _id: _.gt(p.after) } : {}) })
        .orderBy('_id', 'asc')
        .field({ description: false })
        .limit(pageLimit),
    )
    if (page.length === 0) return nextPhase(p, 'districts')
    const chunk: ReconciledActivity[] = []
    let work = 0
    for (const doc of page) {
      const w = recountWork(doc)
      if (chunk.length > 0 && work + w > limits.workPerChunk) break
      chunk.push(doc)
      work += w
    }
    const docs = repairing ? await repairBeforeRecount(db, chunk, repairing.now, repairing.tally) : chunk
    const check = await checkActivityChunk(db, scope.weekId, docs, scope.districtCodes)
    if (repairing) await writeBackActivities(db, docs, check.differences, repairing.now, repairing.tally)
    out.differences.push(...check.differences)
    out.checked.activities += chunk.length
    const next = { ...p, after: chunk[chunk.length - 1]._id, done: advance(p, chunk.length) }
    return chunk.length === page.length && page.length < pageLimit ? nextPhase(next, 'districts') : next
  }

  if (p.phase === 'districts') {
    const codes = await scope.districts()
    if (p.district >= codes.length) return nextPhase(p, 'courses')
    const code = codes[p.district]
    const page = await countPeoplePage(db, scope.weekId, code, p.personAfter, limits.peoplePerPage)
    const people = p.people + page.people
    if (!page.end) return { ...p, personAfter: page.last, people }
    const stored = await storedPeople(db, scope.weekId, code)
    if (stored !== people)
      out.differences.push({
        scope: 'district',
        id: code,
        name: (await scope.districtNames()).get(code) ?? '',
        field: 'people',
        stored,
        recounted: people,
      })
    out.checked.districts += 1
    return { ...p, district: p.district + 1, personAfter: '', people: 0, done: advance(p, 1) }
  }

  // Courses and books: a few at a time, each recounted from its own records.
  const course = p.phase === 'courses'
  // Read before the recount with their journal (pending entries, jrev): a write-back is refused
  // where a move came since, and skipped while one is pending.
  const items = await readDocs<{
    _id: string
    title?: string
    weekId?: string
    districtCode?: string
    pending?: PendingMap
    jrev?: number
  }>(
    db
      .collection(course ? COLLECTIONS.courses : COLLECTIONS.books)
      .where({ ...scope.where, ...(p.after ? { _id: _.gt(p.after) } : {}) })
      .orderBy('_id', 'asc')
      .field({ _id: true, title: true, weekId: true, districtCode: true, pending: true, jrev: true })
      .limit(Math.min(limits.itemsPerChunk, 1000)),
  )
  if (items.length === 0) return course ? nextPhase(p, 'books') : null
  if (course) {
    const checks = await mapBounded(items, 4, (c) => recountCourseOf(db, c._id))
    checks.forEach((r, i) => {
      if (!r || r.agree) return
      for (const k of ['enrolled', 'lessonsCompleted', 'completed'] as const) {
        if (r.stored[k] !== r.recounted[k])
          out.differences.push({
            scope: 'course',
            id: items[i]._id,
            name: items[i].title ?? '',
            field: `counters.${k}`,
            stored: r.stored[k],
            recounted: r.recounted[k],
          })
      }
    })
    if (repairing) {
      for (const [i, r] of checks.entries()) {
        if (r && !r.agree) await writeBackCounters(db, COLLECTIONS.courses, items[i], r.stored, r.recounted, repairing.now, repairing.tally)
      }
    }
    out.checked.courses += items.length
  } else {
    const checks = await mapBounded(items, 4, (b) => recountBookOf(db, b._id))
    checks.forEach((r, i) => {
      if (!r || r.agree) return
      for (const k of ['logs', 'minutes', 'readers'] as const) {
        if (r.stored[k] !== r.recounted[k])
          out.differences.push({
            scope: 'book',
            id: items[i]._id,
            name: items[i].title ?? '',
            field: `counters.${k}`,
            stored: r.stored[k],
            recounted: r.recounted[k],
          })
      }
    })
    if (repairing) {
      for (const [i, r] of checks.entries()) {
        if (r && !r.agree) await writeBackCounters(db, COLLECTIONS.books, items[i], r.stored, r.recounted, repairing.now, repairing.tally)
      }
    }
    out.checked.books += items.length
  }
  return { ...p, after: items[items.length - 1]._id, done: advance(p, items.length) }
}

export async function reconcile(ctx: ActionContext, input: { weekId: string; cursor?: string; repair?: boolean }) {
  const started = Date.now()
  const { db } = ctx
  const limits = limitsNow()
  const caller = await ctx.caller()
  const admin = isAdmin(caller, input.weekId)
  const own = [...((await districtsRunBy(db, caller, input.weekId)) ?? [])].sort()
  requireThat(admin || own.length > 0)
  // Repairing writes counters of the whole week: bureau admins only.
  if (input.repair) requireThat(admin)
  const districtCodes = admin ? null : own
  const key = scopeKey(districtCodes)
  // Checked before anything is read, so a bad cursor costs nothing.
  const resumed = input.cursor ? decodePosition(input.cursor, input.weekId, key) : null

  const _ = db.command
  let week: Promise<WeekDoc['districts']> | undefined
  const weekDistricts = () =>
    (week ??= readDocs<Pick<WeekDoc, 'districts'>>(
      db.collection(COLLECTIONS.weeks).where({ _id: input.weekId }).field({ districts: true }).limit(1),
    ).then(([w]) => {
      if (!w) throw new DomainError('WEEK_NOT_FOUND')
      return w.districts
    }))
  const scope: Scope = {
    weekId: input.weekId,
    districtCodes,
    where: {
      weekId: input.weekId,
      ...(districtCodes ? { districtCode: districtCodes.length === 1 ? districtCodes[0] : _.in(districtCodes) } : {}),
    },
    districts: async () => districtCodes ?? (await weekDistricts()).map((d) => d.code),
    districtNames: async () => new Map((await weekDistricts()).map((d) => [d.code, d.name])),
  }

  let position: ReconcilePosition | null = resumed ?? {
    weekId: input.weekId,
    scope: key,
    phase: 'activities',
    after: '',
    district: 0,
    personAfter: '',
    people: 0,
    done: 0,
    total: await totalOf(db, scope),
  }
  const out: CallResult = { checked: { activities: 0, districts: 0, courses: 0, books: 0 }, differences: [] }
  const repairing: Repairing | null = input.repair ? { now: ctx.now(), tally: emptyTally() } : null
  let chunks = 0
  let slowest = 0
  let last = position
  while (position) {
    const elapsed = Date.now() - started
    if (chunks >= limits.chunksPerCall) break
    if (chunks > 0 && (elapsed >= limits.softMs || elapsed + slowest > limits.hardMs)) break
    const t0 = Date.now()
    last = position
    position = await runChunk(db, scope, position, limits, out, repairing)
    slowest = Math.max(slowest, Date.now() - t0)
    chunks++
  }
  if (repairing) {
    const checked = out.checked.activities + out.checked.courses + out.checked.books
    await recordRepair(db, ctx.openid, repairing.now, { checked, changes: repairing.tally.changes, ms: Date.now() - started })
  }
  return {
    weekId: input.weekId,
    checked: out.checked,
    differences: out.differences,
    cursor: position ? encodePosition(position) : null,
    progress: position ? { done: position.done, total: position.total } : { done: last.total, total: last.total },
    repair: repairing
      ? { rewritten: repairing.tally.rewritten, busy: repairing.tally.busy, changes: repairing.tally.changes.length }
      : null,
  }
}
