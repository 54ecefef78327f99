import { courseInputSchema } from '@shared/contracts/course'
import {
  addLesson,
  addStep,
  checkForm,
  emptyForm,
  formFromCourse,
  kindText,
  move,
  moveLesson,
  moveStep,
  removeLesson,
  toSaveInput,
  toggleActivity,
  totalMinutes,
  updateLesson,
  updateStep,
  withoutErrors,
  type CourseForm,
} from './form'
import { errorKeysFromPaths, errorPlaces } from './formErrors'

function filled(): CourseForm {
  let f: CourseForm = {
    ...emptyForm('donghu'),
    topic: 'anti_fraud',
    title: '防诈骗：守好钱袋子',
    intro: '认清常见骗局，验证码不告诉任何人。',
  }
  const lesson = f.lessons[0]
  f = updateLesson(f, lesson.key, { title: '认识冒充客服', minutes: '15' })
  f = updateStep(f, lesson.key, lesson.steps[0].key, { text: '接到自称客服的电话，先挂断。', tip: '验证码不要告诉任何人' })
  return f
}

describe('organiser course form', () => {
  test('a new form has one lesson with one empty step and no topic', () => {
    const f = emptyForm('donghu')
    expect(f.lessons).toHaveLength(1)
    expect(f.lessons[0]).toMatchObject({ id: null, title: '', minutes: '10' })
    expect(f.lessons[0].steps).toHaveLength(1)
    expect(f.topic).toBe('')
  })

  test('the kind is derived from the topic', () => {
    expect(kindText('anti_fraud')).toBe('智慧助老')
    expect(kindText('book_club')).toBe('全民阅读')
    expect(kindText('')).toBe('')
  })

  test('a filled form has no errors and its save input passes the contract', () => {
    const f = filled()
    expect(checkForm(f)).toEqual({})
    const input = toSaveInput(f, 'nc2026')
    expect(courseInputSchema.safeParse(input).success).toBe(true)
    expect(input).toMatchObject({
      weekId: 'nc2026',
      districtCode: 'donghu',
      topic: 'anti_fraud',
      cover: null,
      lessons: [
        {
          title: '认识冒充客服',
          minutes: 15,
          steps: [{ text: '接到自称客服的电话，先挂断。', image: null, imageAlt: null, tip: '验证码不要告诉任何人', videoUrl: null }],
        },
      ],
      activityIds: [],
    })
    expect('courseId' in input).toBe(false)
    expect(input.lessons[0]).not.toHaveProperty('id')
  })

  test('a stored course keeps its id and its lessons keep theirs', () => {
    const f = formFromCourse(
      { districtCode: 'donghu', topic: 'smart_medical', title: '手机挂号', intro: '在手机上预约挂号', cover: null, activityIds: ['a1'] },
      [
        {
          id: 'l1',
          title: '打开挂号页面',
          minutes: 8,
          steps: [{ text: '打开微信', image: 'cloud://env/a.png', imageAlt: '微信图标', videoUrl: null, tip: null }],
        },
      ],
    )
    const input = toSaveInput(addLesson(f), 'nc2026', 'c1')
    expect(input.courseId).toBe('c1')
    expect(input.lessons[0]).toMatchObject({ id: 'l1', steps: [{ image: 'cloud://env/a.png', imageAlt: '微信图标' }] })
    expect(input.lessons[1]).not.toHaveProperty('id')
    expect(input.activityIds).toEqual(['a1'])
  })

  test('an image description is dropped when there is no image', () => {
    const f = filled()
    const l = f.lessons[0]
    const input = toSaveInput(updateStep(f, l.key, l.steps[0].key, { imageAlt: '没有图' }), 'nc2026')
    expect(input.lessons[0].steps[0].imageAlt).toBeNull()
  })

  test('what is wrong, by field, lesson and step', () => {
    let f = { ...emptyForm(''), title: 'x' }
    const l = f.lessons[0]
    f = updateLesson(f, l.key, { minutes: '0' })
    f = updateStep(f, l.key, l.steps[0].key, { image: 'http://a.png', videoUrl: 'ftp://v' })
    const e = checkForm(f)
    expect(Object.keys(e).sort()).toEqual(
      [
        'district',
        'intro',
        'title',
        'topic',
        `${l.key}.minutes`,
        `${l.key}.title`,
        `${l.steps[0].key}.image`,
        `${l.steps[0].key}.text`,
        `${l.steps[0].key}.videoUrl`,
      ].sort(),
    )
    expect(checkForm({ ...filled(), lessons: [] }).lessons).toBe('请至少添加一课')
  })

  test('error places are said in words', () => {
    const f = addStep(filled(), filled().lessons[0].key)
    const l = f.lessons[0]
    const places = errorPlaces({ title: 'x', [`${l.key}.minutes`]: 'x', [`${l.steps[0].key}.image`]: 'x' }, f)
    expect(places).toEqual(['课程名称', '第1课·时长', '第1课第1步·图片'])
  })

  test('lessons and steps move up and down and are removed', () => {
    let f = addLesson(addLesson(filled()))
    const [a, b, c] = f.lessons.map((l) => l.key)
    f = moveLesson(f, c, -1)
    expect(f.lessons.map((l) => l.key)).toEqual([a, c, b])
    f = moveLesson(f, a, -1)
    expect(f.lessons.map((l) => l.key)).toEqual([a, c, b])
    f = removeLesson(f, c)
    expect(f.lessons.map((l) => l.key)).toEqual([a, b])
    f = addStep(f, a)
    const [s1, s2] = f.lessons[0].steps.map((s) => s.key)
    f = moveStep(f, a, s2, -1)
    expect(f.lessons[0].steps.map((s) => s.key)).toEqual([s2, s1])
    expect(move([1, 2, 3], 2, 1)).toEqual([1, 2, 3])
  })

  test('server paths become the keys of the lessons and steps they name', () => {
    const f = addLesson(filled())
    const [l0, l1] = f.lessons
    expect(
      errorKeysFromPaths(
        ['title', 'activityIds.0', 'lessons', 'lessons.1.minutes', 'lessons.0.steps.0.videoUrl', 'lessons.1.steps', 'lessons.9.title'],
        f,
      ).sort(),
    ).toEqual(['activities', 'lessons', 'title', `${l0.steps[0].key}.videoUrl`, `${l1.key}.minutes`, `${l1.key}.steps`].sort())
  })

  test('errors under a changed key are forgotten', () => {
    expect(withoutErrors({ title: 'a', 'k1.title': 'b', 'k1.minutes': 'c', 'k12.title': 'd' }, 'k1')).toEqual({
      title: 'a',
      'k12.title': 'd',
    })
  })

  test('activities toggle, up to the limit', () => {
    expect(toggleActivity(['a'], 'b')).toEqual(['a', 'b'])
    expect(toggleActivity(['a', 'b'], 'a')).toEqual(['b'])
    expect(toggleActivity(['a'], 'b', 1)).toEqual(['a'])
  })

  test('total minutes add up the lessons', () => {
    const f = addLesson(filled())
    expect(totalMinutes(f)).toBe(25)
  })
})
