import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { StarSettings } from '@shared/contracts/stars'
import { Chip } from '@/components/Chip'
import { Field, InlineError } from '@/components/form'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { starsApi } from '@/services/stars'
import { PickerField } from '../activity-edit/PickerField'

/**
 * The week's admins: 允许个人自荐 and the public vote phase (its days, or none). Saved together with
 * settings.set; VOTE_DATES_INVALID is said in place.
 */
export function SettingsPanel({ weekId, startDate, endDate }: { weekId: string; startDate: string; endDate: string }) {
  const got = useAsync(() => starsApi.settings({ weekId }), [weekId])
  const [value, setValue] = useState<StarSettings | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [saved, setSaved] = useState(false)
  const loaded = got.status === 'ready' ? got.data : null
  useEffect(() => {
    if (loaded) setValue(loaded)
  }, [loaded])

  const change = (patch: Partial<StarSettings>) => {
    setValue((v) => (v ? { ...v, ...patch } : v))
    setSaved(false)
    setFailure(null)
  }
  const save = async () => {
    if (!value || busy) return
    setBusy(true)
    setFailure(null)
    try {
      setValue(await starsApi.setSettings(value))
      setSaved(true)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section stars-settings" data-testid="stars-settings" data-status={got.status}>
      <Text className="section__title">推荐设置</Text>
      {got.status === 'loading' ? <Loading text="正在读取设置…" /> : null}
      {got.status === 'error' ? <ErrorState message={got.error.message} code={got.error.code} onRetry={got.reload} /> : null}
      {value ? (
        <View>
          <Field label="个人自荐" hint="开放后，居民可以在小程序里推荐自己（单位推荐本单位的项目）" testid="stars-self-field">
            <View className="stars-chips">
              <Chip selected={value.selfNomination} testid="stars-self-on" onTap={() => change({ selfNomination: true })}>
                允许个人自荐
              </Chip>
              <Chip selected={!value.selfNomination} testid="stars-self-off" onTap={() => change({ selfNomination: false })}>
                不开放
              </Chip>
            </View>
          </Field>
          <Field label="公众投票" hint="县区推荐后、评选前，居民可以每天为每个推荐投一票" testid="stars-vote-field">
            <View className="stars-chips">
              <Chip
                selected={!!value.vote}
                testid="stars-vote-on"
                onTap={() => change({ vote: value.vote ?? { opensOn: startDate, closesOn: endDate } })}
              >
                设置投票时间
              </Chip>
              <Chip selected={!value.vote} testid="stars-vote-off" onTap={() => change({ vote: null })}>
                不投票
              </Chip>
            </View>
            {value.vote ? (
              <View className="stars-vote-days">
                <PickerField
                  mode="date"
                  label="开始日期"
                  value={value.vote.opensOn}
                  onChange={(opensOn) => change({ vote: { ...value.vote!, opensOn } })}
                  testid="stars-vote-opens"
                />
                <PickerField
                  mode="date"
                  label="结束日期"
                  value={value.vote.closesOn}
                  onChange={(closesOn) => change({ vote: { ...value.vote!, closesOn } })}
                  testid="stars-vote-closes"
                />
              </View>
            ) : null}
          </Field>
          {failure ? <InlineError message={failure.message} code={failure.code} testid="stars-settings-error" /> : null}
          {saved ? (
            <Text className="stars-done" data-testid="stars-settings-saved">
              ✓ 设置已保存
            </Text>
          ) : null}
          <View
            className={`btn ${busy ? 'btn--disabled' : 'btn--primary'}`}
            data-testid="stars-settings-save"
            ariaRole="button"
            onClick={() => void save()}
          >
            <Text>{busy ? '正在保存…' : '保存设置'}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
