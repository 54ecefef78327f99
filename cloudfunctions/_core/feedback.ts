// Satisfaction counters on an activity: the update data a rating moves (see @shared/domain/feedback).
import { FEEDBACK_KEYS, readFeedback, satisfactionRate, type Feedback } from '@shared/domain/feedback'
import type { Database } from './cloud'
import type { ActivityDoc } from './collections'

/** The [path, amount] pairs a feedback delta moves (zero parts left out): a journal entry's `inc`. */
export function feedbackAmounts(delta: Feedback): [string, number][] {
  const out: [string, number][] = []
  for (const k of FEEDBACK_KEYS) if (delta[k]) out.push([`feedback.${k}`, delta[k]])
  return out
}

/** `_.inc` update data for a feedback delta (zero parts left out). */
export function feedbackIncData(_: Database['command'], delta: Feedback): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [path, n] of feedbackAmounts(delta)) data[path] = _.inc(n)
  return data
}

export function feedbackOf(doc: Pick<ActivityDoc, 'feedback'>): Feedback {
  return readFeedback(doc.feedback as Record<string, unknown> | undefined)
}

/** The counters with the 满意率, as the contracts answer them. */
export const feedbackView = (f: Feedback) => ({ ...f, rate: satisfactionRate(f) })
