// What a cloud environment holds, as the deploy reads it (and as `--state <file>` records it): the
// collections with their indexes and security rule, and the functions with their settings. Plain
// JSON, close to what the APIs answer, so a recorded file can be written by hand or by `--record`.

export interface ObservedIndex {
  name: string
  fields: [field: string, direction: 1 | -1][]
  unique: boolean
}

/**
 * A collection's security rule as tcb's DescribeSafeRule answers it: `aclTag` is READONLY, PRIVATE,
 * ADMINWRITE, ADMINONLY or CUSTOM, and `rule` the CUSTOM rule's JSON text (null otherwise).
 */
export interface ObservedRule {
  aclTag: string
  rule: string | null
}

export interface ObservedCollection {
  name: string
  /** Besides `_id_`. */
  indexes: ObservedIndex[]
  /** null: not known (a collection just created). */
  rule: ObservedRule | null
}

export interface ObservedTrigger {
  name: string
  type: string
  /** A timer's cron. */
  config: string
}

export interface ObservedFunction {
  name: string
  /** SCF runtime, e.g. `Nodejs16.13`. */
  runtime: string
  timeout: number
  memory: number
  env: Record<string, string>
  triggers: ObservedTrigger[]
}

export interface ObservedEnvironment {
  envId?: string
  collections: ObservedCollection[]
  functions: ObservedFunction[]
}

export const emptyEnvironment = (envId?: string): ObservedEnvironment => ({ envId, collections: [], functions: [] })

/** Reads a recorded state (`--state file.json`), checking its shape enough to give a clear error. */
export function parseObserved(text: string, source: string): ObservedEnvironment {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`)
  }
  const o = data as Partial<ObservedEnvironment>
  if (!o || typeof o !== 'object' || !Array.isArray(o.collections) || !Array.isArray(o.functions)) {
    throw new Error(`${source}: expected { "collections": [...], "functions": [...] } (a recorded environment)`)
  }
  for (const c of o.collections) {
    if (typeof c?.name !== 'string' || !Array.isArray(c.indexes)) throw new Error(`${source}: a collection needs "name" and "indexes"`)
    if (c.rule === undefined) c.rule = null
  }
  for (const f of o.functions) {
    if (typeof f?.name !== 'string') throw new Error(`${source}: a function needs "name"`)
    f.env ??= {}
    f.triggers ??= []
  }
  return o as ObservedEnvironment
}

/** A state to record (`--record`): secret variables' values masked, still set, so a plan keeps them. */
export function maskSecrets(state: ObservedEnvironment, isSecret: (fn: string, name: string) => boolean): ObservedEnvironment {
  return {
    ...state,
    functions: state.functions.map((f) => ({
      ...f,
      env: Object.fromEntries(Object.entries(f.env).map(([k, v]) => [k, isSecret(f.name, k) && v ? '(secret)' : v])),
    })),
  }
}
