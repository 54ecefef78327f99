import { Text, View } from '@tarojs/components'
import type { ActivitySummary } from '@shared/contracts/activity'
import { Chip } from '@/components/Chip'
import { Empty, ErrorState, Loading } from '@/components/states'
import type { AsyncState } from '@/hooks/useAsync'
import { placeText, timeRangeText, typeLabel } from '@/utils/activityText'
import { toggleActivity } from './form'

/**
 * Link the district's published activities of the week (offline classes, 书友会…): every one a
 * full-width chip with its time and place; those of `preferType` first. Linked ids no longer
 * published stay listed so they can be removed.
 */
export function ActivityPicker({
  activities,
  value,
  onChange,
  testid,
  preferType,
  max,
  onRetry,
}: {
  activities: AsyncState<ActivitySummary[]>
  value: string[]
  onChange: (ids: string[]) => void
  testid: string
  preferType?: string
  max?: number
  onRetry?: () => void
}) {
  if (activities.status === 'loading') return <Loading text="正在加载本县区的活动…" />
  if (activities.status === 'error') return <ErrorState message={activities.error.message} code={activities.error.code} onRetry={onRetry} />
  const list = [...activities.data].sort((a, b) => Number(b.type === preferType) - Number(a.type === preferType) || a.startAt - b.startAt)
  const missing = value.filter((id) => !list.some((a) => a.id === id))
  return (
    <View className="org-acts" data-testid={testid} data-value={value.join(',')}>
      {list.length === 0 && missing.length === 0 ? (
        <Empty title="本县区还没有已发布的活动" hint="先在“活动管理”里发布线下课堂，再回来关联。" />
      ) : null}
      {list.map((a) => (
        <Chip
          key={a.id}
          selected={value.includes(a.id)}
          testid={`${testid}-${a.id}`}
          value={a.id}
          sub={`${typeLabel(a.type)} · ${timeRangeText(a.startAt, a.endAt)} · ${placeText(a)}`}
          onTap={() => onChange(toggleActivity(value, a.id, max))}
        >
          {a.title}
        </Chip>
      ))}
      {missing.map((id) => (
        <Chip
          key={id}
          selected
          testid={`${testid}-${id}`}
          value={id}
          sub="已不在发布列表中，点按取消关联"
          onTap={() => onChange(value.filter((x) => x !== id))}
        >
          {`活动 ${id}`}
        </Chip>
      ))}
      {value.length > 0 ? <Text className="muted">已关联 {value.length} 项</Text> : null}
    </View>
  )
}
