import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useAsync } from '@/hooks/useAsync'
import { myLearning } from '@/services/course'
import { courseUrl, progressWords } from '@/utils/courseText'

const SHOWN = 3

/**
 * 我的学习 in 我的: the courses the resident and their family are learning, each with whose it is and
 * the progress in words and as a bar; unfinished first. A tap opens the course for that learner.
 */
export function MineLearning({ refresh }: { refresh: number }) {
  const res = useAsync(() => myLearning(), [refresh])
  const openCourses = () => void Taro.navigateTo({ url: '/learn/courses/index' })

  if (res.status === 'loading') return null
  if (res.status === 'error') {
    return (
      <View className="section mine-learning" data-testid="mine-learning" data-status="error">
        <Text className="mine-notices__error">⚠ 学习记录没有加载出来：{res.error.message}</Text>
        <View className="btn btn--secondary" data-testid="mine-learning-retry" ariaRole="button" onClick={res.reload}>
          <Text>重新加载</Text>
        </View>
      </View>
    )
  }
  const items = [...res.data.items].sort((a, b) => Number(!!a.enrolment.completedAt) - Number(!!b.enrolment.completedAt))
  return (
    <View className="section mine-learning" data-testid="mine-learning" data-status="ready" data-count={items.length}>
      <Text className="section__title">我的学习</Text>
      {items.length === 0 ? (
        <View className="mine-learning__empty" data-testid="mine-learning-empty" ariaRole="link" onClick={openCourses}>
          <Text className="mine-learning__title">学用手机·读好书 ›</Text>
          <Text className="mine-learning__line">还没有在学的课程。一步一步学用手机，学完领取结业证书。</Text>
        </View>
      ) : null}
      {items.slice(0, SHOWN).map(({ course, enrolment }) => {
        const p = progressWords({ done: enrolment.done, total: enrolment.total, completed: !!enrolment.completedAt })
        return (
          <View
            key={`${course.id}-${enrolment.memberId ?? 'self'}`}
            className={`mine-learning__item${p.completed ? ' mine-learning__item--done' : ''}`}
            data-testid="mine-learning-item"
            data-course={course.id}
            data-member={enrolment.memberId ?? 'self'}
            data-percent={p.percent}
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: courseUrl(course.id, enrolment.memberId) })}
          >
            <Text className="mine-learning__who">{enrolment.memberId ? `${enrolment.learnerName}（为家人学）` : '本人'}</Text>
            <Text className="mine-learning__title">{course.title} ›</Text>
            <Text className="mine-learning__line">
              {p.completed ? '✓ ' : ''}
              {p.text}
            </Text>
            <View className="mine-learning__track">
              <View className="mine-learning__fill" style={{ width: `${p.percent}%` }} />
            </View>
          </View>
        )
      })}
      {items.length > 0 ? (
        <View className="btn btn--secondary btn--block" data-testid="mine-learning-all" ariaRole="link" onClick={openCourses}>
          <Text>{items.length > SHOWN ? `查看全部课程（还有${items.length - SHOWN}门在学）` : '查看全部课程'}</Text>
        </View>
      ) : null}
    </View>
  )
}
