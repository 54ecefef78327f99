// Shared set-up of the fault tests (`*/faults.test.ts`): a test cloud with a test week and no
// listener limit (a fault run opens many SDK requests at once), a clock moved forward by mocking
// Date.now (the functions read it at each call), and the repair timer run once every entry is stale.
import { EventEmitter } from 'node:events'
import { fireTimer } from '../../gateway/timers'
import { startTestCloud, type TestCloud } from '../harness'
import { createTestWeek, type TestWeek } from './fixtures'

/** How a request is cut: the instance dies before it (`kill`), or the request is applied and its answer lost (`lose`). */
export const MODES = ['kill', 'lose'] as const

const defaultMaxListeners = EventEmitter.defaultMaxListeners

/** A fresh test cloud and test week for a fault test file; stop it with stopFaultCloud. */
export async function startFaultCloud(): Promise<{ cloud: TestCloud; week: TestWeek }> {
  EventEmitter.defaultMaxListeners = 0
  const cloud = await startTestCloud()
  const week = await createTestWeek(cloud)
  return { cloud, week }
}

export async function stopFaultCloud(cloud: TestCloud | undefined): Promise<void> {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud?.stop()
}

/** Runs what follows as if `ms` had passed (functions read Date.now() at each call). Undone by jest.restoreAllMocks(). */
export function later(ms: number) {
  const real = Date.now.bind(Date)
  return jest.spyOn(Date, 'now').mockImplementation(() => real() + ms)
}

/** The repair timer, run 61 s from now (every entry written before is stale by then), clock put back after. */
export async function repairLater(): Promise<void> {
  later(61_000)
  try {
    const run = (await fireTimer({ fn: 'repair', name: 'repair' })) as { ok: boolean }
    expect(run.ok).toBe(true)
  } finally {
    jest.restoreAllMocks()
  }
}
