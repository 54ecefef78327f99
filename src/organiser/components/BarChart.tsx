import { Text, View } from '@tarojs/components'
import { barPercent, niceMax } from './chart'
import './BarChart.scss'

export interface Bar {
  /** Stable key: used in data-testid (`<testid>-<key>`). */
  key: string
  /** Under a column, or above a horizontal bar. */
  label: string
  value: number
  /** A second line under a horizontal bar (e.g. 签到 / 现场登记). */
  note?: string
}

interface Props {
  bars: readonly Bar[]
  /** 'column': vertical columns with labels under them (a day's curve); 'row': one labelled bar per line. */
  orientation: 'column' | 'row'
  testid: string
  /** After each value in words, e.g. '人'. */
  unit?: string
  /** Said under the chart (e.g. '时', what the columns are). */
  caption?: string
  /** Shown instead of the chart when every value is 0 (the axis is kept for columns). */
  emptyText?: string
}

/**
 * A bar chart built from Views, for weapp and h5 alike: lengths are percentages of a round axis top,
 * every bar carries its number in text (never the length alone) and the chart says itself as one
 * sentence to screen readers.
 */
export function BarChart({ bars, orientation, testid, unit = '', caption, emptyText }: Props) {
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0)
  const top = niceMax(max)
  const spoken = bars.map((b) => `${b.label} ${b.value}${unit}`).join('，')
  const allZero = max === 0

  if (orientation === 'row') {
    return (
      <View className="chart chart--row" data-testid={testid} data-max={max} ariaLabel={spoken}>
        {allZero && emptyText ? <Text className="chart__empty">{emptyText}</Text> : null}
        {bars.map((b) => (
          <View key={b.key} className="chart-row" data-testid={`${testid}-${b.key}`} data-value={b.value}>
            <View className="chart-row__head">
              <Text className="chart-row__label">{b.label}</Text>
              <Text className="chart-row__value">
                {b.value}
                {unit ? ` ${unit}` : ''}
              </Text>
            </View>
            <View className="chart-row__track">
              <View className="chart-row__bar" style={{ width: `${barPercent(b.value, max)}%` }} />
            </View>
            {b.note ? <Text className="chart-row__note">{b.note}</Text> : null}
          </View>
        ))}
      </View>
    )
  }

  // Columns: a label under every column when they fit, every other one when there are many.
  const every = bars.length > 16 ? 3 : bars.length > 13 ? 2 : 1
  const half = top / 2
  return (
    <View className="chart chart--column" data-testid={testid} data-max={max} data-top={top} ariaLabel={spoken}>
      <View className="chart-col">
        <View className="chart-col__axis">
          <Text className="chart-col__tick chart-col__tick--top">{top}</Text>
          {Number.isInteger(half) && half > 0 ? <Text className="chart-col__tick chart-col__tick--mid">{half}</Text> : null}
          <Text className="chart-col__tick chart-col__tick--zero">0</Text>
        </View>
        <View className="chart-col__plot">
          <View className="chart-col__grid chart-col__grid--top" />
          <View className="chart-col__grid chart-col__grid--mid" />
          {bars.map((b) => {
            const pct = barPercent(b.value, top)
            return (
              <View key={b.key} className="chart-col__slot" data-testid={`${testid}-${b.key}`} data-value={b.value}>
                <View className={`chart-col__bar${b.value > 0 ? '' : ' chart-col__bar--zero'}`} style={{ height: `${pct}%` }} />
                {b.value > 0 ? (
                  <Text className="chart-col__value" style={{ bottom: `${pct}%` }}>
                    {b.value}
                  </Text>
                ) : null}
              </View>
            )
          })}
        </View>
      </View>
      <View className="chart-col__labels">
        <View className="chart-col__axis-space" />
        {bars.map((b, i) => (
          <Text key={b.key} className="chart-col__label">
            {i % every === 0 ? b.label : ''}
          </Text>
        ))}
      </View>
      {allZero && emptyText ? <Text className="chart__empty chart__empty--column">{emptyText}</Text> : null}
      {caption ? <Text className="chart__caption">{caption}</Text> : null}
    </View>
  )
}
