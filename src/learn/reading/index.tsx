import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ReaderStats, ReadingLog } from '@shared/contracts/reading'
import { PageShell } from '@/components/PageShell'
import '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listWeeks } from '@/services/activity'
import { myReading } from '@/services/reading'
import { getProfile } from '@/services/signup'
import { logDayText, minutesText, streakText } from '@/utils/readingText'
import { DistrictBoard } from './DistrictBoard'
import { WeekStrip } from './WeekStrip'
import './index.scss'

/**
 * 我的读书: the streak and minutes of the week, the last seven days, every log (latest first) and
 * the opt-in district board. Fetched again when the page shows again (after logging a book).
 */
export default function ReadingPage() {
  const mine = useAsync(async () => {
    const [m, weeks, prof] = await Promise.all([myReading(), listWeeks(), getProfile().catch(() => ({ profile: null }))])
    const week = weeks.weeks.find((w) => w.id === m.weekId) ?? null
    return { ...m, districts: week?.districts ?? [], selfName: prof.profile?.name ?? null }
  }, [])
  const [reader, setReader] = useState<ReaderStats | null>(null)
  const [logs, setLogs] = useState<ReadingLog[] | null>(null)
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    myReading().then(
      (r) => {
        setReader(r.reader)
        setLogs(r.logs)
      },
      () => undefined,
    )
  })

  return (
    <PageShell className="reading" testid="reading-page">
      <View className="page-head">
        <Text className="page-head__title">我的读书</Text>
        <Text className="page-head__text">每天读一点，坚持就是收获</Text>
      </View>
      {mine.status === 'loading' ? <Loading text="正在加载读书记录…" /> : null}
      {mine.status === 'error' ? <ErrorState message={mine.error.message} code={mine.error.code} onRetry={mine.reload} /> : null}
      {mine.status === 'ready' ? (
        <Reading
          weekId={mine.data.weekId}
          reader={reader ?? mine.data.reader}
          logs={logs ?? mine.data.logs}
          districts={mine.data.districts}
          selfName={mine.data.selfName}
          onReader={setReader}
        />
      ) : null}
    </PageShell>
  )
}

function Reading({
  weekId,
  reader,
  logs,
  districts,
  selfName,
  onReader,
}: {
  weekId: string | null
  reader: ReaderStats
  logs: ReadingLog[]
  districts: { code: string; name: string }[]
  selfName: string | null
  onReader: (r: ReaderStats) => void
}) {
  const sorted = [...logs].sort((a, b) => b.createdAt - a.createdAt || b.day.localeCompare(a.day))
  const now = Date.now()
  const goBooks = () => {
    const pages = Taro.getCurrentPages()
    const prev = pages.length > 1 ? pages[pages.length - 2] : null
    if (prev && /learn\/books\/index/.test(prev.route ?? '')) void Taro.navigateBack()
    else void Taro.navigateTo({ url: '/learn/books/index' })
  }
  return (
    <View data-testid="reading-mine" data-streak={String(reader.streak)} data-minutes={String(reader.totalMinutes)}>
      <View className="reading-stats">
        <Text className="reading-stats__streak" data-testid="reading-streak">
          {streakText(reader.streak)}
        </Text>
        <View className="reading-stats__row">
          <View className="reading-stats__cell">
            <Text className="reading-stats__num" data-testid="reading-total">
              {reader.totalMinutes}
            </Text>
            <Text className="reading-stats__unit">累计分钟</Text>
          </View>
          <View className="reading-stats__cell">
            <Text className="reading-stats__num" data-testid="reading-logs-count">
              {reader.totalLogs}
            </Text>
            <Text className="reading-stats__unit">打卡次数</Text>
          </View>
          <View className="reading-stats__cell">
            <Text className="reading-stats__num">{reader.days.length}</Text>
            <Text className="reading-stats__unit">读书天数</Text>
          </View>
        </View>
      </View>

      <View className="section">
        <Text className="section__title">最近 7 天</Text>
        <WeekStrip days={reader.days} now={now} />
      </View>

      <View className="section" data-testid="reading-logs" data-count={String(sorted.length)}>
        <Text className="section__title">读书记录</Text>
        {sorted.length === 0 ? (
          <Empty title="还没有读书记录" hint="在好书推荐里选一本书，读完点“打卡”记下分钟数。">
            <View className="btn btn--primary" data-testid="reading-go-books" ariaRole="link" onClick={goBooks}>
              <Text>去看好书推荐</Text>
            </View>
          </Empty>
        ) : (
          sorted.map((l) => (
            <View key={l.id} className="reading-log" data-testid="reading-log" data-book={l.bookId} data-day={l.day}>
              <View className="reading-log__head">
                <Text className="reading-log__title">《{l.bookTitle}》</Text>
                <Text className="reading-log__minutes">{minutesText(l.minutes)}</Text>
              </View>
              <Text className="reading-log__day">{logDayText(l.day, now)}</Text>
              {l.note ? <Text className="reading-log__note">笔记：{l.note}</Text> : null}
            </View>
          ))
        )}
        {sorted.length > 0 ? (
          <View className="btn btn--secondary btn--block reading-more" data-testid="reading-go-books" ariaRole="link" onClick={goBooks}>
            <Text>继续读书打卡 ›</Text>
          </View>
        ) : null}
      </View>

      {weekId && districts.length > 0 ? (
        <DistrictBoard weekId={weekId} districts={districts} selfName={selfName} board={reader.board} onJoined={onReader} />
      ) : null}
    </View>
  )
}
