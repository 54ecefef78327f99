// How courses and lessons read to people: kind and topic labels, minutes, progress in words, the
// lesson page's address and the certificate's date. Pure functions.
import { shanghaiParts } from '@shared/domain/time'
import { COURSE_KINDS, COURSE_TOPICS, labelOf } from '@shared/domain/vocabulary'

export function kindLabel(kind: string): string {
  return labelOf(COURSE_KINDS, kind)
}

export function topicLabel(topic: string): string {
  return labelOf(COURSE_TOPICS, topic)
}

/** '约45分钟', '约1小时30分钟' */
export function minutesText(minutes: number): string {
  if (minutes < 60) return `约${minutes}分钟`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m ? `约${h}小时${m}分钟` : `约${h}小时`
}

export interface ProgressWords {
  /** '已学2课 / 共4课', '还没开始', '已结业' */
  text: string
  /** 0..100, for the bar. */
  percent: number
  completed: boolean
}

/** A learner's progress through a course, in words and as a percentage (never colour alone). */
export function progressWords(mine: { done: number; total: number; completed: boolean } | null): ProgressWords {
  if (!mine) return { text: '还没开始学习', percent: 0, completed: false }
  const total = Math.max(mine.total, 0)
  const done = Math.min(Math.max(mine.done, 0), total)
  const percent = total ? Math.round((done / total) * 100) : 0
  if (mine.completed) return { text: `已学完全部${total}课，已结业`, percent: 100, completed: true }
  if (done === 0) return { text: `已加入，共${total}课，还没学完一课`, percent: 0, completed: false }
  return { text: `已学${done}课 / 共${total}课`, percent, completed: false }
}

/** '第2步 / 共5步' from a 0-based step. */
export function stepText(step: number, total: number): string {
  return `第${step + 1}步 / 共${total}步`
}

/** '第1课 / 共4课' from a 0-based lesson index. */
export function lessonIndexText(index: number, total: number): string {
  return `第${index + 1}课 / 共${total}课`
}

/** A step within [0, steps - 1] (a saved step may point past a lesson the organiser shortened). */
export function clampStep(step: number, steps: number): number {
  if (!Number.isFinite(step) || steps <= 0) return 0
  return Math.min(Math.max(Math.floor(step), 0), steps - 1)
}

function query(params: Record<string, string | number | null | undefined>): string {
  return Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
}

/** Where a lesson opens, at a step, for the caller or a family member. */
export function lessonUrl(courseId: string, lessonId: string, step: number, memberId: string | null): string {
  return `/learn/lesson/index?${query({ courseId, lessonId, step, memberId })}`
}

export function courseUrl(courseId: string, memberId: string | null): string {
  return `/learn/course/index?${query({ id: courseId, memberId })}`
}

export function certificateUrl(courseId: string, memberId: string | null): string {
  return `/learn/certificate/index?${query({ courseId, memberId })}`
}

/** '2026年11月23日' (Shanghai). */
export function dateCn(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}年${p.month}月${p.day}日`
}

/** '共4课，约45分钟' */
export function courseSizeText(lessonCount: number, totalMinutes: number): string {
  return `共${lessonCount}课，${minutesText(totalMinutes)}`
}

/**
 * Where to resume a course: the position kept on this phone when it points at a lesson of the course
 * not yet done (it is written at every step, the cloud's copy may lag), else the cloud's resume when its
 * lesson is not done either, else the first lesson not done (all done: the first, to review).
 */
export function pickResume(
  server: { lessonId: string; step: number } | null,
  local: { lessonId: string; step: number } | null,
  lessonIds: string[],
  completedLessonIds: string[],
): { lessonId: string; step: number } | null {
  if (local && lessonIds.includes(local.lessonId) && !completedLessonIds.includes(local.lessonId))
    return { lessonId: local.lessonId, step: Math.max(0, local.step) }
  if (server && lessonIds.includes(server.lessonId) && !completedLessonIds.includes(server.lessonId)) return server
  const next = lessonIds.find((id) => !completedLessonIds.includes(id)) ?? lessonIds[0]
  return next ? { lessonId: next, step: 0 } : null
}
