import { Text, View } from '@tarojs/components'
import type { AsyncState } from '@/hooks/useAsync'

/** The figures shown (course.totals and reading.totals answer more). */
interface CourseTotals {
  courses: number
  enrolled: number
  lessonsCompleted: number
  completed: number
}
interface ReadingTotals {
  books: number
  logs: number
  minutes: number
  readers: number
}

/** 学习与阅读: the week's course and reading totals, once either has answered. */
export function LearningTotals({ learning, reading }: { learning: AsyncState<CourseTotals>; reading: AsyncState<ReadingTotals> }) {
  if (learning.status === 'loading' && reading.status === 'loading') return null
  return (
    <View className="section" data-testid="dash-learning">
      <Text className="section__title">学习与阅读（全活动周）</Text>
      {learning.status === 'ready' ? (
        <View data-testid="dash-courses" data-enrolled={learning.data.enrolled} data-completed={learning.data.completed}>
          <Text className="muted">课程学习（智慧助老、全民阅读）</Text>
          <DashCount label="课程" value={`${learning.data.courses} 门`} />
          <DashCount label="报名学习" value={`${learning.data.enrolled} 人次`} />
          <DashCount label="完成课时" value={`${learning.data.lessonsCompleted} 次`} />
          <DashCount label="结业" value={`${learning.data.completed} 人次`} />
        </View>
      ) : null}
      {learning.status === 'error' ? <Text className="muted">课程数据暂时无法读取：{learning.error.message}</Text> : null}
      {reading.status === 'ready' ? (
        <View className="dash-group" data-testid="dash-reading" data-logs={reading.data.logs} data-minutes={reading.data.minutes}>
          <Text className="muted">好书推荐与阅读打卡</Text>
          <DashCount label="推荐好书" value={`${reading.data.books} 本`} />
          <DashCount label="阅读打卡" value={`${reading.data.logs} 次`} />
          <DashCount label="阅读时长" value={`${reading.data.minutes} 分钟`} />
          <DashCount label="参与阅读" value={`${reading.data.readers} 人`} />
        </View>
      ) : null}
      {reading.status === 'error' ? <Text className="muted">阅读数据暂时无法读取：{reading.error.message}</Text> : null}
    </View>
  )
}

function DashCount({ label, value }: { label: string; value: string }) {
  return (
    <View className="dash-count">
      <Text>{label}</Text>
      <Text className="dash-count__n">{value}</Text>
    </View>
  )
}
