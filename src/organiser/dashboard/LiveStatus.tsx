import { Text, View } from '@tarojs/components'
import { clockWithSeconds, pendingText } from './liveText'

/**
 * 最后更新 HH:mm:ss, 正在更新… while a request is out, a warning when the last one failed, a line when
 * a change is waiting for the next update (有新变化，HH:mm:ss 前更新), and how often it updates.
 */
export function LiveStatus({
  generatedAt,
  updating,
  failing,
  pendingAt = null,
  cadence,
}: {
  generatedAt: number | null
  updating: boolean
  failing: boolean
  pendingAt?: number | null
  cadence?: string
}) {
  return (
    <View
      className="live-status"
      data-testid="live-status"
      data-updating={updating ? 'true' : 'false'}
      data-failing={failing ? 'true' : 'false'}
    >
      <View className="live-status__line">
        <Text className="live-status__dot">{failing ? '⚠' : '●'}</Text>
        <Text className="live-status__at" data-testid="live-updated-at" data-at={generatedAt ?? ''}>
          {generatedAt ? `最后更新 ${clockWithSeconds(generatedAt)}` : '等待数据…'}
        </Text>
        <Text className={`live-status__busy${updating ? '' : ' live-status__busy--idle'}`} data-testid="live-updating">
          正在更新…
        </Text>
      </View>
      {failing ? (
        <Text className="live-status__warn" data-testid="live-failing">
          网络不稳定，稍后自动重试
        </Text>
      ) : null}
      {pendingAt !== null && !updating ? (
        <Text className="live-status__pending" data-testid="live-pending" data-at={pendingAt}>
          {pendingText(pendingAt)}
        </Text>
      ) : null}
      {cadence ? (
        <Text className="live-status__cadence muted" data-testid="live-cadence">
          {cadence}
        </Text>
      ) : null}
    </View>
  )
}
