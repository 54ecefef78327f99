// Tells the local database which cloud function made each request: requests made inside a function
// call (invokeFunction) carry `&localcloudFn=<fn>` on the SDK's request URL. The database checks the
// index coverage of those (db/coverage.ts), not of the seeder's or a test's own reads. Nothing here
// is bundled into a function: the functions run unmodified.
import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import { FUNCTION_TAG } from '../db/coverage'

const current = new AsyncLocalStorage<string>()
let installed = false

function install(): void {
  if (installed) return
  installed = true
  const original = http.request
  const patched = function (this: unknown, ...args: unknown[]) {
    const fn = current.getStore()
    if (fn && typeof args[0] === 'string' && args[0].includes('/admin?')) {
      args[0] = `${args[0]}&${FUNCTION_TAG}=${encodeURIComponent(fn)}`
    }
    return (original as (...a: unknown[]) => http.ClientRequest).apply(this, args)
  }
  ;(http as unknown as { request: unknown }).request = patched
}

/** Runs `body` (one call of cloud function `fn`) with its database requests tagged as `fn`'s. */
export function runAsFunction<T>(fn: string, body: () => T): T {
  install()
  return current.run(fn, body)
}
