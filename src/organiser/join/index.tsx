import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { Field, TextInput } from '@/components/form'
import { toCloudError } from '@/services/callCloud'
import { claimSetup, redeemAppointment } from '@/services/staff'
import { redeemedText, refusalText } from '../staff/staffText'
import './index.scss'

interface Failure {
  code: string
  text: string
}

function failureOf(err: unknown): Failure {
  const e = toCloudError(err)
  return { code: e.code, text: refusalText(e.code, e.details, e.message) }
}

/**
 * 工作人员 (from 我的): enter an appointment code (filled in when opened from a chat card or link with
 * ?code=) to become an organiser or admin, then go to the organiser area; below, 首次设置: the
 * one-time setup code deploy printed makes its first claimant the bureau admin. Care-mode sizes.
 */
export default function JoinPage() {
  const { params } = useRouter()
  const [code, setCode] = useState(() => (params.code ?? '').slice(0, 20))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const redeem = async () => {
    if (busy || !code.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      const res = await redeemAppointment(code)
      setDone(redeemedText(res.grant, res.unitName, res.weekName))
      setCode('')
    } catch (err) {
      setFailure(failureOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className="join" testid="staff-join-page">
      <View className="page-head">
        <Text className="page-head__title">工作人员</Text>
        <Text className="page-head__text">教育局或上级管理员给了您任命码，在这里输入即可成为组织者或管理员。</Text>
      </View>

      <View className="section" data-testid="join-appoint" data-code={failure?.code ?? ''}>
        <Text className="section__title">输入任命码</Text>
        <Field label="任命码（10 位字母和数字）" required error={failure?.text} testid="join-field">
          <TextInput
            value={code}
            onChange={setCode}
            testid="join-code"
            placeholder="例如 ABCD-EF2345"
            maxlength={20}
            label="任命码"
            onConfirm={() => void redeem()}
          />
        </Field>
        <View
          className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
          data-testid="join-submit"
          ariaRole="button"
          onClick={() => void redeem()}
        >
          <Text>{busy ? '正在核对…' : '确认任命码'}</Text>
        </View>
        {done ? <Done text={done} testid="join-done" /> : null}
      </View>

      <SetupSection />
    </PageShell>
  )
}

function Done({ text, testid }: { text: string; testid: string }) {
  return (
    <View className="join-done" data-testid={testid}>
      <Text className="join-done__text">✓ {text}</Text>
      <View
        className="btn btn--primary btn--block"
        data-testid={`${testid}-go`}
        ariaRole="link"
        onClick={() => void Taro.redirectTo({ url: '/organiser/dashboard/index' })}
      >
        <Text>进入组织者工作台</Text>
      </View>
    </View>
  )
}

/** 首次设置: closed until asked for (only the very first admin ever needs it). */
function SetupSection() {
  const [open, setOpen] = useState(false)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [done, setDone] = useState(false)

  const claim = async () => {
    if (busy || !code.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      await claimSetup(code.trim())
      setDone(true)
      setCode('')
    } catch (err) {
      setFailure(failureOf(err))
    } finally {
      setBusy(false)
    }
  }

  if (!open) {
    return (
      <View className="section" data-testid="join-setup">
        <Text className="section__title">首次设置</Text>
        <Text className="join-line">系统刚部署好、还没有管理员时，由教育局负责人输入部署时得到的设置码。</Text>
        <View className="btn btn--secondary btn--block" data-testid="join-setup-open" ariaRole="button" onClick={() => setOpen(true)}>
          <Text>我有设置码</Text>
        </View>
      </View>
    )
  }
  return (
    <View className="section" data-testid="join-setup" data-code={failure?.code ?? ''}>
      <Text className="section__title">首次设置</Text>
      {done ? <Done text="你已成为 教育局管理员（所有活动周）" testid="join-setup-done" /> : null}
      {done ? null : <SetupForm code={code} setCode={setCode} busy={busy} error={failure?.text} onClaim={() => void claim()} />}
    </View>
  )
}

function SetupForm(p: { code: string; setCode: (c: string) => void; busy: boolean; error?: string; onClaim: () => void }) {
  const { code, setCode, busy, onClaim } = p
  return (
    <View>
      <Field label="设置码" required error={p.error} testid="join-setup-field">
        <TextInput value={code} onChange={setCode} testid="join-setup-code" maxlength={64} label="设置码" onConfirm={onClaim} />
      </Field>
      <View
        className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
        data-testid="join-setup-submit"
        ariaRole="button"
        onClick={onClaim}
      >
        <Text>{busy ? '正在核对…' : '确认设置码'}</Text>
      </View>
    </View>
  )
}
