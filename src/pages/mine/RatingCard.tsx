import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PendingRating } from '@shared/contracts/signup'
import { RATING_LEVELS, type RatingLevel } from '@shared/domain/feedback'
import { InlineError, TextArea } from '@/components/form'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { listPendingRatings, rateActivity } from '@/services/signup'
import { instantText } from '@/utils/activityText'
import './RatingCard.scss'

/** Marks beside the words, so the three choices differ by more than colour. */
const MARKS: Record<RatingLevel, string> = { satisfied: '◎', basic: '○', unsatisfied: '✕' }

/**
 * 请评价您参加的活动 in 我的: the activities the resident (or their family member) was checked in to and
 * has not rated, each asked once: 满意 / 基本满意 / 不满意 with an optional comment, or 不评价. Big
 * buttons, no pop-ups; a rated or declined activity leaves the list with 感谢您的评价.
 */
export function RatingCard({ refresh }: { refresh: number }) {
  const res = useAsync(() => listPendingRatings().then((r) => r.items), [refresh])
  const [gone, setGone] = useState<string[]>([])
  const [thanks, setThanks] = useState('')

  if (res.status === 'loading') return null
  if (res.status === 'error') {
    return (
      <View className="section rate-card" data-testid="rating-card" data-status="error">
        <Text className="mine-notices__error">⚠ 待评价的活动没有加载出来：{res.error.message}</Text>
        <View className="btn btn--secondary" data-testid="rating-retry" ariaRole="button" onClick={res.reload}>
          <Text>重新加载</Text>
        </View>
      </View>
    )
  }
  const items = res.data.filter((i) => !gone.includes(i.registrationId))
  if (items.length === 0 && !thanks) return null

  const done = (item: PendingRating, text: string) => {
    setGone((g) => [...g, item.registrationId])
    setThanks(text)
  }

  return (
    <View className="section rate-card" data-testid="rating-card" data-status="ready" data-count={items.length}>
      {items.length > 0 ? (
        <View className="rate-card__head">
          <Text className="section__title">请评价您参加的活动</Text>
          <Text className="rate-card__intro">您的评价能帮组织者把活动办得更好。每项活动只问一次。</Text>
        </View>
      ) : null}
      {thanks ? (
        <Text className="rate-card__thanks" data-testid="rating-thanks">
          {thanks}
        </Text>
      ) : null}
      {items.map((item) => (
        <RatingItem key={item.registrationId} item={item} onDone={(text) => done(item, text)} />
      ))}
    </View>
  )
}

function RatingItem({ item, onDone }: { item: PendingRating; onDone: (thanks: string) => void }) {
  const [chosen, setChosen] = useState<RatingLevel | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState<'' | 'rate' | 'skip'>('')
  const [failure, setFailure] = useState<CloudError | null>(null)

  const send = async (choice: RatingLevel | 'skipped') => {
    if (busy) return
    setBusy(choice === 'skipped' ? 'skip' : 'rate')
    setFailure(null)
    try {
      const text = comment.trim()
      await rateActivity({
        registrationId: item.registrationId,
        choice,
        ...(choice !== 'skipped' && text ? { comment: text.slice(0, 200) } : {}),
      })
      onDone(choice === 'skipped' ? '好的，这项活动不再请您评价。' : '✓ 感谢您的评价！')
    } catch (err) {
      const e = toCloudError(err)
      // Rated already (on another phone) or no longer askable: it leaves the list either way.
      if (e.code === 'ALREADY_RATED' || e.code === 'NOT_CHECKED_IN') onDone(e.message)
      else setFailure(e)
    } finally {
      setBusy('')
    }
  }

  const label = chosen ? RATING_LEVELS.find((l) => l.code === chosen)?.label : ''
  return (
    <View
      className="rate-item"
      data-testid="rating-item"
      data-registration={item.registrationId}
      data-activity={item.activityId}
      data-chosen={chosen ?? ''}
    >
      <Text className="rate-item__title">{item.title}</Text>
      <Text className="rate-item__line">{instantText(item.startAt)}</Text>
      <Text className="rate-item__line">{item.proxy ? `为家人 ${item.personName} 报名参加` : `${item.personName}（本人）参加`}</Text>

      {chosen === null ? (
        <View className="rate-item__choices" data-testid="rating-choices">
          {RATING_LEVELS.map((l) => (
            <View
              key={l.code}
              className={`btn btn--secondary rate-choice rate-choice--${l.code}`}
              data-testid={`rating-choice-${l.code}`}
              ariaRole="button"
              ariaLabel={`评价：${l.label}`}
              onClick={() => setChosen(l.code)}
            >
              <Text>
                {MARKS[l.code]} {l.label}
              </Text>
            </View>
          ))}
          <View
            className={`btn rate-skip ${busy === 'skip' ? 'btn--disabled' : 'btn--secondary'}`}
            data-testid="rating-skip"
            ariaRole="button"
            ariaLabel="不评价这项活动"
            onClick={() => void send('skipped')}
          >
            <Text>{busy === 'skip' ? '请稍候…' : '不评价'}</Text>
          </View>
        </View>
      ) : (
        <View className="rate-item__comment" data-testid="rating-comment-box">
          <Text className="rate-item__chosen" data-testid="rating-chosen">
            您的评价：{MARKS[chosen]} {label}
          </Text>
          <Text className="rate-item__line">还想说点什么？可以不填，直接点“提交评价”。</Text>
          <TextArea
            testid="rating-comment"
            label="评价内容"
            value={comment}
            onChange={setComment}
            maxlength={200}
            placeholder="写下您的意见或建议（选填）"
          />
          <View className="rate-item__actions">
            <View
              className={`btn btn--block ${busy === 'rate' ? 'btn--disabled' : 'btn--primary'}`}
              data-testid="rating-submit"
              ariaRole="button"
              onClick={() => void send(chosen)}
            >
              <Text>{busy === 'rate' ? '正在提交…' : '提交评价'}</Text>
            </View>
            <View className="btn btn--secondary btn--block" data-testid="rating-change" ariaRole="button" onClick={() => setChosen(null)}>
              <Text>重新选择</Text>
            </View>
          </View>
        </View>
      )}
      {failure ? <InlineError message={failure.message} code={failure.code} testid="rating-error" /> : null}
    </View>
  )
}
