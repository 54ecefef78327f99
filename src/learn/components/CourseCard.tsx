import { Text, View } from '@tarojs/components'
import type { CourseCard as Card } from '@shared/contracts/course'
import { courseSizeText, kindLabel, topicLabel } from '@/utils/courseText'
import { ProgressBar } from './ProgressBar'
import './learn.scss'

/** One course in a list: topic, title, size, and the learner's progress; the whole card opens it. */
export function CourseCard({ course, onOpen, showKind }: { course: Card; onOpen: (id: string) => void; showKind?: boolean }) {
  const done = !!course.mine?.completed
  return (
    <View
      className={`course-card${done ? ' course-card--done' : ''}`}
      data-testid="course-card"
      data-id={course.id}
      data-kind={course.kind}
      data-completed={done ? 'true' : 'false'}
      ariaRole="link"
      onClick={() => onOpen(course.id)}
    >
      <View className="course-card__tags">
        {showKind ? <Text className="learn-tag learn-tag--plain">{kindLabel(course.kind)}</Text> : null}
        <Text className="learn-tag" data-testid="course-card-topic">
          {topicLabel(course.topic)}
        </Text>
        {done ? (
          <Text className="learn-tag learn-tag--done" data-testid="course-card-done">
            ✓ 已结业
          </Text>
        ) : null}
      </View>
      <Text className="course-card__title" data-testid="course-card-title">
        {course.title}
      </Text>
      <Text className="course-card__meta">
        {courseSizeText(course.lessonCount, course.totalMinutes)} · {course.districtName}
        {course.enrolled > 0 ? ` · ${course.enrolled}人在学` : ''}
      </Text>
      {course.mine ? <ProgressBar mine={course.mine} testid="course-card-progress" /> : null}
      <Text className="course-card__more">{course.mine ? (done ? '查看课程 ›' : '继续学习 ›') : '查看课程 ›'}</Text>
    </View>
  )
}
