import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AppointInvite, AppointRole, Unit } from '@shared/contracts/staff'
// QrCode's styles before the states' (the ticket page's order; mini-css-extract wants one order).
import { QrCode } from '@/components/QrCode'
import { ChoiceChips, Field, InlineError } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { createAppointment } from '@/services/staff'
import { ShareAppoint } from './ShareAppoint'
import { roleName, VALIDITIES, whenText } from './staffText'
import { unitsFor } from './staffScope'

type Validity = (typeof VALIDITIES)[number]['code']

/**
 * 任命: pick the role, its unit and how long the invite lasts; the code is shown large with its QR
 * and can be sent as a chat card (weapp; `onInvite` tells the page what to share) or a copied link
 * (h5). Whoever enters it on 工作人员 gets the role.
 */
export function AppointPanel({
  weekId,
  roles,
  units,
  onInvite,
}: {
  weekId: string
  roles: AppointRole[]
  units: Unit[]
  onInvite: (invite: AppointInvite | null) => void
}) {
  const [role, setRole] = useState<AppointRole>(roles.includes('organiser') ? 'organiser' : roles[0])
  const choices = unitsFor(role, units)
  const [unit, setUnit] = useState('')
  const [validity, setValidity] = useState<Validity>('72')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const [invite, setInvite] = useState<AppointInvite | null>(null)
  const needsUnit = role !== 'admin'
  const ready = !needsUnit || choices.some((u) => u.code === unit)

  const create = async () => {
    if (busy || !ready) return
    setBusy(true)
    setError(null)
    try {
      const res = await createAppointment({ weekId, role, unitCode: needsUnit ? unit : null, validHours: Number(validity) })
      setInvite(res.invite)
      onInvite(res.invite)
    } catch (err) {
      setError(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  if (invite) {
    return (
      <View className="section staff-invite" data-testid="staff-appoint-done">
        <Text className="section__title">任命码</Text>
        <Text className="staff-invite__what">
          {invite.unitName} 的{roleName(invite.role)}
        </Text>
        <Text className="staff-invite__code" data-testid="staff-invite-code" data-code={invite.code}>
          {invite.code}
        </Text>
        <QrCode text={invite.code} testid="staff-invite-qr" label={`任命码 ${invite.code} 的二维码`} />
        <ShareAppoint code={invite.code} />
        <Text className="staff-line">请对方打开“我的 → 工作人员”，输入这个任命码（或打开您发去的卡片、链接），只能用一次。</Text>
        <Text className="muted">有效期至 {whenText(invite.expiresAt)}</Text>
        <View
          className="btn btn--secondary btn--block"
          data-testid="staff-appoint-again"
          ariaRole="button"
          onClick={() => {
            setInvite(null)
            onInvite(null)
          }}
        >
          <Text>再任命一位</Text>
        </View>
      </View>
    )
  }

  return (
    <View className="section" data-testid="staff-appoint">
      <Text className="section__title">任命</Text>
      <Field label="身份" required testid="staff-appoint-roles">
        <ChoiceChips
          options={roles.map((r) => ({ code: r, label: r === 'admin' ? '管理员（全部）' : roleName(r) }))}
          value={role}
          onChange={(r) => {
            setRole(r)
            setUnit('')
          }}
          testid="staff-appoint-role"
        />
      </Field>
      {needsUnit ? (
        <Field label={role === 'cityAdmin' ? '城市' : '县区'} required testid="staff-appoint-units">
          {choices.length === 0 ? <Text className="muted">请先在上面新增{role === 'cityAdmin' ? '城市' : '县区'}。</Text> : null}
          <ChoiceChips
            options={choices.map((u) => ({ code: u.code, label: u.name }))}
            value={unit}
            onChange={setUnit}
            testid="staff-appoint-unit"
          />
        </Field>
      ) : null}
      <Field label="任命码有效期" required testid="staff-appoint-validities">
        <ChoiceChips options={VALIDITIES} value={validity} onChange={setValidity} testid="staff-appoint-validity" />
      </Field>
      {error ? <InlineError message={error.message} code={error.code} testid="staff-appoint-error" /> : null}
      <View
        className={`btn btn--block ${busy || !ready ? 'btn--disabled' : 'btn--primary'}`}
        data-testid="staff-appoint-create"
        ariaRole="button"
        onClick={() => void create()}
      >
        <Text>{busy ? '正在生成…' : ready ? '生成任命码' : `请先选择${role === 'cityAdmin' ? '城市' : '县区'}`}</Text>
      </View>
    </View>
  )
}
