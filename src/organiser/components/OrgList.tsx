import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Chip } from '@/components/Chip'
import { weekChipLabel } from '@/utils/weekChip'
import type { Scope } from './scope'

// The parts the organiser list pages (活动管理, 课程管理, 书单管理) share. Their styles are in
// _orgList.scss, which each page's stylesheet includes.

/** The week chips, when the caller manages several weeks. */
export function WeekChips({ scopes, scope, onWeek }: { scopes: Scope[]; scope: Scope; onWeek: (weekId: string) => void }) {
  if (scopes.length <= 1) return null
  const weeks = scopes.map((s) => s.week)
  return (
    <View className="org-chips" data-testid="org-week-selector">
      {scopes.map((s) => (
        <Chip key={s.week.id} selected={s.week.id === scope.week.id} testid={`org-week-${s.week.id}`} onTap={() => onWeek(s.week.id)}>
          {weekChipLabel(s.week, weeks)}
        </Chip>
      ))}
    </View>
  )
}

/** The week's name, what the caller is responsible for, then the page's buttons. */
export function WeekSection({ scope, children }: { scope: Scope; children?: ReactNode }) {
  return (
    <View className="section">
      <Text className="section__title">{scope.week.name}</Text>
      <Text className="muted">
        {scope.admin ? '您是本届活动周的管理员，可管理所有县区。' : `您负责：${scope.districts.map((d) => d.name).join('、')}`}
      </Text>
      {children}
    </View>
  )
}

/** 全部县区 and each district as chips, when the caller has several ('' is all of them). */
export function DistrictFilter({ scope, district, onDistrict }: { scope: Scope; district: string; onDistrict: (code: string) => void }) {
  if (scope.districts.length <= 1) return null
  return (
    <View className="org-chips" data-testid="org-district-filter">
      <Chip selected={district === ''} testid="org-district-all" onTap={() => onDistrict('')}>
        全部县区
      </Chip>
      {scope.districts.map((d) => (
        <Chip key={d.code} selected={district === d.code} testid={`org-district-${d.code}`} onTap={() => onDistrict(d.code)}>
          {d.name}
        </Chip>
      ))}
    </View>
  )
}

/**
 * 编辑 and 发布 (a draft) or 下线 (a published one) under an item. `testid` names the item kind:
 * the buttons are `<testid>-edit`, `-publish` and `-unpublish`.
 */
export function PublishButtons({
  testid,
  status,
  editRole,
  onEdit,
  onAsk,
}: {
  testid: string
  status: 'draft' | 'published'
  /** 'link' when 编辑 opens another page, 'button' when it edits in place. */
  editRole: 'link' | 'button'
  onEdit: () => void
  onAsk: (ask: 'publish' | 'unpublish') => void
}) {
  return (
    <View className="btn-row org-item__actions">
      <View className="btn btn--secondary" data-testid={`${testid}-edit`} ariaRole={editRole} onClick={onEdit}>
        <Text>编辑</Text>
      </View>
      {status === 'draft' ? (
        <View className="btn btn--primary" data-testid={`${testid}-publish`} ariaRole="button" onClick={() => onAsk('publish')}>
          <Text>发布</Text>
        </View>
      ) : (
        <View
          className="btn btn--secondary org-danger"
          data-testid={`${testid}-unpublish`}
          ariaRole="button"
          onClick={() => onAsk('unpublish')}
        >
          <Text>下线</Text>
        </View>
      )}
    </View>
  )
}
