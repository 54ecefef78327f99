import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { FamilyMember } from '@shared/contracts/signup'
import { FAMILY_LIMIT } from '@shared/domain/people'
import { InlineConfirm, InlineError } from '@/components/form'
import { FAMILY_CONSENT_REASON, FamilyForm } from '@/components/people/FamilyForm'
import { ConsentNeeded } from '@/components/privacy/ConsentNeeded'
import { usePrivacyGate } from '@/components/privacy/usePrivacyGate'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { addFamilyMember, listFamily, removeFamilyMember } from '@/services/signup'
import { ageGroupText, maskPhone, relationText } from '@/utils/signupText'
import './index.scss'

/**
 * 我的家人: the people a resident signs up (代报名), e.g. a parent without WeChat. Names large; add in
 * place; remove after an inline question (their tickets stay valid).
 */
export default function FamilyPage() {
  const res = useAsync(() => listFamily().then((r) => r.members), [])
  return (
    <PageShell className="family" testid="family-page">
      <View className="page-head">
        <Text className="page-head__title">我的家人</Text>
        <Text className="page-head__text">添加家人后，报名时可以直接选择TA，帮没有微信的长辈报名。每位家人有自己的报名记录。</Text>
      </View>
      {res.status === 'loading' ? <Loading text="正在加载家人…" /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' ? <FamilyList initial={res.data} /> : null}
    </PageShell>
  )
}

function FamilyList({ initial }: { initial: FamilyMember[] }) {
  const [members, setMembers] = useState(initial)
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [done, setDone] = useState('')
  const gate = usePrivacyGate(FAMILY_CONSENT_REASON)

  /** 添加家人: the consent to the privacy guide first (the sheet, once per session), then the form. */
  const openForm = async () => {
    setDone('')
    if (await gate.require()) setAdding(true)
  }

  const remove = async (m: FamilyMember) => {
    setBusy(true)
    setFailure(null)
    try {
      await removeFamilyMember(m.id)
      setMembers((list) => list.filter((x) => x.id !== m.id))
      setRemoving(null)
      setDone(`已删除家人“${m.name}”。`)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  const full = members.length >= FAMILY_LIMIT
  return (
    <View data-testid="family-list" data-count={members.length}>
      {done ? (
        <View className="family-done" data-testid="family-done">
          <Text>✓ {done}</Text>
        </View>
      ) : null}

      <View className="section">
        {adding ? (
          <FamilyForm
            addMember={addFamilyMember}
            onSaved={(m) => {
              setMembers((list) => [...list, m])
              setAdding(false)
              setDone(`已添加家人“${m.name}”，报名时可以直接选择。`)
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <View
            className={`btn btn--block ${full ? 'btn--disabled' : 'btn--primary'}`}
            data-testid="family-add"
            ariaRole="button"
            onClick={() => {
              if (full || gate.state === 'checking') return
              void openForm()
            }}
          >
            <Text>{full ? `最多添加 ${FAMILY_LIMIT} 位家人` : gate.state === 'checking' ? '正在打开…' : '＋ 添加家人'}</Text>
          </View>
        )}
        {!adding && gate.state === 'refused' ? (
          <ConsentNeeded text={`${FAMILY_CONSENT_REASON}。`} onAsk={() => void openForm()} testid="family-consent-needed" />
        ) : null}
        {!adding && gate.state === 'error' && gate.error ? (
          <InlineError message={gate.error.message} code={gate.error.code} testid="family-consent-error" />
        ) : null}
      </View>

      {members.length === 0 && !adding ? <Empty title="还没有添加家人" hint="点“添加家人”，填写姓名、关系和年龄段即可。" /> : null}

      {members.map((m) => (
        <View key={m.id} className="section family-item" data-testid="family-item" data-id={m.id}>
          <Text className="family-item__name" data-testid="family-item-name">
            {m.name}
          </Text>
          <Text className="family-item__line">
            {relationText(m.relation)} · {ageGroupText(m.ageGroup)}
          </Text>
          <Text className="family-item__line">{m.phone ? `手机号：${maskPhone(m.phone)}` : '没有手机号，活动通知发给您'}</Text>
          {removing === m.id ? (
            <InlineConfirm
              testid="family-remove"
              danger
              busy={busy}
              text={`确定从家人中删除“${m.name}”吗？已经报名的活动不受影响。`}
              confirmLabel="确定删除"
              cancelLabel="不删除"
              onConfirm={() => void remove(m)}
              onCancel={() => {
                setRemoving(null)
                setFailure(null)
              }}
            >
              {failure ? <InlineError message={failure.message} code={failure.code} testid="family-remove-error" /> : null}
            </InlineConfirm>
          ) : (
            <View className="btn-row family-item__actions">
              <View
                className="btn btn--secondary"
                data-testid="family-signup"
                ariaRole="link"
                onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}
              >
                <Text>去找活动</Text>
              </View>
              <View
                className="btn btn--secondary family-item__remove"
                data-testid="family-remove"
                ariaRole="button"
                onClick={() => {
                  setRemoving(m.id)
                  setFailure(null)
                  setDone('')
                }}
              >
                <Text>删除</Text>
              </View>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
