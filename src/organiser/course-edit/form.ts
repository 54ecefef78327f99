import { COURSE_LIMITS, HTTPS_URL_RE, IMAGE_REF_RE, type CourseInput, type Lesson } from '@shared/contracts/course'
import { COURSE_KINDS, COURSE_TOPICS, labelOf, topicKind, type CourseTopic } from '@shared/domain/vocabulary'

// The course editor's form: plain strings while typing, checked like the contract (courseInputSchema)
// before saving, and turned into the save input. Lessons and steps carry a local `key` so errors and
// list keys follow them when they are moved.

export interface StepForm {
  key: string
  text: string
  /** A cloud fileID (cloud://…) or an https URL; '' for none. */
  image: string
  imageAlt: string
  tip: string
  videoUrl: string
}

export interface LessonForm {
  key: string
  /** The stored lesson's id; null for a lesson added here. */
  id: string | null
  title: string
  minutes: string
  steps: StepForm[]
}

export interface CourseForm {
  districtCode: string
  topic: CourseTopic | ''
  title: string
  intro: string
  cover: string
  lessons: LessonForm[]
  activityIds: string[]
}

/**
 * Errors by key: 'district', 'topic', 'title', 'intro', 'cover', 'lessons', 'activities';
 * `${lessonKey}.title|minutes|steps` for a lesson; `${stepKey}.text|image|imageAlt|tip|videoUrl` for a step.
 */
export type FormErrors = Record<string, string>

/** The contract's limits (course.save checks the same numbers). */
export const LIMITS = COURSE_LIMITS

let seq = 0
const nextKey = (prefix: string) => `${prefix}${(++seq).toString(36)}`

export function newStep(): StepForm {
  return { key: nextKey('s'), text: '', image: '', imageAlt: '', tip: '', videoUrl: '' }
}

export function newLesson(): LessonForm {
  return { key: nextKey('k'), id: null, title: '', minutes: '10', steps: [newStep()] }
}

export function emptyForm(districtCode: string): CourseForm {
  return { districtCode, topic: '', title: '', intro: '', cover: '', lessons: [newLesson()], activityIds: [] }
}

/** A stored course (its card fields and its lessons with steps) as the form. */
export function formFromCourse(
  c: { districtCode: string; topic: CourseTopic; title: string; intro: string; cover: string | null; activityIds: string[] },
  lessons: Lesson[],
): CourseForm {
  return {
    districtCode: c.districtCode,
    topic: c.topic,
    title: c.title,
    intro: c.intro,
    cover: c.cover ?? '',
    activityIds: [...c.activityIds],
    lessons: lessons.map((l) => ({
      key: nextKey('k'),
      id: l.id,
      title: l.title,
      minutes: String(l.minutes),
      steps: l.steps.map((s) => ({
        key: nextKey('s'),
        text: s.text,
        image: s.image ?? '',
        imageAlt: s.imageAlt ?? '',
        tip: s.tip ?? '',
        videoUrl: s.videoUrl ?? '',
      })),
    })),
  }
}

/** The kind a topic belongs to, in words ('' before a topic is chosen). */
export function kindText(topic: string): string {
  const kind = topicKind(topic)
  return kind ? labelOf(COURSE_KINDS, kind) : ''
}

export function topicText(topic: string): string {
  return labelOf(COURSE_TOPICS, topic)
}

// ---- list editing (pure: every function answers a new list)

/** Moves the item at `index` by `delta` places; out of range: unchanged. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const out = [...list]
  const [item] = out.splice(index, 1)
  out.splice(to, 0, item)
  return out
}

export function addLesson(f: CourseForm): CourseForm {
  if (f.lessons.length >= LIMITS.lessonsMax) return f
  return { ...f, lessons: [...f.lessons, newLesson()] }
}

export function removeLesson(f: CourseForm, key: string): CourseForm {
  return { ...f, lessons: f.lessons.filter((l) => l.key !== key) }
}

export function moveLesson(f: CourseForm, key: string, delta: number): CourseForm {
  return {
    ...f,
    lessons: move(
      f.lessons,
      f.lessons.findIndex((l) => l.key === key),
      delta,
    ),
  }
}

export function updateLesson(f: CourseForm, key: string, patch: Partial<Pick<LessonForm, 'title' | 'minutes'>>): CourseForm {
  return { ...f, lessons: f.lessons.map((l) => (l.key === key ? { ...l, ...patch } : l)) }
}

function withSteps(f: CourseForm, lessonKey: string, change: (steps: StepForm[]) => StepForm[]): CourseForm {
  return { ...f, lessons: f.lessons.map((l) => (l.key === lessonKey ? { ...l, steps: change(l.steps) } : l)) }
}

export function addStep(f: CourseForm, lessonKey: string): CourseForm {
  return withSteps(f, lessonKey, (steps) => (steps.length >= LIMITS.stepsMax ? steps : [...steps, newStep()]))
}

export function removeStep(f: CourseForm, lessonKey: string, stepKey: string): CourseForm {
  return withSteps(f, lessonKey, (steps) => steps.filter((s) => s.key !== stepKey))
}

export function moveStep(f: CourseForm, lessonKey: string, stepKey: string, delta: number): CourseForm {
  return withSteps(f, lessonKey, (steps) =>
    move(
      steps,
      steps.findIndex((s) => s.key === stepKey),
      delta,
    ),
  )
}

export function updateStep(f: CourseForm, lessonKey: string, stepKey: string, patch: Partial<Omit<StepForm, 'key'>>): CourseForm {
  return withSteps(f, lessonKey, (steps) => steps.map((s) => (s.key === stepKey ? { ...s, ...patch } : s)))
}

export function toggleActivity(ids: readonly string[], id: string, max: number = LIMITS.activitiesMax): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id)
  return ids.length >= max ? [...ids] : [...ids, id]
}

/** Errors to forget when these keys change (a key and everything under it). */
export function withoutErrors(e: FormErrors, ...prefixes: string[]): FormErrors {
  const out: FormErrors = {}
  for (const [k, v] of Object.entries(e)) if (!prefixes.some((p) => k === p || k.startsWith(`${p}.`))) out[k] = v
  return out
}

