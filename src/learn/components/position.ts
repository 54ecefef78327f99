// Where a learner stopped in a course, kept on the phone as well as in the cloud: a step change is
// written here at once (the cloud call is debounced and may fail offline), so it is never lost.
import { readString, writeString } from '@/utils/storage'

export interface Position {
  lessonId: string
  step: number
  /** When it was saved (ms), to tell the newer of two positions. */
  at: number
}

const key = (courseId: string, memberId: string | null) => `learn.pos.${courseId}.${memberId ?? 'self'}`

export function readPosition(courseId: string, memberId: string | null): Position | null {
  const raw = readString(key(courseId, memberId))
  if (!raw) return null
  try {
    const p = JSON.parse(raw) as Partial<Position>
    if (typeof p.lessonId === 'string' && typeof p.step === 'number' && typeof p.at === 'number')
      return { lessonId: p.lessonId, step: p.step, at: p.at }
  } catch {
    // unreadable: as if absent
  }
  return null
}

export function writePosition(courseId: string, memberId: string | null, lessonId: string, step: number, at = Date.now()): void {
  writeString(key(courseId, memberId), JSON.stringify({ lessonId, step, at }))
}

export function clearPosition(courseId: string, memberId: string | null): void {
  writeString(key(courseId, memberId), '')
}
