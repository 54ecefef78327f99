import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Lesson } from '@shared/contracts/course'
// form first: it brings the Chip's and the states' styles in the order every chunk uses.
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { completeLesson, enrolInCourse, getLesson } from '@/services/course'
import { fileUrl } from '@/services/fileUrl'
import { clampStep, lessonIndexText, stepText } from '@/utils/courseText'
import { clearPosition, readPosition, writePosition } from '../components/position'
import { FinishedScreen, type Finished } from './FinishedScreen'
import { backToCourse, learner } from './nav'
import { useProgressSaver } from './useProgressSaver'
import { VideoLink } from './VideoLink'
import './index.scss'

/** The step to open at: the link's `step`, else the one kept on the phone for this lesson, else the first. */
function openingStep(stepParam: string | undefined, courseId: string, memberId: string | null, lesson: Lesson): number {
  if (stepParam !== undefined && stepParam !== '') return clampStep(Number(stepParam), lesson.steps.length)
  const kept = readPosition(courseId, memberId)
  return kept && kept.lessonId === lesson.id ? clampStep(kept.step, lesson.steps.length) : 0
}

/**
 * A lesson, ONE STEP PER SCREEN: the words in large type, a tip, the picture (whole, fitted to
 * the screen so words and picture show together), a video link, and
 * 「第2步 / 共5步」; 上一步 / 下一步 are big buttons fixed at the bottom (no gesture needed). The
 * last step's button is 学会了. The step shown is kept on the phone at every change and sent to the
 * cloud (debounced, and at once when the page is hidden), so leaving and coming back lands here.
 */
export default function LessonPage() {
  const router = useRouter()
  const courseId = router.params.courseId ?? ''
  const lessonId = router.params.lessonId ?? ''
  const memberId = router.params.memberId || null
  const stepParam = router.params.step
  const res = useAsync(() => getLesson({ courseId, lessonId }), [courseId, lessonId])

  return (
    <PageShell className="lesson" testid="lesson-page">
      {res.status === 'loading' ? <Loading text="正在打开这一课…" /> : null}
      {res.status === 'error' ? (
        <View>
          <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} />
          <View className="lesson-back-box">
            <View
              className="btn btn--secondary btn--block"
              data-testid="lesson-to-course"
              ariaRole="link"
              onClick={() => backToCourse(courseId, memberId)}
            >
              <Text>返回课程</Text>
            </View>
          </View>
        </View>
      ) : null}
      {res.status === 'ready' ? (
        <LessonBody
          key={res.data.lesson.id}
          courseId={courseId}
          courseTitle={res.data.courseTitle}
          lesson={res.data.lesson}
          index={res.data.index}
          total={res.data.total}
          memberId={memberId}
          initialStep={openingStep(stepParam, courseId, memberId, res.data.lesson)}
        />
      ) : null}
    </PageShell>
  )
}

