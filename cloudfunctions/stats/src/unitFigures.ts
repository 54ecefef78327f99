// A roll-up's units (the cities and districts that hand in to it) as their 总结表 stand: the figures,
// typed rows, typical cases and 开幕式 materials of each one's submitted copy, or (not submitted) its
// figures counted now. No database operation of its own: the summary joins the week's 总结表
// documents onto its read of the week, and this file sums them up level by level.
import type { OpeningMaterial, Summary, UnitCase, UnitRow } from '@shared/contracts/stats'
import { satisfactionRate } from '@shared/domain/feedback'
import { childrenOf, summaryIdOf, type UnitRef } from '@shared/domain/reporting'
import { composeTyped, mergeFigures, type UnitRowText } from '@shared/domain/rollup'
import type { SummaryFigures } from '@shared/domain/summary'
import type { PublicityDoc, SummaryDraftDoc, WeekDoc } from '../../_core/collections'
import { groupBy, ms, type ActivityRow } from './activities'
import { summaryFigures, type Extras } from './summaryFigures'

/** The submitted copy a level above reads: present while submitted or confirmed (not after a return). */
export function standingCopy(doc: SummaryDraftDoc | undefined): SummaryDraftDoc['submitted'] | null {
  return doc && (doc.status === 'submitted' || doc.status === 'confirmed') && doc.submitted ? doc.submitted : null
}

/** 开幕式 materials among publicity records, each with its district's name. */
export function openingOf(publicity: PublicityDoc[], nameOf: (code: string) => string): OpeningMaterial[] {
  return publicity
    .filter((p) => p.opening)
    .sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || a._id.localeCompare(b._id))
    .map((p) => ({
      unitName: nameOf(p.districtCode),
      kind: p.kind,
      title: p.title,
      outlet: p.outlet,
      url: p.url,
      fileIds: p.fileIds,
      publishedOn: p.publishedOn,
    }))
}

interface Resolved {
  figures: SummaryFigures
  opening: OpeningMaterial[]
  source: 'submitted' | 'live'
  doc: SummaryDraftDoc | undefined
}

export interface RollUp {
  figures: SummaryFigures
  composed: Partial<Record<string, string>>
  unitCases: UnitCase[]
  opening: OpeningMaterial[]
  units: UnitRow[]
}

/**
 * The roll-up of `unit` (a city or the top) from its units: each one's submitted copy where it
 * stands submitted or confirmed, else counted now (a city that has not submitted: its own districts,
 * each submitted or counted now). `rows` and `extras` hold the live records of every district under
 * the unit; `ownFeatured` the roll-up's own featured picks.
 */
export function rollUp(
  week: WeekDoc,
  unit: UnitRef,
  docs: Map<string, SummaryDraftDoc>,
  rows: ActivityRow[],
  extras: Extras,
  ownFeatured: { id: string; title: string; unit: string }[],
): RollUp {
  const nameOf = (code: string) => week.districts.find((d) => d.code === code)?.name ?? code
  const rowsBy = groupBy(rows, (r) => r.districtCode)
  const pubBy = groupBy(extras.publicity, (p) => p.districtCode)
  const coursesBy = groupBy(extras.courses, (c) => c.districtCode)
  const booksBy = groupBy(extras.books, (b) => b.districtCode)
  const nominationsBy = groupBy(extras.nominations, (n) => n.districtCode)

  const resolve = (u: UnitRef): Resolved => {
    const doc = docs.get(summaryIdOf(week._id, u))
    const copy = standingCopy(doc)
    if (copy) {
      const summary = copy.summary as unknown as Summary
      return { figures: copy.figures as unknown as SummaryFigures, opening: summary.opening ?? [], source: 'submitted', doc }
    }
    if (u.level === 'district') {
      const code = u.code as string
      const ex: Extras = {
        courses: coursesBy.get(code) ?? [],
        books: booksBy.get(code) ?? [],
        publicity: pubBy.get(code) ?? [],
        nominations: nominationsBy.get(code) ?? [],
      }
      return {
        figures: summaryFigures(week, [u.name], rowsBy.get(code) ?? [], ex, doc?.featuredIds ?? []),
        opening: openingOf(ex.publicity, nameOf),
        source: 'live',
        doc,
      }
    }
    const parts = childrenOf(week, u).map((c) => ({ unit: c, r: resolve(c) }))
    return {
      figures: mergeFigures(
        week,
        districtNamesUnder(week, u),
        parts.map((p) => ({ unitName: p.unit.name, figures: p.r.figures })),
      ),
      opening: parts.flatMap((p) => p.r.opening),
      source: 'live',
      doc,
    }
  }

  const parts = childrenOf(week, unit).map((c) => ({ unit: c, r: resolve(c) }))
  const figures = mergeFigures(
    week,
    districtNamesUnder(week, unit),
    parts.map((p) => ({ unitName: p.unit.name, figures: p.r.figures })),
  )
  const seen = new Set(figures.featured.map((a) => a.id))
  figures.featured.push(...ownFeatured.filter((a) => !seen.has(a.id)))

  const submitted = parts.filter((p) => p.r.source === 'submitted')
  const copies = submitted.map((p) => ({ unit: p.unit, summary: standingCopy(p.r.doc)!.summary as unknown as Summary }))
  const texts: UnitRowText[] = copies.map((c) => ({ unitName: c.unit.name, rows: c.summary.rows }))
  const unitCases: UnitCase[] = copies.flatMap((c) => [
    ...(c.summary.typicalCase ? [{ unitName: c.unit.name, title: c.summary.typicalCase.title, text: c.summary.typicalCase.text }] : []),
    ...(c.summary.unitCases ?? []),
  ])
  const units: UnitRow[] = parts.map(({ unit: u, r }) => {
    const copy = standingCopy(r.doc) ?? r.doc?.submitted ?? null
    return {
      unit: u,
      status: r.doc?.status ?? 'draft',
      version: r.doc?.version ?? 0,
      submittedAt: copy ? ms(copy.at) : null,
      late: copy?.late ?? false,
      reviewedAt: r.doc?.reviewedAt ? ms(r.doc.reviewedAt) : null,
      source: r.source,
      activities: r.figures.activities,
      participants: r.figures.participants,
      satisfaction: satisfactionRate(r.figures.feedback),
      opening: r.opening.length,
    }
  })
  return {
    figures,
    composed: composeTyped(texts),
    unitCases,
    opening: submitted.flatMap((p) => p.r.opening),
    units,
  }
}

function districtNamesUnder(week: WeekDoc, unit: UnitRef): string[] {
  if (unit.level === 'district') return [unit.name]
  if (unit.level === 'top') return week.districts.map((d) => d.name)
  return childrenOf(week, unit).map((c) => c.name)
}
