import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { Week } from '@shared/contracts/activity'
import { Chip } from '@/components/Chip'
import { KIND_OPTIONS, LEVEL_OPTIONS, type GalleryFilters as Filters } from '@/utils/starsText'

interface Props {
  value: Filters
  onChange: (patch: Partial<Filters>) => void
  districts: Week['districts']
  years: number[]
}

/**
 * 类别 and 级别 as rows of large chips, every option visible, 全部 first. 县区 and 年份 (a region has
 * a dozen districts) open in place under a button that says what is chosen, so the list still
 * starts near the first screen in care mode.
 */
export function GalleryFilters({ value, onChange, districts, years }: Props) {
  const [more, setMore] = useState(false)
  const district = districts.find((d) => d.code === value.districtCode)?.name ?? '全部县区'
  const year = value.year ? `${value.year}年` : '全部年份'
  return (
    <View className="stars-filters" data-testid="stars-filters">
      <Row label="类别">
        <Chip selected={!value.kind} testid="filter-kind-all" onTap={() => onChange({ kind: '' })}>
          全部
        </Chip>
        {KIND_OPTIONS.map((o) => (
          <Chip
            key={o.code}
            selected={value.kind === o.code}
            testid={`filter-kind-${o.code}`}
            value={o.code}
            onTap={() => onChange({ kind: o.code })}
          >
            {o.label}
          </Chip>
        ))}
      </Row>
      <Row label="级别">
        <Chip selected={!value.level} testid="filter-level-all" onTap={() => onChange({ level: '' })}>
          全部
        </Chip>
        {LEVEL_OPTIONS.map((o) => (
          <Chip
            key={o.code}
            selected={value.level === o.code}
            testid={`filter-level-${o.code}`}
            value={o.code}
            onTap={() => onChange({ level: o.code })}
          >
            {o.label}
          </Chip>
        ))}
      </Row>
      <View
        className={`stars-filters__more${value.districtCode || value.year ? ' stars-filters__more--set' : ''}`}
        data-testid="filter-more"
        data-open={more ? 'true' : 'false'}
        ariaRole="button"
        onClick={() => setMore((m) => !m)}
      >
        <Text>
          {districts.length > 1 ? `县区：${district} · ` : ''}年份：{year}
        </Text>
        <Text className="stars-filters__more-sign">{more ? '收起 ▲' : '选择 ▼'}</Text>
      </View>
      {more && districts.length > 1 ? (
        <Row label="县区">
          <Chip selected={!value.districtCode} testid="filter-district-all" onTap={() => onChange({ districtCode: '' })}>
            全部
          </Chip>
          {districts.map((d) => (
            <Chip
              key={d.code}
              selected={value.districtCode === d.code}
              testid={`filter-district-${d.code}`}
              value={d.code}
              onTap={() => onChange({ districtCode: d.code })}
            >
              {d.name}
            </Chip>
          ))}
        </Row>
      ) : null}
      {more ? (
        <Row label="年份">
          <Chip selected={!value.year} testid="filter-year-all" onTap={() => onChange({ year: 0 })}>
            全部
          </Chip>
          {years.map((y) => (
            <Chip key={y} selected={value.year === y} testid={`filter-year-${y}`} value={String(y)} onTap={() => onChange({ year: y })}>
              {`${y}年`}
            </Chip>
          ))}
        </Row>
      ) : null}
    </View>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="stars-filters__row">
      <Text className="stars-filters__label">{label}</Text>
      <View className="stars-filters__chips">{children}</View>
    </View>
  )
}
