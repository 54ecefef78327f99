import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import './index.scss'

const ENTRIES = [
  { id: 'courses', url: '/learn/courses/index', title: '学用手机·读好书', text: '智慧助老和读书课程，一步一步学，学完领证书' },
  { id: 'reading', url: '/learn/books/index', title: '读书打卡', text: '好书推荐，每天记一笔，看看读书榜' },
  { id: 'stars', url: '/learn/stars/index', title: '学习之星', text: '百姓学习之星和终身学习品牌项目，为他们点赞' },
] as const

/**
 * 学习 (the middle tab): the way into the courses and reading, which live in the `learn` subpackage.
 * Kept to a few large entries so the main package stays small; 我的学习 (progress) is in 我的.
 */
export default function LearnTab() {
  return (
    <PageShell className="learn-tab" testid="learn-tab-page">
      <View className="page-head">
        <Text className="page-head__title">学习</Text>
        <Text className="page-head__text">学用智能手机、读好书，随时都能学。</Text>
      </View>
      {ENTRIES.map((e) => (
        <View
          key={e.id}
          className="learn-tab__entry"
          data-testid={`entry-${e.id}`}
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: e.url })}
        >
          <Text className="learn-tab__title">{e.title} ›</Text>
          <Text className="learn-tab__text">{e.text}</Text>
        </View>
      ))}
    </PageShell>
  )
}
