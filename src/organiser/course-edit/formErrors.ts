import type { CourseForm, FormErrors } from './form'

// The course editor's errors from the other side: the server's VALIDATION_FAILED paths and refusal
// codes as form error keys, and the form's error keys as places a person can find (第2课·时长).

const TOP_FIELDS: Record<string, string> = {
  districtCode: 'district',
  topic: 'topic',
  title: 'title',
  intro: 'intro',
  cover: 'cover',
  activityIds: 'activities',
  lessons: 'lessons',
}

/** VALIDATION_FAILED paths ('lessons.1.steps.0.text', 'title') as form error keys. */
export function errorKeysFromPaths(paths: readonly string[] | undefined, f: CourseForm): string[] {
  const out = new Set<string>()
  for (const raw of paths ?? []) {
    const p = raw.split('.')
    if (p[0] !== 'lessons' || p.length < 2) {
      if (TOP_FIELDS[p[0]]) out.add(TOP_FIELDS[p[0]])
      continue
    }
    const lesson = f.lessons[Number(p[1])]
    if (!lesson) {
      out.add('lessons')
      continue
    }
    if (p[2] !== 'steps') {
      out.add(`${lesson.key}.${p[2] === 'minutes' ? 'minutes' : 'title'}`)
      continue
    }
    const step = p.length > 3 ? lesson.steps[Number(p[3])] : undefined
    if (!step) out.add(`${lesson.key}.steps`)
    else out.add(`${step.key}.${['image', 'imageAlt', 'tip', 'videoUrl'].includes(p[4]) ? p[4] : 'text'}`)
  }
  return [...out]
}

/** Which form field a server refusal is about. */
export const CODE_FIELD: Partial<Record<string, string>> = {
  COURSE_ACTIVITY_INVALID: 'activities',
  DISTRICT_NOT_IN_WEEK: 'district',
}

const TOP_LABELS: Record<string, string> = {
  district: '县区',
  topic: '课程主题',
  title: '课程名称',
  intro: '课程简介',
  cover: '封面图',
  lessons: '课时',
  activities: '关联活动',
}
const PART_LABELS: Record<string, string> = {
  title: '课时名称',
  minutes: '时长',
  steps: '步骤',
  text: '文字',
  image: '图片',
  imageAlt: '图片说明',
  tip: '提示',
  videoUrl: '视频链接',
}

/** Where the errors are, in words: 课程名称、第2课·时长、第1课第3步·图片. */
export function errorPlaces(e: FormErrors, f: CourseForm): string[] {
  const out: string[] = []
  for (const key of Object.keys(e)) {
    if (TOP_LABELS[key]) {
      out.push(TOP_LABELS[key])
      continue
    }
    const [owner, part] = key.split('.')
    const li = f.lessons.findIndex((l) => l.key === owner)
    if (li >= 0) {
      out.push(`第${li + 1}课·${PART_LABELS[part] ?? part}`)
      continue
    }
    f.lessons.forEach((l, i) => {
      const si = l.steps.findIndex((s) => s.key === owner)
      if (si >= 0) out.push(`第${i + 1}课第${si + 1}步·${PART_LABELS[part] ?? part}`)
    })
  }
  return out
}
