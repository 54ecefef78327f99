import { maskName, maskPhone, phoneTail, surnameMatches } from './mask'

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

  test('phones are masked to their first three and last four digits, never shown whole', () => {
    expect(maskPhone('13900000001')).toBe('139****0001')
    expect(maskPhone('139 0000 0001')).toBe('139****0001')
    expect(maskPhone('0791-86001234')).toBe('********1234')
    expect(maskPhone('1234')).toBe('****')
    expect(maskPhone('')).toBeNull()
    expect(maskPhone(null)).toBeNull()
    expect(maskPhone('13912345678')).not.toMatch(/\d{11}/)
  })

  test('surnames match the start of the name', () => {
    expect(surnameMatches('张三华', '张')).toBe(true)
    expect(surnameMatches('欧阳娜娜', '欧阳')).toBe(true)
    expect(surnameMatches('李四', '张')).toBe(false)
    expect(surnameMatches('李四', ' ')).toBe(false)
  })
})
