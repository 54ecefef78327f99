// The miniprogram-ci calls of the uploads (the package mocked: no network), and where the key and the
// AppID come from.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  appidFrom,
  compileSettingsFrom,
  uploadFunction,
  uploadKeyFrom,
  uploadMiniProgram,
  type MiniProgramTarget,
} from '../../deploy/upload'

jest.mock('miniprogram-ci', () => ({
  Project: jest.fn().mockImplementation((options: unknown) => ({ options })),
  upload: jest.fn().mockResolvedValue({}),
  cloud: { uploadFunction: jest.fn().mockResolvedValue({ filesCount: 3, packSize: 1000 }) },
}))

const ci = jest.requireMock('miniprogram-ci') as { Project: jest.Mock; upload: jest.Mock; cloud: { uploadFunction: jest.Mock } }
const ROOT = path.resolve(__dirname, '..', '..', '..')
let weapp: string

beforeAll(() => {
  weapp = mkdtempSync(path.join(os.tmpdir(), 'weapp-'))
  writeFileSync(path.join(weapp, 'app.json'), '{"pages":["pages/index/index"]}')
})
afterAll(() => rmSync(weapp, { recursive: true, force: true }))
beforeEach(() => jest.clearAllMocks())

const target = (): MiniProgramTarget => ({
  appid: 'wx1234567890abcdef',
  envId: 'env-1',
  miniprogramRoot: weapp,
  functionRoot: path.join(ROOT, 'cloudfunctions'),
  key: { privateKey: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----' },
})

describe('deploy uploads with miniprogram-ci', () => {
  test('a function: cloud.uploadFunction of its folder, dependencies installed in the cloud', async () => {
    await uploadFunction(target(), 'repair')
    expect(ci.Project).toHaveBeenCalledWith({
      appid: 'wx1234567890abcdef',
      type: 'miniProgram',
      projectPath: weapp,
      privateKey: target().key.privateKey,
      ignores: ['node_modules/**/*', '**/*.LICENSE.txt'],
    })
    expect(ci.cloud.uploadFunction).toHaveBeenCalledWith({
      project: { options: expect.objectContaining({ appid: 'wx1234567890abcdef' }) },
      env: 'env-1',
      name: 'repair',
      path: path.join(ROOT, 'cloudfunctions', 'repair'),
      remoteNpmInstall: true,
    })
  })

  test('a function that is not built is refused before any upload', async () => {
    await expect(uploadFunction(target(), 'nosuchfn')).rejects.toThrow(
      'cloudfunctions/nosuchfn/index.js is missing: npm run build:functions',
    )
    expect(ci.cloud.uploadFunction).not.toHaveBeenCalled()
  })

  test('the mini-program: upload with the version, description, robot 1 and project.config.json settings', async () => {
    await uploadMiniProgram({ ...target(), key: { privateKeyPath: '/keys/private.key' } }, '1.2.3', 'week 2026', ROOT)
    expect(ci.Project).toHaveBeenCalledWith(expect.objectContaining({ privateKeyPath: '/keys/private.key' }))
    expect(ci.upload).toHaveBeenCalledWith({
      project: expect.anything(),
      version: '1.2.3',
      desc: 'week 2026',
      robot: 1,
      setting: { es6: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true },
    })
    expect(compileSettingsFrom(ROOT).es6).toBe(false)
  })

  test('the key and the AppID from the environment', () => {
    expect(uploadKeyFrom({})).toBeNull()
    expect(uploadKeyFrom({ MINIPROGRAM_UPLOAD_KEY: 'A\\nB' })).toEqual({ privateKey: 'A\nB' })
    expect(uploadKeyFrom({ MINIPROGRAM_UPLOAD_KEY: 'A\nB\n' })).toEqual({ privateKey: 'A\nB' })
    expect(uploadKeyFrom({ MINIPROGRAM_UPLOAD_KEY_PATH: '/k' })).toEqual({ privateKeyPath: '/k' })
    expect(appidFrom({ MINIPROGRAM_APPID: ' wxabc ' }, ROOT)).toBe('wxabc')
    expect(appidFrom({}, ROOT)).toBe('touristappid')
  })
})