function LessonBody({
  courseId,
  courseTitle,
  lesson,
  index,
  total,
  memberId,
  initialStep,
}: {
  courseId: string
  courseTitle: string
  lesson: Lesson
  index: number
  total: number
  memberId: string | null
  initialStep: number
}) {
  const steps = lesson.steps
  const [step, setStep] = useState(initialStep)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [finished, setFinished] = useState<Finished | null>(null)
  const saver = useProgressSaver(courseId, lesson.id, memberId, initialStep)

  const go = (to: number) => {
    const s = clampStep(to, steps.length)
    setStep(s)
    setFailure(null)
    saver.save(s)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const learned = async () => {
    setBusy(true)
    setFailure(null)
    saver.cancel()
    const input = { courseId, lessonId: lesson.id, ...learner(memberId) }
    try {
      let r
      try {
        r = await completeLesson(input)
      } catch (err) {
        if (toCloudError(err).code !== 'NOT_ENROLLED') throw err
        await enrolInCourse({ courseId, ...learner(memberId) })
        r = await completeLesson(input)
      }
      const courseDone = !!r.enrolment.completedAt
      if (courseDone) clearPosition(courseId, memberId)
      // The cloud moved the position to the next lesson in the same call; the phone follows.
      else if (r.nextLessonId) writePosition(courseId, memberId, r.nextLessonId, 0)
      setFinished({ enrolment: r.enrolment, nextLessonId: r.nextLessonId, courseDone })
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  if (finished) {
    return <FinishedScreen f={finished} courseId={courseId} courseTitle={courseTitle} lessonTitle={lesson.title} memberId={memberId} />
  }

  const s = steps[step]
  const last = step === steps.length - 1
  return (
    <View data-testid="lesson-body" data-lesson={lesson.id} data-step={step} data-steps={steps.length}>
      <View className="lesson-head">
        <View className="lesson-head__back" data-testid="lesson-back" ariaRole="link" onClick={() => backToCourse(courseId, memberId)}>
          <Text>‹ 返回课程目录</Text>
        </View>
        <Text className="lesson-head__course">
          {courseTitle} · {lessonIndexText(index, total)}
        </Text>
        <Text className="lesson-head__title" data-testid="lesson-title">
          {lesson.title}
        </Text>
        <Text className="lesson-head__step" data-testid="lesson-step-no">
          {stepText(step, steps.length)}
        </Text>
        <View className="lesson-dots" ariaRole="progressbar" ariaLabel={stepText(step, steps.length)}>
          {steps.map((_, i) => (
            <View key={i} className={`lesson-dots__dot${i <= step ? ' lesson-dots__dot--on' : ''}`} />
          ))}
        </View>
      </View>

      <View className="lesson-step" data-testid="lesson-step">
        <Text className="lesson-step__text" data-testid="lesson-step-text">
          {s.text}
        </Text>
        {s.tip ? (
          <View className="lesson-tip" data-testid="lesson-tip">
            <Text className="lesson-tip__label">！小提示</Text>
            <Text className="lesson-tip__text">{s.tip}</Text>
          </View>
        ) : null}
        {s.image ? (
          <View className="lesson-step__figure">
            <Image
              className="lesson-step__img"
              src={fileUrl(s.image)}
              mode="aspectFit"
              ariaLabel={s.imageAlt ?? `第${step + 1}步的示意图`}
              nativeProps={{ alt: s.imageAlt ?? `第${step + 1}步的示意图` }}
              data-testid="lesson-step-image"
            />
            {s.imageAlt ? <Text className="lesson-step__alt">{s.imageAlt}</Text> : null}
          </View>
        ) : null}
        {s.videoUrl ? <VideoLink url={s.videoUrl} /> : null}
        {failure ? <InlineError message={failure.message} code={failure.code} testid="lesson-error" /> : null}
      </View>

      <View className="lesson-bar" data-testid="lesson-bar">
        {step > 0 ? (
          <View
            className="btn btn--secondary lesson-bar__btn"
            data-testid="lesson-prev"
            ariaRole="button"
            onClick={() => !busy && go(step - 1)}
          >
            <Text>‹ 上一步</Text>
          </View>
        ) : (
          <View
            className="btn btn--secondary lesson-bar__btn"
            data-testid="lesson-prev"
            data-first="true"
            ariaRole="button"
            onClick={() => backToCourse(courseId, memberId)}
          >
            <Text>‹ 课程目录</Text>
          </View>
        )}
        {last ? (
          <View
            className="btn btn--primary lesson-bar__btn lesson-bar__btn--main"
            data-testid="lesson-learned"
            ariaRole="button"
            onClick={() => !busy && void learned()}
          >
            <Text>{busy ? '正在保存…' : '✓ 学会了'}</Text>
          </View>
        ) : (
          <View
            className="btn btn--primary lesson-bar__btn lesson-bar__btn--main"
            data-testid="lesson-next"
            ariaRole="button"
            onClick={() => go(step + 1)}
          >
            <Text>下一步 ›</Text>
          </View>
        )}
      </View>
    </View>
  )
}
