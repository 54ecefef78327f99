import { Text, View } from '@tarojs/components'
import { Chip } from '@/components/Chip'
import { cityChoice, type DistrictChoice, type Scope } from './scope'
import './ScopePicker.scss'

/**
 * The week (when the caller has several) and the district as chips: every option visible, the chosen
 * one marked with ✓. `rollUp`: admins get 全部县区 (all districts added up) first. `cityRollUp`: a
 * city admin gets their city's roll-up (全市汇总) first (the page shows its name from the server).
 */
export function ScopePicker({
  scopes,
  scope,
  district,
  onWeek,
  onDistrict,
  rollUp,
  cityRollUp = false,
}: {
  scopes: Scope[]
  scope: Scope
  district: DistrictChoice
  onWeek: (weekId: string) => void
  onDistrict: (code: DistrictChoice) => void
  rollUp: boolean
  cityRollUp?: boolean
}) {
  const showRollUp = rollUp && scope.admin
  const cities = cityRollUp ? scope.cities : []
  const showDistricts = scope.districts.length > 1 || showRollUp || cities.length > 0
  return (
    <View className="org-scope">
      {scopes.length > 1 ? (
        <View className="org-scope__chips" data-testid="org-week-selector">
          {scopes.map((s) => (
            <Chip key={s.week.id} selected={s.week.id === scope.week.id} testid={`org-week-${s.week.id}`} onTap={() => onWeek(s.week.id)}>
              {s.week.region}
            </Chip>
          ))}
        </View>
      ) : null}
      {showDistricts ? (
        <View className="org-scope__chips" data-testid="org-district-chooser" data-value={district}>
          {showRollUp ? (
            <Chip selected={district === ''} testid="org-district-all" onTap={() => onDistrict('')}>
              全部县区
            </Chip>
          ) : null}
          {cities.map((c, i) => (
            <Chip key={c} selected={district === cityChoice(c)} testid={`org-city-${c}`} value={c} onTap={() => onDistrict(cityChoice(c))}>
              {cities.length > 1 ? `全市汇总（${i + 1}）` : '全市汇总'}
            </Chip>
          ))}
          {scope.districts.map((d) => (
            <Chip
              key={d.code}
              selected={district === d.code}
              testid={`org-district-${d.code}`}
              value={d.code}
              onTap={() => onDistrict(d.code)}
            >
              {d.name}
            </Chip>
          ))}
        </View>
      ) : (
        <Text className="org-scope__only muted">县区：{scope.districts[0]?.name ?? '—'}</Text>
      )}
    </View>
  )
}
