import { useReducer } from 'react'
import type { CourseCard, Lesson } from '@shared/contracts/course'
import { COURSE_TOPICS } from '@shared/domain/vocabulary'
import { useAsync } from '@/hooks/useAsync'
import { loadPublishedActivities, type Scope } from '@/services/activity'
import { CloudError, toCloudError } from '@/services/callCloud'
import { getCourse, getLesson, listManagedCourses, saveCourse, setCoursePublished } from '@/services/course'
import {
  addLesson,
  addStep,
  checkForm,
  emptyForm,
  formFromCourse,
  kindText,
  moveLesson,
  moveStep,
  removeLesson,
  removeStep,
  toSaveInput,
  updateLesson,
  updateStep,
  withoutErrors,
  type CourseForm,
  type FormErrors,
  type LessonForm,
} from './form'
import { CODE_FIELD, errorKeysFromPaths, errorPlaces } from './formErrors'
import type { LessonActions } from './LessonEditor'

type Managed = CourseCard & { activityIds: string[] }
interface Stored {
  card: Managed
  lessons: Lesson[]
}
export interface Loaded {
  scope: Scope
  stored: Stored | null
}

/** A stored course with every lesson's steps (course.get, course.manage, one course.lesson per lesson). */
export async function loadCourse(courseId: string, weekHint: string): Promise<Stored> {
  const [got, early] = await Promise.all([getCourse({ courseId }), weekHint ? listManagedCourses(weekHint) : Promise.resolve(null)])
  const weekId = got.course.weekId
  const [managed, lessons] = await Promise.all([
    early && weekHint === weekId ? Promise.resolve(early) : listManagedCourses(weekId),
    Promise.all(got.course.lessons.map((l) => getLesson({ courseId, lessonId: l.id }).then((r) => r.lesson))),
  ])
  const card = managed.courses.find((c) => c.id === courseId)
  if (!card) throw new CloudError('FORBIDDEN')
  return { card, lessons }
}

type Ask = null | 'publish' | { lesson: string }

interface EditorState {
  form: CourseForm
  /** The form as last saved; null for a course not saved yet. */
  saved: CourseForm | null
  courseId: string
  status: CourseCard['status']
  errors: FormErrors
  /** Keys of the lessons shown open. */
  open: string[]
  busy: boolean
  failure: CloudError | null
  done: string
  ask: Ask
  /** Saved, but the stored lessons (their new ids) could not be read back: saving again would duplicate them. */
  unsynced: boolean
}

type Action =
  | { type: 'change'; form: CourseForm; touched: string[] }
  | { type: 'toggle'; key: string }
  | { type: 'opened'; key: string }
  | { type: 'ask'; ask: Ask }
  | { type: 'errors'; errors: FormErrors; form: CourseForm }
  | { type: 'fieldError'; field: string; message: string }
  | { type: 'saved'; courseId: string; status: CourseCard['status']; form: CourseForm }
  | { type: 'reread'; form: CourseForm; status: CourseCard['status'] }
  | { type: 'unsynced' }
  | { type: 'start' }
  | { type: 'status'; status: CourseCard['status'] }
  | { type: 'done'; done: string }
  | { type: 'failed'; failure: CloudError }
  | { type: 'finish' }

const openKeys = (f: CourseForm) => (f.lessons.length === 1 ? [f.lessons[0].key] : [])

function initialState(loaded: Loaded, districtParam: string): EditorState {
  const { scope, stored } = loaded
  const only = scope.districts.length === 1 ? scope.districts[0].code : ''
  const form = stored
    ? formFromCourse(stored.card, stored.lessons)
    : emptyForm(scope.districts.find((d) => d.code === districtParam)?.code ?? only)
  return {
    form,
    saved: stored ? form : null,
    courseId: stored?.card.id ?? '',
    status: stored?.card.status ?? 'draft',
    errors: {},
    open: openKeys(form),
    busy: false,
    failure: null,
    done: '',
    ask: null,
    unsynced: false,
  }
}

function reducer(s: EditorState, a: Action): EditorState {
  switch (a.type) {
    case 'change':
      return { ...s, form: a.form, done: '', errors: a.touched.length > 0 ? withoutErrors(s.errors, ...a.touched) : s.errors }
    case 'toggle':
      return { ...s, open: s.open.includes(a.key) ? s.open.filter((k) => k !== a.key) : [...s.open, a.key] }
    case 'opened':
      return { ...s, open: [...s.open, a.key] }
    case 'ask':
      return { ...s, ask: a.ask }
    case 'errors': {
      // Open every lesson with a problem in it.
      const keys = new Set(Object.keys(a.errors).map((k) => k.split('.')[0]))
      const withProblems = a.form.lessons.filter((l) => keys.has(l.key) || l.steps.some((st) => keys.has(st.key))).map((l) => l.key)
      return { ...s, errors: a.errors, open: [...new Set([...s.open, ...withProblems])] }
    }
    case 'fieldError':
      return { ...s, errors: { ...s.errors, [a.field]: a.message } }
    case 'saved':
      return { ...s, courseId: a.courseId, status: a.status, saved: a.form }
    case 'reread':
      return { ...s, form: a.form, saved: a.form, status: a.status, open: openKeys(a.form), unsynced: false }
    case 'unsynced':
      return { ...s, unsynced: true }
    case 'start':
      return { ...s, busy: true, failure: null, done: '' }
    case 'status':
      return { ...s, status: a.status }
    case 'done':
      return { ...s, done: a.done }
    case 'failed':
      return { ...s, failure: a.failure }
    case 'finish':
      return { ...s, ask: null, busy: false }
  }
}

