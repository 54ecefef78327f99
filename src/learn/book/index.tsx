import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import type { ActivitySummary } from '@shared/contracts/activity'
import type { ReaderStats } from '@shared/contracts/reading'
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { CloudError, toCloudError } from '@/services/callCloud'
import { getBook, logReading } from '@/services/reading'
import { getProfile, listFamily } from '@/services/signup'
import { placeText, timeRangeText, typeLabel } from '@/utils/activityText'
import { minutesText, parseMinutes, readersText, streakText } from '@/utils/readingText'
import { LearnerPicker } from './LearnerPicker'
import { LogForm, type LogDraft } from './LogForm'
import './index.scss'

const NOT_FOUND_CODES = new Set(['BOOK_NOT_FOUND', 'BOOK_LIST_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'])

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}

/**
 * One book (learn/book/index?id=): its details, 打卡 (minutes and an optional note, once a day per
 * book, for oneself or a family member), the streak and total after it, and the 书友会 / 读书沙龙
 * activities about the book (signed up for on the activity page).
 */
export default function BookPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''
  const [memberId, setMemberId] = useState<string | null>(null)
  // After a log (or a refusal) the book is read again quietly: its readers and the learner's figures.
  const [fresh, setFresh] = useState<{ key: string; readers: number; reader: ReaderStats } | null>(null)
  const key = `${id}:${memberId ?? 'self'}`
  const refresh = () => {
    getBook(memberId ? { bookId: id, memberId } : { bookId: id }).then(
      (r) => setFresh({ key, readers: r.book.readers, reader: r.reader }),
      () => undefined,
    )
  }
  const current = fresh && fresh.key === key ? fresh : null
  const res = useAsync(async () => {
    if (!id) throw new CloudError('BOOK_NOT_FOUND')
    return getBook(memberId ? { bookId: id, memberId } : { bookId: id })
  }, [id, memberId])
  // Who may read: the resident and their family. A failure only hides the choice.
  const people = useAsync(async () => {
    const [prof, fam] = await Promise.all([getProfile(), listFamily()])
    return { selfName: prof.profile?.name ?? '我自己', members: fam.members }
  }, [])

  useShareAppMessage(() => ({
    title: res.status === 'ready' ? `一起读《${res.data.book.title}》` : '好书推荐 · 全民阅读',
    path: id ? `/learn/book/index?id=${encodeURIComponent(id)}` : '/learn/books/index',
  }))

  return (
    <PageShell className="book" testid="book-page">
      {res.status === 'loading' ? <Loading text="正在加载这本书…" /> : null}
      {res.status === 'error' && NOT_FOUND_CODES.has(res.error.code) ? (
        <Empty title="没有找到这本书" hint={res.error.message}>
          <View
            className="btn btn--primary"
            data-testid="back-books"
            ariaRole="link"
            onClick={() => void Taro.redirectTo({ url: '/learn/books/index' })}
          >
            <Text>返回好书推荐</Text>
          </View>
        </Empty>
      ) : null}
      {res.status === 'error' && !NOT_FOUND_CODES.has(res.error.code) ? (
        <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} />
      ) : null}
      {res.status === 'ready' ? (
        <View data-testid="book-detail" data-id={res.data.book.id}>
          <View className="book-head">
            {res.data.book.cover ? (
              <Image
                className="book-head__cover"
                src={res.data.book.cover}
                mode="aspectFit"
                ariaLabel={`《${res.data.book.title}》封面`}
                nativeProps={{ alt: `《${res.data.book.title}》封面` }}
              />
            ) : null}
            <Text className="book-head__title" data-testid="book-title">
              《{res.data.book.title}》
            </Text>
            <Text className="book-head__author">{res.data.book.author}</Text>
            <Text className="book-head__list">
              {res.data.list.title} · {res.data.list.districtName}
            </Text>
          </View>
          <View className="section">
            <Text className="section__title">推荐理由</Text>
            <Text className="book-text" data-testid="book-blurb">
              {res.data.book.blurb}
            </Text>
            <Text className="book-readers" data-testid="book-readers">
              {readersText(current?.readers ?? res.data.book.readers)}
            </Text>
          </View>

          <LogArea
            key={key}
            bookId={res.data.book.id}
            memberId={memberId}
            loggedToday={res.data.loggedToday}
            reader={res.data.reader}
            freshReader={current?.reader ?? null}
            onLogged={refresh}
            picker={
              people.status === 'ready' ? (
                <LearnerPicker selfName={people.data.selfName} members={people.data.members} value={memberId} onChange={setMemberId} />
              ) : null
            }
            learnerName={memberId && people.status === 'ready' ? (people.data.members.find((m) => m.id === memberId)?.name ?? null) : null}
          />

          <Activities activities={res.data.activities} />

          <View className="section">
            <View
              className="btn btn--secondary btn--block"
              data-testid="book-go-reading"
              ariaRole="link"
              onClick={() => void Taro.navigateTo({ url: '/learn/reading/index' })}
            >
              <Text>我的读书记录 ›</Text>
            </View>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}

/** 打卡 for the chosen learner: the form, or 今天已打卡, and the streak and total. */
function LogArea({
  bookId,
  memberId,
  loggedToday,
  reader: initialReader,
  freshReader,
  onLogged,
  picker,
  learnerName,
}: {
  bookId: string
  memberId: string | null
  loggedToday: boolean
  reader: ReaderStats
  freshReader: ReaderStats | null
  onLogged: () => void
  picker: ReactNode
  learnerName: string | null
}) {
  const [draft, setDraft] = useState<LogDraft>({ minutes: '', note: '' })
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ minutes: number } | null>(null)
  const [logged, setLogged] = useState(loggedToday)
  const [logReader, setLogReader] = useState<ReaderStats | null>(null)
  const reader = freshReader ?? logReader ?? initialReader
  useEffect(() => setFieldError(null), [draft.minutes])

  const submit = async () => {
    const m = parseMinutes(draft.minutes)
    if (!m.ok) {
      setFieldError(m.error)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const note = draft.note.trim()
      const r = await logReading({ bookId, minutes: m.minutes, ...(note ? { note } : {}), ...(memberId ? { memberId } : {}) })
      setLogReader(r.reader)
      setDone({ minutes: r.log.minutes })
      setLogged(true)
    } catch (err) {
      const e = toCloudError(err)
      setFailure(e)
      if (e.code === 'READING_ALREADY_LOGGED') setLogged(true)
    } finally {
      setBusy(false)
      onLogged()
    }
  }

  const who = learnerName ? `${learnerName}` : '您'
  return (
    <View className="section log-area" data-testid="log-area" data-logged={logged ? 'true' : 'false'} data-member={memberId ?? 'self'}>
      <Text className="section__title">读书打卡</Text>
      {picker}
      {done ? (
        <View className="log-done" data-testid="log-done">
          <Text className="log-done__title">✓ 打卡成功，今天读了 {minutesText(done.minutes)}</Text>
        </View>
      ) : null}
      <View className="log-stats" data-testid="log-stats" data-streak={String(reader.streak)} data-minutes={String(reader.totalMinutes)}>
        <Text className="log-stats__streak" data-testid="log-streak">
          {learnerName ? `${learnerName}：` : ''}
          {streakText(reader.streak)}
        </Text>
        <Text className="log-stats__total" data-testid="log-total">
          累计读书 {reader.totalMinutes} 分钟
          {reader.totalMinutes >= 60 ? `（${minutesText(reader.totalMinutes)}）` : ''}
        </Text>
      </View>
      {failure ? <InlineError message={failure.message} code={failure.code} testid="log-error" /> : null}
      {logged ? (
        <View className="log-logged">
          {!done && !failure ? <Text className="log-logged__text">{who}今天已经为这本书打过卡了，明天再来吧。</Text> : null}
          <View
            className="btn btn--disabled btn--block"
            data-testid="log-submit"
            data-disabled="true"
            ariaRole="button"
            ariaLabel="今天已打卡，明天再来"
          >
            <Text>✓ 今天已打卡</Text>
          </View>
        </View>
      ) : (
        <LogForm draft={draft} onChange={setDraft} error={fieldError} busy={busy} onSubmit={() => void submit()} />
      )}
    </View>
  )
}

