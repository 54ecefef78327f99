// Everything the data knows of some districts for the 总结表 (SummaryFigures), from the activities'
// kept counters and the courses, books, publicity records and stars/projects the summary joined. Pure.
import { placesIn, sortHonours, type HonourCited, type SummaryFigures } from '@shared/domain/summary'
import { shanghaiDate } from '@shared/domain/time'
import type { BookDoc, CourseDoc, NominationDoc, PublicityDoc, WeekDoc } from '../../_core/collections'
import { courseCountersOf } from '../../_core/courseStats'
import { bookCountersOf } from '../../_core/readingStats'
import { figuresOf, ms, type ActivityRow } from './activities'

export interface Extras {
  courses: Pick<CourseDoc, '_id' | 'status' | 'counters' | 'districtCode'>[]
  books: Pick<BookDoc, '_id' | 'status' | 'counters' | 'districtCode'>[]
  publicity: PublicityDoc[]
  /** Stars and projects of the districts (what the 总结表 cites of them). */
  nominations: NominationFigure[]
}

export type NominationFigure = Pick<NominationDoc, '_id' | 'kind' | 'name' | 'status' | 'hidden' | 'districtCode' | 'honours'>

/** The published, not hidden stars and projects, each with its highest honour. */
export function honoursOf(nominations: readonly NominationFigure[]): HonourCited[] {
  return sortHonours(
    nominations
      .filter((n) => n.status === 'published' && !n.hidden && n.honours?.length)
      .map((n) => ({ kind: n.kind, name: n.name, level: n.honours[0].level })),
  )
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
    honours: honoursOf(extras.nominations),
  }
}
