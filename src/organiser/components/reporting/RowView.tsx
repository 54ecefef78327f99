import { Text, View } from '@tarojs/components'
import type { SummaryRowView } from '@shared/contracts/stats'
import { TextArea } from '@/components/form'
import { showsComposed } from './rows'
import './index.scss'

/**
 * One row of the 总结表: its computed figure and how it was computed, and the text typed for it. A
 * roll-up's row says when its text was composed from the units; `locked` (submitted or confirmed,
 * or a submitted copy) shows the text without an editor.
 */
export function RowView({
  row,
  solo,
  value,
  onChange,
  locked = false,
}: {
  row: SummaryRowView
  solo: boolean
  value: string
  onChange: (v: string) => void
  locked?: boolean
}) {
  const composed = showsComposed(row, value)
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
        <View className="sum-row__typed" data-composed={composed ? 'true' : 'false'}>
          {composed ? (
            <Text className="sum-row__composed" data-testid={`summary-composed-${row.key}`}>
              {locked ? '根据各单位提交内容汇总' : '根据各单位提交内容汇总，可修改'}
            </Text>
          ) : locked ? null : (
            <Text className="sum-row__hint">{row.source === 'both' ? '补充说明（选填，接在数据后面）' : '请填写'}</Text>
          )}
          {locked ? (
            // A data row with nothing added says nothing more.
            value.trim() || row.source === 'typed' ? (
              <Text className="sum-row__text" data-testid={`summary-text-${row.key}`} userSelect>
                {value.trim() || '（未填写）'}
              </Text>
            ) : null
          ) : (
            <TextArea
              testid={`summary-typed-${row.key}`}
              value={value}
              maxlength={2000}
              placeholder={row.source === 'both' ? '可补充数据以外的情况' : `填写${row.label}`}
              onChange={onChange}
            />
          )}
          {!locked && row.composed !== null && !composed ? (
            <View
              className="sum-row__restore"
              data-testid={`summary-restore-${row.key}`}
              ariaRole="button"
              onClick={() => onChange(row.composed ?? '')}
            >
              <Text>恢复为各单位汇总内容</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
