// The 总结表 page's words and draft bookkeeping. Pure.
import type { SummaryRowView, TypicalCase } from '@shared/contracts/stats'
import { shanghaiClock } from '@shared/domain/time'
import { TYPED_ROW_KEYS } from '@shared/domain/summary'

export { groupRows, showsComposed, type RowGroup } from '../components/reporting/rows'

function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** '截止 2026年12月10日，还有 8 天' / '…，今天截止' / '…，已逾期 3 天'; overdue says so. */
export function deadlineText(deadline: string, daysLeft: number): { text: string; overdue: boolean } {
  const head = `截止 ${dayText(deadline)}`
  if (daysLeft > 0) return { text: `${head}，还有 ${daysLeft} 天`, overdue: false }
  if (daysLeft === 0) return { text: `${head}，今天截止`, overdue: false }
  return { text: `${head}，已逾期 ${-daysLeft} 天`, overdue: true }
}

/** '已保存 09:41' (Shanghai). */
export function savedText(at: number): string {
  return `已保存 ${shanghaiClock(at)}`
}

export interface TypicalDraft {
  activityId: string | null
  title: string
  text: string
}

export interface Draft {
  typed: Record<string, string>
  featuredIds: string[]
  typical: TypicalDraft
}

/**
 * The draft as the server last had it. A roll-up's row nobody typed starts from the text composed
 * from its units (so the page is not dirty just from that).
 */
export function draftOf(s: { rows: readonly SummaryRowView[]; featuredIds: readonly string[]; typicalCase: TypicalCase | null }): Draft {
  const typed: Record<string, string> = {}
  for (const key of TYPED_ROW_KEYS) {
    const row = s.rows.find((r) => r.key === key)
    typed[key] = row?.typed ?? row?.composed ?? ''
  }
  return {
    typed,
    featuredIds: [...s.featuredIds],
    typical: { activityId: s.typicalCase?.activityId ?? null, title: s.typicalCase?.title ?? '', text: s.typicalCase?.text ?? '' },
  }
}

/** A stable text of a draft, to tell whether anything changed since the last save. */
export function draftKey(d: Draft): string {
  const typed = Object.keys(d.typed)
    .sort()
    .map((k) => [k, d.typed[k].trim()])
  return JSON.stringify([typed, [...d.featuredIds].sort(), [d.typical.activityId, d.typical.title.trim(), d.typical.text.trim()]])
}

/**
 * The typical case as summary.save takes it: null when nothing is filled in; an error in words when
 * it is half filled (a title of 2–60 characters is needed).
 */
export function typicalCaseInput(t: TypicalDraft): { value: TypicalCase | null; error: string | null } {
  const title = t.title.trim()
  const text = t.text.trim()
  if (!title && !text && !t.activityId) return { value: null, error: null }
  if (title.length < 2) return { value: null, error: '请给典型案例写一个标题（2 到 60 个字）' }
  if (title.length > 60) return { value: null, error: '典型案例标题最多 60 个字' }
  if (text.length > 3000) return { value: null, error: '典型案例正文最多 3000 个字' }
  return { value: { activityId: t.activityId, title, text }, error: null }
}

/** The rows whose typed text differs between two drafts (what a conflict would lose), by key. */
export function changedRows(mine: Draft, theirs: Draft): string[] {
  return Object.keys(mine.typed).filter(
    (k) => (mine.typed[k] ?? '').trim() !== (theirs.typed[k] ?? '').trim() && (mine.typed[k] ?? '').trim() !== '',
  )
}

/**
 * The typed rows as summary.save takes them (trimmed): a row nobody typed whose text is still what
 * was composed from the units (or empty) is left out, so it stays composed and follows the units.
 */
export function typedInput(d: Draft, rows: readonly SummaryRowView[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.typed)) {
    const row = rows.find((r) => r.key === k)
    const text = v.trim()
    if ((row?.typed ?? null) === null && text === (row?.composed ?? '').trim()) continue
    out[k] = text
  }
  return out
}