/** The 书友会 / 读书沙龙 about this book; the card opens the activity page, where sign-up happens. */
function Activities({ activities }: { activities: ActivitySummary[] }) {
  if (activities.length === 0) return null
  return (
    <View className="section" data-testid="book-activities" data-count={String(activities.length)}>
      <Text className="section__title">一起读：书友会 / 读书沙龙</Text>
      {activities.map((a) => (
        <View
          key={a.id}
          className={`book-activity${a.status === 'cancelled' ? ' book-activity--cancelled' : ''}`}
          data-testid="book-activity"
          data-id={a.id}
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(a.id)}` })}
        >
          <View className="book-activity__tags">
            <Text className="book-activity__type">{typeLabel(a.type)}</Text>
            <Text className="book-activity__district">{a.districtName}</Text>
            {a.status === 'cancelled' ? <Text className="book-activity__cancelled">✕ 已取消</Text> : null}
          </View>
          <Text className="book-activity__title">{a.title}</Text>
          <Text className="book-activity__line">时间：{timeRangeText(a.startAt, a.endAt)}</Text>
          <Text className="book-activity__line">地点：{placeText(a)}</Text>
          <Text className="book-activity__more">{a.signupRequired ? '查看并报名 ›' : '查看详情 ›'}</Text>
        </View>
      ))}
    </View>
  )
}
