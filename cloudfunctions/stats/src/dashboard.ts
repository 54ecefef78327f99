// Live attendance: 3 database operations (scope with the week's stars and projects, activities, repair
// records), whatever the number of people.
import { dayCurve } from '@shared/domain/attendance'
import { shanghaiDate, shanghaiDayRange } from '@shared/domain/time'
import { AUDIENCES, CONTENT_TYPES, labelOf, type ContentType } from '@shared/domain/vocabulary'
import { countersOf } from '../../_core/stats'
import type { ActionContext } from '../../_core/handler'
import { feedbackView } from '../../_core/feedback'
import { activitiesOf, figuresOf, groupBy, ms, unitOf, type ActivityRow } from './activities'
import { repairView } from './repairView'
import { loadScope, type ScopeNomination } from './scope'

/** Share of those registered who must have arrived once an activity runs, before it asks for help. */
const HELP_THRESHOLD = 0.5

function liveActivity(r: ActivityRow, now: number, featured: Set<string>) {
  const f = figuresOf([r])
  const c = countersOf(r)
  const running = now >= ms(r.startAt) && now <= ms(r.endAt)
  return {
    id: r._id,
    title: r.title,
    type: r.type as ContentType,
    districtCode: r.districtCode,
    districtName: r.districtName,
    venueName: r.venue?.name ?? null,
    startAt: ms(r.startAt),
    endAt: ms(r.endAt),
    status: r.status as 'published' | 'cancelled',
    capacity: r.signup?.capacity ?? null,
    registered: c.confirmed,
    waitlisted: c.waitlisted,
    checkedIn: f.checkedIn,
    walkInHeadcount: f.walkInHeadcount,
    participants: f.participants,
    full: r.signup !== null && (r.seatsLeft ?? 0) <= 0,
    needsHelp: r.status === 'published' && running && c.confirmed > 0 && f.checkedIn < c.confirmed * HELP_THRESHOLD,
    feedback: feedbackView(f.feedback),
    featured: featured.has(r._id),
  }
}

/** How far the stars and projects got (see honourFiguresSchema). */
function honourFigures(ns: readonly ScopeNomination[]) {
  const from = ns.filter((n) => !n.recorded)
  return {
    nominated: from.length,
    recommended: from.filter((n) => n.status === 'recommended' || n.status === 'selected' || n.status === 'published').length,
    selected: from.filter((n) => n.status === 'selected' || n.status === 'published').length,
    published: ns.filter((n) => n.status === 'published' && !n.hidden).length,
  }
}

export async function dashboard(ctx: ActionContext, input: { weekId: string; districtCode?: string; day?: string }) {
  const now = ctx.now()
  // The draft (joined in the same read) says which activities the organisers marked as featured.
  const scope = await loadScope(ctx, input, { withDraft: true, withNominations: true })
  const [rows, repair] = await Promise.all([
    activitiesOf(ctx.db, scope.week._id, scope.districtCodes, scope.districtCode === null),
    repairView(ctx.db, scope.week._id, scope.districtCodes, scope.districtCode === null),
  ])
  const published = rows.filter((r) => r.status === 'published')
  const day = input.day ?? shanghaiDate(now)
  const { start, end } = shanghaiDayRange(day)
  const all = figuresOf(published)
  const byType = groupBy(published, (r) => r.type)
  const byDistrict = groupBy(published, (r) => r.districtCode)
  const featured = new Set(scope.draft?.featuredIds ?? [])
  const nominations = scope.nominations.filter((n) => scope.districtCodes.includes(n.districtCode))
  const nominationsBy = groupBy(nominations, (n) => n.districtCode)
  return {
    weekId: scope.week._id,
    weekName: scope.week.name,
    districtCode: scope.districtCode,
    scopeName: scope.scopeName,
    districts: scope.allowed,
    canRollUp: scope.admin,
    day,
    generatedAt: now,
    today: rows
      .filter((r) => ms(r.startAt) >= start && ms(r.startAt) < end)
      .sort((a, b) => ms(a.startAt) - ms(b.startAt) || a.title.localeCompare(b.title))
      .map((r) => liveActivity(r, now, featured)),
    curve: dayCurve(all.arrivals.byHour, day),
    totals: { ...unitOf(all), people: all.people },
    byType: CONTENT_TYPES.filter((t) => byType.has(t.code)).map((t) => ({
      code: t.code,
      label: t.label,
      ...unitOf(figuresOf(byType.get(t.code) ?? [])),
    })),
    byAudience: Object.entries(all.attendance.byAudience)
      .map(([code, participants]) => ({ code, label: code === 'unspecified' ? '未填写' : labelOf(AUDIENCES, code), participants }))
      .sort((a, b) => b.participants - a.participants),
    byDistrict: scope.week.districts
      .filter((d) => scope.districtCodes.includes(d.code))
      .map((d) => {
        const f = figuresOf(byDistrict.get(d.code) ?? [])
        return {
          code: d.code,
          name: d.name,
          ...unitOf(f),
          people: f.people,
          feedback: feedbackView(f.feedback),
          honours: honourFigures(nominationsBy.get(d.code) ?? []),
        }
      }),
    feedback: feedbackView(all.feedback),
    honours: honourFigures(nominations),
    repair,
  }
}
