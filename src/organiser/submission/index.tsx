import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { Summary } from '@shared/contracts/stats'
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { openExport } from '@/services/exportFile'
import { exportSummary, getSubmission } from '@/services/stats'
import { OpeningMaterials, StatusBadge, SubmissionHistory, UnitCases } from '../components/reporting'
import { submittedText } from '../components/reportingText'
import { RowView } from '../components/reporting/RowView'
import { groupRows } from '../components/reporting/rows'
import { UnitsTable } from '../components/reporting/UnitsTable'
import { ReviewPanel } from './ReviewPanel'
import './index.scss'

/**
 * A unit's submitted 总结表 (organiser subpackage), read-only as it was frozen when handed in: rows
 * and figures, typical case, featured activities, 开幕式 materials, the history. The level above
 * confirms it or returns it with a reason; anyone who may see it exports it as PDF or Word.
 * Params: weekId and districtCode or cityCode.
 */
export default function SubmissionPage() {
  const { params } = useRouter()
  const input = useMemo(() => {
    const weekId = params.weekId ?? ''
    if (params.cityCode) return { weekId, cityCode: params.cityCode }
    return params.districtCode ? { weekId, districtCode: params.districtCode } : { weekId }
  }, [params.weekId, params.cityCode, params.districtCode])
  const load = useAsync(() => getSubmission(input), [input])

  usePullDownRefresh(() => {
    load.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <PageShell className="sub" testid="submission-page">
      <View className="page-head">
        <Text className="page-head__title">提交的总结表</Text>
        <Text className="page-head__text">这是单位提交时保存的副本，之后的数据变化不会改变它。</Text>
      </View>
      {!params.weekId ? <Empty title="没有指定总结表" hint="请从总结表页的“各单位上报情况”进入。" /> : null}
      {params.weekId && load.status === 'loading' ? <Loading text="正在加载提交的总结表…" /> : null}
      {params.weekId && load.status === 'error' ? (
        load.error.code === 'SUMMARY_NOT_SUBMITTED' ? (
          <Empty title="该单位尚未提交总结表" hint="单位提交后，这里会显示提交的内容。" />
        ) : (
          <ErrorState message={load.error.message} code={load.error.code} onRetry={load.reload} />
        )
      ) : null}
      {params.weekId && load.status === 'ready' ? <SubmittedCopy input={input} loaded={load.data} /> : null}
    </PageShell>
  )
}

function SubmittedCopy({ input, loaded }: { input: { weekId: string; districtCode?: string; cityCode?: string }; loaded: Summary }) {
  const [copy, setCopy] = useState(loaded)
  const [done, setDone] = useState('')
  const [exporting, setExporting] = useState<'' | 'pdf' | 'docx'>('')
  const [exportError, setExportError] = useState<CloudError | null>(null)
  useEffect(() => setCopy(loaded), [loaded])
  const s = copy.submission
  const featured = copy.activities.filter((a) => copy.featuredIds.includes(a.id))

  const exportAs = async (format: 'pdf' | 'docx') => {
    if (exporting) return
    setExporting(format)
    setExportError(null)
    setDone('')
    try {
      const file = await exportSummary({ ...input, format, submitted: true })
      await openExport({ fileName: file.fileName, mime: file.mime, base64: file.base64 })
      setDone(`✓ 已生成 ${file.fileName}`)
    } catch (err) {
      setExportError(toCloudError(err))
    } finally {
      setExporting('')
    }
  }

  return (
    <View data-testid="submission-copy" data-status={s.status} data-version={s.version} data-unit={copy.unit.code ?? 'top'}>
      <View className="section sum-submission">
        <Text className="section__title" data-testid="submission-unit">
          {copy.weekName} · {copy.unit.name}
        </Text>
        <View className="sum-submission__head">
          <StatusBadge status={s.status} testid="submission-status" />
          {s.late ? <Text className="sum-late">⚠ 逾期</Text> : null}
        </View>
        {s.parent ? <Text className="sum-submission__line">{`上报给 ${s.parent.name}`}</Text> : null}
        {s.submittedAt !== null ? <Text className="sum-submission__line">{submittedText(s.submittedAt)}</Text> : null}
        {s.status === 'returned' && s.returnReason ? (
          <Text className="sum-reason" data-testid="submission-return-reason">
            {`退回原因：${s.returnReason}`}
          </Text>
        ) : null}
        <SubmissionHistory history={s.history} />
        {done ? (
          <Text className="sum-done" data-testid="submission-done">
            {done}
          </Text>
        ) : null}
      </View>

      {s.canReview ? (
        <ReviewPanel
          key={s.version}
          input={input}
          copy={copy}
          onReviewed={(res, words) => {
            setCopy((c) => ({ ...c, submission: res.submission }))
            setDone(words)
          }}
        />
      ) : null}

      {copy.unit.level !== 'district' ? <UnitsTable weekId={copy.weekId} units={copy.units} /> : null}

      {groupRows(copy.rows).map((g) => (
        <View key={g.group} className="section sum-group" data-testid="summary-group" data-group={g.group}>
          <Text className="section__title">{g.group}</Text>
          {g.rows.map((r) => (
            <RowView
              key={r.key}
              row={r}
              solo={g.rows.length === 1 && r.label === g.group}
              value={r.typed ?? r.composed ?? ''}
              locked
              onChange={() => undefined}
            />
          ))}
        </View>
      ))}

      <View className="section" data-testid="submission-featured">
        <Text className="section__title">有特色的活动（{featured.length}）</Text>
        {featured.length === 0 ? <Text className="muted">未选择。</Text> : null}
        {featured.map((a) => (
          <Text key={a.id} className="sub-line">{`★ ${a.title}（参加 ${a.participants} 人）`}</Text>
        ))}
      </View>

      <View className="section" data-testid="submission-typical">
        <Text className="section__title">典型案例</Text>
        {copy.typicalCase ? (
          <View className="rep-case">
            <Text className="rep-case__title">{copy.typicalCase.title}</Text>
            <Text className="rep-case__text" userSelect>
              {copy.typicalCase.text || '（无正文）'}
            </Text>
          </View>
        ) : (
          <Text className="muted">未填写。</Text>
        )}
      </View>

      {copy.unit.level !== 'district' ? <UnitCases cases={copy.unitCases} /> : null}
      <OpeningMaterials items={copy.opening} />

      <View className="section sum-export" data-testid="submission-export">
        <Text className="section__title">导出提交的副本</Text>
        {(['pdf', 'docx'] as const).map((f) => (
          <View
            key={f}
            className={`btn btn--block ${exporting === f ? 'btn--disabled' : f === 'pdf' ? 'btn--primary' : 'btn--secondary'}`}
            data-testid={`submission-export-${f}`}
            ariaRole="button"
            onClick={() => void exportAs(f)}
          >
            <Text>{exporting === f ? '正在生成…' : f === 'pdf' ? '导出 PDF' : '导出 Word'}</Text>
          </View>
        ))}
        {exportError ? <InlineError message={exportError.message} code={exportError.code} testid="submission-export-error" /> : null}
      </View>
    </View>
  )
}
