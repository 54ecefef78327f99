import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { CourseCard, Lesson } from '@shared/contracts/course'
import { COURSE_KINDS, COURSE_TOPICS } from '@shared/domain/vocabulary'
import { ChoiceChips, Field, InlineConfirm, InlineError, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { loadPublishedActivities, loadScopes, type Scope } from '@/services/activity'
import { CloudError, toCloudError } from '@/services/callCloud'
import { getCourse, getLesson, listManagedCourses, saveCourse, setCoursePublished } from '@/services/course'
import { EDIT_STATUS_WORDS as STATUS_WORDS } from '@/utils/statusText'
import { ActivityPicker } from './ActivityPicker'
import {
  CODE_FIELD,
  LIMITS,
  addLesson,
  addStep,
  checkForm,
  emptyForm,
  errorKeysFromPaths,
  errorPlaces,
  formFromCourse,
  kindText,
  moveLesson,
  moveStep,
  removeLesson,
  removeStep,
  toSaveInput,
  totalMinutes,
  updateLesson,
  updateStep,
  withoutErrors,
  type CourseForm,
  type FormErrors,
  type LessonForm,
  type StepForm,
} from './form'
import './index.scss'

type Status = 'draft' | 'published'

type Managed = CourseCard & { activityIds: string[] }
interface Stored {
  card: Managed
  lessons: Lesson[]
}
interface Loaded {
  scope: Scope
  stored: Stored | null
}

/** A stored course with every lesson's steps (course.get, course.manage, one course.lesson per lesson). */
async function loadCourse(courseId: string, weekHint: string): Promise<Stored> {
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

/**
 * Create (?weekId=&districtCode=) or edit (?id=&weekId=) a course: topic (the kind follows it),
 * title, intro, the lessons with their steps (add, remove, move up and down), the week's offline
 * classes it links to; saved as a draft (course.save), published from here or from the list.
 */
export default function CourseEditPage() {
  const { params } = useRouter()
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : ''
  const weekParam = typeof params.weekId === 'string' ? decodeURIComponent(params.weekId) : ''
  const districtParam = typeof params.districtCode === 'string' ? decodeURIComponent(params.districtCode) : ''

  const res = useAsync(async (): Promise<Loaded> => {
    const [scopes, stored] = await Promise.all([loadScopes(), id ? loadCourse(id, weekParam) : Promise.resolve(null)])
    const weekId = stored?.card.weekId ?? weekParam
    const scope = scopes.find((s) => s.week.id === weekId)
    if (!scope) throw new CloudError(scopes.length === 0 ? 'FORBIDDEN' : 'WEEK_NOT_FOUND')
    return { scope, stored }
  }, [id, weekParam])

  return (
    <PageShell className="org-edit course-edit" testid="org-course-edit-page">
      {res.status === 'loading' ? <Loading text="正在加载课程…" /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' ? <Editor loaded={res.data} districtParam={districtParam} /> : null}
    </PageShell>
  )
}

type Ask = null | 'publish' | { lesson: string }

function Editor({ loaded, districtParam }: { loaded: Loaded; districtParam: string }) {
  const { scope } = loaded
  const weekId = scope.week.id
  const initial = useMemo(() => {
    if (loaded.stored) return formFromCourse(loaded.stored.card, loaded.stored.lessons)
    const only = scope.districts.length === 1 ? scope.districts[0].code : ''
    return emptyForm(scope.districts.find((d) => d.code === districtParam)?.code ?? only)
  }, [loaded, districtParam, scope])

  const [form, setForm] = useState<CourseForm>(initial)
  const [saved, setSaved] = useState<CourseForm | null>(loaded.stored ? initial : null)
  const [courseId, setCourseId] = useState(loaded.stored?.card.id ?? '')
  const [status, setStatus] = useState<Status>(loaded.stored?.card.status ?? 'draft')
  const [errors, setErrors] = useState<FormErrors>({})
  const [open, setOpen] = useState<string[]>(() => (initial.lessons.length === 1 ? [initial.lessons[0].key] : []))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [done, setDone] = useState('')
  const [ask, setAsk] = useState<Ask>(null)
  /** Saved, but the stored lessons (their new ids) could not be read back: saving again would duplicate them. */
  const [unsynced, setUnsynced] = useState(false)

  const activities = useAsync(
    () => (form.districtCode ? loadPublishedActivities(weekId, form.districtCode) : Promise.resolve([])),
    [weekId, form.districtCode],
  )

  const dirty = !saved || JSON.stringify(saved) !== JSON.stringify(form)
  const kind = kindText(form.topic)
  const districtName = scope.week.districts.find((d) => d.code === form.districtCode)?.name ?? form.districtCode

  const change = (next: CourseForm, ...touched: string[]) => {
    setForm(next)
    setDone('')
    if (touched.length > 0) setErrors((e) => withoutErrors(e, ...touched))
  }
  const toggleOpen = (key: string) => setOpen((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key]))

  const showErrors = (found: FormErrors, f: CourseForm) => {
    setErrors(found)
    // Open every lesson with a problem in it.
    const keys = new Set(Object.keys(found).map((k) => k.split('.')[0]))
    const withProblems = f.lessons.filter((l) => keys.has(l.key) || l.steps.some((s) => keys.has(s.key))).map((l) => l.key)
    setOpen((o) => [...new Set([...o, ...withProblems])])
  }

  /** Reads the stored course back into the form (the new lessons' ids). */
  const resync = async (cid: string) => {
    const stored = await loadCourse(cid, weekId)
    const again = formFromCourse(stored.card, stored.lessons)
    setForm(again)
    setSaved(again)
    setStatus(stored.card.status)
    setOpen(again.lessons.length === 1 ? [again.lessons[0].key] : [])
    setUnsynced(false)
  }

  /** Saves when needed; the course id, or '' when refused. */
  const save = async (): Promise<string> => {
    if (unsynced && courseId) {
      await resync(courseId)
      return ''
    }
    const found = checkForm(form)
    if (Object.keys(found).length > 0) {
      showErrors(found, form)
      setFailure(new CloudError('VALIDATION_FAILED'))
      return ''
    }
    if (courseId && !dirty) return courseId
    const out = await saveCourse(toSaveInput(form, weekId, courseId || undefined))
    setCourseId(out.courseId)
    setStatus(out.status)
    setSaved(form)
    try {
      await resync(out.courseId)
    } catch {
      setUnsynced(true)
    }
    return out.courseId
  }

  const run = async (what: 'save' | 'publish') => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setDone('')
    try {
      const wasNew = !courseId
      const rereading = unsynced
      const cid = await save()
      if (rereading) setDone('✓ 已重新读取，可以继续修改')
      if (cid && what === 'save') setDone(wasNew ? '✓ 已保存为草稿，发布后居民才能看到' : '✓ 修改已保存')
      if (cid && what === 'publish') {
        const out = await setCoursePublished(cid, true)
        setStatus(out.status)
        setDone('✓ 已发布，居民现在可以在“学习课堂”里报名学习')
      }
    } catch (err) {
      const e = toCloudError(err)
      const field = CODE_FIELD[e.code]
      if (field) setErrors((x) => ({ ...x, [field]: e.message }))
      if (e.code === 'VALIDATION_FAILED') {
        const marked: FormErrors = {}
        for (const k of errorKeysFromPaths(e.fields, form)) marked[k] = '请检查这一项'
        showErrors({ ...marked, ...errors }, form)
      }
      setFailure(e)
    } finally {
      setAsk(null)
      setBusy(false)
    }
  }

  const places = errorPlaces(errors, form)

  return (
    <View data-testid="course-edit-form" data-id={courseId} data-status={status}>
      <View className="page-head">
        <Text className="page-head__title">{courseId ? '编辑课程' : '新建课程'}</Text>
        <Text className="page-head__text" data-testid="course-edit-status">
          {scope.week.name}
          {courseId ? ` · ${STATUS_WORDS[status]}` : ''}
        </Text>
      </View>

      <View className="section">
        <Text className="section__title">基本信息</Text>
        <Field label="县区" required error={errors.district} testid="course-field-district-row">
          {scope.districts.length === 1 || courseId ? (
            <Text className="org-static" data-testid="course-field-district" data-value={form.districtCode}>
              {districtName}
            </Text>
          ) : (
            <ChoiceChips
              options={scope.districts.map((d) => ({ code: d.code, label: d.name }))}
              value={form.districtCode}
              onChange={(districtCode) => change({ ...form, districtCode, activityIds: [] }, 'district', 'activities')}
              testid="course-field-district"
            />
          )}
        </Field>
        <Field label="课程主题" required hint="课程类别由主题决定" error={errors.topic} testid="course-field-topic-row">
          {COURSE_KINDS.map((k) => (
            <View key={k.code} className="course-topics">
              <Text className="course-topics__kind">{k.label}</Text>
              <ChoiceChips
                options={COURSE_TOPICS.filter((t) => t.kind === k.code)}
                value={form.topic}
                onChange={(topic) => change({ ...form, topic }, 'topic')}
                testid={`course-field-topic-${k.code}`}
              />
            </View>
          ))}
          <Text className="course-kind" data-testid="course-kind" data-value={kind}>
            课程类别：{kind || '（请先选择主题）'}
          </Text>
        </Field>
        <Field label="课程名称" required error={errors.title} testid="course-field-title-row">
          <TextInput
            value={form.title}
            onChange={(title) => change({ ...form, title }, 'title')}
            testid="course-field-title"
            maxlength={LIMITS.titleMax}
            placeholder="例如：手机挂号一学就会"
          />
        </Field>
        <Field label="课程简介" required error={errors.intro} testid="course-field-intro-row">
          <TextArea
            value={form.intro}
            onChange={(intro) => change({ ...form, intro }, 'intro')}
            testid="course-field-intro"
            maxlength={LIMITS.introMax}
            placeholder="学完能做什么、适合谁，用大白话写"
          />
        </Field>
        <Field label="封面图" hint="云存储文件ID（cloud://…）或 https:// 网址" error={errors.cover} testid="course-field-cover-row">
          <TextInput
            value={form.cover}
            onChange={(cover) => change({ ...form, cover }, 'cover')}
            testid="course-field-cover"
            maxlength={LIMITS.urlMax}
            placeholder="cloud:// 或 https://"
          />
        </Field>
      </View>

      <View className="section" data-testid="course-lessons" data-count={form.lessons.length}>
        <Text className="section__title">
          课时（{form.lessons.length} 课 · 约 {totalMinutes(form)} 分钟）
        </Text>
        {errors.lessons ? (
          <Text className="field__error" data-testid="course-lessons-error">
            ⚠ {errors.lessons}
          </Text>
        ) : null}
        {form.lessons.map((lesson, i) => (
          <LessonEditor
            key={lesson.key}
            lesson={lesson}
            index={i}
            count={form.lessons.length}
            open={open.includes(lesson.key)}
            errors={errors}
            onToggle={() => toggleOpen(lesson.key)}
            onLesson={(patch) => change(updateLesson(form, lesson.key, patch), ...Object.keys(patch).map((k) => `${lesson.key}.${k}`))}
            onMove={(delta) => change(moveLesson(form, lesson.key, delta))}
            askingRemove={ask !== null && typeof ask === 'object' && ask.lesson === lesson.key}
            onAskRemove={() => (lesson.id ? setAsk({ lesson: lesson.key }) : change(removeLesson(form, lesson.key), lesson.key, 'lessons'))}
            onRemove={() => {
              setAsk(null)
              change(removeLesson(form, lesson.key), lesson.key, 'lessons')
            }}
            onKeep={() => setAsk(null)}
            onStep={(stepKey, patch) =>
              change(updateStep(form, lesson.key, stepKey, patch), ...Object.keys(patch).map((k) => `${stepKey}.${k}`))
            }
            onAddStep={() => change(addStep(form, lesson.key), `${lesson.key}.steps`)}
            onRemoveStep={(stepKey) => change(removeStep(form, lesson.key, stepKey), stepKey, `${lesson.key}.steps`)}
            onMoveStep={(stepKey, delta) => change(moveStep(form, lesson.key, stepKey, delta))}
          />
        ))}
        {form.lessons.length < LIMITS.lessonsMax ? (
          <View
            className="btn btn--secondary btn--block"
            data-testid="course-add-lesson"
            ariaRole="button"
            onClick={() => {
              const next = addLesson(form)
              change(next, 'lessons')
              setOpen((o) => [...o, next.lessons[next.lessons.length - 1].key])
            }}
          >
            <Text>＋ 添加一课</Text>
          </View>
        ) : null}
      </View>

      <View className="section">
        <Text className="section__title">关联线下课堂</Text>
        <Field
          label="本县区本周已发布的活动"
          hint="居民可以从课程页报名，到现场有志愿者手把手教"
          error={errors.activities}
          testid="course-field-activities-row"
        >
          {form.districtCode ? (
            <ActivityPicker
              activities={activities}
              value={form.activityIds}
              onChange={(activityIds) => change({ ...form, activityIds }, 'activities')}
              testid="course-field-activities"
              preferType={form.topic ? (COURSE_TOPICS.find((t) => t.code === form.topic)?.kind ?? undefined) : undefined}
              max={LIMITS.activitiesMax}
              onRetry={activities.reload}
            />
          ) : (
            <Text className="muted">请先选择县区。</Text>
          )}
        </Field>
      </View>

      <View className="section org-actions" data-testid="course-actions">
        {failure ? (
          <InlineError
            message={
              failure.code === 'VALIDATION_FAILED' && places.length > 0 ? `请修改：${places.join('、')}（见上方红色提示）` : failure.message
            }
            code={failure.code}
            testid="course-error"
          />
        ) : null}
        {unsynced ? (
          <Text className="field__error" data-testid="course-unsynced">
            ⚠ 已保存，但没能重新读取课程。请点“重新读取”后再修改。
          </Text>
        ) : null}
        {done ? (
          <Text className="org-done" data-testid="course-done">
            {done}
          </Text>
        ) : null}
        <View
          className={`btn btn--block ${busy || (!dirty && courseId && !unsynced) ? 'btn--disabled' : 'btn--secondary'}`}
          data-testid="course-save"
          ariaRole="button"
          onClick={() => {
            if (!busy && (dirty || !courseId || unsynced)) void run('save')
          }}
        >
          <Text>{busy && ask === null ? '正在保存…' : unsynced ? '重新读取' : status === 'published' ? '保存修改' : '保存草稿'}</Text>
        </View>
        {status === 'draft' ? (
          ask === 'publish' ? (
            <InlineConfirm
              testid="course-publish"
              busy={busy}
              text="发布后，居民就能在学习课堂里看到并报名这门课。确定发布吗？"
              confirmLabel="确定发布"
              cancelLabel="先不发布"
              onConfirm={() => void run('publish')}
              onCancel={() => setAsk(null)}
            />
          ) : (
            <View className="btn btn--primary btn--block" data-testid="course-publish" ariaRole="button" onClick={() => setAsk('publish')}>
              <Text>{dirty ? '保存并发布' : '发布课程'}</Text>
            </View>
          )
        ) : null}
        <View className="btn btn--secondary btn--block" data-testid="course-back" ariaRole="link" onClick={() => void Taro.navigateBack()}>
          <Text>返回课程列表</Text>
        </View>
      </View>
    </View>
  )
}

function LessonEditor({
  lesson,
  index,
  count,
  open,
  errors,
  onToggle,
  onLesson,
  onMove,
  askingRemove,
  onAskRemove,
  onRemove,
  onKeep,
  onStep,
  onAddStep,
  onRemoveStep,
  onMoveStep,
}: {
  lesson: LessonForm
  index: number
  count: number
  open: boolean
  errors: FormErrors
  onToggle: () => void
  onLesson: (patch: Partial<Pick<LessonForm, 'title' | 'minutes'>>) => void
  onMove: (delta: number) => void
  askingRemove: boolean
  onAskRemove: () => void
  onRemove: () => void
  onKeep: () => void
  onStep: (stepKey: string, patch: Partial<Omit<StepForm, 'key'>>) => void
  onAddStep: () => void
  onRemoveStep: (stepKey: string) => void
  onMoveStep: (stepKey: string, delta: number) => void
}) {
  const k = lesson.key
  const hasError = Object.keys(errors).some((e) => e.startsWith(`${k}.`) || lesson.steps.some((s) => e.startsWith(`${s.key}.`)))
  return (
    <View
      className={`course-lesson${hasError ? ' course-lesson--error' : ''}`}
      data-testid="course-lesson"
      data-index={index}
      data-id={lesson.id ?? ''}
    >
      <View className="course-lesson__head" ariaRole="button" onClick={onToggle} data-testid={`course-lesson-${index}-toggle`}>
        <Text className="course-lesson__no">第{index + 1}课</Text>
        <Text className="course-lesson__title">{lesson.title.trim() || '（未命名）'}</Text>
        <Text className="course-lesson__meta">
          {lesson.steps.length} 步 · {open ? '收起 ▴' : '展开 ▾'}
          {hasError ? ' · ⚠ 有待修改' : ''}
        </Text>
      </View>
      <View className="course-mini-row">
        <MiniButton testid={`course-lesson-${index}-up`} disabled={index === 0} onTap={() => onMove(-1)}>
          ↑ 上移
        </MiniButton>
        <MiniButton testid={`course-lesson-${index}-down`} disabled={index === count - 1} onTap={() => onMove(1)}>
          ↓ 下移
        </MiniButton>
        <MiniButton testid={`course-lesson-${index}-remove`} disabled={count <= 1} danger onTap={onAskRemove}>
          删除本课
        </MiniButton>
      </View>
      {askingRemove ? (
        <InlineConfirm
          testid={`course-lesson-${index}-remove`}
          danger
          text="删除后，已经学过这一课的居民的学习记录也不再计入。确定删除吗？"
          confirmLabel="确定删除"
          cancelLabel="不删除"
          onConfirm={onRemove}
          onCancel={onKeep}
        />
      ) : null}
      {open ? (
        <View className="course-lesson__body">
          <Field label="课时名称" required error={errors[`${k}.title`]} testid={`course-lesson-${index}-title-row`}>
            <TextInput
              value={lesson.title}
              onChange={(title) => onLesson({ title })}
              testid={`course-lesson-${index}-title`}
              maxlength={LIMITS.lessonTitleMax}
              placeholder="例如：打开挂号小程序"
            />
          </Field>
          <Field label="学习时长（分钟）" required error={errors[`${k}.minutes`]} testid={`course-lesson-${index}-minutes-row`}>
            <TextInput
              value={lesson.minutes}
              onChange={(minutes) => onLesson({ minutes })}
              testid={`course-lesson-${index}-minutes`}
              type="number"
              maxlength={3}
            />
          </Field>
          {errors[`${k}.steps`] ? (
            <Text className="field__error" data-testid={`course-lesson-${index}-steps-error`}>
              ⚠ {errors[`${k}.steps`]}
            </Text>
          ) : null}
          {lesson.steps.map((step, si) => (
            <View key={step.key} className="course-step" data-testid={`course-lesson-${index}-step`} data-index={si}>
              <Text className="course-step__no">第{si + 1}步</Text>
              <Field label="这一步怎么做" required error={errors[`${step.key}.text`]} testid={`course-step-${index}-${si}-text-row`}>
                <TextArea
                  value={step.text}
                  onChange={(text) => onStep(step.key, { text })}
                  testid={`course-step-${index}-${si}-text`}
                  maxlength={LIMITS.stepTextMax}
                  placeholder="一句话说清楚，例如：点开微信右下角的“我”"
                />
              </Field>
              <Field
                label="图片或截图"
                hint="云存储文件ID（cloud://…）或 https:// 网址"
                error={errors[`${step.key}.image`]}
                testid={`course-step-${index}-${si}-image-row`}
              >
                <TextInput
                  value={step.image}
                  onChange={(image) => onStep(step.key, { image })}
                  testid={`course-step-${index}-${si}-image`}
                  maxlength={LIMITS.urlMax}
                  placeholder="cloud:// 或 https://"
                />
              </Field>
              {step.image.trim() ? (
                <Field
                  label="图片说明"
                  hint="给看不清图片的人读出来"
                  error={errors[`${step.key}.imageAlt`]}
                  testid={`course-step-${index}-${si}-imageAlt-row`}
                >
                  <TextInput
                    value={step.imageAlt}
                    onChange={(imageAlt) => onStep(step.key, { imageAlt })}
                    testid={`course-step-${index}-${si}-imageAlt`}
                    maxlength={LIMITS.imageAltMax}
                    placeholder="例如：微信“我”页面，右下角"
                  />
                </Field>
              ) : null}
              <Field label="小提示" error={errors[`${step.key}.tip`]} testid={`course-step-${index}-${si}-tip-row`}>
                <TextInput
                  value={step.tip}
                  onChange={(tip) => onStep(step.key, { tip })}
                  testid={`course-step-${index}-${si}-tip`}
                  maxlength={LIMITS.tipMax}
                  placeholder="例如：验证码不要告诉任何人"
                />
              </Field>
              <Field label="视频链接" error={errors[`${step.key}.videoUrl`]} testid={`course-step-${index}-${si}-videoUrl-row`}>
                <TextInput
                  value={step.videoUrl}
                  onChange={(videoUrl) => onStep(step.key, { videoUrl })}
                  testid={`course-step-${index}-${si}-videoUrl`}
                  maxlength={LIMITS.urlMax}
                  placeholder="https://"
                />
              </Field>
              <View className="course-mini-row">
                <MiniButton testid={`course-step-${index}-${si}-up`} disabled={si === 0} onTap={() => onMoveStep(step.key, -1)}>
                  ↑ 上移
                </MiniButton>
                <MiniButton
                  testid={`course-step-${index}-${si}-down`}
                  disabled={si === lesson.steps.length - 1}
                  onTap={() => onMoveStep(step.key, 1)}
                >
                  ↓ 下移
                </MiniButton>
                <MiniButton
                  testid={`course-step-${index}-${si}-remove`}
                  disabled={lesson.steps.length <= 1}
                  danger
                  onTap={() => onRemoveStep(step.key)}
                >
                  删除这一步
                </MiniButton>
              </View>
            </View>
          ))}
          {lesson.steps.length < LIMITS.stepsMax ? (
            <View
              className="btn btn--secondary btn--block"
              data-testid={`course-lesson-${index}-add-step`}
              ariaRole="button"
              onClick={onAddStep}
            >
              <Text>＋ 添加一步</Text>
            </View>
          ) : null}
          <Text className="muted">每课最后，居民点“学会了”完成本课。</Text>
        </View>
      ) : null}
    </View>
  )
}

function MiniButton({
  children,
  onTap,
  testid,
  disabled,
  danger,
}: {
  children: string
  onTap: () => void
  testid: string
  disabled?: boolean
  danger?: boolean
}) {
  return (
    <View
      className={`btn course-mini ${disabled ? 'btn--disabled' : danger ? 'btn--secondary course-mini--danger' : 'btn--secondary'}`}
      data-testid={testid}
      data-disabled={disabled ? 'true' : 'false'}
      ariaRole="button"
      ariaLabel={disabled ? `${children}（不可用）` : children}
      onClick={() => {
        if (!disabled) onTap()
      }}
    >
      <Text>{children}</Text>
    </View>
  )
}
