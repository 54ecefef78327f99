import { Text, View } from '@tarojs/components'
import type { Dashboard } from '@shared/contracts/stats'
import { Empty } from '@/components/states'

type Figures = NonNullable<Dashboard['honours']>

const STEPS: [key: keyof Figures, label: string][] = [
  ['nominated', '已推荐至县区'],
  ['recommended', '县区已推荐'],
  ['selected', '已评选'],
  ['published', '已公布'],
]

const none = (f: Figures) => f.nominated + f.recommended + f.selected + f.published === 0

/**
 * 百姓学习之星与品牌项目: how far the scope's nominations got (in total; for a roll-up also per
 * district). Absent from an older function's answer: nothing shown.
 */
export function HonoursView({ d }: { d: Dashboard }) {
  const total = d.honours
  if (!total) return null
  const rows = d.districtCode === null ? d.byDistrict.filter((r) => r.honours && !none(r.honours)) : []
  return (
    <View className="section" data-testid="dash-honours" data-published={total.published}>
      <Text className="section__title">百姓学习之星与终身学习品牌项目</Text>
      {none(total) ? (
        <Empty title="还没有推荐的学习之星或品牌项目" hint="县区推荐后，这里会显示推荐、评选和公布的数量。" />
      ) : (
        <View>
          {STEPS.map(([key, label]) => (
            <View key={key} className="dash-count" data-testid={`dash-honours-${key}`} data-value={total[key]}>
              <Text>{label}</Text>
              <Text className="dash-count__n">{total[key]} 项</Text>
            </View>
          ))}
          {rows.map((r) => (
            <View key={r.code} className="dash-group" data-testid={`dash-honours-district-${r.code}`}>
              <Text className="muted">{r.name}</Text>
              <Text className="dash-line">
                推荐 {r.honours?.nominated ?? 0} · 县区推荐 {r.honours?.recommended ?? 0} · 评选 {r.honours?.selected ?? 0} · 公布{' '}
                {r.honours?.published ?? 0}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
