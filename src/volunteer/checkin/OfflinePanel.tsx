import { Text, View } from '@tarojs/components'
import type { CloudError } from '@/services/callCloud'
import { instantText } from '@/utils/activityText'
import type { SavedRoster } from '../offline/offline'
import type { OfflineQueue } from './useOfflineQueue'

/** 离线签到: the roster on the phone (download it while there is a network) and the queue waiting to sync. */
export function OfflinePanel(p: {
  roster: SavedRoster | null
  downloading: boolean
  rosterError: CloudError | null
  onDownload: () => void
  queue: OfflineQueue
}) {
  const q = p.queue
  return (
    <View className="section vol-offline" data-testid="offline-panel" data-queued={q.queued} data-roster={p.roster ? 'yes' : 'no'}>
      <Text className="section__title">离线签到</Text>
      <Text className="vol-offline__text" data-testid="roster-status">
        {p.roster
          ? `✓ 名单已下载（${instantText(p.roster.generatedAt)}，${p.roster.activity.entries.length} 人）。没有网络时也能核验入场码。`
          : '信号不好的场地，请先在有网络时下载名单，断网后仍可核验入场码。'}
      </Text>
      <View
        className={`btn ${p.downloading ? 'btn--disabled' : 'btn--secondary'} btn--block`}
        data-testid="roster-download"
        ariaRole="button"
        onClick={p.onDownload}
      >
        <Text>{p.downloading ? '正在下载…' : p.roster ? '重新下载名单' : '下载名单'}</Text>
      </View>
      {p.rosterError ? <Text className="vol-error">⚠ {p.rosterError.message}</Text> : null}
      <Text className="vol-offline__text" data-testid="queue-status">
        {q.queued > 0 ? `待同步：${q.queued} 条离线签到` : '没有待同步的离线签到'}
      </Text>
      {q.queued > 0 ? (
        <View
          className={`btn ${q.syncing ? 'btn--disabled' : 'btn--primary'} btn--block`}
          data-testid="queue-sync"
          ariaRole="button"
          onClick={() => void q.sync()}
        >
          <Text>{q.syncing ? '正在同步…' : '同步'}</Text>
        </View>
      ) : null}
      {q.syncError ? <Text className="vol-error">⚠ 同步失败：{q.syncError.message}，稍后会自动重试</Text> : null}
      {q.synced !== null ? <Text className="vol-offline__text">✓ 已同步 {q.synced} 条</Text> : null}
      {q.conflicts.map((c) => (
        <Text key={c.nonce} className="vol-error" data-testid="sync-conflict" data-code={c.code ?? ''}>
          ⚠ {c.name ?? '一位居民'}：
          {c.code === 'ALREADY_CHECKED_IN' && c.checkedIn
            ? `已在 ${instantText(c.checkedIn.checkedInAt)} 由${c.checkedIn.byName}签到，本次不重复计数`
            : `未通过（${c.code ?? '未知原因'}）`}
        </Text>
      ))}
    </View>
  )
}
