import { STAR_LIMITS } from '@shared/domain/stars'
import { checkNominateDraft, emptyNominateDraft, nominateInput, type NominateDraft } from './form'

const good: NominateDraft = {
  kind: 'star',
  districtCode: '360102',
  name: '王秀兰',
  unitName: '',
  story: '退休后坚持每天学习智能手机，还在社区教其他老人使用微信和健康码。',
  contactName: '王秀兰',
  contactPhone: '13800001234',
}

describe('checkNominateDraft', () => {
  it('accepts a complete star without a unit', () => {
    expect(checkNominateDraft(good)).toEqual({})
  })

  it('names every missing field of an empty draft', () => {
    expect(Object.keys(checkNominateDraft(emptyNominateDraft())).sort()).toEqual([
      'contactName',
      'contactPhone',
      'districtCode',
      'name',
      'story',
    ])
  })

  it('asks a project for its unit', () => {
    expect(checkNominateDraft({ ...good, kind: 'project', name: '社区读书会' }).unitName).toBe('请填写项目所属单位')
  })

  it('says how long the story is when it is shorter than the minimum', () => {
    expect(checkNominateDraft({ ...good, story: '学习很认真' }).story).toBe(`事迹至少写 ${STAR_LIMITS.storyMin} 个字，现在 5 个字`)
  })

  it('refuses a phone with letters', () => {
    expect(checkNominateDraft({ ...good, contactPhone: '1380000abcd' }).contactPhone).toBeDefined()
  })
})

describe('nominateInput', () => {
  it('records the nominee consent and trims the text', () => {
    const input = nominateInput('w1', { ...good, name: ' 王秀兰 ' }, ['cloud://env/stars/a.jpg'], null)
    expect(input).toMatchObject({ weekId: 'w1', name: '王秀兰', unitName: null, nomineeConsent: true, photos: ['cloud://env/stars/a.jpg'] })
    expect(input).not.toHaveProperty('id')
  })

  it('edits the saved draft when it has an id', () => {
    expect(nominateInput('w1', good, [], 'n1').id).toBe('n1')
  })
})
