import { maskName, phoneTail, surnameMatches } from './mask'

describe('masking', () => {
  test('names keep the first and last character', () => {
    expect(maskName('张三华')).toBe('张*华')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('张')).toBe('*')
    expect(maskName('')).toBe('*')
    expect(maskName(null)).toBe('*')
  })

  test('phone tails are the last four digits', () => {
    expect(phoneTail('13912345678')).toBe('5678')
    expect(phoneTail(null)).toBeNull()
    expect(phoneTail('12')).toBeNull()
  })

  test('surnames match the start of the name', () => {
    expect(surnameMatches('张三华', '张')).toBe(true)
    expect(surnameMatches('欧阳娜娜', '欧阳')).toBe(true)
    expect(surnameMatches('李四', '张')).toBe(false)
    expect(surnameMatches('李四', ' ')).toBe(false)
  })
})
