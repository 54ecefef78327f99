import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { CourseDetail, Enrolment } from '@shared/contracts/course'
// form first: it brings the Chip's and the states' styles in the order every chunk uses.
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { enrolInCourse, getCourse } from '@/services/course'
import { certificateUrl, courseSizeText, courseUrl, kindLabel, lessonUrl, minutesText, pickResume, topicLabel } from '@/utils/courseText'
import { OPEN_IN_APP } from '@/utils/timeline'
import { isVisitor } from '@/utils/visitor'
import { LearnerPicker } from '../components/LearnerPicker'
import { ProgressBar } from '../components/ProgressBar'
import { readPosition } from '../components/position'
import { ClassCard } from './ClassCard'
import './index.scss'

/**
 * One course: what it teaches, who is learning (自己 or a family member: 为家人学), their progress,
 * the big 开始学习 / 继续学习 button that opens the exact lesson and step they stopped at, the lessons
 * with 已学会 in words, the week's offline classes for it, and 领取结业证书 once every lesson is done.
 * Shared to 朋友圈: a visitor (single-page mode, no identity) reads the course, its lessons and classes,
 * with 在小程序中打开后学习 in place of progress, the learner and the buttons.
 */
export default function CoursePage() {
  const router = useRouter()
  const courseId = router.params.id ?? ''
  const [visitor] = useState(isVisitor)
  const [memberId, setMemberId] = useState<string | null>(visitor ? null : router.params.memberId || null)
  const [round, setRound] = useState(0)
  const res = useAsync(() => getCourse({ courseId, ...(memberId ? { memberId } : {}) }), [courseId, memberId, round])

  // While it reloads (back from a lesson, another learner chosen) the last answer stays on screen.
  const last = useRef<{ key: string; data: { course: CourseDetail; enrolment: Enrolment | null } } | null>(null)
  const key = `${courseId}:${memberId ?? 'self'}`
  if (res.status === 'ready') last.current = { key, data: res.data }
  const shownData = res.status === 'ready' ? res.data : res.status === 'loading' && last.current?.key === key ? last.current.data : null

  const shown = useRef(false)
  useDidShow(() => {
    // Back from a lesson: the progress moved.
    if (shown.current) setRound((n) => n + 1)
    shown.current = true
  })
  useShareAppMessage(() => ({
    title: res.status === 'ready' ? res.data.course.title : '学用手机·读好书',
    path: courseUrl(courseId, null),
  }))
  useShareTimeline(() => ({
    title: res.status === 'ready' ? res.data.course.title : '学用手机·读好书',
    query: courseId ? `id=${encodeURIComponent(courseId)}` : '',
  }))

  return (
    <PageShell className="course" testid="course-page">
      {res.status === 'loading' && !shownData ? <Loading text="正在加载课程…" /> : null}
      {res.status === 'error' ? (
        <View>
          <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} />
          {visitor ? null : (
            <View className="course-back">
              <View
                className="btn btn--secondary btn--block"
                data-testid="course-to-list"
                ariaRole="link"
                onClick={() => void Taro.redirectTo({ url: '/learn/courses/index' })}
              >
                <Text>查看全部课程</Text>
              </View>
            </View>
          )}
        </View>
      ) : null}
      {shownData ? (
        <CourseBody
          course={shownData.course}
          enrolment={shownData.enrolment}
          memberId={memberId}
          fresh={res.status === 'ready'}
          visitor={visitor}
          onLearner={setMemberId}
          onChanged={() => setRound((n) => n + 1)}
        />
      ) : null}
    </PageShell>
  )
}

