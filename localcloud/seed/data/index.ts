// Everything the local cloud seeds: the 2026 Nanchang city week, the 2026 Hainan province week,
// their activities and the five dev personas. Pure data, no I/O.

import { hainanActivities, hainanWeek } from './hainan-2026'
import { nanchangActivities, nanchangWeek } from './nanchang-2026'
import type { SeedActivity, SeedWeek } from './types'

export type * from './types'
export { HAINAN_WEEK_ID } from './hainan-2026'
export { NANCHANG_WEEK_ID } from './nanchang-2026'
export { seedPeople } from './people'

export const seedWeeks: SeedWeek[] = [nanchangWeek, hainanWeek]

export const seedActivities: SeedActivity[] = [...nanchangActivities, ...hainanActivities]
