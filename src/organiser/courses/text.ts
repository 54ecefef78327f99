import type { CourseCard } from '@shared/contracts/course'

export type ManagedCourse = CourseCard & {
  counters: { enrolled: number; lessonsCompleted: number; completed: number }
  activityIds: string[]
}

/** '报名 12 人 · 完成课时 30 次 · 结业 4 人' */
export function courseCountsText(c: ManagedCourse['counters']): string {
  return `报名 ${c.enrolled} 人 · 完成课时 ${c.lessonsCompleted} 次 · 结业 ${c.completed} 人`
}

/** One district's courses ('' = all), drafts first, then by title. */
export function filterCourses<T extends Pick<CourseCard, 'districtCode' | 'status' | 'title'>>(list: readonly T[], district: string): T[] {
  return list
    .filter((c) => !district || c.districtCode === district)
    .sort((a, b) => Number(a.status === 'published') - Number(b.status === 'published') || a.title.localeCompare(b.title, 'zh-CN'))
}
