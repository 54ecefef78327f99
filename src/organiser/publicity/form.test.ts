import { aboutText, checkDraft, emptyDraft, publishedText } from './form'

const base = { ...emptyDraft('2026-12-02'), title: '东湖区开展智慧助老课堂', outlet: '东湖区融媒体中心' }

test('a text report needs a link; with one it becomes the input', () => {
  expect(checkDraft(base, 'nc2026', 'donghu').errors.url).toBe('文字报道请填写链接')
  const ok = checkDraft({ ...base, url: ' https://example.cn/news/1 ' }, 'nc2026', 'donghu')
  expect(ok.errors).toEqual({})
  expect(ok.input).toEqual({
    weekId: 'nc2026',
    districtCode: 'donghu',
    activityId: null,
    opening: false,
    kind: 'text',
    title: '东湖区开展智慧助老课堂',
    outlet: '东湖区融媒体中心',
    url: 'https://example.cn/news/1',
    fileIds: [],
    publishedOn: '2026-12-02',
  })
})

test('a video needs a link; photos need a photo, not a link', () => {
  expect(checkDraft({ ...base, kind: 'video' }, 'w', 'd').errors.url).toBe('视频请填写链接')
  const photo = checkDraft({ ...base, kind: 'photo' }, 'w', 'd')
  expect(photo.errors).toEqual({ photos: '请至少上传一张照片' })
  expect(
    checkDraft({ ...base, kind: 'photo', fileIds: ['cloud://env/p/1.jpg'], activityId: 'a1', publishedOn: '' }, 'w', 'd').input,
  ).toMatchObject({
    activityId: 'a1',
    url: null,
    publishedOn: null,
  })
})

test('title, outlet and link rules in words', () => {
  const r = checkDraft({ ...base, title: '东', outlet: ' ', url: 'www.example.cn' }, 'w', 'd')
  expect(r.input).toBeNull()
  expect(r.errors.title).toContain('标题')
  expect(r.errors.outlet).toContain('媒体')
  expect(r.errors.url).toContain('http')
  expect(checkDraft({ ...base, kind: 'photo', fileIds: Array(10).fill('cloud://e/x.jpg') }, 'w', 'd').errors.photos).toBe('最多 9 张照片')
})

test('about and date in words', () => {
  expect(aboutText({ opening: false, activityId: null, activityTitle: null })).toBe('全区活动周')
  expect(aboutText({ opening: true, activityId: null, activityTitle: null })).toBe('开幕式')
  expect(aboutText({ opening: true, activityId: 'a', activityTitle: '读书会' })).toBe('开幕式 · 《读书会》')
  expect(publishedText('2026-12-01')).toBe('2026年12月1日发布')
  expect(publishedText(null)).toBe('')
})
