import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidHide, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Summary, SummaryActivity, SummaryRowView } from '@shared/contracts/stats'
import { Chip } from '@/components/Chip'
import { Field, InlineError, TextArea } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { openExport } from '@/services/exportFile'
import { exportSummary, getSummary, saveSummary } from '@/services/stats'
import { timeRangeText, typeLabel } from '@/utils/activityText'
import { rateText } from '../components/chart'
import { districtName, initialDistrict, type DistrictChoice, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { changedRows, deadlineText, draftKey, draftOf, groupRows, savedText, typicalCaseInput, type Draft } from './summaryText'
import './index.scss'

/** Typing stops this long before the draft saves itself. */
const AUTOSAVE_MS = 2500

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

type Load = { status: 'loading' } | { status: 'error'; error: CloudError } | { status: 'ready' }
type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'error'; error: CloudError }
  | { kind: 'conflict'; lost: { label: string; text: string }[] }

function SummaryEditor({ weekId, district, scopeLabel }: { weekId: string; district: DistrictChoice; scopeLabel: string }) {
  const scopeInput = district ? { weekId, districtCode: district } : { weekId }
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [summary, setSummary] = useState<Summary | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  /** draftKey of what the server holds. */
  const [savedKey, setSavedKey] = useState('')
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const [exporting, setExporting] = useState<'' | 'docx' | 'xlsx'>('')
  const [exportError, setExportError] = useState<CloudError | null>(null)
  const [exported, setExported] = useState('')
  const generation = useRef(0)
  const draftRef = useRef(draft)
  draftRef.current = draft
  const summaryRef = useRef(summary)
  summaryRef.current = summary
  const saving = useRef(false)

  const accept = useCallback((s: Summary, replaceDraft: boolean) => {
    setSummary(s)
    const server = draftOf(s)
    setSavedKey(draftKey(server))
    if (replaceDraft) setDraft(server)
  }, [])

  const reload = useCallback(async () => {
    const id = ++generation.current
    setLoad({ status: 'loading' })
    try {
      const s = await getSummary(scopeInput)
      if (id !== generation.current) return
      accept(s, true)
      setLoad({ status: 'ready' })
    } catch (err) {
      if (id === generation.current) setLoad({ status: 'error', error: toCloudError(err) })
    }
    // scopeInput follows weekId and district, which key this component
  }, [accept])

  useEffect(() => {
    void reload()
  }, [reload])

  const dirty = !!draft && draftKey(draft) !== savedKey
  const typical = draft ? typicalCaseInput(draft.typical) : { value: null, error: null }

  /** Saves the draft as it is now; true when the server has it. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    const d = draftRef.current
    const s = summaryRef.current
    if (!d || !s || saving.current) return false
    const tc = typicalCaseInput(d.typical)
    if (tc.error) return false
    saving.current = true
    setSave({ kind: 'saving' })
    try {
      const res = await saveSummary({
        ...scopeInput,
        revision: s.revision,
        typed: Object.fromEntries(Object.entries(d.typed).map(([k, v]) => [k, v.trim()])),
        featuredIds: d.featuredIds,
        typicalCase: tc.value,
      })
      setSummary(res)
      // What was sent is now saved; anything typed since stays dirty.
      setSavedKey(draftKey(d))
      setSave({ kind: 'idle' })
      return true
    } catch (err) {
      const e = toCloudError(err)
      if (e.code === 'CONFLICT') {
        // Someone saved first: show theirs, and what of ours was not saved so it can be copied back.
        const mine = d
        try {
          const fresh = await getSummary(scopeInput)
          accept(fresh, true)
          const lost = changedRows(mine, draftOf(fresh)).map((k) => ({
            label: fresh.rows.find((r) => r.key === k)?.label ?? k,
            text: mine.typed[k],
          }))
          setSave({ kind: 'conflict', lost })
        } catch (again) {
          setSave({ kind: 'error', error: toCloudError(again) })
        }
      } else {
        setSave({ kind: 'error', error: e })
      }
      return false
    } finally {
      saving.current = false
    }
  }, [accept])

  // Auto-save after a pause in typing; not after a failure until the next change.
  useEffect(() => {
    if (!dirty || save.kind !== 'idle' || typical.error) return
    const t = setTimeout(() => void saveNow(), AUTOSAVE_MS)
    return () => clearTimeout(t)
  }, [draft, dirty, save.kind, typical.error, saveNow])

  useDidHide(() => {
    if (dirty && save.kind === 'idle') void saveNow()
  })
  usePullDownRefresh(() => {
    if (!dirty) void reload()
    Taro.stopPullDownRefresh()
  })

  const edit = (change: (d: Draft) => Draft) => {
    setDraft((d) => (d ? change(d) : d))
    if (save.kind === 'error' || save.kind === 'conflict') setSave({ kind: 'idle' })
    setExported('')
  }

  const exportAs = async (format: 'docx' | 'xlsx') => {
    if (exporting) return
    setExporting(format)
    setExportError(null)
    setExported('')
    try {
      // The file shows what is saved: save what was typed first.
      if (dirty && !(await saveNow())) {
        setExporting('')
        return
      }
      const file = await exportSummary({ ...scopeInput, format })
      await openExport({ fileName: file.fileName, mime: file.mime, base64: file.base64 })
      setExported(`✓ 已生成 ${file.fileName}`)
    } catch (err) {
      setExportError(toCloudError(err))
    } finally {
      setExporting('')
    }
  }

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

      <View className="section" data-testid="summary-featured">
        <Text className="section__title">有特色的活动</Text>
        <Text className="muted">选出本县区有特色的活动，填入“有特色的活动”一栏（可多选）。</Text>
        {summary.activities.length === 0 ? <Text className="muted">还没有已发布的活动。</Text> : null}
        <View className="sum-choices">
          {summary.activities.map((a) => (
            <Chip
              key={a.id}
              selected={draft.featuredIds.includes(a.id)}
              testid={`summary-featured-${a.id}`}
              value={a.id}
              sub={`${typeLabel(a.type)} · 参加 ${a.participants} 人`}
              onTap={() =>
                edit((d) => ({
                  ...d,
                  featuredIds: d.featuredIds.includes(a.id)
                    ? d.featuredIds.filter((x) => x !== a.id)
                    : [...d.featuredIds, a.id].slice(0, 50),
                }))
              }
            >
              {a.title}
            </Chip>
          ))}
        </View>
        {draft.featuredIds.length ? <Text className="muted">已选 {draft.featuredIds.length} 项</Text> : null}
      </View>

      <View className="section" data-testid="summary-typical">
        <Text className="section__title">典型案例</Text>
        <Text className="muted">选一项活动（也可以不选），写一个标题和案例介绍。</Text>
        <View className="sum-choices">
          <Chip
            selected={draft.typical.activityId === null}
            testid="summary-typical-none"
            onTap={() => edit((d) => ({ ...d, typical: { ...d.typical, activityId: null } }))}
          >
            不关联活动
          </Chip>
          {summary.activities.map((a) => (
            <Chip
              key={a.id}
              selected={draft.typical.activityId === a.id}
              testid={`summary-typical-${a.id}`}
              value={a.id}
              onTap={() => edit((d) => ({ ...d, typical: { ...d.typical, activityId: a.id, title: d.typical.title || a.title } }))}
            >
              {a.title}
            </Chip>
          ))}
        </View>
        <Field label="案例标题" hint="2 到 60 个字" error={typical.error ?? undefined} testid="summary-typical-title-field">
          <Input
            className="field__input"
            data-testid="summary-typical-title"
            value={draft.typical.title}
            maxlength={60}
            placeholder="例如：手机课堂进社区，长辈学会网上挂号"
            placeholderClass="field__placeholder"
            onInput={(e) => edit((d) => ({ ...d, typical: { ...d.typical, title: e.detail.value } }))}
          />
        </Field>
        <Field label="案例介绍" testid="summary-typical-text-field">
          <TextArea
            testid="summary-typical-text"
            value={draft.typical.text}
            maxlength={3000}
            placeholder="做法、参与情况、群众反响……"
            onChange={(v) => edit((d) => ({ ...d, typical: { ...d.typical, text: v } }))}
          />
        </Field>
      </View>

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

function RowView({ row, solo, value, onChange }: { row: SummaryRowView; solo: boolean; value: string; onChange: (v: string) => void }) {
  return (
    <View className="sum-row" data-testid={`summary-row-${row.key}`} data-source={row.source} data-computed={row.computed ?? ''}>
      {solo ? null : <Text className="sum-row__label">{row.label}</Text>}
      {row.computed !== null ? (
        <Text className="sum-row__computed" data-testid={`summary-computed-${row.key}`}>
          {row.computed}
        </Text>
      ) : null}
      {row.basis ? <Text className="sum-row__basis">{`计算方法：${row.basis}`}</Text> : null}
      {row.source !== 'data' ? (
        <View className="sum-row__typed">
          <Text className="sum-row__hint">{row.source === 'both' ? '补充说明（选填，接在数据后面）' : '请填写'}</Text>
          <TextArea
            testid={`summary-typed-${row.key}`}
            value={value}
            maxlength={2000}
            placeholder={row.source === 'both' ? '可补充数据以外的情况' : `填写${row.label}`}
            onChange={onChange}
          />
        </View>
      ) : null}
    </View>
  )
}

function ActivitiesList({ activities, showDistrict }: { activities: SummaryActivity[]; showDistrict: boolean }) {
  return (
    <View className="section" data-testid="summary-activities" data-count={activities.length}>
      <Text className="section__title">活动明细（{activities.length} 项）</Text>
      {activities.length === 0 ? (
        <Empty title="还没有已发布的活动" hint="在“活动管理”里发布活动后，这里会列出每项活动的参加人数和满意率。" />
      ) : null}
      {activities.map((a) => (
        <View key={a.id} className="sum-act" data-testid="summary-activity" data-id={a.id} data-participants={a.participants}>
          <View className="sum-act__tags">
            <Text className="sum-act__tag">{typeLabel(a.type)}</Text>
            {showDistrict ? <Text className="sum-act__tag">{a.districtName}</Text> : null}
            {a.featured ? <Text className="sum-act__badge">★ 有特色</Text> : null}
          </View>
          <Text className="sum-act__title">{a.title}</Text>
          <Text className="sum-act__line">{timeRangeText(a.startAt, a.endAt)}</Text>
          <View className="sum-act__figures">
            <Text className="sum-act__fig">
              参加 <Text className="sum-act__n">{a.participants}</Text> 人
            </Text>
            <Text className="sum-act__fig">
              满意率 <Text className="sum-act__n">{rateText(a.feedback.rate)}</Text>
            </Text>
            <Text className="sum-act__fig">
              宣传 <Text className="sum-act__n">{a.publicity}</Text> 条
            </Text>
          </View>
          <Text className="sum-act__note">
            报名 {a.registered} · 签到 {a.checkedIn} · 现场登记 {a.walkInHeadcount}
            {a.capacity !== null ? ` · 名额 ${a.capacity}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
