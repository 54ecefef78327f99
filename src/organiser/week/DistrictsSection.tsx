import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { STAFF_LIMITS } from '@shared/domain/staff'
import { InlineError, TextInput } from '@/components/form'
import { toCloudError } from '@/services/callCloud'
import { createUnit } from '@/services/staff'
import { nextDistrictCode } from './edition'

interface District {
  code: string
  name: string
  cityCode?: string
}

/**
 * 参加县区: the week's districts by name (codes are never shown), 移除, and a new one by its name only:
 * an existing week's is created on the server at once (units.create makes its code); a new week's
 * draft list gets d1, d2, … until the week is created.
 */
export function DistrictsSection({
  weekId,
  districts,
  onChange,
  onCreated,
}: {
  /** null while the week is still being created. */
  weekId: string | null
  districts: District[]
  onChange: (districts: District[]) => void
  onCreated: (d: District) => void
}) {
  const [name, setName] = useState('')
  const [adding, setAdding] = useState(false)
  const [error, setError] = useState<{ message: string; code?: string } | null>(null)

  const add = async () => {
    const typed = name.trim()
    if (adding || !typed) return
    setError(null)
    if (districts.some((d) => d.name === typed)) {
      setError({ message: `已经有“${typed}”了`, code: 'UNIT_NAME_TAKEN' })
      return
    }
    if (!weekId) {
      onChange([...districts, { code: nextDistrictCode(districts), name: typed }])
      setName('')
      return
    }
    setAdding(true)
    try {
      const { unit } = await createUnit({ weekId, name: typed, level: 'district', cityCode: null })
      onCreated({ code: unit.code, name: unit.name, ...(unit.cityCode ? { cityCode: unit.cityCode } : {}) })
      setName('')
    } catch (err) {
      const e = toCloudError(err)
      setError({ message: e.message, code: e.code })
    } finally {
      setAdding(false)
    }
  }

  return (
    <View className="section" data-testid="org-week-districts">
      <Text className="section__title">参加县区（{districts.length}）</Text>
      {districts.map((d) => (
        <View key={d.code} className="org-week-row" data-testid="org-week-district" data-code={d.code}>
          <Text className="org-week-row__text">{d.name}</Text>
          <View
            className="btn btn--secondary"
            data-testid="org-week-district-remove"
            ariaRole="button"
            onClick={() => onChange(districts.filter((x) => x.code !== d.code))}
          >
            <Text>移除</Text>
          </View>
        </View>
      ))}
      <TextInput
        value={name}
        onChange={setName}
        testid="org-week-district-name"
        maxlength={STAFF_LIMITS.unitNameMax}
        placeholder="县区名称（编号由系统生成）"
        label="县区名称"
        onConfirm={() => void add()}
      />
      {error ? <InlineError message={error.message} code={error.code} testid="org-week-district-error" /> : null}
      <View
        className={`btn btn--block org-week-add ${adding ? 'btn--disabled' : 'btn--secondary'}`}
        data-testid="org-week-district-add"
        ariaRole="button"
        onClick={() => void add()}
      >
        <Text>{adding ? '正在添加…' : '＋ 添加县区'}</Text>
      </View>
    </View>
  )
}
