// The 小程序码 stand-in (openapi.ts, wxacode.getUnlimited): a PNG QR of the h5 address of the page
// with the scene, and WeChat's documented refusals. (Through the real wx-server-sdk:
// tests/functions/activity/wxacode.test.ts.)
import { checkGetUnlimited, qrPng, wxacodeAddress } from '../../db/openapi'
import { PNG_SIGNATURE, readQrPng } from '../pngQr'

const valid = { scene: 'a_0123456789abcdef', page: 'pages/activity/index', check_path: false, env_version: 'release' }

test('the address is the hash-routed h5 page with the scene as its query', () => {
  expect(wxacodeAddress('http://127.0.0.1:5000', 'pages/activity/index', 'a_1=2')).toBe(
    'http://127.0.0.1:5000/#/pages/activity/index?scene=a_1%3D2',
  )
})

test('qrPng draws a PNG whose QR reads back as the text', () => {
  const png = qrPng('http://127.0.0.1:5000/#/pages/activity/index?scene=a_0123456789abcdef')
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(readQrPng(png)).toBe('http://127.0.0.1:5000/#/pages/activity/index?scene=a_0123456789abcdef')
})

test('valid parameters are not refused', () => {
  expect(checkGetUnlimited(valid)).toBeNull()
  expect(checkGetUnlimited({ scene: 'a=1' })).toBeNull()
})

test('a scene of 32 characters is taken, 33 is refused with 40169', () => {
  expect(checkGetUnlimited({ ...valid, scene: 'x'.repeat(32) })).toBeNull()
  expect(checkGetUnlimited({ ...valid, scene: 'x'.repeat(33) })).toMatchObject({ errcode: 40169 })
})

test.each([
  ['missing', undefined],
  ['empty', ''],
  ['Chinese', '活动1'],
  ['a space', 'a b'],
])('a scene %s is refused with 40169', (_name, scene) => {
  expect(checkGetUnlimited({ ...valid, scene })).toMatchObject({ errcode: 40169 })
})

test.each([
  ['starting with /', '/pages/activity/index'],
  ['with a query', 'pages/activity/index?id=1'],
  ['empty', ''],
])('a page %s is refused with 41030', (_name, page) => {
  expect(checkGetUnlimited({ ...valid, page })).toMatchObject({ errcode: 41030 })
})

test('an env_version other than release, trial or develop is refused with 40097', () => {
  expect(checkGetUnlimited({ ...valid, env_version: 'trial' })).toBeNull()
  expect(checkGetUnlimited({ ...valid, env_version: 'beta' })).toMatchObject({ errcode: 40097 })
})

test('a width outside 280–1280 is refused with 40097', () => {
  expect(checkGetUnlimited({ ...valid, width: 430 })).toBeNull()
  expect(checkGetUnlimited({ ...valid, width: 100 })).toMatchObject({ errcode: 40097 })
})
