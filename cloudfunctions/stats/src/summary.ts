// The 总结表 of a district: 3 database operations, whatever the number of people: 1. scope (roles,
// week, draft)  2. the activities with their kept counters  3. the week with the district's courses,
// books and publicity records joined, and for a roll-up (a city's, the top's) its units' 总结表
// documents, which unitFigures.ts sums up.
// Rows the data knows are worded by @shared/domain/summary; rows only a person knows come from the draft.
import type { Summary } from '@shared/contracts/stats'
import { draftLocked, summaryIdOf } from '@shared/domain/reporting'
import { summaryRows, type SummaryFigures } from '@shared/domain/summary'
import { shanghaiDate } from '@shared/domain/time'
import type { ContentType } from '@shared/domain/vocabulary'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type PublicityDoc, type SummaryDraftDoc } from '../../_core/collections'
import { feedbackView } from '../../_core/feedback'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs } from '../../_core/read'
import { updateCount, isDuplicateKey } from '../../_core/write'
import { activitiesOf, figuresOf, groupBy, ms, unitOf } from './activities'
import { summaryFigures, type Extras } from './summaryFigures'
import { loadScope, type Scope } from './scope'
import { submissionState } from './submissionState'
import { openingOf, rollUp, type RollUp } from './unitFigures'
import { subPipeline } from '../../_core/pipeline'

/**
 * Courses, books, publicity records and stars/projects of the scope, and for a roll-up the 总结表
 * documents of every unit of the week (their bulky parts left out), joined onto the week: one operation.
 */
async function loadExtras(ctx: ActionContext, scope: Scope): Promise<Extras & { docs: SummaryDraftDoc[] | null }> {
  const { db } = ctx
  const pipeline = () => subPipeline(db)
  const _ = db.command
  const whole = scope.unit.level === 'top'
  const codes = scope.districtCodes
  const where = { weekId: scope.week._id, ...(whole ? {} : { districtCode: codes.length === 1 ? codes[0] : _.in(codes) }) }
  let query = db
    .collection(COLLECTIONS.weeks)
    .aggregate()
    .match({ _id: scope.week._id })
    .project({ _id: 1 })
    .lookup({
      from: COLLECTIONS.courses,
      pipeline: pipeline().match(where).project({ status: 1, counters: 1, districtCode: 1 }).done(),
      as: 'courses',
    })
    .lookup({
      from: COLLECTIONS.books,
      pipeline: pipeline().match(where).project({ status: 1, counters: 1, districtCode: 1 }).done(),
      as: 'books',
    })
    .lookup({ from: COLLECTIONS.publicity, pipeline: pipeline().match(where).done(), as: 'publicity' })
    .lookup({
      from: COLLECTIONS.nominations,
      pipeline: pipeline()
        .match({ ...where, status: 'published' })
        .project({ kind: 1, name: 1, status: 1, hidden: 1, districtCode: 1, honours: 1 })
        .done(),
      as: 'nominations',
    })
  const withUnits = scope.unit.level !== 'district'
  if (withUnits) {
    query = query.lookup({
      from: COLLECTIONS.summaries,
      pipeline: pipeline()
        .match({ weekId: scope.week._id })
        .project({ typed: 0, history: 0, typicalCase: 0, 'submitted.summary.districts': 0 })
        .done(),
      as: 'docs',
    })
  }
  const [row] = await aggregateDocs<{
    courses: Extras['courses']
    books: Extras['books']
    publicity: PublicityDoc[]
    nominations: Extras['nominations']
    docs?: SummaryDraftDoc[]
  }>(query.limit(1))
  return {
    courses: row?.courses ?? [],
    books: row?.books ?? [],
    publicity: row?.publicity ?? [],
    nominations: row?.nominations ?? [],
    docs: withUnits ? (row?.docs ?? []) : null,
  }
}

/** Whole days from `today` to `day` (Shanghai dates). */
const daysFrom = (today: string, day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)

