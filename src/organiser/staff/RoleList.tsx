import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AppointInvite, RoleChange, RoleHolder } from '@shared/contracts/staff'
import { InlineConfirm, InlineError } from '@/components/form'
import { Empty } from '@/components/states'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { cancelAppointment, revokeRole } from '@/services/staff'
import { changeText, grantText, roleName, whenText } from './staffText'

/** A holder's grant as a key (one person may hold several). */
const keyOf = (h: RoleHolder) => `${h.userId}:${JSON.stringify(h.grant)}`

/** 现任人员: who holds which role in which unit, each with 撤销 (asked in place first). */
export function HoldersSection({ weekId, holders, onChanged }: { weekId: string; holders: RoleHolder[]; onChanged: () => void }) {
  const [asking, setAsking] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ key: string; err: CloudError } | null>(null)

  const revoke = async (h: RoleHolder) => {
    setBusy(true)
    setError(null)
    try {
      await revokeRole({ weekId, userId: h.userId, grant: h.grant })
      setAsking(null)
      onChanged()
    } catch (err) {
      setError({ key: keyOf(h), err: toCloudError(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section" data-testid="staff-holders">
      <Text className="section__title">现任人员（{holders.length}）</Text>
      {holders.length === 0 ? <Empty title="还没有任命任何人" hint="在下面“任命”生成任命码，发给对方即可。" /> : null}
      {holders.map((h) => {
        const key = keyOf(h)
        return (
          <View key={key} className="staff-row" data-testid="staff-holder" data-role={h.grant.role} data-unit={h.unitName}>
            <View className="staff-row__line">
              <Text className="staff-row__text">
                {h.name ?? '未填姓名'}
                {h.self ? '（我）' : ''} · {h.grant.role === 'volunteer' ? `志愿者（${h.unitName}）` : grantText(h.grant, h.unitName)}
              </Text>
              {asking === key || h.self ? null : (
                <View className="btn btn--secondary" data-testid="staff-holder-revoke" ariaRole="button" onClick={() => setAsking(key)}>
                  <Text>撤销</Text>
                </View>
              )}
            </View>
            {asking === key ? (
              <InlineConfirm
                text={`撤销 ${h.name ?? '此人'} 的${roleName(h.grant.role)}身份？撤销后立即失去相应权限。`}
                confirmLabel="确认撤销"
                onConfirm={() => void revoke(h)}
                onCancel={() => setAsking(null)}
                testid="staff-revoke"
                busy={busy}
                danger
              />
            ) : null}
            {error?.key === key ? <InlineError message={error.err.message} code={error.err.code} testid="staff-revoke-error" /> : null}
          </View>
        )
      })}
    </View>
  )
}

/** 未使用的任命码: each with its role, unit and expiry, and 作废. */
export function InvitesSection({ invites, onChanged }: { invites: AppointInvite[]; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  if (invites.length === 0) return null

  const cancel = async (code: string) => {
    if (busy) return
    setBusy(code)
    setError(null)
    try {
      await cancelAppointment(code)
      onChanged()
    } catch (err) {
      setError(toCloudError(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="section" data-testid="staff-invites">
      <Text className="section__title">未使用的任命码（{invites.length}）</Text>
      {invites.map((i) => (
        <View key={i.code} className="staff-row staff-row__line" data-testid="staff-invite" data-code={i.code}>
          <Text className="staff-row__text">
            {i.code} · {i.unitName} 的{roleName(i.role)} · 有效期至 {whenText(i.expiresAt)}
          </Text>
          <View
            className={`btn ${busy === i.code ? 'btn--disabled' : 'btn--secondary'}`}
            data-testid="staff-invite-cancel"
            ariaRole="button"
            onClick={() => void cancel(i.code)}
          >
            <Text>{busy === i.code ? '请稍候…' : '作废'}</Text>
          </View>
        </View>
      ))}
      {error ? <InlineError message={error.message} code={error.code} testid="staff-invite-cancel-error" /> : null}
    </View>
  )
}

/** 最近的变动: who appointed or revoked whom, as what, when (newest first, as the server sends). */
export function ChangesSection({ changes }: { changes: RoleChange[] }) {
  return (
    <View className="section" data-testid="staff-changes">
      <Text className="section__title">最近的变动</Text>
      {changes.length === 0 ? <Text className="muted">还没有变动记录。</Text> : null}
      {changes.map((c, i) => (
        <View key={`${c.at}-${i}`} className="staff-change" data-testid="staff-change" data-change={c.change}>
          <Text className="staff-change__when">{whenText(c.at)}</Text>
          <Text className="staff-row__text">{changeText(c)}</Text>
        </View>
      ))}
    </View>
  )
}
