import { decideCare } from './careRule'

describe('care mode rule', () => {
  test('the person’s choice wins over the system', () => {
    expect(decideCare('off', { fontSizeScaleFactor: 1.4 })).toEqual({ care: false, source: 'choice' })
    expect(decideCare('on', {})).toEqual({ care: true, source: 'choice' })
  })

  test('WeChat’s large font turns it on until the person chooses', () => {
    expect(decideCare(null, { fontSizeScaleFactor: 1.2 })).toEqual({ care: true, source: 'system' })
    expect(decideCare(null, { fontSizeSetting: 22 })).toEqual({ care: true, source: 'system' })
  })

  test('default font, or no information (h5): standard', () => {
    expect(decideCare(null, { fontSizeSetting: 17, fontSizeScaleFactor: 1 })).toEqual({ care: false, source: 'default' })
    expect(decideCare(null, {})).toEqual({ care: false, source: 'default' })
  })
})
