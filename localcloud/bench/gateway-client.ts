// Calls a function through the gateway over HTTP, as the h5 app does, for the benchmarks.
import { shanghaiDate, shanghaiDayRange } from '../../src/shared/domain/time'
import type { LocalCloud } from '../local-cloud'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A Shanghai day n days from today, 'YYYY-MM-DD'. */
export const dayFromToday = (n: number) => shanghaiDate(shanghaiDayRange(shanghaiDate(Date.now())).start + n * DAY + HOUR)

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function call(cloud: LocalCloud, openid: string, fn: string, action: string, input: unknown): Promise<any> {
  const res = await fetch(`${cloud.gateway.url}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ fn, action, input }),
  })
  return res.json()
}

/** The call's data, or an error naming the failed action. */
export async function must(cloud: LocalCloud, openid: string, fn: string, action: string, input: unknown): Promise<any> {
  const body = await call(cloud, openid, fn, action, input)
  if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body)}`)
  return body.data
}
