import { fileUrl } from './fileUrl'

const saved = process.env.TARO_ENV
afterEach(() => {
  if (saved === undefined) delete process.env.TARO_ENV
  else process.env.TARO_ENV = saved
})

describe('fileUrl in h5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  test('maps a local cloud fileID to the gateway storage path', () => {
    expect(fileUrl('cloud://localcloud/lessons/nc2026-donghu-travel/l1-1.svg')).toBe('/storage/lessons/nc2026-donghu-travel/l1-1.svg')
  })

  test('maps a real WeChat fileID (env with dots) by its path', () => {
    expect(fileUrl('cloud://prod-1a2b.7072-prod-1a2b-1300000000/covers/c1.png')).toBe('/storage/covers/c1.png')
  })

  test('encodes each path segment', () => {
    expect(fileUrl('cloud://localcloud/books/好书 1.png')).toBe('/storage/books/%E5%A5%BD%E4%B9%A6%201.png')
  })

  test('passes https URLs through', () => {
    expect(fileUrl('https://img.example.cn/a.png')).toBe('https://img.example.cn/a.png')
  })

  test('answers null for no picture', () => {
    expect(fileUrl(null)).toBeNull()
    expect(fileUrl(undefined)).toBeNull()
    expect(fileUrl('')).toBeNull()
  })
})

describe('fileUrl in weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  test('returns the fileID unchanged for <Image> to show', () => {
    expect(fileUrl('cloud://localcloud/lessons/c1/l1-1.svg')).toBe('cloud://localcloud/lessons/c1/l1-1.svg')
  })

  test('passes https URLs through', () => {
    expect(fileUrl('https://img.example.cn/a.png')).toBe('https://img.example.cn/a.png')
  })

  test('answers null for no picture', () => {
    expect(fileUrl(null)).toBeNull()
  })
})
