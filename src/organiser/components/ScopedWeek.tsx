import type { ReactNode } from 'react'
import { useState } from 'react'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { loadScopes } from '@/services/activity'
import { readString, writeString } from '@/utils/storage'
import { WEEK_KEY } from '../courses/scope'
import { pickScope, type Scope } from './scope'

export interface WeekProps {
  /** Every week the caller may manage. */
  scopes: Scope[]
  /** The chosen one. */
  scope: Scope
  /** Choose another week (remembered for the other organiser pages). */
  onWeek: (weekId: string) => void
}

/**
 * The weeks the caller manages (as organiser or admin), with their loading, error and "no rights"
 * states; renders `children` for the chosen week (the one asked for, else the last chosen, else
 * the first), anew for each week.
 */
export function ScopedWeek({ weekId, children }: { weekId?: string; children: (props: WeekProps) => ReactNode }) {
  const scopes = useAsync(loadScopes, [])
  const [chosen, setChosen] = useState(() => weekId || readString(WEEK_KEY))
  const scope = scopes.status === 'ready' ? pickScope(scopes.data, chosen) : null
  if (scopes.status === 'loading') return <Loading />
  if (scopes.status === 'error') return <ErrorState message={scopes.error.message} code={scopes.error.code} onRetry={scopes.reload} />
  if (!scope) return <Empty title="您还没有管理权限" hint="请联系教育局管理员，把您设为本县区活动周的组织者。" />
  const onWeek = (id: string) => {
    setChosen(id)
    writeString(WEEK_KEY, id)
  }
  return <Keyed key={scope.week.id}>{children({ scopes: scopes.data, scope, onWeek })}</Keyed>
}

/** A fragment with a key, so a new week mounts its view afresh. */
function Keyed({ children }: { children: ReactNode }) {
  return <>{children}</>
}
