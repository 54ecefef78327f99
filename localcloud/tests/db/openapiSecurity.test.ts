// The content security stand-ins (openapi.ts): msgSecCheck v2 flags a text holding a word of
// securityWords.ts and refuses a call missing what WeChat requires; imgSecCheck flags a picture
// holding the marker. (Through the real wx-server-sdk: tests/functions/stars/contentCheck.test.ts.)
import { imgSecCheck, msgSecCheck } from '../../db/openapi'
import { FLAGGED_IMAGE_MARKER } from '../../db/securityWords'

const valid = { version: 2, scene: 3, openid: 'o-1', content: '社区读书会' }

test('msgSecCheck: a text without a listed word passes', () => {
  expect(msgSecCheck(valid)).toMatchObject({ errcode: 0, result: { suggest: 'pass' } })
})

test('msgSecCheck: a text with a listed word is risky', () => {
  expect(msgSecCheck({ ...valid, content: '这是违规测试词' })).toMatchObject({ errcode: 0, result: { suggest: 'risky' } })
})

test.each([
  ['no version', { ...valid, version: undefined }],
  ['version 1', { ...valid, version: 1 }],
  ['no scene', { ...valid, scene: undefined }],
  ['scene 5', { ...valid, scene: 5 }],
  ['no openid', { ...valid, openid: undefined }],
  ['empty content', { ...valid, content: '' }],
])('msgSecCheck with %s: errcode 47001', (_name, params) => {
  expect(msgSecCheck(params as Record<string, unknown>)).toMatchObject({ errcode: 47001 })
})

test('imgSecCheck: a picture with the marker answers 87014, another passes, none is 47001', () => {
  const flagged = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(FLAGGED_IMAGE_MARKER)])
  expect(imgSecCheck({ media: { contentType: 'image/jpeg', value: flagged.toJSON() } })).toMatchObject({ errcode: 87014 })
  expect(imgSecCheck({ media: { contentType: 'image/jpeg', value: Buffer.from([0xff, 0xd8, 1, 2]).toJSON() } })).toMatchObject({
    errcode: 0,
  })
  expect(imgSecCheck({})).toMatchObject({ errcode: 47001 })
})
