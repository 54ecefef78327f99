import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Unit } from '@shared/contracts/staff'
import { STAFF_LIMITS } from '@shared/domain/staff'
import { ChoiceChips, Field, InlineError, TextInput } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { createUnit } from '@/services/staff'
import { unitTree, type StaffScope } from './staffScope'

/**
 * 县区与城市: the week's units the caller may see, grouped under their cities, and a new one by its
 * name only (the code is generated): a district (under a city on a province week), or a city (week
 * admins of a province week).
 */
export function UnitsSection({
  scope,
  level,
  units,
  onCreated,
}: {
  scope: StaffScope
  level: 'province' | 'city' | 'district'
  units: Unit[]
  onCreated: (u: Unit) => void
}) {
  const province = level === 'province'
  const cities = units.filter((u) => u.level === 'city' && (scope.admin || scope.cities.includes(u.code)))
  const [kind, setKind] = useState<'district' | 'city'>('district')
  const [cityCode, setCityCode] = useState(() => cities[0]?.code ?? '')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const needsCity = kind === 'district' && (province || !scope.admin) && cities.length > 0

  const add = async () => {
    if (busy || !name.trim()) return
    setBusy(true)
    setError(null)
    try {
      const res = await createUnit({
        weekId: scope.week.id,
        name: name.trim(),
        level: kind,
        cityCode: needsCity ? cityCode || null : null,
      })
      setName('')
      onCreated(res.unit)
    } catch (err) {
      setError(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section" data-testid="staff-units">
      <Text className="section__title">{province ? '城市与县区' : '县区'}</Text>
      {unitTree(units).map((g) => (
        <View key={g.city?.code ?? '_'} className="staff-group">
          {g.city ? (
            <Text className="staff-group__city" data-testid="staff-unit-city" data-code={g.city.code}>
              {g.city.name}
            </Text>
          ) : null}
          <View className="staff-units">
            {g.districts.map((d) => (
              <Text key={d.code} className="staff-unit" data-testid="staff-unit" data-code={d.code}>
                {d.name}
              </Text>
            ))}
            {g.districts.length === 0 ? <Text className="muted">还没有县区</Text> : null}
          </View>
        </View>
      ))}

      {province && scope.admin ? (
        <ChoiceChips
          options={[
            { code: 'district', label: '新增区县' },
            { code: 'city', label: '新增城市' },
          ]}
          value={kind}
          onChange={setKind}
          testid="staff-unit-kind"
          columns={2}
        />
      ) : null}
      {needsCity && cities.length > 1 ? (
        <Field label="所属城市" required testid="staff-unit-city-field">
          <ChoiceChips
            options={cities.map((c) => ({ code: c.code, label: c.name }))}
            value={cityCode}
            onChange={setCityCode}
            testid="staff-unit-city"
          />
        </Field>
      ) : null}
      <Field label={kind === 'city' ? '城市名称' : '县区名称'} required hint="只填名称，编号由系统生成。" testid="staff-unit-name-field">
        <TextInput
          value={name}
          onChange={setName}
          testid="staff-unit-name"
          maxlength={STAFF_LIMITS.unitNameMax}
          placeholder={kind === 'city' ? '例如 三亚市' : '例如 东湖区'}
          label={kind === 'city' ? '城市名称' : '县区名称'}
          onConfirm={() => void add()}
        />
      </Field>
      {error ? <InlineError message={error.message} code={error.code} testid="staff-unit-error" /> : null}
      <View
        className={`btn btn--block ${busy || !name.trim() ? 'btn--disabled' : 'btn--primary'}`}
        data-testid="staff-unit-add"
        ariaRole="button"
        onClick={() => void add()}
      >
        <Text>{busy ? '正在添加…' : kind === 'city' ? '＋ 新增城市' : '＋ 新增区县'}</Text>
      </View>
    </View>
  )
}
