import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Week } from '@shared/contracts/activity'
import { AUDIENCES, CONTENT_TYPES, type ActivityMode, type Audience, type ContentType } from '@shared/domain/vocabulary'
import { Chip } from '@/components/Chip'
import { typeLabel } from '@/utils/activityText'

export interface FilterValues {
  district: string
  type: ContentType | ''
  audience: Audience | ''
  mode: ActivityMode | ''
  hasSeats: boolean
}

export const NO_FILTERS: FilterValues = { district: '', type: '', audience: '', mode: '', hasSeats: false }

/** The list's mode filter: online and offline include hybrid activities (see the list contract). */
export const MODE_OPTIONS: { code: ActivityMode; label: string }[] = [
  { code: 'offline', label: '线下参加' },
  { code: 'online', label: '线上参加' },
  { code: 'hybrid', label: '线上线下同步' },
]

interface Props {
  week: Week
  value: FilterValues
  onChange: (patch: Partial<FilterValues>) => void
  /** The applied search word, shown in the summary. */
  keyword: string
  onClear: () => void
}

type Panel = 'district' | 'type' | 'audience' | 'mode' | null

interface Choice {
  code: string
  label: string
}

/**
 * 县区, 活动类型, 适合人群 and 线上/线下 filters plus 只看有名额, folded into one 筛选 row so the list
 * starts on the first screen. The row opens them as a sheet in place (no pop-up); there each filter
 * is a large button that says its current value, and tapping it opens its options below it. What is
 * applied is always said under the row, with 清除筛选.
 */
export function Filters({ week, value, onChange, keyword, onClear }: Props) {
  const [sheet, setSheet] = useState(false)
  const [open, setOpen] = useState<Panel>(null)
  const toggle = (p: Exclude<Panel, null>) => setOpen((cur) => (cur === p ? null : p))
  const names = {
    district: week.districts.find((d) => d.code === value.district)?.name ?? '全部县区',
    type: value.type ? typeLabel(value.type) : '全部类型',
    audience: AUDIENCES.find((a) => a.code === value.audience)?.label ?? '全部人群',
    mode: MODE_OPTIONS.find((m) => m.code === value.mode)?.label ?? '线上线下都看',
  }

  const button = (panel: Exclude<Panel, null>, label: string, current: string, set: boolean) => (
    <View
      className={`home-filter${set ? ' home-filter--set' : ''}`}
      data-testid={`filter-${panel}`}
      data-value={value[panel]}
      data-open={open === panel ? 'true' : 'false'}
      ariaRole="button"
      onClick={() => toggle(panel)}
    >
      <Text className="home-filter__label">{label}</Text>
      <Text className="home-filter__value">
        {current}
        <Text className="home-filter__arrow">{open === panel ? '收起' : '更改'}</Text>
      </Text>
    </View>
  )

  const options = (panel: Exclude<Panel, null>, allLabel: string, list: readonly Choice[], wide: boolean) => (
    <View className={`home-options${wide ? ' home-options--wide' : ''}`} data-testid={`${panel}-options`}>
      <Chip
        selected={value[panel] === ''}
        testid={`${panel}-option-all`}
        onTap={() => {
          onChange({ [panel]: '' })
          setOpen(null)
        }}
      >
        {allLabel}
      </Chip>
      {list.map((o) => (
        <Chip
          key={o.code}
          selected={value[panel] === o.code}
          testid={`${panel}-option-${o.code}`}
          value={o.code}
          onTap={() => {
            onChange({ [panel]: o.code })
            setOpen(null)
          }}
        >
          {o.label}
        </Chip>
      ))}
    </View>
  )

  const active = [
    value.district ? names.district : '',
    value.type ? names.type : '',
    value.audience ? names.audience : '',
    value.mode ? names.mode : '',
    value.hasSeats ? '有名额' : '',
    keyword ? `搜索“${keyword}”` : '',
  ].filter(Boolean)

  const chosen = active.length - (keyword ? 1 : 0)
  return (
    <View className="home-filters">
      <View
        className={`home-filters__toggle${chosen > 0 ? ' home-filters__toggle--set' : ''}`}
        data-testid="filters-toggle"
        data-open={sheet ? 'true' : 'false'}
        ariaRole="button"
        ariaLabel={sheet ? '收起筛选' : '展开筛选：县区、活动类型、适合人群、参加方式、只看还能参加的'}
        onClick={() => {
          setSheet((v) => !v)
          setOpen(null)
        }}
      >
        <Text className="home-filters__toggle-label">筛选</Text>
        <Text className="home-filters__toggle-value">{chosen > 0 ? `已选 ${chosen} 项` : '县区 · 类型 · 人群 · 方式'}</Text>
        <Text className="home-filter__arrow">{sheet ? '收起 ▲' : '展开 ▼'}</Text>
      </View>
      {sheet ? (
        <View className="home-filters__sheet" data-testid="filters-sheet">
          <View className="home-filters__row">
            {button('district', '县区', names.district, !!value.district)}
            {button('type', '活动类型', names.type, !!value.type)}
          </View>
          {open === 'district'
            ? options(
                'district',
                '全部县区',
                week.districts.map((d) => ({ code: d.code, label: d.name })),
                false,
              )
            : null}
          {open === 'type' ? options('type', '全部类型', CONTENT_TYPES, true) : null}

          <View className="home-filters__row">
            {button('audience', '适合人群', names.audience, !!value.audience)}
            {button('mode', '参加方式', names.mode, !!value.mode)}
          </View>
          {open === 'audience' ? options('audience', '全部人群', AUDIENCES, true) : null}
          {open === 'mode' ? options('mode', '线上线下都看', MODE_OPTIONS, true) : null}

          <View
            className={`home-seats${value.hasSeats ? ' home-seats--on' : ''}`}
            data-testid="filter-seats"
            data-selected={value.hasSeats ? 'true' : 'false'}
            ariaRole="button"
            ariaLabel={value.hasSeats ? '只看还能参加的活动，已选中' : '只看还能参加的活动，未选中'}
            onClick={() => onChange({ hasSeats: !value.hasSeats })}
          >
            <Text className="home-seats__box">{value.hasSeats ? '✓' : ''}</Text>
            <Text className="home-seats__text">只看还能参加的（有名额或无需报名）</Text>
          </View>
        </View>
      ) : null}

      {active.length > 0 ? (
        <View className="home-filters__active">
          <Text className="muted" data-testid="filter-summary">
            已筛选：{active.join(' · ')}
          </Text>
          <View
            className="btn btn--secondary home-filters__clear"
            data-testid="filter-clear"
            ariaRole="button"
            onClick={() => {
              onClear()
              setOpen(null)
            }}
          >
            <Text>清除筛选</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
