import Taro, { useDidHide, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Summary } from '@shared/contracts/stats'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { openExport } from '@/services/exportFile'
import { exportSummary, getSummary, saveSummary } from '@/services/stats'
import type { DistrictChoice } from '../components/scope'
import { changedRows, draftKey, draftOf, typicalCaseInput, type Draft } from './summaryText'

/** Typing stops this long before the draft saves itself. */
const AUTOSAVE_MS = 2500

type Load = { status: 'loading' } | { status: 'error'; error: CloudError } | { status: 'ready' }
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'error'; error: CloudError }
  | { kind: 'conflict'; lost: { label: string; text: string }[] }

/**
 * The 总结表 of one scope: loading it, the draft being typed, saving it (by hand, or by itself
 * after a pause in typing or when the page is hidden; a CONFLICT reloads and lists what was not
 * saved), and exporting it as Word or Excel after saving what was typed.
 */
export function useSummary(weekId: string, district: DistrictChoice) {
  const scopeInput = useMemo(() => (district ? { weekId, districtCode: district } : { weekId }), [weekId, district])
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
  }, [accept, scopeInput])

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

  return { load, summary, draft, save, dirty, typical, exporting, exportError, exported, reload, saveNow, edit, exportAs }
}