/**
 * The 总结表 of the scope's unit as the page shows it. A district: counted from its records. A roll-up
 * (a city, the top): its units' submitted copies or live counts summed (unitFigures.ts), its typed
 * rows composed from their texts; one more read (the week's 总结表 documents, paged).
 */
export async function buildSummary(ctx: ActionContext, scope: Scope): Promise<Summary> {
  return (await summaryAndFigures(ctx, scope)).summary
}

/** The summary, and the full figures it was worded from (what a submit freezes for the roll-up above). */
export async function summaryAndFigures(ctx: ActionContext, scope: Scope): Promise<{ summary: Summary; figures: SummaryFigures }> {
  const now = ctx.now()
  const whole = scope.unit.level === 'top'
  const district = scope.unit.level === 'district'
  const [rows, extras] = await Promise.all([activitiesOf(ctx.db, scope.week._id, scope.districtCodes, whole), loadExtras(ctx, scope)])
  const docs = extras.docs ? new Map(extras.docs.map((d) => [d._id, d])) : null
  const draft = scope.draft
  const featuredIds = draft?.featuredIds ?? []
  const published = rows.filter((r) => r.status === 'published').sort((a, b) => ms(a.startAt) - ms(b.startAt) || a._id.localeCompare(b._id))
  const nameOf = (code: string) => scope.week.districts.find((d) => d.code === code)?.name ?? code
  let figures: SummaryFigures
  let roll: RollUp | null = null
  if (docs) {
    const own = published.filter((r) => featuredIds.includes(r._id)).map((r) => ({ id: r._id, title: r.title, unit: r.districtName }))
    roll = rollUp(scope.week, scope.unit, docs, rows, extras, own)
    figures = roll.figures
  } else {
    figures = summaryFigures(scope.week, [scope.scopeName], rows, extras, featuredIds)
  }
  const publicityPer = groupBy(
    extras.publicity.filter((p) => p.activityId),
    (p) => p.activityId as string,
  )
  const byDistrict = groupBy(published, (r) => r.districtCode)
  const fv = feedbackView(figures.feedback)
  const summary: Summary = {
    weekId: scope.week._id,
    weekName: scope.week.name,
    districtCode: scope.districtCode,
    scopeName: scope.scopeName,
    deadline: scope.week.summaryDeadline,
    daysLeft: daysFrom(shanghaiDate(now), scope.week.summaryDeadline),
    generatedAt: now,
    rows: summaryRows(figures, draft?.typed ?? {}, roll?.composed ?? {}),
    figures: {
      activities: figures.activities,
      activitiesByType: figures.activitiesByType,
      cancelled: figures.cancelled,
      registered: figures.registered,
      checkIns: figures.checkIns,
      distinctPeople: figures.distinctPeople,
      walkInHeadcount: figures.walkInHeadcount,
      participants: figures.participants,
      streets: figures.streets,
      communities: figures.communities,
      units: figures.units,
      feedback: fv,
      textReports: figures.publicity.text.length,
      photos: figures.publicity.photos,
      videos: figures.publicity.videos.length,
      outlets: figures.publicity.outlets,
      courses: figures.courses,
      reading: figures.reading,
    },
    featuredIds: published.filter((r) => featuredIds.includes(r._id)).map((r) => r._id),
    typicalCase: draft?.typicalCase ?? null,
    activities: published.map((r) => {
      const f = figuresOf([r])
      return {
        id: r._id,
        title: r.title,
        type: r.type as ContentType,
        districtCode: r.districtCode,
        districtName: r.districtName,
        startAt: ms(r.startAt),
        endAt: ms(r.endAt),
        venueName: r.venue?.name ?? null,
        organizer: r.organizer,
        capacity: r.signup?.capacity ?? null,
        registered: f.registered,
        checkedIn: f.checkedIn,
        walkInHeadcount: f.walkInHeadcount,
        participants: f.participants,
        feedback: feedbackView(f.feedback),
        featured: featuredIds.includes(r._id),
        publicity: publicityPer.get(r._id)?.length ?? 0,
      }
    }),
    districts: district
      ? []
      : scope.week.districts
          .filter((d) => scope.districtCodes.includes(d.code))
          .map((d) => {
            const f = figuresOf(byDistrict.get(d.code) ?? [])
            return { code: d.code, name: d.name, ...unitOf(f), people: f.people, feedback: feedbackView(f.feedback) }
          }),
    draftSavedAt: draft ? ms(draft.updatedAt) : null,
    revision: draft?.revision ?? 0,
    unit: scope.unit,
    submission: submissionState(scope, draft),
    units: roll?.units ?? [],
    unitCases: roll?.unitCases ?? [],
    opening: roll ? roll.opening : openingOf(extras.publicity, nameOf),
    frozen: false,
  }
  return { summary, figures }
}

