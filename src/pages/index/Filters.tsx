import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Week } from '@shared/contracts/activity'
import { CONTENT_TYPES, type ContentType } from '@shared/domain/vocabulary'
import { Chip } from '@/components/Chip'
import { typeLabel } from '@/utils/activityText'

interface Props {
  week: Week
  district: string
  type: ContentType | ''
  onDistrict: (code: string) => void
  onType: (type: ContentType | '') => void
}

type Panel = 'district' | 'type' | null

/**
 * 县区 and 活动类型 filters. Each is a large button that says its current value; tapping it opens
 * its options inline below (no pop-up), and choosing one closes it again.
 */
export function Filters({ week, district, type, onDistrict, onType }: Props) {
  const [open, setOpen] = useState<Panel>(null)
  const toggle = (p: Exclude<Panel, null>) => setOpen((cur) => (cur === p ? null : p))
  const districtName = week.districts.find((d) => d.code === district)?.name ?? '全部县区'
  const typeName = type ? typeLabel(type) : '全部类型'

  return (
    <View className='home-filters'>
      <View className='home-filters__row'>
        <View
          className={`home-filter${district ? ' home-filter--set' : ''}`}
          data-testid='filter-district'
          data-value={district}
          data-open={open === 'district' ? 'true' : 'false'}
          ariaRole='button'
          onClick={() => toggle('district')}
        >
          <Text className='home-filter__label'>县区</Text>
          <Text className='home-filter__value'>
            {districtName}
            <Text className='home-filter__arrow'>{open === 'district' ? '收起' : '更改'}</Text>
          </Text>
        </View>
        <View
          className={`home-filter${type ? ' home-filter--set' : ''}`}
          data-testid='filter-type'
          data-value={type}
          data-open={open === 'type' ? 'true' : 'false'}
          ariaRole='button'
          onClick={() => toggle('type')}
        >
          <Text className='home-filter__label'>活动类型</Text>
          <Text className='home-filter__value'>
            {typeName}
            <Text className='home-filter__arrow'>{open === 'type' ? '收起' : '更改'}</Text>
          </Text>
        </View>
      </View>

      {open === 'district' ? (
        <View className='home-options' data-testid='district-options'>
          <Chip selected={district === ''} testid='district-option-all' onTap={() => {
                onDistrict('')
                setOpen(null)
              }}>
            全部县区
          </Chip>
          {week.districts.map((d) => (
            <Chip
              key={d.code}
              selected={district === d.code}
              testid={`district-option-${d.code}`}
              value={d.code}
              onTap={() => {
                onDistrict(d.code)
                setOpen(null)
              }}
            >
              {d.name}
            </Chip>
          ))}
        </View>
      ) : null}

      {open === 'type' ? (
        <View className='home-options home-options--wide' data-testid='type-options'>
          <Chip selected={type === ''} testid='type-option-all' onTap={() => {
                onType('')
                setOpen(null)
              }}>
            全部类型
          </Chip>
          {CONTENT_TYPES.map((t) => (
            <Chip
              key={t.code}
              selected={type === t.code}
              testid={`type-option-${t.code}`}
              value={t.code}
              onTap={() => {
                onType(t.code)
                setOpen(null)
              }}
            >
              {t.label}
            </Chip>
          ))}
        </View>
      ) : null}

      {district || type ? (
        <View className='home-filters__active'>
          <Text className='muted'>
            已筛选：{[district ? districtName : '', type ? typeName : ''].filter(Boolean).join(' · ')}
          </Text>
          <View
            className='btn btn--secondary home-filters__clear'
            data-testid='filter-clear'
            ariaRole='button'
            onClick={() => {
              onDistrict('')
              onType('')
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
