import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppointInvite } from '@shared/contracts/staff'
// First: its QrCode styles must come before the states' (see InvitePanel).
import { AppointPanel } from './AppointPanel'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listWeeks, myRoles } from '@/services/activity'
import { listRoles, listUnits } from '@/services/staff'
import { readString, writeString } from '@/utils/storage'
import { WEEK_KEY } from '../courses/scope'
import { appointShareMessage } from './appointShare'
import { ChangesSection, HoldersSection, InvitesSection } from './RoleList'
import { appointableRoles, staffScopes, type StaffScope } from './staffScope'
import { UnitsSection } from './UnitsSection'
import './index.scss'

/**
 * 人员与任命 (organiser subpackage): for a week the caller administers, its units with 新增区县 /
 * 新增城市 by name, who holds which role (with 撤销), the unused appointment codes (with 作废), the
 * latest changes, and 任命 (a code with its QR and chat card). A city admin sees their city's
 * districts and organisers; an organiser sees their volunteers.
 */
export default function StaffPage() {
  const { params } = useRouter()
  const scopes = useAsync(async () => {
    const [weeks, roles] = await Promise.all([listWeeks(), myRoles()])
    return staffScopes(weeks.weeks, roles.roles)
  }, [])
  const [chosen, setChosen] = useState(() => params.weekId || readString(WEEK_KEY))

  // The appointment just created: the chat card sent by the panel's share button (weapp).
  const shared = useRef<AppointInvite | null>(null)
  useShareAppMessage(() =>
    shared.current ? appointShareMessage(shared.current) : { title: '全民终身学习活动周', path: '/pages/index/index' },
  )

  const list = scopes.status === 'ready' ? scopes.data : []
  const scope = list.find((s) => s.week.id === chosen) ?? list[0] ?? null

  return (
    <PageShell className="staff" testid="staff-page">
      <View className="page-head">
        <Text className="page-head__title">人员与任命</Text>
        <Text className="page-head__text">任命组织者和管理员、查看谁负责哪里，随时可以撤销。</Text>
      </View>
      {scopes.status === 'loading' ? <Loading /> : null}
      {scopes.status === 'error' ? <ErrorState message={scopes.error.message} code={scopes.error.code} onRetry={scopes.reload} /> : null}
      {scopes.status === 'ready' && !scope ? <Empty title="您还没有管理权限" hint="请联系教育局管理员给您一个任命码。" /> : null}
      {list.length > 1 && scope ? (
        <View className="staff-weeks" data-testid="staff-week-selector">
          {list.map((s) => (
            <Chip
              key={s.week.id}
              selected={s.week.id === scope.week.id}
              testid={`staff-week-${s.week.id}`}
              onTap={() => {
                setChosen(s.week.id)
                writeString(WEEK_KEY, s.week.id)
              }}
            >
              {s.week.region}
            </Chip>
          ))}
        </View>
      ) : null}
      {scope ? <WeekStaff key={scope.week.id} scope={scope} onInvite={(i) => (shared.current = i)} /> : null}
    </PageShell>
  )
}

function WeekStaff({ scope, onInvite }: { scope: StaffScope; onInvite: (i: AppointInvite | null) => void }) {
  const weekId = scope.week.id
  const manager = !scope.organiserOnly
  const units = useAsync(() => (manager ? listUnits(weekId) : Promise.resolve(null)), [weekId, manager])
  const roles = useAsync(() => listRoles(weekId), [weekId])
  usePullDownRefresh(() => {
    units.reload()
    roles.reload()
    Taro.stopPullDownRefresh()
  })

  const u = units.status === 'ready' ? units.data : null
  const appointable = u ? appointableRoles(scope, u.level === 'province') : []

  return (
    <View data-testid="staff-week" data-week={weekId}>
      <Text className="staff-week__name">{scope.week.name}</Text>
      {units.status === 'loading' || roles.status === 'loading' ? <Loading /> : null}
      {units.status === 'error' ? <ErrorState message={units.error.message} code={units.error.code} onRetry={units.reload} /> : null}
      {u ? <UnitsSection scope={scope} level={u.level} units={u.units} onCreated={() => units.reload()} /> : null}

      {roles.status === 'error' ? <ErrorState message={roles.error.message} code={roles.error.code} onRetry={roles.reload} /> : null}
      {roles.status === 'ready' ? <HoldersSection weekId={weekId} holders={roles.data.holders} onChanged={roles.reload} /> : null}
      {roles.status === 'ready' ? <InvitesSection invites={roles.data.invites} onChanged={roles.reload} /> : null}

      {u && appointable.length > 0 ? (
        <AppointPanel
          key={u.units.length}
          weekId={weekId}
          roles={appointable}
          units={u.units}
          onInvite={(i) => {
            onInvite(i)
            if (i) roles.reload()
          }}
        />
      ) : null}
      {scope.organiserOnly ? (
        <View className="section">
          <Text className="staff-line">邀请志愿者请到“活动管理”，选择活动后生成邀请码。</Text>
          <View
            className="btn btn--secondary btn--block"
            data-testid="staff-go-activities"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: '/organiser/activities/index' })}
          >
            <Text>去活动管理 ›</Text>
          </View>
        </View>
      ) : null}

      {roles.status === 'ready' ? <ChangesSection changes={roles.data.changes} /> : null}
    </View>
  )
}
