import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Enrolment } from '@shared/contracts/course'
import { certificateUrl, lessonUrl } from '@/utils/courseText'
import { backToCourse } from './nav'

export interface Finished {
  enrolment: Enrolment
  nextLessonId: string | null
  courseDone: boolean
}

/** After 学会了: the course finished (certificate), or this lesson learned with the next one offered. */
export function FinishedScreen({
  f,
  courseId,
  courseTitle,
  lessonTitle,
  memberId,
}: {
  f: Finished
  courseId: string
  courseTitle: string
  lessonTitle: string
  memberId: string | null
}) {
  const who = memberId ? f.enrolment.learnerName : ''
  if (f.courseDone) {
    return (
      <View className="lesson-done lesson-done--course" data-testid="lesson-course-done">
        <Text className="lesson-done__icon">★</Text>
        <Text className="lesson-done__title">恭喜{who}！整门课都学完了</Text>
        <Text className="lesson-done__text">
          《{courseTitle}》全部{f.enrolment.total}课已学完，可以领取结业证书，保存下来发给家人看看。
        </Text>
        <View
          className="btn btn--primary btn--block lesson-done__btn"
          data-testid="lesson-certificate"
          ariaRole="link"
          onClick={() => void Taro.redirectTo({ url: certificateUrl(courseId, memberId) })}
        >
          <Text>查看结业证书</Text>
        </View>
        <View
          className="btn btn--secondary btn--block lesson-done__btn"
          data-testid="lesson-done-course"
          ariaRole="link"
          onClick={() => backToCourse(courseId, memberId)}
        >
          <Text>返回课程</Text>
        </View>
      </View>
    )
  }
  const left = f.enrolment.total - f.enrolment.done
  return (
    <View className="lesson-done" data-testid="lesson-done">
      <Text className="lesson-done__icon">✓</Text>
      <Text className="lesson-done__title">“{lessonTitle}”学会了！</Text>
      <Text className="lesson-done__text" data-testid="lesson-done-progress">
        {who ? `${who}已` : '已'}学{f.enrolment.done}课，共{f.enrolment.total}课{left > 0 ? `，还剩${left}课` : ''}。
      </Text>
      {f.nextLessonId ? (
        <View
          className="btn btn--primary btn--block lesson-done__btn"
          data-testid="lesson-next-lesson"
          ariaRole="link"
          onClick={() => void Taro.redirectTo({ url: lessonUrl(courseId, f.nextLessonId as string, 0, memberId) })}
        >
          <Text>学下一课 ›</Text>
        </View>
      ) : null}
      <View
        className="btn btn--secondary btn--block lesson-done__btn"
        data-testid="lesson-done-course"
        ariaRole="link"
        onClick={() => backToCourse(courseId, memberId)}
      >
        <Text>返回课程目录</Text>
      </View>
    </View>
  )
}
