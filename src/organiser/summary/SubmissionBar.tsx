import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Summary } from '@shared/contracts/stats'
import { InlineConfirm, InlineError } from '@/components/form'
import { StatusBadge, SubmissionHistory } from '../components/reporting'
import { lockedNote, submitConfirmText, submittedText } from '../components/reportingText'
import { unitQuery } from '../components/scope'
import { DeadlineReminder } from './DeadlineReminder'
import type { SubmitState } from './useSummary'

/**
 * Where the 总结表 stands with the level above: status, to whom, when, late or not, a return's
 * reason, the history; 提交给上级 (asked in place first). At the top nobody is above: export and hand in.
 */
export function SubmissionBar({
  summary,
  submit,
  onSubmit,
  onReset,
}: {
  summary: Summary
  submit: SubmitState
  onSubmit: () => void
  onReset: () => void
}) {
  const s = summary.submission
  const [asking, setAsking] = useState(false)
  const note = lockedNote(s)
  return (
    <View className="section sum-submission" data-testid="summary-submission" data-status={s.status} data-version={s.version}>
      <View className="sum-submission__head">
        {/* The top hands in nothing here: no status to show. */}
        {s.parent ? <StatusBadge status={s.status} testid="summary-status" /> : null}
        {s.late ? (
          <Text className="sum-late" data-testid="summary-late">
            ⚠ 逾期
          </Text>
        ) : null}
      </View>
      {s.parent ? (
        <Text className="sum-submission__line" data-testid="summary-parent">
          {`上报给 ${s.parent.name}`}
        </Text>
      ) : (
        <Text className="sum-submission__line" data-testid="summary-top-note">
          这是最高一级的总结表，无需在此提交。请导出 PDF（或 Word）盖章后扫描，按通知要求上报。
        </Text>
      )}
      {s.submittedAt !== null ? <Text className="sum-submission__line">{submittedText(s.submittedAt)}</Text> : null}
      {s.status === 'returned' && s.returnReason ? (
        <Text className="sum-reason" data-testid="summary-return-reason">
          {`退回原因：${s.returnReason}`}
        </Text>
      ) : null}
      {note ? (
        <Text className="sum-submission__locked" data-testid="summary-locked">
          {`🔒 ${note}`}
        </Text>
      ) : null}
      <SubmissionHistory history={s.history} />
      {s.version > 0 ? (
        <View
          className="sum-submission__copy"
          data-testid="summary-open-copy"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: `/organiser/submission/index?${unitQuery(summary.weekId, summary.unit)}` })}
        >
          <Text>查看提交的副本 ›</Text>
        </View>
      ) : null}
      {s.canSubmit && s.parent ? (
        asking ? (
          <InlineConfirm
            testid="summary-submit"
            busy={submit.kind === 'submitting'}
            text={submitConfirmText(s.parent.name)}
            confirmLabel={s.status === 'returned' ? '确认重新提交' : '确认提交'}
            cancelLabel="再检查一下"
            onConfirm={onSubmit}
            onCancel={() => setAsking(false)}
          />
        ) : (
          <View
            className="btn btn--primary btn--block"
            data-testid="summary-submit"
            ariaRole="button"
            onClick={() => {
              onReset()
              setAsking(true)
            }}
          >
            <Text>{s.status === 'returned' ? '修改完成，重新提交给上级' : '提交给上级'}</Text>
          </View>
        )
      ) : null}
      {/* Not handed in yet: the deadline reminders can come to WeChat too. */}
      {s.canSubmit && s.parent ? <DeadlineReminder summary={summary} /> : null}
      {submit.kind === 'unsaved' ? (
        <Text className="sum-reason" data-testid="summary-submit-unsaved">
          草稿没能保存，所以还没有提交：请先按上面的提示修改（如典型案例需要标题），再提交。
        </Text>
      ) : null}
      {submit.kind === 'error' ? (
        <InlineError message={submit.error.message} code={submit.error.code} testid="summary-submit-error" />
      ) : null}
      {submit.kind === 'done' && s.status === 'submitted' ? (
        <Text className="sum-done" data-testid="summary-submit-done">
          {`✓ 已提交给${s.parent?.name ?? '上级'}`}
        </Text>
      ) : null}
    </View>
  )
}