function CourseBody({
  course,
  enrolment,
  memberId,
  fresh,
  visitor,
  onLearner,
  onChanged,
}: {
  course: CourseDetail
  enrolment: Enrolment | null
  memberId: string | null
  /** false while a newer answer is on its way (the buttons wait for it). */
  fresh: boolean
  /** Opened from 朋友圈: no identity, no navigation. */
  visitor: boolean
  onLearner: (memberId: string | null) => void
  onChanged: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const lessonIds = course.lessons.map((l) => l.id)
  const done = new Set(enrolment?.completedLessonIds ?? [])
  const completed = !!enrolment?.completedAt
  const who = enrolment?.learnerName || (memberId ? '家人' : '您')
  const learnerWord = memberId ? who : '您'

  /** Enrols when needed (idempotent), then opens the lesson at the step. */
  const openLesson = async (lessonId: string | null) => {
    setBusy(true)
    setFailure(null)
    try {
      let e = enrolment
      if (!e) e = (await enrolInCourse({ courseId: course.id, ...(memberId ? { memberId } : {}) })).enrolment
      const resume = pickResume(e.resume, readPosition(course.id, memberId), lessonIds, e.completedLessonIds)
      const target = lessonId ?? (e.completedAt ? lessonIds[0] : resume?.lessonId)
      if (!target) return
      const step = resume && resume.lessonId === target && !e.completedLessonIds.includes(target) ? resume.step : 0
      await Taro.navigateTo({ url: lessonUrl(course.id, target, step, memberId) })
      if (!enrolment) onChanged()
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  const started = !!enrolment && (enrolment.done > 0 || !!enrolment.resume)
  const mainLabel = busy ? '正在打开…' : completed ? '复习课程' : enrolment && started ? '继续学习' : '开始学习'
  const resume =
    enrolment && !completed
      ? pickResume(enrolment.resume, readPosition(course.id, memberId), lessonIds, enrolment.completedLessonIds)
      : null
  const resumeLesson = resume ? course.lessons.find((l) => l.id === resume.lessonId) : undefined

  return (
    <View
      data-testid="course-body"
      data-fresh={fresh ? 'true' : 'false'}
      data-id={course.id}
      data-enrolled={enrolment ? 'true' : 'false'}
      data-completed={completed ? 'true' : 'false'}
      data-member={memberId ?? 'self'}
    >
      <View className="page-head">
        <View className="course-head__tags">
          <Text className="learn-tag learn-tag--plain">{kindLabel(course.kind)}</Text>
          <Text className="learn-tag">{topicLabel(course.topic)}</Text>
          {completed ? (
            <Text className="learn-tag learn-tag--done" data-testid="course-done-badge">
              ✓ 已结业
            </Text>
          ) : null}
        </View>
        <Text className="page-head__title" data-testid="course-title">
          {course.title}
        </Text>
        <Text className="page-head__text">{course.intro}</Text>
        <Text className="course-head__meta">
          {courseSizeText(course.lessonCount, course.totalMinutes)} · {course.districtName}
        </Text>
      </View>

      {visitor ? (
        <View className="section course-start" data-testid="course-visitor">
          <Text className="course-start__where">点屏幕下方的“前往小程序”，可以开始学习、记下进度、为家人学和领取结业证书。</Text>
          <View className="btn btn--disabled btn--block course-start__btn" data-testid="course-in-app" data-disabled="true" ariaRole="note">
            <Text>{OPEN_IN_APP}后学习</Text>
          </View>
        </View>
      ) : (
        <>
          <View className="section course-start" data-testid="course-start-box">
            <Text className="section__title">{memberId ? `${who}的学习进度` : '我的学习进度'}</Text>
            <ProgressBar mine={enrolment ? { done: enrolment.done, total: enrolment.total, completed } : null} testid="course-progress" />
            {resumeLesson && started ? (
              <Text className="course-start__where" data-testid="course-resume-where">
                上次学到：{resumeLesson.title}
                {resume && resume.step > 0 ? `，第${resume.step + 1}步` : ''}
              </Text>
            ) : null}
            {completed ? (
              <View
                className="btn btn--primary btn--block course-start__btn"
                data-testid="course-certificate"
                ariaRole="link"
                onClick={() => void Taro.navigateTo({ url: certificateUrl(course.id, memberId) })}
              >
                <Text>领取结业证书</Text>
              </View>
            ) : null}
            <View
              className={`btn ${completed ? 'btn--secondary' : 'btn--primary'} btn--block course-start__btn`}
              data-testid="course-start"
              data-label={mainLabel}
              ariaRole="button"
              onClick={() => !busy && fresh && void openLesson(null)}
            >
              <Text>{mainLabel}</Text>
            </View>
            {completed ? null : <Text className="muted">学完全部{course.lessonCount}课，就可以领取结业证书。</Text>}
            {failure ? <InlineError message={failure.message} code={failure.code} testid="course-error" /> : null}
          </View>

          <View className="section">
            <LearnerPicker value={memberId} onChange={(id) => onLearner(id)} title="为谁学习（可以陪家人一起学）" />
          </View>
        </>
      )}

      <View className="section">
        <Text className="section__title">课程目录（共{course.lessons.length}课）</Text>
        <View className="course-lessons" data-testid="course-lessons">
          {course.lessons.map((l, i) => {
            const isDone = done.has(l.id)
            return (
              <View
                key={l.id}
                className={`course-lesson${isDone ? ' course-lesson--done' : ''}`}
                data-testid="course-lesson"
                data-id={l.id}
                data-done={isDone ? 'true' : 'false'}
                ariaRole="link"
                ariaLabel={`第${i + 1}课 ${l.title}，${isDone ? `${learnerWord}已学会` : '未学完'}`}
                onClick={() => !visitor && !busy && fresh && void openLesson(l.id)}
              >
                <Text className="course-lesson__no">{i + 1}</Text>
                <View className="course-lesson__main">
                  <Text className="course-lesson__title">{l.title}</Text>
                  <Text className="course-lesson__meta">
                    {l.stepCount}步 · {minutesText(l.minutes)}
                  </Text>
                </View>
                {visitor ? null : (
                  <Text className={`course-lesson__state${isDone ? ' course-lesson__state--done' : ''}`} data-testid="course-lesson-state">
                    {isDone ? '✓ 已学会' : '未学'}
                  </Text>
                )}
              </View>
            )
          })}
        </View>
      </View>

      {course.activities.length > 0 ? (
        <View className="section" data-testid="course-classes">
          <Text className="section__title">线下课堂（有老师和志愿者手把手教）</Text>
          {course.activities.map((a) => (
            <ClassCard key={a.id} a={a} visitor={visitor} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
