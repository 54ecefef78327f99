import { Text, View } from '@tarojs/components'
import { messageFor } from '@shared/errors'

export type ScanView =
  | { result: 'ok'; offline: boolean; maskedName: string; proxy: boolean; headline?: string; kind?: 'walkin' }
  | { result: 'already'; offline: boolean; maskedName?: string; checkedInAt?: number | null; byName?: string | null }
  | { result: 'rejected'; offline: boolean; code: string }

function hhmm(at: number): string {
  // Asia/Shanghai whatever the phone's zone.
  const d = new Date(at + 8 * 3600 * 1000)
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/**
 * The answer to one scan, big enough to read at arm's length: an icon AND words AND colour (colour is
 * never the only signal). ok: 签到成功 with the masked name and 代报名; already: 已签到 with when and by
 * whom; rejected: 未通过 with the reason for its code. Offline answers say 离线. A walk-in (现场登记) shows
 * here too, as ok with its own headline.
 */
export function ScanResult({ view }: { view: ScanView }) {
  const offlineTag = view.offline ? (
    <Text className="vol-result__tag" data-testid="scan-result-offline">
      离线核验，联网后自动同步
    </Text>
  ) : null
  if (view.result === 'ok') {
    return (
      <View
        className="vol-result vol-result--ok"
        data-testid="scan-result"
        data-result="ok"
        data-kind={view.kind ?? 'checkin'}
        data-offline={view.offline ? 'true' : 'false'}
      >
        <Text className="vol-result__head">✓ {view.headline ?? '签到成功'}</Text>
        <Text className="vol-result__name" data-testid="scan-result-name">
          {view.maskedName}
        </Text>
        {view.proxy ? <Text className="vol-result__tag">代报名（家人代为报名）</Text> : null}
        {offlineTag}
      </View>
    )
  }
  if (view.result === 'already') {
    return (
      <View
        className="vol-result vol-result--already"
        data-testid="scan-result"
        data-result="already"
        data-offline={view.offline ? 'true' : 'false'}
      >
        <Text className="vol-result__head">⚠ 已签到，请勿重复入场</Text>
        {view.maskedName ? <Text className="vol-result__name">{view.maskedName}</Text> : null}
        <Text className="vol-result__text" data-testid="scan-result-when">
          {view.checkedInAt ? `${hhmm(view.checkedInAt)} 签到` : '之前已签到'}
          {view.byName ? `，由${view.byName}核验` : ''}
        </Text>
        {offlineTag}
      </View>
    )
  }
  return (
    <View
      className="vol-result vol-result--rejected"
      data-testid="scan-result"
      data-result="rejected"
      data-code={view.code}
      data-offline={view.offline ? 'true' : 'false'}
    >
      <Text className="vol-result__head">✕ 未通过</Text>
      <Text className="vol-result__text" data-testid="scan-result-reason">
        {messageFor(view.code)}
      </Text>
      {offlineTag}
    </View>
  )
}