// ---- checking and saving

function parseMinutes(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,3}$/.test(t)) return null
  const n = Number(t)
  return n >= 1 && n <= LIMITS.minutesMax ? n : null
}

/** Everything wrong with the form, by key, in Chinese (the same rules as the contract). */
export function checkForm(f: CourseForm): FormErrors {
  const e: FormErrors = {}
  if (!f.districtCode) e.district = '请选择县区'
  if (!f.topic) e.topic = '请选择课程主题'
  const title = f.title.trim()
  if (title.length < LIMITS.titleMin || title.length > LIMITS.titleMax)
    e.title = `请填写课程名称（${LIMITS.titleMin}–${LIMITS.titleMax}个字）`
  const intro = f.intro.trim()
  if (!intro || intro.length > LIMITS.introMax) e.intro = `请填写课程简介（${LIMITS.introMax}字以内）`
  if (f.cover.trim() && (!IMAGE_REF_RE.test(f.cover.trim()) || f.cover.trim().length > LIMITS.urlMax))
    e.cover = '封面图请填云存储文件ID（cloud://）或 https:// 开头的网址'
  if (f.lessons.length === 0) e.lessons = '请至少添加一课'
  else if (f.lessons.length > LIMITS.lessonsMax) e.lessons = `一门课程最多${LIMITS.lessonsMax}课`
  for (const l of f.lessons) {
    const t = l.title.trim()
    if (!t || t.length > LIMITS.lessonTitleMax) e[`${l.key}.title`] = `请填写课时名称（${LIMITS.lessonTitleMax}字以内）`
    if (parseMinutes(l.minutes) === null) e[`${l.key}.minutes`] = `请填写学习时长（1–${LIMITS.minutesMax} 分钟）`
    if (l.steps.length === 0) e[`${l.key}.steps`] = '每课至少有一步'
    else if (l.steps.length > LIMITS.stepsMax) e[`${l.key}.steps`] = `每课最多${LIMITS.stepsMax}步`
    for (const s of l.steps) {
      const text = s.text.trim()
      if (!text || text.length > LIMITS.stepTextMax) e[`${s.key}.text`] = `请写下这一步怎么做（${LIMITS.stepTextMax}字以内）`
      const image = s.image.trim()
      if (image && (!IMAGE_REF_RE.test(image) || image.length > LIMITS.urlMax))
        e[`${s.key}.image`] = '图片请填云存储文件ID（cloud://）或 https:// 开头的网址'
      if (s.imageAlt.trim().length > LIMITS.imageAltMax) e[`${s.key}.imageAlt`] = `图片说明${LIMITS.imageAltMax}字以内`
      if (s.tip.trim().length > LIMITS.tipMax) e[`${s.key}.tip`] = `提示${LIMITS.tipMax}字以内`
      const video = s.videoUrl.trim()
      if (video && (!HTTPS_URL_RE.test(video) || video.length > LIMITS.urlMax)) e[`${s.key}.videoUrl`] = '视频链接请填 https:// 开头的网址'
    }
  }
  if (f.activityIds.length > LIMITS.activitiesMax) e.activities = `最多关联${LIMITS.activitiesMax}项活动`
  return e
}

const orNull = (s: string) => (s.trim() ? s.trim() : null)

/** The course.save input (call checkForm first). */
export function toSaveInput(f: CourseForm, weekId: string, courseId?: string): CourseInput {
  return {
    ...(courseId ? { courseId } : {}),
    weekId,
    districtCode: f.districtCode,
    topic: f.topic as CourseTopic,
    title: f.title.trim(),
    intro: f.intro.trim(),
    cover: orNull(f.cover),
    lessons: f.lessons.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      title: l.title.trim(),
      minutes: parseMinutes(l.minutes) ?? 0,
      steps: l.steps.map((s) => {
        const image = orNull(s.image)
        return { text: s.text.trim(), image, imageAlt: image ? orNull(s.imageAlt) : null, tip: orNull(s.tip), videoUrl: orNull(s.videoUrl) }
      }),
    })),
    activityIds: [...f.activityIds],
  }
}

export function totalMinutes(f: CourseForm): number {
  return f.lessons.reduce((sum, l) => sum + (parseMinutes(l.minutes) ?? 0), 0)
}
