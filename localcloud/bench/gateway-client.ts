// Calls a function through the gateway over HTTP, as the h5 app does, for the benchmarks: node's
// http client on kept-alive sockets (fetch's web streams cost the process running the local
// cloud about as much CPU as the gateway itself; the app's own client runs on the phone).
import http from 'node:http'
import { shanghaiDate, shanghaiDayRange } from '../../src/shared/domain/time'
import type { LocalCloud } from '../local-cloud'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A Shanghai day n days from today, 'YYYY-MM-DD'. */
export const dayFromToday = (n: number) => shanghaiDate(shanghaiDayRange(shanghaiDate(Date.now())).start + n * DAY + HOUR)

const agent = new http.Agent({ keepAlive: true })

/* eslint-disable @typescript-eslint/no-explicit-any */
export function call(cloud: LocalCloud, openid: string, fn: string, action: string, input: unknown): Promise<any> {
  const body = JSON.stringify({ fn, action, input })
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${cloud.gateway.url}/api/call`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-dev-openid': openid },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (err) {
            reject(err)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The call's data, or an error naming the failed action. */
export async function must(cloud: LocalCloud, openid: string, fn: string, action: string, input: unknown): Promise<any> {
  const body = await call(cloud, openid, fn, action, input)
  if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body)}`)
  return body.data
}
