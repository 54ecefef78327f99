import { useReducer } from 'react'
import type { ActivityDetail, Week } from '@shared/contracts/activity'
import { cancelActivity, createActivity, publishActivity, updateActivity } from '@/services/activity'
import { CloudError, toCloudError } from '@/services/callCloud'
import { readString, writeString } from '@/utils/storage'
import {
  CODE_FIELD,
  checkForm,
  defaultForm,
  fieldsFromPaths,
  formFromActivity,
  normalised,
  publishBlocker,
  toCreateInput,
  toPatch,
  withChange,
  type ActivityForm,
  type FieldKey,
  type FormErrors,
} from './form'
import { publishWords } from './windowText'

const ORGANIZER_KEY = 'organiser.lastOrganizer'

export interface Loaded {
  week: Week
  /** Districts the caller may use for this week. */
  districts: { code: string; name: string }[]
  activity: ActivityDetail | null
}

/** What a section of the form gets: the form, its errors, and a change. */
export interface FormProps {
  form: ActivityForm
  errors: FormErrors
  set: (patch: Partial<ActivityForm>) => void
}

type Ask = null | 'publish' | 'cancel'

interface EditorState {
  /** The activity as stored; null before the first save. */
  activity: ActivityDetail | null
  form: ActivityForm
  /** The form as last saved; null for an activity not saved yet. */
  savedForm: ActivityForm | null
  errors: FormErrors
  busy: boolean
  failure: CloudError | null
  done: string
  ask: Ask
  /** Why the organiser cancels (asked in place). */
  reason: string
  reasonMissing: boolean
}

type Action =
  | { type: 'set'; patch: Partial<ActivityForm>; now: number }
  | { type: 'errors'; errors: FormErrors }
  | { type: 'moreErrors'; errors: FormErrors; over: boolean }
  | { type: 'stored'; activity: ActivityDetail; form: ActivityForm }
  | { type: 'activity'; activity: ActivityDetail }
  | { type: 'start' }
  | { type: 'done'; done: string }
  | { type: 'failed'; failure: CloudError }
  | { type: 'ask'; ask: Ask }
  | { type: 'finish' }
  | { type: 'reason'; reason: string }
  | { type: 'reasonMissing' }

/** The error a changed form field clears. */
const ERROR_OF: Partial<Record<keyof ActivityForm, FieldKey>> = {
  districtCode: 'district',
  venueName: 'venue',
  venueAddress: 'venue',
  day: 'time',
  startTime: 'time',
  endTime: 'time',
  opensDate: 'window',
  opensTime: 'window',
  closesDate: 'window',
  closesTime: 'window',
  cancelDate: 'cancel',
  cancelTime: 'cancel',
}

function reducer(s: EditorState, a: Action): EditorState {
  switch (a.type) {
    case 'set': {
      const errors = { ...s.errors }
      for (const k of Object.keys(a.patch) as (keyof ActivityForm)[]) delete errors[ERROR_OF[k] ?? (k as FieldKey)]
      return { ...s, form: withChange(s.form, a.patch, a.now), done: '', failure: null, errors }
    }
    case 'errors':
      return { ...s, errors: a.errors }
    case 'moreErrors':
      // over: the new errors replace those already shown for the same fields.
      return { ...s, errors: a.over ? { ...s.errors, ...a.errors } : { ...a.errors, ...s.errors } }
    case 'stored':
      return { ...s, activity: a.activity, form: a.form, savedForm: a.form }
    case 'activity':
      return { ...s, activity: a.activity }
    case 'start':
      return { ...s, busy: true, failure: null, done: '' }
    case 'done':
      return { ...s, done: a.done }
    case 'failed':
      return { ...s, failure: a.failure }
    case 'ask':
      return { ...s, ask: a.ask }
    case 'finish':
      return { ...s, busy: false }
    case 'reason':
      return { ...s, reason: a.reason, reasonMissing: false }
    case 'reasonMissing':
      return { ...s, reasonMissing: true }
  }
}

function initialState(loaded: Loaded, districtParam: string): EditorState {
  const { week, districts } = loaded
  const now = Date.now()
  const district = districts.find((d) => d.code === districtParam)?.code ?? (districts.length === 1 ? districts[0].code : '')
  const form = loaded.activity ? formFromActivity(loaded.activity, now) : defaultForm(week, district, now, readString(ORGANIZER_KEY))
  return {
    activity: loaded.activity,
    form,
    savedForm: loaded.activity ? form : null,
    errors: {},
    busy: false,
    failure: null,
    done: '',
    ask: null,
    reason: '',
    reasonMissing: false,
  }
}

