import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { OpeningMaterials, UnitCases } from '../components/reporting'
import { RowView } from '../components/reporting/RowView'
import { UnitsTable } from '../components/reporting/UnitsTable'
import { cityChoice, districtName, initialDistrict, type DistrictChoice, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { ActivitiesList } from './ActivitiesList'
import { FeaturedSection, TypicalSection } from './CaseSections'
import { ExportSection } from './ExportSection'
import { SubmissionBar } from './SubmissionBar'
import { deadlineText, groupRows, savedText } from './summaryText'
import { useSummary } from './useSummary'
import './index.scss'

/**
 * 总结表 (organiser subpackage): the table every district hands in after the week, row by row as the
 * official template has them. Data rows show what the figures say and how they were computed; typed
 * rows (and additions to data rows) are written here and saved as a draft, by hand or by themselves
 * after a pause. Featured activities, the typical case, the activities' figures, and the table as
 * PDF or Word (.docx) and the activities as Excel (.xlsx). Handed in to the level above (a frozen
 * copy; locked until returned). A roll-up (a city's, or the top's) lists its units' status and
 * figures, starts its typed rows from the units' texts, and shows their cases and 开幕式 materials.
 */
export default function SummaryPage() {
  const { params } = useRouter()

  return (
    <PageShell className="sum" testid="summary-page">
      <View className="page-head">
        <Text className="page-head__title">总结表</Text>
        <Text className="page-head__text">活动数据自动填入；其余各项请填写，会自动保存为草稿。填好后提交给上级，并导出 PDF 盖章上报。</Text>
      </View>
      <ScopedWeek weekId={params.weekId}>
        {({ scopes, scope, onWeek }) => (
          <WeekSummary
            scopes={scopes}
            scope={scope}
            askedDistrict={
              scope.week.id === params.weekId ? (params.cityCode ? cityChoice(params.cityCode) : params.districtCode) : undefined
            }
            onWeek={onWeek}
          />
        )}
      </ScopedWeek>
    </PageShell>
  )
}

function WeekSummary({
  scopes,
  scope,
  askedDistrict,
  onWeek,
}: {
  scopes: Scope[]
  scope: Scope
  askedDistrict?: string
  onWeek: (id: string) => void
}) {
  const [district, setDistrict] = useState<DistrictChoice>(() => initialDistrict(scope, true, askedDistrict, true))
  return (
    <View>
      <ScopePicker scopes={scopes} scope={scope} district={district} onWeek={onWeek} onDistrict={setDistrict} rollUp cityRollUp />
      <SummaryEditor
        key={`${scope.week.id}:${district}`}
        weekId={scope.week.id}
        district={district}
        scopeLabel={districtName(scope, district)}
      />
    </View>
  )
}

function SummaryEditor({ weekId, district, scopeLabel }: { weekId: string; district: DistrictChoice; scopeLabel: string }) {
  const {
    load,
    summary,
    draft,
    save,
    dirty,
    locked,
    typical,
    exporting,
    exportError,
    exported,
    submit,
    reload,
    saveNow,
    edit,
    exportAs,
    submitNow,
    resetSubmit,
  } = useSummary(weekId, district)
  if (load.status === 'loading') return <Loading text="正在生成总结表…" />
  if (load.status === 'error') return <ErrorState message={load.error.message} code={load.error.code} onRetry={() => void reload()} />
  if (!summary || !draft) return null

  const deadline = deadlineText(summary.deadline, summary.daysLeft)
  const rollUp = summary.unit.level !== 'district'
  const saveText =
    save.kind === 'saving'
      ? '正在保存…'
      : dirty
        ? '有未保存的修改'
        : summary.draftSavedAt
          ? `✓ ${savedText(summary.draftSavedAt)}`
          : '尚未填写'

  return (
    <View
      data-testid="summary-editor"
      data-scope={summary.districtCode ?? summary.unit.code ?? 'all'}
      data-level={summary.unit.level}
      data-revision={summary.revision}
      data-locked={locked ? 'true' : 'false'}
    >
      <View className="section sum-top">
        <Text className="section__title" data-testid="summary-unit-name">
          {summary.weekName} · {summary.unit.name || summary.scopeName || scopeLabel}
        </Text>
        <Text
          className={`sum-deadline${deadline.overdue ? ' sum-deadline--overdue' : ''}`}
          data-testid="summary-deadline"
          data-days-left={summary.daysLeft}
        >
          {deadline.overdue ? '⚠ ' : ''}
          {deadline.text}
        </Text>
        {locked ? null : (
          <View className="sum-save">
            <Text className="sum-save__state" data-testid="summary-save-state" data-dirty={dirty ? 'true' : 'false'} data-kind={save.kind}>
              {saveText}
            </Text>
            <View
              className={`btn ${save.kind === 'saving' ? 'btn--disabled' : 'btn--primary'}`}
              data-testid="summary-save"
              ariaRole="button"
              onClick={() => {
                if (save.kind !== 'saving') void saveNow()
              }}
            >
              <Text>{save.kind === 'saving' ? '正在保存…' : '保存草稿'}</Text>
            </View>
          </View>
        )}
        {save.kind === 'error' ? <InlineError message={save.error.message} code={save.error.code} testid="summary-save-error" /> : null}
        {save.kind === 'conflict' ? (
          <View className="sum-conflict" data-testid="summary-conflict">
            <InlineError message="别人刚刚保存了新的内容，已为您重新加载。" code="CONFLICT" testid="summary-save-error" />
            {save.lost.length ? <Text className="sum-conflict__text">您刚才的这些修改没有保存，可复制后重新填写：</Text> : null}
            {save.lost.map((l) => (
              <View key={l.label} className="sum-conflict__item">
                <Text className="sum-conflict__label">{l.label}</Text>
                <Text className="sum-conflict__text" userSelect>
                  {l.text}
                </Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <SubmissionBar
        key={`${summary.submission.status}:${summary.submission.version}`}
        summary={summary}
        submit={submit}
        onSubmit={() => void submitNow()}
        onReset={resetSubmit}
      />

      {rollUp ? <UnitsTable weekId={summary.weekId} units={summary.units} /> : null}

      {groupRows(summary.rows).map((g) => (
        <View key={g.group} className="section sum-group" data-testid="summary-group" data-group={g.group}>
          <Text className="section__title">{g.group}</Text>
          {g.rows.map((r) => (
            <RowView
              key={r.key}
              row={r}
              solo={g.rows.length === 1 && r.label === g.group}
              value={draft.typed[r.key] ?? ''}
              locked={locked}
              onChange={(v) => edit((d) => ({ ...d, typed: { ...d.typed, [r.key]: v } }))}
            />
          ))}
        </View>
      ))}

      {locked ? null : <FeaturedSection activities={summary.activities} draft={draft} edit={edit} />}
      {locked ? null : <TypicalSection activities={summary.activities} draft={draft} edit={edit} error={typical.error} />}
      {rollUp ? <UnitCases cases={summary.unitCases} /> : null}
      <OpeningMaterials items={summary.opening} />

      <ActivitiesList activities={summary.activities} showDistrict={summary.districtCode === null} />

      <ExportSection exporting={exporting} error={exportError} done={exported} onExport={(f) => void exportAs(f)} />
    </View>
  )
}
