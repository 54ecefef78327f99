import { certificateUrl, clampStep, courseUrl, dateCn, lessonUrl, minutesText, pickResume, progressWords, stepText } from './courseText'

describe('course text', () => {
  test('minutes in words', () => {
    expect(minutesText(45)).toBe('约45分钟')
    expect(minutesText(60)).toBe('约1小时')
    expect(minutesText(90)).toBe('约1小时30分钟')
  })

  test('progress in words and percent', () => {
    expect(progressWords(null)).toEqual({ text: '还没开始学习', percent: 0, completed: false })
    expect(progressWords({ done: 2, total: 4, completed: false })).toEqual({ text: '已学2课 / 共4课', percent: 50, completed: false })
    expect(progressWords({ done: 4, total: 4, completed: true })).toMatchObject({
      percent: 100,
      completed: true,
      text: '已学完全部4课，已结业',
    })
  })

  test('step position is 1-based in words and clamped into the lesson', () => {
    expect(stepText(1, 5)).toBe('第2步 / 共5步')
    expect(clampStep(9, 5)).toBe(4)
    expect(clampStep(-1, 5)).toBe(0)
    expect(clampStep(Number.NaN, 5)).toBe(0)
  })

  test('page addresses carry the member only when there is one', () => {
    expect(lessonUrl('c1', 'la', 2, null)).toBe('/learn/lesson/index?courseId=c1&lessonId=la&step=2')
    expect(lessonUrl('c1', 'la', 0, 'mabcd')).toBe('/learn/lesson/index?courseId=c1&lessonId=la&step=0&memberId=mabcd')
    expect(courseUrl('c1', null)).toBe('/learn/course/index?id=c1')
    expect(certificateUrl('c1', 'mabcd')).toBe('/learn/certificate/index?courseId=c1&memberId=mabcd')
  })

  test('Shanghai date in Chinese', () => {
    expect(dateCn(Date.UTC(2026, 10, 22, 17, 0))).toBe('2026年11月23日')
  })
})

describe('where to resume', () => {
  const ids = ['la', 'lb', 'lc']
  test('the phone’s position wins while its lesson is not done', () => {
    expect(pickResume({ lessonId: 'la', step: 1 }, { lessonId: 'la', step: 3 }, ids, [])).toEqual({ lessonId: 'la', step: 3 })
  })
  test('the cloud’s resume when the phone has none or it is stale', () => {
    expect(pickResume({ lessonId: 'lb', step: 2 }, null, ids, ['la'])).toEqual({ lessonId: 'lb', step: 2 })
    expect(pickResume({ lessonId: 'lb', step: 2 }, { lessonId: 'la', step: 4 }, ids, ['la'])).toEqual({ lessonId: 'lb', step: 2 })
    expect(pickResume(null, { lessonId: 'lx', step: 4 }, ids, ['la'])).toEqual({ lessonId: 'lb', step: 0 })
    expect(pickResume({ lessonId: 'la', step: 4 }, null, ids, ['la'])).toEqual({ lessonId: 'lb', step: 0 })
    expect(pickResume({ lessonId: 'lc', step: 4 }, null, ids, ids)).toEqual({ lessonId: 'la', step: 0 })
  })
})