export async function summary(ctx: ActionContext, input: { weekId: string; districtCode?: string; cityCode?: string }) {
  return buildSummary(ctx, await loadScope(ctx, input, { withDraft: true, units: true }))
}

interface SaveInput {
  weekId: string
  districtCode?: string
  cityCode?: string
  revision: number
  typed?: Partial<Record<string, string>>
  featuredIds?: string[]
  typicalCase?: { activityId: string | null; title: string; text: string } | null
}

/**
 * Saves the typed rows, featured activities and typical case. Guarded by `revision`: a save based
 * on an older revision than the stored one answers CONFLICT and writes nothing.
 */
export async function saveSummary(ctx: ActionContext, input: SaveInput) {
  const { db } = ctx
  const scope = await loadScope(ctx, input, { withDraft: true, units: true })
  const draft = scope.draft
  if (draftLocked(draft?.status ?? 'draft')) throw new DomainError('SUMMARY_LOCKED')
  if ((draft?.revision ?? 0) !== input.revision) throw new DomainError('CONFLICT')
  const picked = [...(input.featuredIds ?? []), ...(input.typicalCase?.activityId ? [input.typicalCase.activityId] : [])]
  if (picked.length > 0) {
    const rows = await activitiesOf(db, scope.week._id, scope.districtCodes, scope.unit.level === 'top')
    const ok = new Set(rows.filter((r) => r.status === 'published').map((r) => r._id))
    if (!picked.every((id) => ok.has(id))) throw new DomainError('FEATURED_ACTIVITY_INVALID')
  }
  const typed: Record<string, string> = { ...(draft?.typed ?? {}) }
  for (const [k, v] of Object.entries(input.typed ?? {})) {
    if (v === undefined) continue
    if (v.trim()) typed[k] = v.trim()
    else delete typed[k]
  }
  const now = new Date(ctx.now())
  const next: Omit<SummaryDraftDoc, '_id'> = {
    weekId: scope.week._id,
    districtCode: scope.districtCode,
    cityCode: scope.unit.level === 'city' ? scope.unit.code : null,
    level: scope.unit.level,
    typed,
    featuredIds: input.featuredIds ? [...new Set(input.featuredIds)] : (draft?.featuredIds ?? []),
    typicalCase: input.typicalCase !== undefined ? input.typicalCase : (draft?.typicalCase ?? null),
    revision: input.revision + 1,
    updatedBy: ctx.openid,
    updatedAt: now,
  }
  const id = summaryIdOf(scope.week._id, scope.unit)
  if (!draft) {
    try {
      await db.collection(COLLECTIONS.summaries).add({ data: { _id: id, ...next } })
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT')
      throw err
    }
  } else {
    const _ = db.command
    // Replace the typed map whole (a removed row must go), guarded by the revision read.
    const updated = await updateCount(db.collection(COLLECTIONS.summaries).where({ _id: id, revision: input.revision }), {
      ...next,
      typed: _.set(typed),
      typicalCase: next.typicalCase === null ? null : _.set(next.typicalCase),
    })
    if (updated !== 1) throw new DomainError('CONFLICT')
  }
  return buildSummary(ctx, { ...scope, draft: { ...(draft ?? {}), _id: id, ...next } })
}
