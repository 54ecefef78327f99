import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ReaderStats } from '@shared/contracts/reading'
import { maskName } from '@shared/domain/mask'
import { Chip } from '@/components/Chip'
import { InlineError } from '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { getDistrictBoard, joinDistrictBoard } from '@/services/reading'

/**
 * The opt-in district board of reading minutes: a switch that says how one will appear (the masked
 * name), the district to join (the week's districts), and the board itself with 我 marked.
 */
export function DistrictBoard({
  weekId,
  districts,
  selfName,
  board,
  onJoined,
}: {
  weekId: string
  districts: { code: string; name: string }[]
  selfName: string | null
  board: ReaderStats['board']
  onJoined: (reader: ReaderStats) => void
}) {
  const [district, setDistrict] = useState<string | null>(board?.districtCode ?? null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [need, setNeed] = useState(false)
  const [nonce, setNonce] = useState(0)
  const [changing, setChanging] = useState(false)
  const joined = board !== null
  const shownName = board?.name ?? maskName(selfName)

  const entries = useAsync(
    () => (district ? getDistrictBoard({ weekId, districtCode: district }) : Promise.resolve(null)),
    [weekId, district, nonce],
  )

  const join = async (wanted: boolean, code: string | null) => {
    if (busy) return
    if (wanted && !code) {
      setNeed(true)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const r = await joinDistrictBoard({ weekId, districtCode: (code ?? board?.districtCode)!, joined: wanted })
      onJoined(r.reader)
      setNonce((n) => n + 1)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  const choose = (code: string) => {
    setNeed(false)
    setChanging(false)
    setDistrict(code)
    // Already on a board: moving to another district moves the entry too.
    if (joined && board?.districtCode !== code) void join(true, code)
  }

  return (
    <View className="section board" data-testid="board" data-joined={joined ? 'true' : 'false'} data-district={district ?? ''}>
      <Text className="section__title">本区读书榜</Text>
      <Text className="board__hint">自愿参加。榜上只显示姓氏和名字的最后一个字，不显示电话等信息。</Text>

      {district && !changing ? (
        <View className="board__chosen" data-testid="board-chosen" data-value={district}>
          <Text className="board__label">所在的区：{districts.find((d) => d.code === district)?.name ?? district}</Text>
          <View className="btn btn--secondary" data-testid="board-change-district" ariaRole="button" onClick={() => setChanging(true)}>
            <Text>换一个区</Text>
          </View>
        </View>
      ) : (
        <>
          <Text className="board__label">选择您所在的区</Text>
          <View className="choices choices--3" data-testid="board-districts" data-value={district ?? ''}>
            {districts.map((d) => (
              <Chip
                key={d.code}
                selected={district === d.code}
                testid={`board-district-${d.code}`}
                value={d.code}
                onTap={() => choose(d.code)}
              >
                {d.name}
              </Chip>
            ))}
          </View>
        </>
      )}
      {need ? (
        <Text className="board__need" data-testid="board-need-district">
          ⚠ 请先选择您所在的区
        </Text>
      ) : null}

      <View
        className={`board-switch${joined ? ' board-switch--on' : ''}${busy ? ' board-switch--busy' : ''}`}
        data-testid="board-switch"
        data-on={joined ? 'true' : 'false'}
        ariaRole="button"
        ariaLabel={`参加本区读书榜，显示为 ${shownName}，${joined ? '已参加' : '未参加'}`}
        onClick={() => void join(!joined, district)}
      >
        <View className="board-switch__box">
          <Text className="board-switch__mark">{joined ? '✓' : ''}</Text>
        </View>
        <View className="board-switch__body">
          <Text className="board-switch__text">
            参加本区读书榜<Text className="board-switch__name">（显示为 {shownName}）</Text>
          </Text>
          <Text className="board-switch__state">{busy ? '请稍候…' : joined ? '已参加，点一下退出' : '未参加，点一下参加'}</Text>
        </View>
      </View>
      {failure ? <InlineError message={failure.message} code={failure.code} testid="board-error" /> : null}

      {district ? (
        <View
          className="board-list"
          data-testid="board-list"
          data-status={entries.status}
          data-count={entries.status === 'ready' && entries.data ? String(entries.data.entries.length) : '0'}
        >
          {entries.status === 'loading' ? <Loading text="正在加载读书榜…" /> : null}
          {entries.status === 'error' ? (
            <ErrorState message={entries.error.message} code={entries.error.code} onRetry={entries.reload} />
          ) : null}
          {entries.status === 'ready' && entries.data ? (
            <>
              <Text className="board-list__title">{entries.data.districtName}读书榜（按本周读书分钟）</Text>
              {entries.data.me.joined && entries.data.me.rank !== null ? (
                <Text className="board-list__me" data-testid="board-my-rank">
                  我排在第 {entries.data.me.rank} 名
                </Text>
              ) : null}
              {entries.data.entries.length === 0 ? <Empty title="这个区还没有人上榜" hint="参加后读书打卡，就会出现在榜上。" /> : null}
              {entries.data.entries.map((e) => (
                <View
                  key={`${e.rank}-${e.name}-${e.isMe ? 'me' : ''}`}
                  className={`board-row${e.isMe ? ' board-row--me' : ''}`}
                  data-testid="board-row"
                  data-me={e.isMe ? 'true' : 'false'}
                  data-rank={String(e.rank)}
                >
                  <Text className="board-row__rank">第 {e.rank} 名</Text>
                  <Text className="board-row__name">
                    {e.name}
                    {e.isMe ? <Text className="board-row__me">（我）</Text> : null}
                  </Text>
                  <Text className="board-row__minutes">{e.minutes} 分钟</Text>
                </View>
              ))}
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
