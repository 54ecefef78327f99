// The 总结表 of a district: 3 database operations, whatever the number of people: 1. scope (roles,
// week, draft)  2. the activities with their kept counters  3. the week with the district's courses,
// books and publicity records joined, and for a roll-up (a city's, the top's) its units' 总结表
// documents, which unitFigures.ts sums up.
// Rows the data knows are worded by @shared/domain/summary; rows only a person knows come from the draft.
import type { Summary } from '@shared/contracts/stats'
import { draftLocked, summaryIdOf } from '@shared/domain/reporting'
import { placesIn, summaryRows, type SummaryFigures } from '@shared/domain/summary'
import { shanghaiDate } from '@shared/domain/time'
import type { ContentType } from '@shared/domain/vocabulary'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type BookDoc, type CourseDoc, type PublicityDoc, type SummaryDraftDoc, type WeekDoc } from '../../_core/collections'
import { courseCountersOf } from '../../_core/courseStats'
import { feedbackView } from '../../_core/feedback'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs } from '../../_core/read'
import { bookCountersOf } from '../../_core/readingStats'
import { updateCount, isDuplicateKey } from '../../_core/write'
import { activitiesOf, figuresOf, groupBy, ms, unitOf, type ActivityRow } from './activities'
import { loadScope, type Scope } from './scope'
import { submissionState } from './submissionState'
import { openingOf, rollUp, type RollUp } from './unitFigures'
import { subPipeline } from '../../_core/pipeline'

export interface Extras {
  courses: Pick<CourseDoc, '_id' | 'status' | 'counters' | 'districtCode'>[]
  books: Pick<BookDoc, '_id' | 'status' | 'counters' | 'districtCode'>[]
  publicity: PublicityDoc[]
}

/**
 * Courses, books and publicity records of the scope, and for a roll-up the 总结表 documents of every
 * unit of the week (their bulky parts left out), joined onto the week: one operation.
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
    docs?: SummaryDraftDoc[]
  }>(query.limit(1))
  return {
    courses: row?.courses ?? [],
    books: row?.books ?? [],
    publicity: row?.publicity ?? [],
    docs: withUnits ? (row?.docs ?? []) : null,
  }
}

const distinct = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))]

/** Everything the data knows of some districts, from the activities' counters and the joined records. */
export function summaryFigures(
  week: Pick<WeekDoc, 'theme' | 'startDate' | 'endDate'>,
  districtNames: string[],
  rows: ActivityRow[],
  extras: Extras,
  featuredIds: string[],
): SummaryFigures {
  const published = rows.filter((r) => r.status === 'published').sort((a, b) => ms(a.startAt) - ms(b.startAt))
  const f = figuresOf(published)
  const byType: Record<string, number> = {}
  for (const r of published) byType[r.type] = (byType[r.type] ?? 0) + 1
  const hosts = distinct(published.map((r) => r.organizer))
  const coHosts = distinct(published.flatMap((r) => r.coOrganizers)).filter((u) => !hosts.includes(u))
  const streets = new Set<string>()
  const communities = new Set<string>()
  const addPlaces = (text: string | null | undefined, loose: boolean) => {
    const p = placesIn(text)
    p.streets.forEach((s) => streets.add(s))
    p.communities.forEach((c) => communities.add(c))
    // A typed 街道/社区 that names neither ending still names the place the person came from.
    if (loose && text && p.streets.length === 0 && p.communities.length === 0) communities.add(text)
  }
  for (const r of published) addPlaces(r.venue ? `${r.venue.address} ${r.venue.name}` : null, false)
  for (const key of Object.keys(f.arrivals.byCommunity)) addPlaces(key, true)
  const lastEnd = published.reduce((m, r) => Math.max(m, ms(r.endAt)), 0)
  const pub = extras.publicity
  const course = extras.courses.map(courseCountersOf).reduce(
    (a, c) => ({
      enrolled: a.enrolled + c.enrolled,
      lessonsCompleted: a.lessonsCompleted + c.lessonsCompleted,
      completed: a.completed + c.completed,
    }),
    { enrolled: 0, lessonsCompleted: 0, completed: 0 },
  )
  const book = extras.books
    .map(bookCountersOf)
    .reduce((a, c) => ({ logs: a.logs + c.logs, minutes: a.minutes + c.minutes, bookReaders: a.bookReaders + c.readers }), {
      logs: 0,
      minutes: 0,
      bookReaders: 0,
    })
  const ref = (p: PublicityDoc) => ({ title: p.title, outlet: p.outlet, url: p.url })
  return {
    districtNames,
    theme: week.theme,
    startDate: week.startDate,
    endDate: week.endDate,
    activities: published.length,
    activitiesByType: byType,
    cancelled: rows.length - published.length,
    firstDay: published.length ? shanghaiDate(ms(published[0].startAt)) : null,
    lastDay: published.length ? shanghaiDate(lastEnd) : null,
    registered: f.registered,
    checkIns: f.checkedIn,
    distinctPeople: f.arrivals.people,
    walkInHeadcount: f.walkInHeadcount,
    participants: f.arrivals.people + f.walkInHeadcount,
    hosts,
    coHosts,
    streets: [...streets],
    communities: [...communities],
    units: distinct([...hosts, ...coHosts]),
    feedback: f.feedback,
    featured: published.filter((r) => featuredIds.includes(r._id)).map((r) => ({ id: r._id, title: r.title })),
    publicity: {
      text: pub.filter((p) => p.kind === 'text').map(ref),
      photos: pub.filter((p) => p.kind === 'photo').reduce((n, p) => n + p.fileIds.length, 0),
      videos: pub.filter((p) => p.kind === 'video').map(ref),
      mediaRecords: pub.filter((p) => p.kind !== 'text').length,
      outlets: distinct(pub.map((p) => p.outlet)),
    },
    courses: { courses: extras.courses.filter((c) => c.status === 'published').length, ...course },
    reading: { books: extras.books.filter((b) => b.status === 'published').length, ...book },
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
