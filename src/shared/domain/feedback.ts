// Satisfaction ratings (群众满意度): a checked-in person rates an activity once, on three levels, or
// declines. The activity keeps `feedback` counters moved by the same call that stores the rating.
// Pure.

export const RATING_LEVELS = [
  { code: 'satisfied', label: '满意' },
  { code: 'basic', label: '基本满意' },
  { code: 'unsatisfied', label: '不满意' },
] as const

export type RatingLevel = (typeof RATING_LEVELS)[number]['code']
/** A rating, or 'skipped' when the person chose not to rate (asked once either way). */
export type RatingChoice = RatingLevel | 'skipped'

export interface Feedback {
  satisfied: number
  basic: number
  unsatisfied: number
  /** Asked and declined: not part of the satisfaction rate. */
  skipped: number
  /** Ratings that came with a comment. */
  comments: number
}

export const FEEDBACK_KEYS = ['satisfied', 'basic', 'unsatisfied', 'skipped', 'comments'] as const

export const zeroFeedback = (): Feedback => ({ satisfied: 0, basic: 0, unsatisfied: 0, skipped: 0, comments: 0 })

export function feedbackDelta(choice: RatingChoice, hasComment: boolean): Feedback {
  const d = zeroFeedback()
  d[choice] += 1
  if (hasComment && choice !== 'skipped') d.comments += 1
  return d
}

export function readFeedback(stored: Partial<Record<string, unknown>> | null | undefined): Feedback {
  const out = zeroFeedback()
  for (const k of FEEDBACK_KEYS) {
    const v = stored?.[k]
    out[k] = typeof v === 'number' && Number.isFinite(v) ? v : 0
  }
  return out
}

export function addFeedback(...list: Feedback[]): Feedback {
  const out = zeroFeedback()
  for (const f of list) for (const k of FEEDBACK_KEYS) out[k] += f[k]
  return out
}

/** Ratings given (declines left out). */
export const ratedOf = (f: Feedback) => f.satisfied + f.basic + f.unsatisfied

/**
 * 满意率: (满意 + 基本满意) / ratings, as the bureaus' summaries report it; null without ratings.
 * Rounded to 0.1 %.
 */
export function satisfactionRate(f: Feedback): number | null {
  const n = ratedOf(f)
  return n === 0 ? null : Math.round(((f.satisfied + f.basic) / n) * 1000) / 1000
}

/** The recount the kept counters must equal. */
export function recountFeedback(ratings: { level: RatingChoice; comment: string | null }[]): Feedback {
  return addFeedback(...ratings.map((r) => feedbackDelta(r.level, !!r.comment)))
}
