import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Summary } from '@shared/contracts/stats'
import { REPORTING_LIMITS } from '@shared/domain/reporting'
import { Field, InlineConfirm, InlineError, TextArea } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { reviewSummary } from '@/services/stats'
import { reasonError } from '../components/reportingText'

type Mode = 'idle' | 'confirming' | 'returning'

/**
 * The level above acts on a submitted 总结表: 确认 (asked in place), or 退回修改 with a reason of 2–200
 * characters (checked here, and by the server). Sent with the version read, so a newer submission
 * is never acted on unseen (CONFLICT).
 */
export function ReviewPanel({
  input,
  copy,
  onReviewed,
}: {
  input: { weekId: string; districtCode?: string; cityCode?: string }
  copy: Summary
  onReviewed: (s: Summary, words: string) => void
}) {
  const [mode, setMode] = useState<Mode>('idle')
  const [reason, setReason] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const reasonProblem = reasonError(reason)

  const act = async (decision: 'confirm' | 'return') => {
    if (busy) return
    if (decision === 'return') {
      setTried(true)
      if (reasonProblem) return
    }
    setBusy(true)
    setError(null)
    try {
      const res = await reviewSummary({
        ...input,
        decision,
        version: copy.submission.version,
        ...(decision === 'return' ? { reason: reason.trim() } : {}),
      })
      onReviewed(res, decision === 'confirm' ? '✓ 已确认' : '✓ 已退回修改，对方会看到退回原因')
    } catch (err) {
      setError(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section sub-review" data-testid="submission-review" data-mode={mode}>
      <Text className="section__title">审核</Text>
      <Text className="muted">确认后该单位的总结表锁定；退回后对方可修改并重新提交。</Text>
      {mode === 'idle' ? (
        <View className="btn-row">
          <View className="btn btn--primary" data-testid="submission-confirm" ariaRole="button" onClick={() => setMode('confirming')}>
            <Text>确认</Text>
          </View>
          <View className="btn btn--danger" data-testid="submission-return" ariaRole="button" onClick={() => setMode('returning')}>
            <Text>退回修改</Text>
          </View>
        </View>
      ) : null}
      {mode === 'confirming' ? (
        <InlineConfirm
          testid="submission-confirm"
          busy={busy}
          text={`确认 ${copy.unit.name} 提交的总结表？确认后对方不能再修改。`}
          confirmLabel="确认无误"
          cancelLabel="再看看"
          onConfirm={() => void act('confirm')}
          onCancel={() => setMode('idle')}
        />
      ) : null}
      {mode === 'returning' ? (
        <View className="sub-review__return">
          <Field
            label="退回原因"
            required
            hint={`${REPORTING_LIMITS.reasonMin} 到 ${REPORTING_LIMITS.reasonMax} 个字，写明需要修改的地方`}
            error={tried && reasonProblem ? reasonProblem : undefined}
            testid="submission-reason-field"
          >
            <TextArea
              testid="submission-reason"
              label="退回原因"
              value={reason}
              maxlength={REPORTING_LIMITS.reasonMax + 20}
              placeholder="例如：典型案例缺少参与人数，请补充。"
              onChange={setReason}
            />
          </Field>
          <View className="btn-row">
            <View
              className={`btn ${busy ? 'btn--disabled' : 'btn--danger'}`}
              data-testid="submission-return-send"
              ariaRole="button"
              onClick={() => void act('return')}
            >
              <Text>{busy ? '请稍候…' : '退回修改'}</Text>
            </View>
            <View className="btn btn--secondary" data-testid="submission-return-keep" ariaRole="button" onClick={() => setMode('idle')}>
              <Text>不退回</Text>
            </View>
          </View>
        </View>
      ) : null}
      {error ? <InlineError message={error.message} code={error.code} testid="submission-review-error" /> : null}
    </View>
  )
}
