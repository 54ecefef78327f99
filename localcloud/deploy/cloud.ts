// The environment through @cloudbase/manager-node (5.6.x): reading what it holds, and making each
// plan step happen. `Manager` names only the calls used here, typed as the package declares them
// (a `new CloudBase(...)` must be assignable to it, which tsc checks in cli.ts), so a test can hand
// in a fake that records the calls.
//
// Calls (their .d.ts in node_modules/@cloudbase/manager-node/types):
// - database.listCollections({ MgoLimit, MgoOffset }) → { Collections: [{ CollectionName }], Pager }   (flexdb ListTables)
// - database.describeCollection(name) → { Indexes: [{ Name, Keys: [{ Name, Direction }], Unique }] }  (flexdb DescribeTable)
// - database.createCollection(name)                                                                  (flexdb CreateTable)
// - database.updateCollection(name, { CreateIndexes | DropIndexes })                                  (flexdb UpdateTable)
// - commonService('tcb').call({ Action: 'DescribeSafeRule' | 'ModifySafeRule', Param })               (tcb 2018-06-08)
// - functions.listAllFunctions({ envId }) → [{ FunctionName, Runtime }]                                (tcb ListFunctions)
// - functions.getFunctionDetail(name) → { Runtime, Timeout, MemorySize, Environment, Triggers }       (scf GetFunction)
// - functions.createFunction({ func, functionRootPath })                                             (scf CreateFunction)
// - functions.updateFunctionConfig({ name, timeout, memorySize, envVariables })                      (scf UpdateFunctionConfiguration)
// - functions.createFunctionTriggers(name, [{ name, type: 'timer', config }])                        (scf BatchCreateTrigger)
// - functions.deleteFunctionTrigger(name, triggerName)                                               (scf DeleteTrigger)
// - functions.waitFunctionActive(name)                                                               (scf GetFunction, polled)
import type { ObservedEnvironment, ObservedFunction, ObservedIndex, ObservedTrigger } from './observed'
import { ruleText, type Step } from './plan'

interface IndexKey {
  Name?: string
  Direction?: string
}

export interface Manager {
  database: {
    listCollections(options?: {
      MgoLimit?: number
      MgoOffset?: number
    }): Promise<{ Collections: { CollectionName: string }[]; Pager?: { Total: number } }>
    describeCollection(name: string): Promise<{ Indexes?: { Name: string; Keys: IndexKey[]; Unique: boolean }[] }>
    createCollection(name: string): Promise<unknown>
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[]
        DropIndexes?: { IndexName: string }[]
      },
    ): Promise<unknown>
  }
  functions: {
    listAllFunctions(options: { envId: string }): Promise<Record<string, string>[]>
    getFunctionDetail(name: string): Promise<{
      Runtime: string
      Timeout: number
      MemorySize: number
      Environment?: { Variables?: { Key: string; Value: string }[] }
      Triggers?: { TriggerName?: string; Type?: string; TriggerDesc?: string }[]
    }>
    createFunction(param: {
      func: {
        name: string
        runtime?: string
        timeout?: number
        memorySize?: number
        envVariables?: Record<string, string | number | boolean>
        installDependency?: boolean | 'TRUE' | 'FALSE'
        handler?: string
      }
      functionRootPath?: string
      force?: boolean
    }): Promise<unknown>
    updateFunctionConfig(func: {
      name: string
      timeout?: number
      memorySize?: number
      envVariables?: Record<string, string | number | boolean>
    }): Promise<unknown>
    createFunctionTriggers(name: string, triggers?: { name: string; type: string; config: string }[]): Promise<unknown>
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
    waitFunctionActive(name: string): Promise<void>
  }
  commonService(service?: string, version?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> }
}

export interface CloudTarget {
  envId: string
  /** The mini-program's AppID: tcb's DescribeSafeRule asks for it (WxAppId) on WeChat environments. */
  appid?: string
  /** cloudfunctions/, whose <fn>/ folders createFunction packs. */
  functionRoot: string
}

// ------------------------------------------------------------------------------------------ read

