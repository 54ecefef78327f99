import Taro, { useDidHide, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Summary } from '@shared/contracts/stats'
import { draftLocked } from '@shared/domain/reporting'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { openExport } from '@/services/exportFile'
import { exportSummary, getSummary, saveSummary, submitSummary } from '@/services/stats'
import { unitInput, type DistrictChoice } from '../components/scope'
import { changedRows, draftKey, draftOf, typedInput, typicalCaseInput, type Draft } from './summaryText'

/** Typing stops this long before the draft saves itself. */
const AUTOSAVE_MS = 2500

type Load = { status: 'loading' } | { status: 'error'; error: CloudError } | { status: 'ready' }
export type ExportFormat = 'docx' | 'xlsx' | 'pdf'
export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'submitting' }
  /** The draft could not be saved first (the save's own error, or a half-filled typical case, says why). */
  | { kind: 'unsaved' }
  | { kind: 'error'; error: CloudError }
  | { kind: 'done' }
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'error'; error: CloudError }
  | { kind: 'conflict'; lost: { label: string; text: string }[] }

/**
 * The 总结表 of one scope: loading it, the draft being typed, saving it (by hand, or by itself
 * after a pause in typing or when the page is hidden; a CONFLICT reloads and lists what was not
 * saved), exporting it as Word, PDF or Excel after saving what was typed, and submitting it to the
 * level above (saved first; locked while submitted or confirmed).
 */
export function useSummary(weekId: string, district: DistrictChoice) {
  const scopeInput = useMemo(() => unitInput(weekId, district), [weekId, district])
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [summary, setSummary] = useState<Summary | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  /** draftKey of what the server holds. */
  const [savedKey, setSavedKey] = useState('')
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const [exporting, setExporting] = useState<'' | ExportFormat>('')
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'idle' })
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
  }, [accept, scopeInput])

  useEffect(() => {
    void reload()
  }, [reload])

  const locked = !!summary && draftLocked(summary.submission.status)
  const dirty = !locked && !!draft && draftKey(draft) !== savedKey
  const typical = draft ? typicalCaseInput(draft.typical) : { value: null, error: null }

  /** Saves the draft as it is now; true when the server has it. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    const d = draftRef.current
    const s = summaryRef.current
    if (!d || !s || saving.current || draftLocked(s.submission.status)) return false
    const tc = typicalCaseInput(d.typical)
    if (tc.error) return false
    saving.current = true
    setSave({ kind: 'saving' })
    try {
      const res = await saveSummary({
        ...scopeInput,
        revision: s.revision,
        typed: typedInput(d, s.rows),
        featuredIds: d.featuredIds,
        typicalCase: tc.value,
      })
      setSummary(res)
      // Read at once by a submit that follows the save.
      summaryRef.current = res
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
  }, [accept, scopeInput])

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
    if (locked) return
    setDraft((d) => (d ? change(d) : d))
    if (save.kind === 'error' || save.kind === 'conflict') setSave({ kind: 'idle' })
    setExported('')
  }

  /** Saves what was typed, then hands the 总结表 in with the revision that save answered. */
  const submitNow = async () => {
    if (submit.kind === 'submitting') return
    setSubmit({ kind: 'submitting' })
    try {
      if (dirty && !(await saveNow())) {
        setSubmit({ kind: 'unsaved' })
        return
      }
      const s = summaryRef.current
      if (!s) return
      const res = await submitSummary({ ...scopeInput, revision: s.revision })
      accept(res, true)
      setSubmit({ kind: 'done' })
    } catch (err) {
      setSubmit({ kind: 'error', error: toCloudError(err) })
    }
  }

  const exportAs = async (format: ExportFormat) => {
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

  return {
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
    resetSubmit: () => setSubmit({ kind: 'idle' }),
  }
}
