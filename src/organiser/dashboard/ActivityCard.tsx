import { Text, View } from '@tarojs/components'
import type { LiveActivity } from '@shared/contracts/stats'
import { typeLabel } from '@/utils/activityText'
import { arrivalText, badges, clockRange, seatsLine } from './liveText'

/** One activity of the day, live: time, type, badges, seats, check-ins, walk-ins and waitlist. */
export function ActivityCard({ a, showDistrict }: { a: LiveActivity; showDistrict: boolean }) {
  const marks = badges(a)
  const arrival = arrivalText(a)
  return (
    <View
      className={`live-act${a.status === 'cancelled' ? ' live-act--off' : ''}${a.needsHelp ? ' live-act--help' : ''}`}
      data-testid="live-activity"
      data-id={a.id}
      data-full={a.full ? 'true' : 'false'}
      data-needs-help={a.needsHelp ? 'true' : 'false'}
    >
      <View className="live-act__tags">
        <Text className="live-act__time">{clockRange(a.startAt, a.endAt)}</Text>
        <Text className="live-act__tag">{typeLabel(a.type)}</Text>
        {showDistrict ? <Text className="live-act__tag">{a.districtName}</Text> : null}
        {marks.map((m) => (
          <Text key={m.key} className={`live-act__badge live-act__badge--${m.key}`} data-testid={`live-badge-${m.key}`}>
            {m.text}
          </Text>
        ))}
      </View>
      <Text className="live-act__title">{a.title}</Text>
      {a.venueName ? <Text className="live-act__line">地点：{a.venueName}</Text> : null}
      <Text className="live-act__line" data-testid={`live-seats-${a.id}`}>
        {seatsLine(a)}
      </Text>
      <View className="live-act__figures">
        <Figure label="已签到" value={a.checkedIn} testid={`live-checked-in-${a.id}`} strong />
        <Figure label="现场登记" value={a.walkInHeadcount} testid={`live-walk-ins-${a.id}`} />
        <Figure label="候补" value={a.waitlisted} testid={`live-waitlisted-${a.id}`} />
      </View>
      {arrival ? <Text className="live-act__note">{arrival}</Text> : null}
    </View>
  )
}

function Figure({ label, value, testid, strong }: { label: string; value: number; testid: string; strong?: boolean }) {
  return (
    <View className={`live-fig${strong ? ' live-fig--strong' : ''}`}>
      <Text className="live-fig__label">{label}</Text>
      <Text className="live-fig__n" data-testid={testid} data-value={value}>
        {value}
      </Text>
    </View>
  )
}
