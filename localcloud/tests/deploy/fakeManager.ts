// A stand-in for @cloudbase/manager-node: it holds an environment as the APIs would describe it,
// answers the read calls the way the package's types declare, changes the environment on the write
// calls, and records every call with its arguments.
import type { Manager } from '../../deploy/cloud'
import type { ObservedEnvironment } from '../../deploy/observed'

export interface Call {
  method: string
  args: unknown[]
}

export function fakeManager(initial: ObservedEnvironment, options: { timerDescAsJson?: boolean } = {}) {
  const state: ObservedEnvironment = structuredClone(initial)
  const calls: Call[] = []
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args: structuredClone(args) })
  const collection = (name: string) => {
    const c = state.collections.find((x) => x.name === name)
    if (!c) throw Object.assign(new Error(`table ${name} not found`), { code: 'ResourceNotFound' })
    return c
  }
  const fn = (name: string) => {
    const f = state.functions.find((x) => x.name === name)
    if (!f) throw Object.assign(new Error(`function ${name} not found`), { code: 'ResourceNotFound.Function' })
    return f
  }

  const manager: Manager = {
    database: {
      async listCollections(o) {
        record('database.listCollections', o)
        const offset = o?.MgoOffset ?? 0
        const limit = o?.MgoLimit ?? 100
        const page = state.collections.slice(offset, offset + limit)
        return {
          Collections: page.map((c) => ({ CollectionName: c.name })),
          Pager: { Offset: offset, Limit: limit, Total: state.collections.length },
        }
      },
      async describeCollection(name) {
        record('database.describeCollection', name)
        const c = collection(name)
        return {
          Indexes: [
            { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
            ...c.indexes.map((i) => ({
              Name: i.name,
              Keys: i.fields.map(([f, d]) => ({ Name: f, Direction: String(d) })),
              Unique: i.unique,
            })),
          ],
        }
      },
      async createCollection(name) {
        record('database.createCollection', name)
        state.collections.push({ name, indexes: [], rule: { aclTag: 'PRIVATE', rule: null } })
      },
      async updateCollection(name, info) {
        record('database.updateCollection', name, info)
        const c = collection(name)
        for (const d of info.DropIndexes ?? []) c.indexes = c.indexes.filter((i) => i.name !== d.IndexName)
        for (const i of info.CreateIndexes ?? []) {
          c.indexes.push({
            name: i.IndexName,
            fields: i.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, k.Direction === '-1' ? -1 : 1]),
            unique: i.MgoKeySchema.MgoIsUnique,
          })
        }
      },
    },
    functions: {
      async listAllFunctions(o) {
        record('functions.listAllFunctions', o)
        return state.functions.map((f) => ({ FunctionName: f.name, Runtime: f.runtime, Status: 'Active' }))
      },
      async getFunctionDetail(name) {
        record('functions.getFunctionDetail', name)
        const f = fn(name)
        return {
          Runtime: f.runtime,
          Timeout: f.timeout,
          MemorySize: f.memory,
          Environment: { Variables: Object.entries(f.env).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: f.triggers.map((t) => ({
            TriggerName: t.name,
            Type: t.type,
            TriggerDesc: options.timerDescAsJson ? JSON.stringify({ cron: t.config }) : t.config,
          })),
        }
      },
      async createFunction(p) {
        record('functions.createFunction', p)
        if (state.functions.some((f) => f.name === p.func.name))
          throw Object.assign(new Error('exists'), { code: 'ResourceInUse.Function' })
        const env = Object.fromEntries(Object.entries(p.func.envVariables ?? {}).map(([k, v]) => [k, String(v)]))
        state.functions.push({
          name: p.func.name,
          runtime: p.func.runtime ?? 'Nodejs20.19',
          timeout: p.func.timeout ?? 3,
          memory: p.func.memorySize ?? 256,
          env,
          triggers: [],
        })
      },
      async updateFunctionConfig(func) {
        record('functions.updateFunctionConfig', func)
        const f = fn(func.name)
        if (func.timeout !== undefined) f.timeout = func.timeout
        if (func.memorySize !== undefined) f.memory = func.memorySize
        // As the API: the variable list is replaced, when one is sent.
        if (func.envVariables && Object.keys(func.envVariables).length > 0) {
          f.env = Object.fromEntries(Object.entries(func.envVariables).map(([k, v]) => [k, String(v)]))
        }
      },
      async createFunctionTriggers(name, triggers = []) {
        record('functions.createFunctionTriggers', name, triggers)
        const f = fn(name)
        for (const t of triggers) {
          if (f.triggers.some((x) => x.name === t.name)) throw new Error(`trigger ${t.name} exists`)
          f.triggers.push({ name: t.name, type: t.type, config: t.config })
        }
      },
      async deleteFunctionTrigger(name, triggerName) {
        record('functions.deleteFunctionTrigger', name, triggerName)
        const f = fn(name)
        f.triggers = f.triggers.filter((t) => t.name !== triggerName)
      },
      async waitFunctionActive(name) {
        record('functions.waitFunctionActive', name)
      },
    },
    commonService(service, version) {
      return {
        async call(o) {
          record(`commonService(${service},${version}).call`, o)
          const p = o.Param as { CollectionName: string; AclTag?: string; Rule?: string }
          if (o.Action === 'DescribeSafeRule') {
            const r = collection(p.CollectionName).rule
            return { AclTag: r?.aclTag, Rule: r?.rule ?? null, RequestId: 'r' }
          }
          if (o.Action === 'ModifySafeRule') {
            collection(p.CollectionName).rule = { aclTag: p.AclTag!, rule: p.Rule ?? null }
            return { RequestId: 'r' }
          }
          throw new Error(`unexpected action ${o.Action}`)
        },
      }
    },
  }
  return { manager, state, calls }
}
