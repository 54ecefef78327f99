import { useDidHide } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError } from '@/services/callCloud'
import { enrolInCourse, saveLessonProgress } from '@/services/course'
import { writePosition } from '../components/position'
import { learner } from './nav'

/** How long a step change waits before it is sent (it is on the phone at once). */
const SAVE_DELAY_MS = 800

/**
 * Sends the step shown: on the phone at once, to the cloud after a pause or when the page hides.
 * Opening the lesson at `openingStep` is a position too (it may come from the phone, ahead of the
 * cloud): it is saved once, on mount. `save` and `cancel` keep their identity while the lesson does.
 */
export function useProgressSaver(courseId: string, lessonId: string, memberId: string | null, openingStep: number) {
  const pending = useRef<number | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const send = useCallback(
    async (step: number) => {
      const input = { courseId, lessonId, step, ...learner(memberId) }
      try {
        await saveLessonProgress(input)
      } catch (err) {
        // Opened without enrolling first (a shared link): enrol, then remember the step.
        if (toCloudError(err).code !== 'NOT_ENROLLED') return
        try {
          await enrolInCourse({ courseId, ...learner(memberId) })
          await saveLessonProgress(input)
        } catch {
          // Still on the phone; sent again at the next step.
        }
      }
    },
    [courseId, lessonId, memberId],
  )
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    pending.current = null
  }, [])
  const flush = useCallback(() => {
    const step = pending.current
    cancel()
    if (step !== null) void send(step)
  }, [cancel, send])
  const save = useCallback(
    (step: number) => {
      writePosition(courseId, memberId, lessonId, step)
      pending.current = step
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    },
    [courseId, memberId, lessonId, flush],
  )
  const flushRef = useRef(flush)
  flushRef.current = flush
  useDidHide(() => flushRef.current())
  useEffect(() => () => flushRef.current(), [])

  // The step the lesson opened at, fixed at mount (the parent may recompute it from the phone later).
  const [opening] = useState(openingStep)
  useEffect(() => save(opening), [save, opening])

  return { save, cancel }
}
