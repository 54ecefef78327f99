import { HONOUR_LEVEL_LABELS } from '@shared/domain/stars'
import {
  NO_GALLERY_FILTERS,
  entryPath,
  entryQuery,
  galleryInput,
  idParam,
  levelTag,
  likeButtonText,
  likesText,
  yearOptions,
} from './starsText'

describe('levelTag', () => {
  it('says 投票中 for an entry in the vote phase', () => {
    expect(levelTag({ level: null, voting: true })).toBe('投票中')
  })

  it('names the level of a published entry', () => {
    expect(levelTag({ level: 'city', voting: false })).toBe(HONOUR_LEVEL_LABELS.city)
  })
})

describe('likes', () => {
  it('counts people who liked', () => {
    expect(likesText(12)).toBe('12 人点赞')
    expect(likesText(0)).toBe('还没有人点赞')
  })

  it('tells a visitor to open the mini-program to like', () => {
    expect(likeButtonText({ visitor: true, likedToday: false, busy: false })).toBe('在小程序中打开后点赞')
  })

  it('says 今天已点赞 once liked today', () => {
    expect(likeButtonText({ visitor: false, likedToday: true, busy: false })).toContain('今天已点赞')
  })
})

describe('galleryInput', () => {
  it('sends only the filters chosen', () => {
    expect(galleryInput('w1', NO_GALLERY_FILTERS)).toEqual({ weekId: 'w1' })
  })

  it('sends every filter and the cursor', () => {
    expect(galleryInput('w1', { kind: 'star', level: 'city', districtCode: '360102', year: 2026 }, 'c2')).toEqual({
      weekId: 'w1',
      kind: 'star',
      level: 'city',
      districtCode: '360102',
      year: 2026,
      cursor: 'c2',
    })
  })

  it('asks without a week when there is none (a visitor)', () => {
    expect(galleryInput(null, NO_GALLERY_FILTERS)).toEqual({})
  })
})

describe('yearOptions', () => {
  it('lists the week year and the four before it, newest first', () => {
    expect(yearOptions('2026-05-10', 0)).toEqual([2026, 2025, 2024, 2023, 2022])
  })

  it('falls back to the current year without a week', () => {
    expect(yearOptions(null, Date.UTC(2027, 5, 1))[0]).toBe(2027)
  })
})

describe('share paths', () => {
  it('opens the entry page with its id encoded', () => {
    expect(entryPath('a b')).toBe('/learn/star/index?id=a%20b')
    expect(entryQuery('x1')).toBe('id=x1')
  })

  it('reads an id from the query, empty when malformed', () => {
    expect(idParam('a%20b')).toBe('a b')
    expect(idParam('%E0%A4%A')).toBe('')
    expect(idParam(undefined)).toBe('')
  })
})
