import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRIVACY_GUIDE, type PrivacyItem } from '@shared/domain/privacyGuide'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listWeeks } from '@/services/activity'
import './index.scss'

/**
 * 隐私保护指引 for people (reached from 我的 and from the consent sheet): every kind of data the
 * mini-program collects with why, who sees it and how long it is kept (config/privacy.ts, the same
 * text the WeChat console's form is filled from), how to see, export and delete it, and whom to ask:
 * the operator and the bureaus that run this year's weeks. Care mode throughout.
 */
export default function PrivacyPage() {
  const g = PRIVACY_GUIDE
  return (
    <PageShell className="privacy" testid="privacy-page" privacySheet={false}>
      <View className="page-head">
        <Text className="page-head__title">隐私保护指引</Text>
        <Text className="page-head__text" data-testid="privacy-version">
          第 {g.version} 版 · {g.updatedOn} 起生效
        </Text>
        <Text className="page-head__text">
          本小程序由{g.operator}运营。我们只收集报名、签到和活动周总结需要的信息，下面逐项说明为什么收集、谁能看到、保存多久。
        </Text>
      </View>

      <View className="section">
        <Text className="section__title">简要说明</Text>
        {g.summary.map((line) => (
          <Text key={line} className="privacy-line">
            · {line}
          </Text>
        ))}
      </View>

      <View className="privacy-items" data-testid="privacy-items" data-count={g.items.length}>
        {g.items.map((item) => (
          <ItemCard key={item.key} item={item} />
        ))}
      </View>

      <View className="section" data-testid="privacy-rights">
        <Text className="section__title">查看、导出和删除</Text>
        <Text className="privacy-line">{g.rights}</Text>
        <Text className="privacy-line">删除后，您和家人的姓名、手机号等不再保存；活动的报名人数、签到人数等统计数字不变。</Text>
        <View
          className="btn btn--secondary btn--block privacy-mine"
          data-testid="privacy-go-mine"
          ariaRole="link"
          onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}
        >
          <Text>去“我的”</Text>
        </View>
      </View>

      <Contacts />
    </PageShell>
  )
}

function ItemCard({ item }: { item: PrivacyItem }) {
  return (
    <View className="section privacy-item" data-testid="privacy-item" data-key={item.key}>
      <Text className="privacy-item__label">{item.label}</Text>
      <Row title="为什么收集" text={item.purpose} />
      <Row title="谁能看到" text={item.seenBy} />
      <Row title="保存多久" text={item.kept} />
    </View>
  )
}

function Row({ title, text }: { title: string; text: string }) {
  return (
    <View className="privacy-row">
      <Text className="privacy-row__title">{title}</Text>
      <Text className="privacy-row__text">{text}</Text>
    </View>
  )
}

/** The operator, and the bureaus that run the weeks (loaded: every week's 主办单位). */
function Contacts() {
  const weeks = useAsync(() => listWeeks().then((r) => r.weeks), [])
  return (
    <View className="section" data-testid="privacy-contact" data-status={weeks.status}>
      <Text className="section__title">联系我们</Text>
      <Text className="privacy-line">{PRIVACY_GUIDE.contact}</Text>
      {weeks.status === 'loading' ? <Loading text="正在加载主办单位…" /> : null}
      {weeks.status === 'error' ? <ErrorState message={weeks.error.message} code={weeks.error.code} onRetry={weeks.reload} /> : null}
      {weeks.status === 'ready' && weeks.data.length === 0 ? <Empty title="暂无活动周" hint="活动周发布后，这里会列出主办单位。" /> : null}
      {weeks.status === 'ready'
        ? weeks.data.map((w) => (
            <View key={w.id} className="privacy-week" data-testid="privacy-week">
              <Text className="privacy-week__name">{w.name}</Text>
              <Text className="privacy-line">主办单位：{w.organiser}</Text>
            </View>
          ))
        : null}
      {process.env.TARO_ENV === 'weapp' ? <Text className="privacy-line">也可以在“我的 → 联系客服”中留言。</Text> : null}
    </View>
  )
}