/**
 * The course editor's state (one reducer) and what it does: editing the form, checking it, saving
 * it as a draft (course.save, then reading the stored lessons back for their new ids), and publishing.
 */
export function useCourseEditor(loaded: Loaded, districtParam: string) {
  const weekId = loaded.scope.week.id
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(loaded, districtParam))
  const { form, saved, courseId, unsynced, busy, errors } = state

  const activities = useAsync(
    () => (form.districtCode ? loadPublishedActivities(weekId, form.districtCode) : Promise.resolve([])),
    [weekId, form.districtCode],
  )

  const dirty = !saved || JSON.stringify(saved) !== JSON.stringify(form)
  const change = (next: CourseForm, ...touched: string[]) => dispatch({ type: 'change', form: next, touched })
  const setAsk = (ask: Ask) => dispatch({ type: 'ask', ask })

  /** Reads the stored course back into the form (the new lessons' ids). */
  const resync = async (cid: string) => {
    const stored = await loadCourse(cid, weekId)
    dispatch({ type: 'reread', form: formFromCourse(stored.card, stored.lessons), status: stored.card.status })
  }

  /** Saves when needed; the course id, or '' when refused. */
  const save = async (): Promise<string> => {
    if (unsynced && courseId) {
      await resync(courseId)
      return ''
    }
    const found = checkForm(form)
    if (Object.keys(found).length > 0) {
      dispatch({ type: 'errors', errors: found, form })
      dispatch({ type: 'failed', failure: new CloudError('VALIDATION_FAILED') })
      return ''
    }
    if (courseId && !dirty) return courseId
    const out = await saveCourse(toSaveInput(form, weekId, courseId || undefined))
    dispatch({ type: 'saved', courseId: out.courseId, status: out.status, form })
    try {
      await resync(out.courseId)
    } catch {
      dispatch({ type: 'unsynced' })
    }
    return out.courseId
  }

  const run = async (what: 'save' | 'publish') => {
    if (busy) return
    dispatch({ type: 'start' })
    try {
      const wasNew = !courseId
      const rereading = unsynced
      const cid = await save()
      if (rereading) dispatch({ type: 'done', done: '✓ 已重新读取，可以继续修改' })
      if (cid && what === 'save') dispatch({ type: 'done', done: wasNew ? '✓ 已保存为草稿，发布后居民才能看到' : '✓ 修改已保存' })
      if (cid && what === 'publish') {
        const out = await setCoursePublished(cid, true)
        dispatch({ type: 'status', status: out.status })
        dispatch({ type: 'done', done: '✓ 已发布，居民现在可以在“学习课堂”里报名学习' })
      }
    } catch (err) {
      const e = toCloudError(err)
      const field = CODE_FIELD[e.code]
      if (field) dispatch({ type: 'fieldError', field, message: e.message })
      if (e.code === 'VALIDATION_FAILED') {
        const marked: FormErrors = {}
        for (const k of errorKeysFromPaths(e.fields, form)) marked[k] = '请检查这一项'
        dispatch({ type: 'errors', errors: { ...marked, ...errors }, form })
      }
      dispatch({ type: 'failed', failure: e })
    } finally {
      dispatch({ type: 'finish' })
    }
  }

  /** What one lesson's editor does to the form. */
  const lessonActions = (lesson: LessonForm): LessonActions => {
    const k = lesson.key
    const remove = () => change(removeLesson(form, k), k, 'lessons')
    return {
      onLesson: (patch) => change(updateLesson(form, k, patch), ...Object.keys(patch).map((p) => `${k}.${p}`)),
      onMove: (delta) => change(moveLesson(form, k, delta)),
      onAskRemove: () => (lesson.id ? setAsk({ lesson: k }) : remove()),
      onRemove: () => {
        setAsk(null)
        remove()
      },
      onKeep: () => setAsk(null),
      onStep: (stepKey, patch) => change(updateStep(form, k, stepKey, patch), ...Object.keys(patch).map((p) => `${stepKey}.${p}`)),
      onAddStep: () => change(addStep(form, k), `${k}.steps`),
      onRemoveStep: (stepKey) => change(removeStep(form, k, stepKey), stepKey, `${k}.steps`),
      onMoveStep: (stepKey, delta) => change(moveStep(form, k, stepKey, delta)),
    }
  }

  const addOneLesson = () => {
    const next = addLesson(form)
    change(next, 'lessons')
    dispatch({ type: 'opened', key: next.lessons[next.lessons.length - 1].key })
  }

  const { ask } = state
  return {
    ...state,
    activities,
    dirty,
    kind: kindText(form.topic),
    /** The kind of class to list first among the activities to link. */
    preferType: form.topic ? COURSE_TOPICS.find((t) => t.code === form.topic)?.kind : undefined,
    places: errorPlaces(errors, form),
    askingRemove: (lessonKey: string) => ask !== null && typeof ask === 'object' && ask.lesson === lessonKey,
    change,
    setAsk,
    run,
    toggleOpen: (key: string) => dispatch({ type: 'toggle', key }),
    lessonActions,
    addLesson: addOneLesson,
  }
}
