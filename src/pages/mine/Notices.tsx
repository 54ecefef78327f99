import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { useAsync } from '@/hooks/useAsync'
import { listNotices, markNoticesRead } from '@/services/signup'
import { instantText } from '@/utils/activityText'
import { noticeLink, noticeText } from '@/utils/signupText'

/**
 * Notices at the top of 我的活动: an activity cancelled by its organiser, a waitlisted registration
 * promoted, and to staff a 总结表 not yet submitted near its deadline (tapped, it opens that unit's
 * 总结表). Those not seen before say 新; once shown they are marked read.
 */
export function Notices({ refresh }: { refresh: number }) {
  const res = useAsync(() => listNotices({ limit: 10 }), [refresh])
  const unreadIds = res.status === 'ready' ? res.data.items.filter((n) => n.readAt === null).map((n) => n.id) : []
  // The effect is keyed on the ids' value, not the array's identity, and reads them back from the key.
  const unreadKey = JSON.stringify(unreadIds)

  useEffect(() => {
    const ids = JSON.parse(unreadKey) as string[]
    if (ids.length === 0) return
    // Seen now; a failure only means they say 新 once more next time.
    markNoticesRead(ids.slice(0, 50)).catch(() => undefined)
  }, [unreadKey])

  if (res.status === 'loading') return null
  if (res.status === 'error') {
    return (
      <View className="section mine-notices" data-testid="notices" data-status="error">
        <Text className="mine-notices__error">⚠ 通知没有加载出来：{res.error.message}</Text>
        <View className="btn btn--secondary" data-testid="notices-retry" ariaRole="button" onClick={res.reload}>
          <Text>重新加载通知</Text>
        </View>
      </View>
    )
  }
  if (res.data.items.length === 0) return null
  return (
    <View className="section mine-notices" data-testid="notices" data-status="ready">
      <Text className="section__title">通知{res.data.unread > 0 ? `（${res.data.unread} 条新通知）` : ''}</Text>
      {res.data.items.map((n) => {
        const t = noticeText(n)
        const link = noticeLink(n)
        const tone = n.template === 'activity_cancelled' ? 'off' : n.template === 'summary_due' ? 'due' : 'ok'
        return (
          <View
            key={n.id}
            className={`mine-notice mine-notice--${tone}`}
            data-testid="notice-item"
            data-template={n.template}
            data-read={n.readAt === null ? 'false' : 'true'}
            data-registration={n.template === 'summary_due' ? undefined : n.registrationId}
            ariaRole={link ? 'link' : undefined}
            onClick={link ? () => void Taro.navigateTo({ url: link }) : undefined}
          >
            <Text className="mine-notice__title">
              {n.readAt === null ? <Text className="mine-notice__new">新</Text> : null}
              {t.icon} {t.title}
            </Text>
            <Text className="mine-notice__text">{t.detail}</Text>
            {link ? <Text className="mine-notice__go">打开总结表 ›</Text> : null}
            <Text className="mine-notice__time">{instantText(n.createdAt)}</Text>
          </View>
        )
      })}
    </View>
  )
}
