import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CheckinCounts, RosterEntry } from '@shared/contracts/checkin'
import { Field, TextInput } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { checkInManually, lookupRegistrations } from '@/services/checkin'
import { instantText } from '@/utils/activityText'
import { newNonce } from '@/utils/nonce'
import type { ScanView } from '../components/ScanResult'
import { okView, refusalView } from './views'

/** 没带票: find a registrant by surname and phone tail, and check them in by hand. */
export function Lookup({ activityId, onResult }: { activityId: string; onResult: (v: ScanView, counts?: CheckinCounts) => void }) {
  const [surname, setSurname] = useState('')
  const [tail, setTail] = useState('')
  const [matches, setMatches] = useState<RosterEntry[] | null>(null)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [busy, setBusy] = useState(false)
  const find = async () => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    try {
      const res = await lookupRegistrations({ activityId, surname: surname.trim(), phoneTail: tail.trim() })
      setMatches(res.matches)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }
  const checkIn = async (m: RosterEntry) => {
    try {
      const res = await checkInManually({ activityId, registrationId: m.registrationId, nonce: newNonce() })
      onResult(okView(res), res.counts)
      setMatches(null)
    } catch (err) {
      onResult(refusalView(toCloudError(err)))
    }
  }
  return (
    <View className="section" data-testid="lookup">
      <Text className="section__title">没带票？按姓氏和手机尾号查找</Text>
      <Field label="姓氏" required testid="lookup-surname-field">
        <TextInput value={surname} onChange={setSurname} testid="lookup-surname" placeholder="例如 张" maxlength={4} />
      </Field>
      <Field label="手机号后4位" required testid="lookup-tail-field">
        <TextInput
          value={tail}
          onChange={setTail}
          testid="lookup-tail"
          type="number"
          placeholder="例如 1234"
          maxlength={4}
          onConfirm={() => void find()}
        />
      </Field>
      <View
        className={`btn ${busy ? 'btn--disabled' : 'btn--secondary'} btn--block`}
        data-testid="lookup-submit"
        ariaRole="button"
        onClick={() => void find()}
      >
        <Text>{busy ? '正在查找…' : '查找'}</Text>
      </View>
      {failure ? (
        <Text className="vol-error" data-testid="lookup-error">
          ⚠ {failure.message}
        </Text>
      ) : null}
      {matches !== null && matches.length === 0 ? (
        <Text className="vol-offline__text" data-testid="lookup-none">
          没有找到，请核对姓氏和手机尾号
        </Text>
      ) : null}
      {(matches ?? []).map((m) => (
        <View key={m.registrationId} className="vol-match" data-testid="lookup-match" data-id={m.registrationId}>
          <Text className="vol-match__name">
            {m.name}
            {m.phoneTail ? `（尾号 ${m.phoneTail}）` : ''}
            {m.proxy ? ' · 代报名' : ''}
          </Text>
          {m.checkedIn ? (
            <Text className="vol-offline__text">⚠ 已于 {instantText(m.checkedIn.checkedInAt)} 签到</Text>
          ) : m.status !== 'confirmed' ? (
            <Text className="vol-offline__text">✕ {m.status === 'cancelled' ? '已取消报名' : '候补中，未报名成功'}</Text>
          ) : (
            <View className="btn btn--primary" data-testid="lookup-checkin" ariaRole="button" onClick={() => void checkIn(m)}>
              <Text>为其签到</Text>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
