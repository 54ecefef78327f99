// Plays WeChat Cloud's part of telling a function who calls it. In the cloud each function instance
// serves one call at a time and wx-server-sdk's getWXContext() reads the caller from process.env.
// Locally many calls share one process, so process.env becomes a view whose WX_* variables come
// from the call in progress (AsyncLocalStorage); everything else is the real environment.
import { AsyncLocalStorage } from 'node:async_hooks'
import { localApiToken } from '../db/openapi'

const callEnv = new AsyncLocalStorage<Record<string, string>>()
let installed = false

function installEnvOverlay(): void {
  if (installed) return
  installed = true
  const real = process.env
  process.env = new Proxy(real, {
    get(target, key) {
      const overlay = callEnv.getStore()
      if (overlay && typeof key === 'string' && Object.prototype.hasOwnProperty.call(overlay, key)) return overlay[key]
      return Reflect.get(target, key)
    },
    has(target, key) {
      const overlay = callEnv.getStore()
      if (overlay && typeof key === 'string' && Object.prototype.hasOwnProperty.call(overlay, key)) return true
      return Reflect.has(target, key)
    },
  })
}

export interface Caller {
  openid: string
  appid?: string
  unionid?: string
}

/** Runs fn with the WeChat context of `caller`, as the cloud would set it for one invocation. */
export function runAsCaller<T>(caller: Caller, fn: () => T): T {
  installEnvOverlay()
  const overlay: Record<string, string> = {
    // WX_API_TOKEN: the token the platform gives each invocation for its cloud calls (cloud.openapi.*;
    // node-sdk sends it, getWXContext leaves it out); locally it names the caller (db/openapi.ts).
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN',
    WX_API_TOKEN: caller.openid ? localApiToken(caller.openid) : '',
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid ?? 'wxlocal0000000000',
    WX_UNIONID: caller.unionid ?? '',
    WX_CLIENTIP: '127.0.0.1',
  }
  return callEnv.run(overlay, fn)
}