/**
 * The activity editor's state (one reducer) and what it does: editing, checking, saving (create or
 * update), publishing and cancelling with a reason.
 */
export function useActivityEditor(loaded: Loaded, districtParam: string) {
  const { week } = loaded
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(loaded, districtParam))
  const { activity, form, savedForm, busy, reason } = state

  const status = activity?.status ?? 'draft'
  const dirty = !savedForm || JSON.stringify(savedForm) !== JSON.stringify(form)
  const startMoved = !activity || (savedForm !== null && (savedForm.day !== form.day || savedForm.startTime !== form.startTime))

  const set = (patch: Partial<ActivityForm>) => dispatch({ type: 'set', patch, now: Date.now() })
  const setAsk = (ask: Ask) => dispatch({ type: 'ask', ask })

  /** Checks the form; shows what is wrong (a publish blocker as its own reason) and answers whether all is well. */
  const check = (publishing: boolean): boolean => {
    const found = checkForm(form, week, Date.now(), { startMustBeFuture: startMoved, publishing })
    if (Object.keys(found).length === 0) return true
    dispatch({ type: 'errors', errors: found })
    const blocker = publishing ? publishBlocker(found) : null
    dispatch({ type: 'failed', failure: new CloudError(blocker && Object.keys(found).length === 1 ? blocker : 'VALIDATION_FAILED') })
    return false
  }

  /** Saves (create or update) when needed; the activity as stored, or null when refused. */
  const save = async (publishing: boolean): Promise<ActivityDetail | null> => {
    if (!check(publishing)) return null
    if (activity && !dirty) return activity
    const f = normalised(form)
    const out = activity
      ? (await updateActivity({ id: activity.id, patch: toPatch(f) })).activity
      : (await createActivity(toCreateInput(f, week.id))).activity
    writeString(ORGANIZER_KEY, f.organizer.trim())
    dispatch({ type: 'stored', activity: out, form: formFromActivity(out, Date.now()) })
    return out
  }

  const run = async (what: 'save' | 'publish' | 'cancel') => {
    if (busy) return
    dispatch({ type: 'start' })
    try {
      if (what === 'save') {
        const out = await save(false)
        if (out) dispatch({ type: 'done', done: activity ? '✓ 修改已保存' : '✓ 已保存为草稿，发布后居民才能看到' })
      } else if (what === 'publish') {
        const out = await save(true)
        if (!out) setAsk(null)
        else {
          const published = (await publishActivity(out.id)).activity
          dispatch({ type: 'activity', activity: published })
          setAsk(null)
          dispatch({ type: 'done', done: publishWords(published, Date.now(), true) })
        }
      } else if (activity) {
        const r = await cancelActivity(activity.id, reason.trim())
        dispatch({ type: 'activity', activity: r.activity })
        setAsk(null)
        dispatch({ type: 'done', done: `✓ 活动已取消，已通知 ${r.notified} 位报名的居民` })
      }
    } catch (err) {
      const e = toCloudError(err)
      const field = CODE_FIELD[e.code]
      if (field) dispatch({ type: 'moreErrors', errors: { [field]: e.message }, over: true })
      if (e.code === 'VALIDATION_FAILED') {
        const marked: FormErrors = {}
        for (const k of fieldsFromPaths(e.fields)) marked[k] = '请检查这一项'
        dispatch({ type: 'moreErrors', errors: marked, over: false })
      }
      dispatch({ type: 'failed', failure: e })
      // A refused publish: back to the form, where the problems are marked.
      if (what === 'publish') setAsk(null)
    } finally {
      dispatch({ type: 'finish' })
    }
  }

  return {
    ...state,
    status,
    locked: status === 'cancelled',
    dirty,
    set,
    setAsk,
    /** Publishing is asked to confirm only once nothing stops it (checked here, before the question). */
    askPublish: () => {
      if (!busy && check(true)) setAsk('publish')
    },
    run,
    setReason: (v: string) => dispatch({ type: 'reason', reason: v }),
    /** Cancels when a reason is written, else says one is needed. */
    confirmCancel: () => (reason.trim() ? void run('cancel') : dispatch({ type: 'reasonMissing' })),
  }
}

export type ActivityEditor = ReturnType<typeof useActivityEditor>
