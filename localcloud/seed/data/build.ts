// Small pure helpers that keep the seed files readable: sign-up windows derived from the
// activity's start, and the fields every activity of a week shares.

import type { SignupField } from '../../../src/shared/domain/people'
import { shanghaiClock, shanghaiDate, shanghaiInstant } from '../../../src/shared/domain/time'
import type { SeedActivity, SeedClock, SeedDay, SeedSignup } from './types'

const HOUR_MS = 60 * 60 * 1000

export interface SignupOptions {
  /** When sign-up opens; defaults to the week's opening of registrations. */
  opens?: { day: SeedDay; at: SeedClock }
  /** Hours before the start that sign-up closes (default 2). */
  closeHoursBefore?: number
  /** Hours before the start that a sign-up may still be cancelled (default 24). */
  cancelHoursBefore?: number
}

/**
 * A sign-up window for an activity starting at day/start: opens at `opens`, closes
 * `closeHoursBefore` hours before the start, cancellable until `cancelHoursBefore` hours before.
 */
export function signupWindow(
  capacity: number,
  day: SeedDay,
  start: SeedClock,
  opens: { day: SeedDay; at: SeedClock },
  options: Omit<SignupOptions, 'opens'> = {},
): SeedSignup {
  const startMs = shanghaiInstant(day, start)
  const closes = startMs - (options.closeHoursBefore ?? 2) * HOUR_MS
  const cancel = startMs - (options.cancelHoursBefore ?? 24) * HOUR_MS
  return {
    capacity,
    opensDay: opens.day,
    opensAt: opens.at,
    closesDay: shanghaiDate(closes),
    closesAt: shanghaiClock(closes),
    cancelDeadlineDay: shanghaiDate(cancel),
    cancelDeadlineAt: shanghaiClock(cancel),
  }
}

/** An activity as written in a seed file: weekId is added by the week, status defaults to published. */
export type ActivityDraft = Omit<SeedActivity, 'weekId' | 'status' | 'signup'> & {
  status?: SeedActivity['status']
  /** Capacity (with optional window tweaks) when sign-up is required; null = 无需报名. */
  signup: null | ({ capacity: number } & Omit<SignupOptions, 'opens'>)
}

/**
 * Completes a week's activity drafts: weekId, default status, sign-up windows from start times and,
 * when the week says, the fields each sign-up form asks.
 */
export function activitiesOfWeek(
  weekId: string,
  signupOpens: { day: SeedDay; at: SeedClock },
  drafts: ActivityDraft[],
  options: { fields?: (draft: ActivityDraft) => SignupField[] } = {},
): SeedActivity[] {
  return drafts.map((draft) => {
    const { status, signup, ...rest } = draft
    return {
      ...rest,
      weekId,
      status: status ?? 'published',
      signup:
        signup === null
          ? null
          : {
              ...signupWindow(signup.capacity, rest.day, rest.start, signupOpens, {
                closeHoursBefore: signup.closeHoursBefore,
                cancelHoursBefore: signup.cancelHoursBefore,
              }),
              ...(options.fields ? { fields: options.fields(draft) } : {}),
            },
    }
  })
}