/** What the environment holds, for the collections and functions named (others only by name). */
export async function readEnvironment(
  m: Manager,
  target: CloudTarget,
  names: { collections: string[]; functions: string[] },
): Promise<ObservedEnvironment> {
  const state: ObservedEnvironment = { envId: target.envId, collections: [], functions: [] }

  const existing: string[] = []
  for (let offset = 0; ;) {
    const page = await m.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
    existing.push(...page.Collections.map((c) => c.CollectionName))
    offset += page.Collections.length
    if (page.Collections.length === 0 || offset >= (page.Pager?.Total ?? 0)) break
  }
  for (const name of existing) {
    if (!names.collections.includes(name)) {
      state.collections.push({ name, indexes: [], rule: null })
      continue
    }
    const table = await m.database.describeCollection(name)
    const indexes = (table.Indexes ?? []).filter((i) => i.Name !== '_id_').map(toObservedIndex)
    const rule = (await tcb(m).call({
      Action: 'DescribeSafeRule',
      Param: { EnvId: target.envId, CollectionName: name, ...(target.appid ? { WxAppId: target.appid } : {}) },
    })) as { AclTag?: string; Rule?: string | null }
    state.collections.push({ name, indexes, rule: { aclTag: rule.AclTag ?? '', rule: rule.Rule ?? null } })
  }

  const functions = await m.functions.listAllFunctions({ envId: target.envId })
  for (const f of functions) {
    const name = f.FunctionName
    if (!names.functions.includes(name)) {
      state.functions.push({ name, runtime: f.Runtime ?? '', timeout: 0, memory: 0, env: {}, triggers: [] })
      continue
    }
    state.functions.push(toObservedFunction(name, await m.functions.getFunctionDetail(name)))
  }
  return state
}

const tcb = (m: Manager) => m.commonService('tcb', '2018-06-08')

function toObservedIndex(i: { Name: string; Keys: IndexKey[]; Unique: boolean }): ObservedIndex {
  return {
    name: i.Name,
    fields: i.Keys.map((k) => [k.Name ?? '', String(k.Direction) === '-1' ? -1 : 1]),
    unique: Boolean(i.Unique),
  }
}

function toObservedFunction(name: string, d: Awaited<ReturnType<Manager['functions']['getFunctionDetail']>>): ObservedFunction {
  const env: Record<string, string> = {}
  for (const v of d.Environment?.Variables ?? []) env[v.Key] = v.Value
  return {
    name,
    runtime: d.Runtime,
    timeout: d.Timeout,
    memory: d.MemorySize,
    env,
    triggers: (d.Triggers ?? []).map(toObservedTrigger),
  }
}

/**
 * SCF's GetFunction gives a timer's cron in TriggerDesc, either bare or as `{"cron":"…"}` (both are
 * seen in Tencent's documentation; not verified against a live environment): read both.
 */
export function toObservedTrigger(t: { TriggerName?: string; Type?: string; TriggerDesc?: string }): ObservedTrigger {
  let config = t.TriggerDesc ?? ''
  try {
    const parsed = JSON.parse(config) as { cron?: unknown }
    if (parsed && typeof parsed.cron === 'string') config = parsed.cron
  } catch {
    // a bare cron
  }
  return { name: t.TriggerName ?? '', type: t.Type ?? '', config }
}

// ----------------------------------------------------------------------------------------- apply

/** Makes one plan step happen in the environment (what transition.ts does to a recorded state). */
export async function applyStep(m: Manager, target: CloudTarget, step: Step): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      await m.database.createCollection(step.collection)
      return
    case 'dropIndex':
      await m.database.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.index }] })
      return
    case 'createIndex':
      await m.database.updateCollection(step.collection, {
        CreateIndexes: [
          {
            IndexName: step.index.name,
            MgoKeySchema: {
              MgoIndexKeys: step.index.fields.map(([f, d]) => ({ Name: f, Direction: String(d) })),
              MgoIsUnique: step.index.unique ?? false,
            },
          },
        ],
      })
      return
    case 'setRule':
      await tcb(m).call({
        Action: 'ModifySafeRule',
        Param: { EnvId: target.envId, CollectionName: step.collection, AclTag: 'CUSTOM', Rule: ruleText(step.rule) },
      })
      return
    case 'createFunction':
      // Created with its code (packed from cloudfunctions/<fn>, dependencies installed in the cloud),
      // so that the runtime is ours: miniprogram-ci's uploadFunction would create it on Nodejs8.9.
      await m.functions.createFunction({
        func: {
          name: step.fn,
          runtime: step.runtime,
          timeout: step.timeout,
          memorySize: step.memory,
          envVariables: step.env,
          installDependency: true,
          handler: 'index.main',
        },
        functionRootPath: target.functionRoot,
        force: false,
      })
      return
    case 'setFunctionConfig':
      await m.functions.updateFunctionConfig({
        name: step.fn,
        timeout: step.timeout,
        memorySize: step.memory,
        ...(step.env ? { envVariables: step.env } : {}),
      })
      // The next change to the function is refused while this one is being applied.
      await m.functions.waitFunctionActive(step.fn)
      return
    case 'deleteTrigger':
      await m.functions.deleteFunctionTrigger(step.fn, step.trigger)
      return
    case 'createTrigger':
      await m.functions.createFunctionTriggers(step.fn, [{ name: step.trigger.name, type: 'timer', config: step.trigger.cron }])
      return
  }
}
