import { Text, View } from '@tarojs/components'
import type { MyData } from '@shared/contracts/privacy'
import { InlineError } from '@/components/form'
import { Loading } from '@/components/states'
import { eraseWarning } from './myDataText'
import type { EraseState } from './useErase'

interface Props {
  state: EraseState
  data: Pick<MyData, 'upcoming' | 'family' | 'roles' | 'nominations' | 'starLikes'>
  onAsk: () => void
  onKeep: () => void
  onConfirm: () => void
}

/**
 * 删除我的信息, in place (no pop-up): the button; then the warning, every consequence in a sentence
 * (the upcoming registrations cancelled first, with their number), and 确定删除 / 不删除; then the
 * progress; a failure says why and offers 继续删除 (each call is safe to repeat).
 */
export function EraseSection({ state, data, onAsk, onKeep, onConfirm }: Props) {
  if (state.step === 'idle' || state.step === 'done') {
    return (
      <View className="btn btn--secondary btn--block my-data-erase" data-testid="erase-start" ariaRole="button" onClick={onAsk}>
        <Text>删除我的信息</Text>
      </View>
    )
  }

  if (state.step === 'warning') {
    return (
      <View className="my-data-warning" data-testid="erase-warning" data-upcoming={data.upcoming}>
        <Text className="my-data-warning__title">⚠ 删除前请看清楚</Text>
        {eraseWarning(data).map((line, i) => (
          <Text key={i} className="my-data-warning__line" data-testid={i === 0 && data.upcoming > 0 ? 'erase-upcoming' : undefined}>
            {i + 1}. {line}
          </Text>
        ))}
        <View className="my-data-warning__row">
          <View className="btn btn--danger" data-testid="erase-confirm" ariaRole="button" onClick={onConfirm}>
            <Text>{data.upcoming > 0 ? `确定取消 ${data.upcoming} 个报名并删除` : '确定删除'}</Text>
          </View>
          <View className="btn btn--secondary" data-testid="erase-keep" ariaRole="button" onClick={onKeep}>
            <Text>不删除，返回</Text>
          </View>
        </View>
      </View>
    )
  }

  const tally = state.cancelled || state.anonymised ? `已取消 ${state.cancelled} 个报名，已匿名化 ${state.anonymised} 条记录。` : ''
  if (state.step === 'erasing') {
    return (
      <View className="my-data-warning" data-testid="erase-progress">
        <Loading text="正在删除您的信息，请不要离开本页…" />
        {tally ? <Text className="my-data-warning__line">{tally}</Text> : null}
      </View>
    )
  }

  return (
    <View className="my-data-warning" data-testid="erase-failed">
      <InlineError message={`删除没有完成：${state.message}`} code={state.code} testid="erase-error" />
      <Text className="my-data-warning__line">{tally}已经删除的不会恢复，没删完的也不会丢失，点“继续删除”接着删除。</Text>
      <View className="my-data-warning__row">
        <View className="btn btn--danger" data-testid="erase-retry" ariaRole="button" onClick={onConfirm}>
          <Text>继续删除</Text>
        </View>
        <View className="btn btn--secondary" data-testid="erase-keep" ariaRole="button" onClick={onKeep}>
          <Text>先不删除</Text>
        </View>
      </View>
    </View>
  )
}
