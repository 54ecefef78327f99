// A roll-up's 总结表 from its units': the figures summed or united (satisfaction from the summed
// counts, never an average of rates), and the typed rows composed from the units' submitted texts,
// each under its unit's name. Pure.
import { FEEDBACK_KEYS, type Feedback } from './feedback'
import { SUMMARY_ROWS, sortHonours, type SummaryFigures, type SummaryRowKey } from './summary'

export interface UnitFigures {
  unitName: string
  figures: SummaryFigures
}

const union = (lists: string[][]) => [...new Set(lists.flat())]
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const minDay = (xs: (string | null)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null
const maxDay = (xs: (string | null)[]) =>
  xs
    .filter((x): x is string => !!x)
    .sort()
    .at(-1) ?? null

function addFeedback(fs: Feedback[]): Feedback {
  const out = { satisfied: 0, basic: 0, unsatisfied: 0, skipped: 0, comments: 0 }
  for (const f of fs) for (const k of FEEDBACK_KEYS) out[k] += f[k] ?? 0
  return out
}

/**
 * The figures of a roll-up: counts summed (a person who took part in two units counts in each, as
 * each unit reported them), places, hosts and outlets united, featured activities listed with the
 * unit that featured them, the week's days from the earliest to the latest.
 */
export function mergeFigures(
  week: { theme: string; startDate: string; endDate: string },
  districtNames: string[],
  parts: UnitFigures[],
): SummaryFigures {
  const fs = parts.map((p) => p.figures)
  const byType: Record<string, number> = {}
  for (const f of fs) for (const [k, v] of Object.entries(f.activitiesByType)) byType[k] = (byType[k] ?? 0) + v
  const hosts = union(fs.map((f) => f.hosts))
  const seen = new Set<string>()
  const featured = parts.flatMap((p) =>
    p.figures.featured
      .filter((a) => !seen.has(a.id) && seen.add(a.id))
      .map((a) => ({ id: a.id, title: a.title, unit: a.unit ?? p.unitName })),
  )
  return {
    districtNames,
    theme: week.theme,
    startDate: week.startDate,
    endDate: week.endDate,
    activities: sum(fs.map((f) => f.activities)),
    activitiesByType: byType,
    cancelled: sum(fs.map((f) => f.cancelled)),
    firstDay: minDay(fs.map((f) => f.firstDay)),
    lastDay: maxDay(fs.map((f) => f.lastDay)),
    registered: sum(fs.map((f) => f.registered)),
    checkIns: sum(fs.map((f) => f.checkIns)),
    distinctPeople: sum(fs.map((f) => f.distinctPeople)),
    walkInHeadcount: sum(fs.map((f) => f.walkInHeadcount)),
    participants: sum(fs.map((f) => f.participants)),
    hosts,
    coHosts: union(fs.map((f) => f.coHosts)).filter((u) => !hosts.includes(u)),
    streets: union(fs.map((f) => f.streets)),
    communities: union(fs.map((f) => f.communities)),
    units: union(fs.map((f) => f.units)),
    feedback: addFeedback(fs.map((f) => f.feedback)),
    featured,
    publicity: {
      text: fs.flatMap((f) => f.publicity.text),
      photos: sum(fs.map((f) => f.publicity.photos)),
      videos: fs.flatMap((f) => f.publicity.videos),
      mediaRecords: sum(fs.map((f) => f.publicity.mediaRecords)),
      outlets: union(fs.map((f) => f.publicity.outlets)),
    },
    courses: {
      courses: sum(fs.map((f) => f.courses.courses)),
      enrolled: sum(fs.map((f) => f.courses.enrolled)),
      lessonsCompleted: sum(fs.map((f) => f.courses.lessonsCompleted)),
      completed: sum(fs.map((f) => f.courses.completed)),
    },
    reading: {
      books: sum(fs.map((f) => f.reading.books)),
      logs: sum(fs.map((f) => f.reading.logs)),
      minutes: sum(fs.map((f) => f.reading.minutes)),
      bookReaders: sum(fs.map((f) => f.reading.bookReaders)),
    },
    honours: sortHonours(fs.flatMap((f) => f.honours ?? [])),
  }
}

/** Rows whose units' texts are long: each unit's text under a 【heading】; the others one line per unit. */
const HEADED_ROWS: readonly SummaryRowKey[] = ['content', 'effect', 'selfAssessment', 'other']

/** A submitted unit's row as its frozen copy shows it: what it typed, or what it composed and kept. */
export interface UnitRowText {
  unitName: string
  rows: { key: string; typed: string | null; composed: string | null }[]
}

/**
 * Each typed row of a roll-up composed from its units' submitted texts: 活动内容, 活动成效 (and the other
 * long rows) with a heading per unit, the others (主办单位, 有特色的活动, …) one `单位：text` line per
 * unit. Units with nothing in a row are left out of it; a row none filled is absent.
 */
export function composeTyped(parts: UnitRowText[]): Partial<Record<SummaryRowKey, string>> {
  const out: Partial<Record<SummaryRowKey, string>> = {}
  for (const row of SUMMARY_ROWS) {
    if (row.source === 'data') continue
    const entries = parts.flatMap((p) => {
      const r = p.rows.find((x) => x.key === row.key)
      const text = (r?.typed ?? r?.composed ?? '').trim()
      return text ? [{ unit: p.unitName, text }] : []
    })
    if (entries.length === 0) continue
    out[row.key] = HEADED_ROWS.includes(row.key)
      ? entries.map((e) => `【${e.unit}】\n${e.text}`).join('\n')
      : entries.map((e) => `${e.unit}：${e.text.replace(/\n+/g, '；')}`).join('\n')
  }
  return out
}
