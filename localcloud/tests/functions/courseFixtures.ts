// Courses made through the organiser actions (course.save, course.publish), for the course tests,
// the benchmark and browser tests: a 智慧助老 course with real-looking lessons of several steps.
import type { ActionName, AnswerOf, FnName, InputOf, OutputOf } from '../harness'

/** Anything that calls a function as a person: the test cloud, or a gateway client. */
export interface Caller {
  call<F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>, openid?: string): Promise<AnswerOf<F, A>>
}

type SaveInput = InputOf<'course', 'save'>

const STEPS = [
  { text: '在手机桌面上找到绿色的“微信”图标，用手指轻轻点一下打开。', imageAlt: '手机桌面上的微信图标', tip: null },
  { text: '点屏幕右上角的“+”号，在弹出的菜单里选“扫一扫”。', imageAlt: '微信右上角的加号菜单', tip: null },
  {
    text: '把手机摄像头对准二维码，让二维码完整出现在方框里，稍等一两秒。',
    imageAlt: '对准二维码的取景框',
    tip: '手要拿稳，离二维码一尺左右最容易识别。',
  },
  {
    text: '识别成功后会打开一个新页面，先看清页面上写的是哪个单位、做什么用。',
    imageAlt: '扫码后打开的页面',
    tip: '不认识的二维码不要扫，更不要付钱。',
  },
  {
    text: '如果要填写信息，只填页面要求的内容；任何人向您要验证码都不要给。',
    imageAlt: '填写信息的页面',
    tip: '防诈骗：验证码不要告诉任何人。',
  },
  { text: '用完后点左上角的“返回”或“×”关闭页面，回到微信首页。', imageAlt: '页面左上角的返回按钮', tip: null },
]

/** A lesson of `steps` steps (at most 6 distinct texts, repeated with a number beyond that). */
export function lessonInput(title: string, steps = 6, id?: string): SaveInput['lessons'][number] {
  return {
    ...(id ? { id } : {}),
    title,
    minutes: 10,
    steps: Array.from({ length: steps }, (_, i) => {
      const s = STEPS[i % STEPS.length]
      return {
        text: i < STEPS.length ? s.text : `第${i + 1}步：${s.text}`,
        image: `https://example.org/course/step-${(i % STEPS.length) + 1}.png`,
        imageAlt: s.imageAlt,
        videoUrl: i === 0 ? 'https://example.org/course/scan.mp4' : null,
        tip: s.tip,
      }
    }),
  }
}

export interface CourseOptions {
  district?: string
  topic?: InputOf<'course', 'save'>['topic']
  title?: string
  lessons?: number
  stepsPerLesson?: number
  activityIds?: string[]
  publish?: boolean
}

/** The save input of a test course of `lessons` lessons in a week and district. */
export function courseInput(weekId: string, o: CourseOptions = {}): SaveInput {
  const titles = ['认识微信扫一扫', '用手机出示健康码', '手机挂号看病', '网上缴纳水电费', '视频通话找家人', '识破电话诈骗']
  return {
    weekId,
    districtCode: o.district ?? 'east',
    topic: o.topic ?? 'smart_travel',
    title: o.title ?? '手机扫码出行',
    intro: '一步一步学会用手机扫码乘车、出示乘车码，出门不求人。',
    cover: null,
    lessons: Array.from({ length: o.lessons ?? 3 }, (_, i) => lessonInput(titles[i % titles.length], o.stepsPerLesson ?? 6)),
    activityIds: o.activityIds ?? [],
  }
}

async function must<F extends FnName, A extends ActionName<F>>(
  caller: Caller,
  openid: string,
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const res = await caller.call(fn, action, input, openid)
  if (!res.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(res)}`)
  return res.data
}

/** Creates (and by default publishes) a course as `organiser`; its id and lesson ids in order. */
export async function createCourse(
  caller: Caller,
  organiser: string,
  weekId: string,
  o: CourseOptions = {},
): Promise<{ courseId: string; lessonIds: string[] }> {
  const { courseId } = await must(caller, organiser, 'course', 'save', courseInput(weekId, o))
  if (o.publish !== false) await must(caller, organiser, 'course', 'publish', { courseId, published: true })
  const { course } = await must(caller, organiser, 'course', 'get', { courseId })
  return { courseId, lessonIds: course.lessons.map((l) => l.id) }
}
