import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { districtName, initialDistrict, type DistrictChoice, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { ActivitiesList } from './ActivitiesList'
import { FeaturedSection, TypicalSection } from './CaseSections'
import { RowView } from './RowView'
import { deadlineText, groupRows, savedText } from './summaryText'
import { useSummary } from './useSummary'
import './index.scss'

/**
 * 总结表 (organiser subpackage): the table every district hands in after the week, row by row as the
 * official template has them. Data rows show what the figures say and how they were computed; typed
 * rows (and additions to data rows) are written here and saved as a draft, by hand or by themselves
 * after a pause. Featured activities, the typical case, the activities' figures, and the table as
 * Word (.docx) and the activities as Excel (.xlsx).
 */
export default function SummaryPage() {
  const { params } = useRouter()

  return (
    <PageShell className="sum" testid="summary-page">
      <View className="page-head">
        <Text className="page-head__title">总结表</Text>
        <Text className="page-head__text">活动数据自动填入；其余各项请填写，会自动保存为草稿。填好后导出 Word 上报。</Text>
      </View>
      <ScopedWeek weekId={params.weekId}>
        {({ scopes, scope, onWeek }) => (
          <WeekSummary
            scopes={scopes}
            scope={scope}
            askedDistrict={scope.week.id === params.weekId ? params.districtCode : undefined}
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
  const [district, setDistrict] = useState<DistrictChoice>(() => initialDistrict(scope, true, askedDistrict))
  return (
    <View>
      <ScopePicker scopes={scopes} scope={scope} district={district} onWeek={onWeek} onDistrict={setDistrict} rollUp />
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
  const { load, summary, draft, save, dirty, typical, exporting, exportError, exported, reload, saveNow, edit, exportAs } = useSummary(
    weekId,
    district,
  )
  if (load.status === 'loading') return <Loading text="正在生成总结表…" />
  if (load.status === 'error') return <ErrorState message={load.error.message} code={load.error.code} onRetry={() => void reload()} />
  if (!summary || !draft) return null

  const deadline = deadlineText(summary.deadline, summary.daysLeft)
  const saveText =
    save.kind === 'saving'
      ? '正在保存…'
      : dirty
        ? '有未保存的修改'
        : summary.draftSavedAt
          ? `✓ ${savedText(summary.draftSavedAt)}`
          : '尚未填写'

  return (
    <View data-testid="summary-editor" data-scope={summary.districtCode ?? 'all'} data-revision={summary.revision}>
      <View className="section sum-top">
        <Text className="section__title">
          {summary.weekName} · {summary.scopeName || scopeLabel}
        </Text>
        <Text
          className={`sum-deadline${deadline.overdue ? ' sum-deadline--overdue' : ''}`}
          data-testid="summary-deadline"
          data-days-left={summary.daysLeft}
        >
          {deadline.overdue ? '⚠ ' : ''}
          {deadline.text}
        </Text>
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

      {groupRows(summary.rows).map((g) => (
        <View key={g.group} className="section sum-group" data-testid="summary-group" data-group={g.group}>
          <Text className="section__title">{g.group}</Text>
          {g.rows.map((r) => (
            <RowView
              key={r.key}
              row={r}
              solo={g.rows.length === 1 && r.label === g.group}
              value={draft.typed[r.key] ?? ''}
              onChange={(v) => edit((d) => ({ ...d, typed: { ...d.typed, [r.key]: v } }))}
            />
          ))}
        </View>
      ))}

      <FeaturedSection activities={summary.activities} draft={draft} edit={edit} />
      <TypicalSection activities={summary.activities} draft={draft} edit={edit} error={typical.error} />

      <ActivitiesList activities={summary.activities} showDistrict={summary.districtCode === null} />

      <View className="section sum-export" data-testid="summary-export">
        <Text className="section__title">导出</Text>
        <Text className="muted">导出前会先保存草稿。Word 按官方总结表排版；Excel 每行一项活动。</Text>
        <View
          className={`btn btn--block ${exporting === 'docx' ? 'btn--disabled' : 'btn--primary'}`}
          data-testid="summary-export-docx"
          ariaRole="button"
          onClick={() => void exportAs('docx')}
        >
          <Text>{exporting === 'docx' ? '正在生成 Word…' : '导出 Word（总结表）'}</Text>
        </View>
        <View
          className={`btn btn--block ${exporting === 'xlsx' ? 'btn--disabled' : 'btn--secondary'}`}
          data-testid="summary-export-xlsx"
          ariaRole="button"
          onClick={() => void exportAs('xlsx')}
        >
          <Text>{exporting === 'xlsx' ? '正在生成 Excel…' : '导出 Excel（活动明细）'}</Text>
        </View>
        {exportError ? <InlineError message={exportError.message} code={exportError.code} testid="summary-export-error" /> : null}
        {exported ? (
          <Text className="sum-done" data-testid="summary-export-done">
            {exported}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
