import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { GalleryEntry } from '@shared/contracts/stars'
import { InlineError } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { starsApi } from '@/services/stars'
import { LIKED_EVENT, likeButtonText, likesText, voteButtonText, votesText } from '@/utils/starsText'

/**
 * 点赞 (once per person per entry per day) and, in the vote phase, 投票 (the same rule). After a tap
 * the button says 今天已点赞 with the new count; a second like the same day is simply not counted
 * (counted: false), no error. A visitor (朋友圈) sees the counts and where to like.
 */
export function Cheer({ entry, visitor }: { entry: GalleryEntry; visitor: boolean }) {
  const [likes, setLikes] = useState({ count: entry.likes, today: entry.likedToday })
  const [votes, setVotes] = useState({ count: entry.votes, today: entry.votedToday })
  const [busy, setBusy] = useState<'like' | 'vote' | null>(null)
  const [failure, setFailure] = useState<CloudError | null>(null)

  const like = async () => {
    if (visitor || busy || likes.today) return
    setBusy('like')
    setFailure(null)
    try {
      const r = await starsApi.like({ id: entry.id })
      setLikes({ count: r.likes, today: true })
      Taro.eventCenter.trigger(LIKED_EVENT, entry.id, r.likes)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(null)
    }
  }
  const vote = async () => {
    if (visitor || busy || votes.today) return
    setBusy('vote')
    setFailure(null)
    try {
      const r = await starsApi.vote({ id: entry.id })
      setVotes({ count: r.votes, today: true })
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(null)
    }
  }

  const likeOff = visitor || likes.today
  return (
    <View className="section star-cheer" data-testid="star-cheer">
      <Text className="star-cheer__count" data-testid="star-likes" data-likes={String(likes.count)}>
        {likesText(likes.count)}
      </Text>
      <View
        className={`btn btn--block ${likeOff ? 'btn--disabled' : 'btn--primary'}`}
        data-testid="star-like"
        data-liked={likes.today ? 'true' : 'false'}
        data-disabled={likeOff ? 'true' : 'false'}
        ariaRole="button"
        onClick={() => void like()}
      >
        <Text>{likeButtonText({ visitor, likedToday: likes.today, busy: busy === 'like' })}</Text>
      </View>
      {likes.today && !visitor ? <Text className="star-cheer__note">每人每天可以点赞一次，明天再来吧。</Text> : null}

      {entry.voteOpen ? (
        <View className="star-cheer__vote" data-testid="star-vote-area">
          <Text className="star-cheer__count" data-testid="star-votes" data-votes={String(votes.count)}>
            投票中 · 已得 {votesText(votes.count)}
          </Text>
          <View
            className={`btn btn--block ${visitor || votes.today ? 'btn--disabled' : 'btn--secondary'}`}
            data-testid="star-vote"
            data-voted={votes.today ? 'true' : 'false'}
            ariaRole="button"
            onClick={() => void vote()}
          >
            <Text>{voteButtonText({ visitor, votedToday: votes.today, busy: busy === 'vote' })}</Text>
          </View>
          <Text className="star-cheer__note">投票结果供评选参考，每人每天可投一票。</Text>
        </View>
      ) : null}
      {failure ? <InlineError message={failure.message} code={failure.code} testid="star-cheer-error" /> : null}
    </View>
  )
}
