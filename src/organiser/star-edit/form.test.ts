import { STAR_LIMITS } from '@shared/domain/stars'
import { checkHonour, checkStarDraft, emptyStarDraft, errorsFromPaths, storyCountText, type StarDraft } from './form'

const story = '坚持社区夜校学习十年，带动邻里一起读书、学用手机，组织长辈学习小组三十余场。'
const base: StarDraft = {
  ...emptyStarDraft('donghu'),
  name: '王秀兰',
  unitName: '东湖区百花洲街道',
  story,
  contactName: '万丽娟',
  contactPhone: '0791-86000000',
}

test('a complete draft becomes the save input, with empty optional fields as null', () => {
  const r = checkStarDraft(base, 'nc2026', undefined, false)
  expect(r.errors).toEqual({})
  expect(r.input).toMatchObject({
    weekId: 'nc2026',
    kind: 'star',
    districtCode: 'donghu',
    unitName: '东湖区百花洲街道',
    videoUrl: null,
    photos: [],
  })
  expect(r.input).not.toHaveProperty('id')
  expect(checkStarDraft({ ...base, unitName: ' ' }, 'nc2026', 'n1', false).input).toMatchObject({ id: 'n1', unitName: null })
})

test('a star is handed on only with the nominee consent and a story of the minimum length', () => {
  expect(checkStarDraft(base, 'w', 'n1', true).errors).toEqual({ nomineeConsent: '请先取得被推荐人本人同意，并勾选确认' })
  expect(checkStarDraft({ ...base, nomineeConsent: true }, 'w', 'n1', true).input).toMatchObject({ nomineeConsent: true })
  const short = checkStarDraft({ ...base, nomineeConsent: true, story: '短短的事迹' }, 'w', 'n1', true)
  expect(short.errors.story).toBe(`事迹介绍至少 ${STAR_LIMITS.storyMin} 字才能提交推荐`)
  // A draft may be saved with a short story.
  expect(checkStarDraft({ ...base, story: '短' }, 'w', undefined, false).errors).toEqual({})
})

test('a project needs no consent and never sends one', () => {
  const r = checkStarDraft({ ...base, kind: 'project', name: '社区夜校', nomineeConsent: true }, 'w', 'n1', true)
  expect(r.errors).toEqual({})
  expect(r.input?.nomineeConsent).toBe(false)
})

test('the contract limits are said in words at their field', () => {
  const r = checkStarDraft(
    {
      ...base,
      name: '王',
      story: '字'.repeat(STAR_LIMITS.storyMax + 1),
      photos: Array.from({ length: 10 }, (_, i) => `cloud://env/stars/${i}.jpg`),
      videoUrl: 'www.example.cn',
      contactPhone: '电话',
    },
    'w',
    undefined,
    false,
  )
  expect(r.input).toBeNull()
  expect(Object.keys(r.errors).sort()).toEqual(['contactPhone', 'name', 'photos', 'story', 'videoUrl'])
  expect(r.errors.name).toBe('姓名请填写 2 到 20 个字')
  expect(checkStarDraft({ ...base, kind: 'project', name: '夜' }, 'w', undefined, false).errors.name).toBe('项目名称请填写 2 到 20 个字')
})

test('the server’s field paths are shown at the form’s fields', () => {
  expect(errorsFromPaths(['story', 'input.photos.3', 'unknown'], 'star')).toEqual({
    story: expect.stringContaining('事迹'),
    photos: '照片最多 9 张',
  })
  expect(errorsFromPaths(undefined, 'star')).toEqual({})
})

test('the story counter counts characters up to the limit and says what is missing', () => {
  expect(storyCountText('')).toBe(`0 / 2000 字，提交推荐至少 ${STAR_LIMITS.storyMin} 字`)
  expect(storyCountText(story)).toBe(`${Array.from(story).length} / 2000 字`)
  expect(storyCountText('😀'.repeat(2001))).toBe('2001 / 2000 字，超出 1 字')
})

test('a recorded honour needs a year in range and who gave it', () => {
  expect(checkHonour({ level: 'national', year: '2024', by: '教育部' }).honour).toEqual({ level: 'national', year: 2024, by: '教育部' })
  expect(Object.keys(checkHonour({ level: 'city', year: '1999', by: '市' }).errors).sort()).toEqual(['by', 'year'])
})
