import { Text, View } from '@tarojs/components'
import type { SummaryRowView } from '@shared/contracts/stats'
import { TextArea } from '@/components/form'

/** One row of the 总结表: its computed figure and how it was computed, and the text typed for it. */
export function RowView({
  row,
  solo,
  value,
  onChange,
}: {
  row: SummaryRowView
  solo: boolean
  value: string
  onChange: (v: string) => void
}) {
  return (
    <View className="sum-row" data-testid={`summary-row-${row.key}`} data-source={row.source} data-computed={row.computed ?? ''}>
      {solo ? null : <Text className="sum-row__label">{row.label}</Text>}
      {row.computed !== null ? (
        <Text className="sum-row__computed" data-testid={`summary-computed-${row.key}`}>
          {row.computed}
        </Text>
      ) : null}
      {row.basis ? <Text className="sum-row__basis">{`计算方法：${row.basis}`}</Text> : null}
      {row.source !== 'data' ? (
        <View className="sum-row__typed">
          <Text className="sum-row__hint">{row.source === 'both' ? '补充说明（选填，接在数据后面）' : '请填写'}</Text>
          <TextArea
            testid={`summary-typed-${row.key}`}
            value={value}
            maxlength={2000}
            placeholder={row.source === 'both' ? '可补充数据以外的情况' : `填写${row.label}`}
            onChange={onChange}
          />
        </View>
      ) : null}
    </View>
  )
}
