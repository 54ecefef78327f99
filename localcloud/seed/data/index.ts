// Everything the local cloud seeds: the 2026 Nanchang city week, the 2026 Hainan province week,
// their activities, the five dev personas, the courses and the book lists. Pure data, no I/O.

import { hainanActivities, hainanWeek } from './hainan-2026'
import { nanchangActivities, nanchangWeek } from './nanchang-2026'
import { hainanCourses } from './courses-hainan'
import { readingCourses } from './courses-reading'
import { seniorCourses } from './courses-senior'
import { SEED_PLACES } from './places'
import type { SeedActivity, SeedCourse, SeedWeek } from './types'

export type * from './types'
export { HAINAN_WEEK_ID } from './hainan-2026'
export { NANCHANG_WEEK_ID } from './nanchang-2026'
export { seedPeople } from './people'
export { NANCHANG_PEOPLE } from './nanchang-people'

export const seedWeeks: SeedWeek[] = [nanchangWeek, hainanWeek]

export const seedActivities: SeedActivity[] = [...nanchangActivities, ...hainanActivities].map((a) => ({ ...a, ...SEED_PLACES[a._id] }))

export const seedCourses: SeedCourse[] = [...seniorCourses, ...hainanCourses, ...readingCourses]

export { seedBookLists } from './books'
export { renderCover, renderPhoto, renderShot, shotAlt } from './illustrations'
