import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { CheckinCounts } from '@shared/contracts/checkin'
import { AUDIENCES } from '@shared/domain/vocabulary'
import { ChoiceChips, Field, TextInput } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { registerWalkIn } from '@/services/checkin'
import { newNonce } from '@/utils/nonce'
import type { ScanView } from '../components/ScanResult'

type Audience = (typeof AUDIENCES)[number]['code']

const AUDIENCE_OPTIONS = AUDIENCES.map((a) => ({ code: a.code, label: a.label }))

/**
 * 现场登记: someone who came without signing up (one or a group) counts as participant(s). The
 * confirmation is shown by the page in the result area at the top (`onDone`), where scans answer.
 */
export function WalkIn({ activityId, onDone }: { activityId: string; onDone: (view: ScanView, c: CheckinCounts) => void }) {
  const [name, setName] = useState('')
  const [audience, setAudience] = useState<Audience>('residents')
  const [headcount, setHeadcount] = useState('1')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  // One nonce per walk-in being entered: a retry after a lost answer is not counted twice.
  const nonce = useRef(newNonce())
  const submit = async () => {
    if (busy) return
    const n = Number.parseInt(headcount, 10)
    setBusy(true)
    setFailure(null)
    try {
      const res = await registerWalkIn({
        activityId,
        ...(name.trim() ? { name: name.trim() } : {}),
        audience,
        headcount: Number.isFinite(n) && n > 0 ? n : 1,
        nonce: nonce.current,
      })
      nonce.current = newNonce()
      setName('')
      setHeadcount('1')
      const who = `${res.name ?? '现场参与者'}${res.headcount > 1 ? `等 ${res.headcount} 人` : ''}`
      onDone({ result: 'ok', kind: 'walkin', offline: false, maskedName: who, proxy: false, headline: '现场登记成功' }, res.counts)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section" data-testid="walkin">
      <Text className="section__title">现场登记（未报名直接来的）</Text>
      <Field label="姓名" hint="可以不填" testid="walkin-name-field">
        <TextInput value={name} onChange={setName} testid="walkin-name" placeholder="例如 刘建国" maxlength={20} />
      </Field>
      <Field label="人群类别" required testid="walkin-audience-field">
        <ChoiceChips options={AUDIENCE_OPTIONS} value={audience} onChange={setAudience} testid="walkin-audience" columns={2} />
      </Field>
      <Field label="人数" required hint="一起来的一组人可以一次登记" testid="walkin-headcount-field">
        <TextInput value={headcount} onChange={setHeadcount} testid="walkin-headcount" type="number" maxlength={3} />
      </Field>
      <View
        className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
        data-testid="walkin-submit"
        ariaRole="button"
        onClick={() => void submit()}
      >
        <Text>{busy ? '正在登记…' : '登记入场'}</Text>
      </View>
      {failure ? (
        <Text className="vol-error" data-testid="walkin-error">
          ⚠ {failure.message}
        </Text>
      ) : null}
    </View>
  )
}
