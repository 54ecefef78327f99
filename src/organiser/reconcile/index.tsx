import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import type { Scope } from '../components/scope'
import { ScopedWeek } from '../components/ScopedWeek'
import { differenceView, percentOf, progressText } from './reconcileText'
import type { RunState } from './runState'
import { useReconcile } from './useReconcile'
import './index.scss'

/**
 * 数据核对 (organiser subpackage): recounts every kept figure of the week (an organiser: their
 * districts; an admin: all of them) from the raw records through stats.reconcile, chunk after
 * chunk, with a progress bar and 取消; then lists each figure that differs (which activity, which
 * figure, the recorded and the recounted number) or says 全部一致. A failed call can be retried and
 * continues where it stopped.
 */
export default function ReconcilePage() {
  const { params } = useRouter()
  return (
    <PageShell className="rec" testid="reconcile-page">
      <View className="page-head">
        <Text className="page-head__title">数据核对</Text>
        <Text className="page-head__text">
          用报名、签到、现场登记、评价、学习和阅读的原始记录重新统计，核对工作台和总结表上的数字是否准确。
        </Text>
      </View>
      <ScopedWeek weekId={params.weekId}>
        {({ scopes, scope, onWeek }) => <WeekReconcile scopes={scopes} scope={scope} onWeek={onWeek} />}
      </ScopedWeek>
    </PageShell>
  )
}

function WeekReconcile({ scopes, scope, onWeek }: { scopes: Scope[]; scope: Scope; onWeek: (id: string) => void }) {
  const { state, start, resume, cancel } = useReconcile(scope.week.id)
  const range = scope.admin ? '全部县区' : scope.districts.map((d) => d.name).join('、')
  return (
    <View>
      {scopes.length > 1 ? (
        <View className="rec-weeks" data-testid="org-week-selector">
          {scopes.map((s) => (
            <Chip
              key={s.week.id}
              selected={s.week.id === scope.week.id}
              testid={`org-week-${s.week.id}`}
              onTap={() => state.status !== 'running' && onWeek(s.week.id)}
            >
              {s.week.region}
            </Chip>
          ))}
        </View>
      ) : null}
      <View className="section" data-testid="reconcile-scope">
        <Text className="section__title">{scope.week.name}</Text>
        <Text className="muted">核对范围：{range}</Text>
        {state.status === 'idle' ? (
          <View className="btn btn--primary btn--block rec-start" data-testid="reconcile-start" ariaRole="button" onClick={start}>
            <Text>开始核对</Text>
          </View>
        ) : null}
      </View>
      {state.status === 'idle' ? null : <RunView state={state} onCancel={cancel} onResume={resume} onRestart={start} />}
    </View>
  )
}

function RunView({
  state,
  onCancel,
  onResume,
  onRestart,
}: {
  state: RunState
  onCancel: () => void
  onResume: () => void
  onRestart: () => void
}) {
  const p = state.progress
  const running = state.status === 'running'
  return (
    <View>
      <View className="section" data-testid="reconcile-run" data-status={state.status}>
        {p ? (
          <ProgressBar done={p.done} total={p.total} finished={state.status === 'done'} />
        ) : running ? (
          <Loading text="正在开始核对…" />
        ) : null}
        {running ? (
          <View className="btn btn--secondary btn--block" data-testid="reconcile-cancel" ariaRole="button" onClick={onCancel}>
            <Text>取消</Text>
          </View>
        ) : null}
        {state.status === 'cancelled' ? (
          <View className="rec-stopped" data-testid="reconcile-cancelled">
            <Text className="muted">已取消。下面是已核对部分的结果，可以接着核对。</Text>
            <View className="btn-row">
              <View className="btn btn--primary" data-testid="reconcile-resume" ariaRole="button" onClick={onResume}>
                <Text>继续核对</Text>
              </View>
              <View className="btn btn--secondary" data-testid="reconcile-restart" ariaRole="button" onClick={onRestart}>
                <Text>重新开始</Text>
              </View>
            </View>
          </View>
        ) : null}
        {state.status === 'done' ? (
          <View className="btn btn--secondary btn--block" data-testid="reconcile-again" ariaRole="button" onClick={onRestart}>
            <Text>再核对一次</Text>
          </View>
        ) : null}
        {state.status === 'error' && state.error ? (
          <ErrorState message={state.error.message} code={state.error.code} onRetry={onResume} />
        ) : null}
      </View>
      <Differences state={state} />
    </View>
  )
}

function ProgressBar({ done, total, finished }: { done: number; total: number; finished: boolean }) {
  const percent = percentOf(done, total)
  return (
    <View
      className={`rec-progress${finished ? ' rec-progress--done' : ''}`}
      data-testid="reconcile-progress"
      data-done={done}
      data-total={total}
      data-percent={percent}
    >
      <Text className="rec-progress__text">{finished ? `核对完成：${total} 项` : progressText(done, total)}</Text>
      <View className="rec-progress__track" ariaRole="progressbar">
        <View className="rec-progress__fill" style={{ width: `${percent}%` }} />
      </View>
      <Text className="muted">每项是一个活动、一个县区的参加人数、一门课程或一本书。</Text>
    </View>
  )
}

function Differences({ state }: { state: RunState }) {
  const list = state.differences.map(differenceView)
  if (state.status === 'done' && state.progress && state.progress.total === 0) {
    return <Empty title="还没有可核对的数据" hint="本活动周还没有活动、课程或书单。" />
  }
  if (list.length === 0) {
    if (state.status !== 'done') return null
    return (
      <View className="section rec-ok" data-testid="reconcile-all-agree">
        <Text className="rec-ok__title">✓ 全部一致</Text>
        <Text className="muted">每个数字都与原始记录重新统计的结果相同。</Text>
      </View>
    )
  }
  return (
    <View className="section" data-testid="reconcile-differences" data-count={list.length}>
      <Text className="section__title">
        {state.status === 'done' ? '' : '目前'}发现 {list.length} 处不一致
      </Text>
      <Text className="muted">“记录”是工作台和总结表上的数字，“实际”是按原始记录重新统计的数字。</Text>
      {list.map((d) => (
        <View key={d.key} className="rec-diff" data-testid="reconcile-difference" data-key={d.key}>
          <Text className="rec-diff__subject">{d.subject}</Text>
          <Text className="rec-diff__figure">{d.figure}</Text>
          <Text className="rec-diff__numbers">
            记录 {d.stored} · 实际 {d.recounted}
          </Text>
          <Text className="muted">{d.gap}</Text>
        </View>
      ))}
    </View>
  )
}
