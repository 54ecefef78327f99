// Code uploads with miniprogram-ci (WeChat's CI package, the engine of DevTools' upload): each
// function's folder with `cloud.uploadFunction` (dependencies installed in the cloud, as DevTools'
// 上传并部署：云端安装依赖), and the mini-program with `upload` as a development version.
//
// Both need the mini-program's upload key (mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传),
// whose IP whitelist must hold the deploying machine's address.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface UploadKey {
  privateKey?: string
  privateKeyPath?: string
}

export interface MiniProgramTarget {
  appid: string
  envId: string
  /** dist/weapp: the built mini-program. */
  miniprogramRoot: string
  /** cloudfunctions/. */
  functionRoot: string
  key: UploadKey
}

/**
 * The upload key from MINIPROGRAM_UPLOAD_KEY (the key text; a CI secret stored on one line with
 * literal `\n`s is accepted too) or MINIPROGRAM_UPLOAD_KEY_PATH.
 */
export function uploadKeyFrom(env: NodeJS.ProcessEnv): UploadKey | null {
  const text = env.MINIPROGRAM_UPLOAD_KEY?.trim()
  if (text) return { privateKey: text.includes('\n') ? text : text.replace(/\\n/g, '\n') }
  if (env.MINIPROGRAM_UPLOAD_KEY_PATH?.trim()) return { privateKeyPath: env.MINIPROGRAM_UPLOAD_KEY_PATH }
  return null
}

/** The AppID: MINIPROGRAM_APPID, else project.config.json's. */
export function appidFrom(env: NodeJS.ProcessEnv, root: string): string {
  if (env.MINIPROGRAM_APPID?.trim()) return env.MINIPROGRAM_APPID.trim()
  const config = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid?: string }
  return config.appid ?? ''
}

type Ci = typeof import('miniprogram-ci')

function project(ci: Ci, t: MiniProgramTarget) {
  return new ci.Project({
    appid: t.appid,
    type: 'miniProgram',
    projectPath: t.miniprogramRoot,
    ...(t.key.privateKey ? { privateKey: t.key.privateKey } : { privateKeyPath: t.key.privateKeyPath }),
    ignores: ['node_modules/**/*', '**/*.LICENSE.txt'],
  })
}

export async function uploadFunction(t: MiniProgramTarget, fn: string): Promise<{ filesCount: number; packSize: number }> {
  const dir = path.join(t.functionRoot, fn)
  if (!existsSync(path.join(dir, 'index.js'))) throw new Error(`cloudfunctions/${fn}/index.js is missing: npm run build:functions`)
  const ci: Ci = require('miniprogram-ci')
  return ci.cloud.uploadFunction({ project: project(ci, t), env: t.envId, name: fn, path: dir, remoteNpmInstall: true })
}

/** The compile settings of project.config.json (what DevTools would use), for miniprogram-ci's upload. */
export function compileSettingsFrom(root: string) {
  const config = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { setting?: Record<string, unknown> }
  const s = config.setting ?? {}
  return {
    es6: s.es6 === true,
    minify: s.minified === true,
    minifyJS: s.minified === true,
    minifyWXML: s.minifyWXML === true,
    minifyWXSS: s.minifyWXSS === true,
  }
}

export async function uploadMiniProgram(t: MiniProgramTarget, version: string, desc: string, root: string): Promise<void> {
  if (!existsSync(path.join(t.miniprogramRoot, 'app.json'))) throw new Error('dist/weapp/app.json is missing: npm run build:weapp')
  const ci: Ci = require('miniprogram-ci')
  await ci.upload({ project: project(ci, t), version, desc, robot: 1, setting: compileSettingsFrom(root) })
}
