import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { UnitRow } from '@shared/contracts/stats'
import { unitKey } from '@shared/domain/reporting'
import { Empty } from '@/components/states'
import { rateText } from '../chart'
import { submittedText } from '../reportingText'
import { unitQuery } from '../scope'
import { StatusBadge } from './index'
import './index.scss'

/**
 * A roll-up's units: where each unit's 总结表 stands and its key figures (its submitted copy's, or
 * counted now when it has not submitted). A unit that has submitted opens its copy read-only.
 */
export function UnitsTable({ weekId, units }: { weekId: string; units: UnitRow[] }) {
  const handedIn = units.filter((u) => u.status !== 'draft').length
  return (
    <View className="section" data-testid="summary-units" data-count={units.length}>
      <Text className="section__title">
        各单位上报情况（已提交 {handedIn} / {units.length}）
      </Text>
      {units.length === 0 ? <Empty title="没有下级单位" hint="在“人员与任命”里添加县区后，这里会列出各单位的上报情况。" /> : null}
      {units.map((u) => {
        const open = u.version > 0
        return (
          <View
            key={unitKey(u.unit)}
            className={`sum-unit${open ? ' sum-unit--open' : ''}`}
            data-testid="summary-unit"
            data-unit={u.unit.code ?? ''}
            data-status={u.status}
            data-source={u.source}
            ariaRole={open ? 'link' : undefined}
            onClick={() => {
              if (open) void Taro.navigateTo({ url: `/organiser/submission/index?${unitQuery(weekId, u.unit)}` })
            }}
          >
            <View className="sum-unit__head">
              <Text className="sum-unit__name">{u.unit.name}</Text>
              <StatusBadge status={u.status} testid="summary-unit-status" />
              {u.late ? <Text className="sum-late">⚠ 逾期</Text> : null}
            </View>
            {u.submittedAt !== null ? <Text className="sum-unit__line">{submittedText(u.submittedAt)}</Text> : null}
            <View className="sum-unit__figures">
              <Text className="sum-unit__fig">
                活动 <Text className="sum-unit__n">{u.activities}</Text> 项
              </Text>
              <Text className="sum-unit__fig">
                参与 <Text className="sum-unit__n">{u.participants}</Text> 人次
              </Text>
              <Text className="sum-unit__fig">
                满意率 <Text className="sum-unit__n">{rateText(u.satisfaction)}</Text>
              </Text>
              <Text className="sum-unit__fig">
                开幕式材料 <Text className="sum-unit__n">{u.opening}</Text> 份
              </Text>
            </View>
            {u.source === 'live' ? <Text className="sum-unit__live">未提交，数据为实时统计</Text> : null}
            {open ? <Text className="sum-unit__go">查看提交的总结表 ›</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
