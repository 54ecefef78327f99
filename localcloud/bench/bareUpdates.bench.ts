// What the local database itself allows: conditional updates of ONE document by many concurrent
// callers, through the real wx-server-sdk (the client every function uses), nothing else around
// them. The sign-up rush (signup.bench.ts) is measured against this, in the same run and on the
// same server: signup.rush.efficiency = calls/s ÷ (bare updates/s ÷ database operations per call).
import { EventEmitter } from 'node:events'
import type { LocalCloud } from '../local-cloud'
import { round } from './results'

/* eslint-disable @typescript-eslint/no-explicit-any */
export const BARE_COLLECTION = 'benchCounters'

export interface BareUpdateOptions {
  callers?: number
  updates?: number
}

export interface Timed {
  /** Operations (updates, calls) done. */
  count: number
  /** Wall-clock milliseconds they took. */
  wallMs: number
  /** CPU milliseconds this process spent meanwhile (user + system): what the machine's other load does not change. */
  cpuMs: number
}

/** Runs `body` and times it, in wall-clock and in this process's CPU time. */
export async function timed(count: number, body: () => Promise<void>): Promise<Timed> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await body()
  const wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  return { count, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }
}

/** Several timings as one. */
export function together(...runs: Timed[]): Timed {
  return runs.reduce((a, b) => ({ count: a.count + b.count, wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs }))
}

export const perSecond = (t: Timed) => round(t.count / (t.wallMs / 1000))
export const perCpuSecond = (t: Timed) => round(t.count / (t.cpuMs / 1000))

/** Conditional updates: where({ _id, n: gte(0) }).update({ n: inc(1) }), `callers` at a time, on one document. */
export async function bareConditionalUpdates(cloud: LocalCloud, options: BareUpdateOptions = {}): Promise<Timed> {
  const callers = options.callers ?? 200
  const updates = options.updates ?? 4000
  const db: any = cloud.sdkDb
  const _ = db.command
  try {
    await db.createCollection(BARE_COLLECTION)
  } catch {
    // made by an earlier measure in this run
  }
  const id = `bare${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  await db.collection(BARE_COLLECTION).add({ data: { _id: id, n: 0 } })

  // node-sdk adds a 'connect' listener per queued request to pooled sockets: client-side noise.
  const maxListeners = EventEmitter.defaultMaxListeners
  EventEmitter.defaultMaxListeners = 0
  let started = 0
  let applied = 0
  let time: Timed
  try {
    time = await timed(updates, async () => {
      await Promise.all(
        Array.from({ length: callers }, async () => {
          while (started < updates) {
            started++
            const res = await db
              .collection(BARE_COLLECTION)
              .where({ _id: id, n: _.gte(0) })
              .update({ data: { n: _.inc(1) } })
            applied += res.stats.updated
          }
        }),
      )
    })
  } finally {
    EventEmitter.defaultMaxListeners = maxListeners
  }
  const { data } = await db.collection(BARE_COLLECTION).doc(id).get()
  if (applied !== updates || data.n !== updates) throw new Error(`bare updates: ${applied} applied, n = ${data.n}, of ${updates}`)
  return time
}

/** calls/s ÷ (bare updates/s ÷ operations per call): the share of what the database allows that the calls reach. */
export function efficiency(callsPerSecond: number, bareUpdatesPerSecond: number, opsPerCall: number): number {
  return round((callsPerSecond * opsPerCall) / bareUpdatesPerSecond, 3)
}
