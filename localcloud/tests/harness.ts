// A fresh, seeded local cloud per test file, and a way to call functions as a given person.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { invokeFunction, invokeWithFaults } from '../gateway/functions'
import type { FaultPlan } from '../gateway/faults'

export interface Envelope {
  ok: boolean
  data?: any
  code?: string
  message?: string
  fields?: string[]
}

export interface TestCloud extends LocalCloud {
  dataDir: string
  call(fn: string, action: string, input: unknown, openid?: string): Promise<Envelope>
  /** A call under a fault plan: its answer (unless lost), how many database requests it made, whether it died. */
  callWithFault(
    fn: string,
    action: string,
    input: unknown,
    openid: string,
    plan: FaultPlan,
  ): Promise<{ answer: Envelope | null; requests: number }>
  stop(): Promise<void>
}

/**
 * `attendance: true` also seeds what has happened in the Nanchang week by now (sign-ups, check-ins,
 * ratings, publicity), as `npm start` does; by default tests script their own on an empty week.
 */
export async function startTestCloud(seed: 'always' | 'never' = 'always', options: { attendance?: boolean } = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'))
  const cloud = await startLocalCloud({ dataDir, seed, attendance: options.attendance ?? false })
  return {
    ...cloud,
    dataDir,
    call: (fn, action, input, openid = 'dev-resident') => invokeFunction(fn, { action, input }, openid) as Promise<Envelope>,
    callWithFault: async (fn, action, input, openid, plan) => {
      const { result, run, lost } = await invokeWithFaults(fn, { action, input }, openid, plan)
      return { answer: lost ? null : (result as Envelope), requests: run.requests }
    },
    stop: async () => {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
