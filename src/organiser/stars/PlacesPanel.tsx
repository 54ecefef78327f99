import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Places } from '@shared/contracts/stars'
import { HONOUR_LEVEL_LABELS, NOMINATION_KIND_LABELS, STAR_LIMITS } from '@shared/domain/stars'
import { Field, InlineError, TextInput } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { starsApi } from '@/services/stars'
import { parsePlaces, placesText } from './starsText'

/**
 * The selecting unit's places (a city's or the top's): 已入选 n / 名额 m per kind; its admins set
 * them (places.set; PLACES_BELOW_USED said in place).
 */
export function PlacesPanel({ places, editable, onPlaces }: { places: Places; editable: boolean; onPlaces: (p: Places) => void }) {
  const [editing, setEditing] = useState(false)
  const [star, setStar] = useState(String(places.star.places))
  const [project, setProject] = useState(String(places.project.places))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)

  const save = async () => {
    if (busy) return
    const s = parsePlaces(star)
    const p = parsePlaces(project)
    if (s === null || p === null) {
      setError(`名额请填写 0 到 ${STAR_LIMITS.placesMax} 的整数`)
      return
    }
    setError('')
    setBusy(true)
    setFailure(null)
    try {
      onPlaces(await starsApi.setPlaces({ weekId: places.weekId, cityCode: places.cityCode, star: s, project: p }))
      setEditing(false)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section stars-places" data-testid="stars-places" data-city={places.cityCode ?? ''}>
      <Text className="section__title">{`评选名额（${HONOUR_LEVEL_LABELS[places.level]}）`}</Text>
      <Text className="stars-places__line" data-testid="stars-places-star">
        {`${NOMINATION_KIND_LABELS.star}：${placesText(places.star)}`}
      </Text>
      <Text className="stars-places__line" data-testid="stars-places-project">
        {`${NOMINATION_KIND_LABELS.project}：${placesText(places.project)}`}
      </Text>
      {editable && !editing ? (
        <View
          className="btn btn--secondary"
          data-testid="stars-places-edit"
          ariaRole="button"
          onClick={() => {
            setStar(String(places.star.places))
            setProject(String(places.project.places))
            setEditing(true)
          }}
        >
          <Text>设置名额</Text>
        </View>
      ) : null}
      {editing ? (
        <View data-testid="stars-places-form">
          <Field label={`${NOMINATION_KIND_LABELS.star}名额`} required error={error || undefined} testid="stars-places-star-field">
            <TextInput value={star} onChange={setStar} testid="stars-places-star-input" type="number" maxlength={3} label="学习之星名额" />
          </Field>
          <Field label={`${NOMINATION_KIND_LABELS.project}名额`} required testid="stars-places-project-field">
            <TextInput
              value={project}
              onChange={setProject}
              testid="stars-places-project-input"
              type="number"
              maxlength={3}
              label="品牌项目名额"
            />
          </Field>
          {failure ? <InlineError message={failure.message} code={failure.code} testid="stars-places-error" /> : null}
          <View className="btn-row">
            <View
              className={`btn ${busy ? 'btn--disabled' : 'btn--primary'}`}
              data-testid="stars-places-save"
              ariaRole="button"
              onClick={() => void save()}
            >
              <Text>{busy ? '正在保存…' : '保存名额'}</Text>
            </View>
            <View className="btn btn--secondary" data-testid="stars-places-cancel" ariaRole="button" onClick={() => setEditing(false)}>
              <Text>取消</Text>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
