// The deploy's plan: what must change so that an environment holds what config/environment.ts
// describes. Pure: the desired description and the observed state in, a list of steps out. Applying
// the steps (apply.ts against the cloud, transition.ts against a recorded state) and planning again
// gives no steps.
//
// Conservative: nothing the description does not name is dropped. Extra collections, functions,
// indexes, triggers and environment variables are kept and listed as "left alone". An index is
// replaced only when one of ours (by name) has other fields.
import type { EnvironmentSpec, FunctionSpec, IndexSpec, SecurityRule, TimerTrigger } from '../../config/environment'
import type { ObservedCollection, ObservedEnvironment, ObservedFunction, ObservedIndex, ObservedRule } from './observed'

/**
 * The runtime a function is created with. The bundles target node16 (build-functions.ts); a runtime
 * can only be chosen when a function is created (SCF's UpdateFunctionConfiguration cannot change it).
 */
export const DEFAULT_RUNTIME = 'Nodejs16.13'
/** The oldest runtime major the bundles run on. */
export const MIN_RUNTIME_MAJOR = 16
/** Indexes per collection in a base environment (WeChat's Resource Quota page), `_id` included. */
export const INDEX_QUOTA = 20

/** A function as the deploy reads it: the description's fields, plus an optional runtime. */
export type DeployFunctionSpec = FunctionSpec & { runtime?: string }

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'dropIndex'; collection: string; index: string; why: string }
  | { kind: 'createIndex'; collection: string; index: IndexSpec }
  | { kind: 'setRule'; collection: string; rule: SecurityRule }
  | { kind: 'createFunction'; fn: string; runtime: string; timeout: number; memory: number; env: Record<string, string> }
  | {
      kind: 'setFunctionConfig'
      fn: string
      timeout: number
      memory: number
      /** The whole variable list to set (the API replaces it), when a variable changes; else absent. */
      env?: Record<string, string>
      changes: string[]
    }
  | { kind: 'deleteTrigger'; fn: string; trigger: string; why: string }
  | { kind: 'createTrigger'; fn: string; trigger: TimerTrigger }

/** Code uploads: done at every deploy (not changes; `--skip-upload` leaves them out). */
export type Upload = { kind: 'uploadFunction'; fn: string } | { kind: 'uploadMiniProgram' }

export interface GeneratedValue {
  fn: string
  name: string
  value: string
  purpose: string
}

export interface Plan {
  steps: Step[]
  uploads: Upload[]
  /** Values this plan sets for the first time (`generated: true` variables absent until now). */
  generated: GeneratedValue[]
  leftAlone: string[]
  warnings: string[]
}

export interface PlanOptions {
  /** A fresh secret for a generated variable (deploy passes a crypto-random one; tests a fixed one). */
  generate: (fn: string, name: string) => string
  skipUpload?: boolean
}

export function planDeploy(spec: EnvironmentSpec, observed: ObservedEnvironment, options: PlanOptions): Plan {
  const problems = specProblems(spec)
  if (problems.length > 0) throw new Error(`config/environment.ts cannot be deployed:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  const plan: Plan = { steps: [], uploads: [], generated: [], leftAlone: [], warnings: [] }
  planCollections(spec, observed, plan)
  planFunctions(spec, observed, options, plan)
  if (!options.skipUpload) {
    for (const f of spec.functions) plan.uploads.push({ kind: 'uploadFunction', fn: f.name })
    plan.uploads.push({ kind: 'uploadMiniProgram' })
  }
  return plan
}

/** What the platform would refuse, found before anything is changed. */
export function specProblems(spec: EnvironmentSpec): string[] {
  const problems: string[] = []
  const dup = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i)
  for (const n of dup(spec.collections.map((c) => c.name))) problems.push(`collection ${n} is described twice`)
  for (const n of dup(spec.functions.map((f) => f.name))) problems.push(`function ${n} is described twice`)
  for (const c of spec.collections) {
    for (const n of dup(c.indexes.map((i) => i.name))) problems.push(`${c.name}: index ${n} is described twice`)
    for (const i of c.indexes) if (i.fields.length === 0) problems.push(`${c.name}: index ${i.name} has no fields`)
  }
  for (const f of spec.functions) {
    if (!Number.isInteger(f.timeout) || f.timeout < 1 || f.timeout > 60)
      problems.push(`${f.name}: timeout ${f.timeout} s is outside 1–60 s`)
    if (![128, 256, 512, 1024, 2048].includes(f.memory))
      problems.push(`${f.name}: memory ${f.memory} MB is not 128, 256, 512, 1024 or 2048`)
    for (const n of dup(f.triggers.map((t) => t.name))) problems.push(`${f.name}: trigger ${n} is described twice`)
    for (const t of f.triggers) {
      if (t.cron.trim().split(/\s+/).length !== 7)
        problems.push(`${f.name}: trigger ${t.name} needs a 7-field cron (second … year), not "${t.cron}"`)
    }
  }
  return problems
}

// ------------------------------------------------------------------------------------ collections

function planCollections(spec: EnvironmentSpec, observed: ObservedEnvironment, plan: Plan): void {
  const declared = new Set(spec.collections.map((c) => c.name))
  for (const c of spec.collections) {
    const found = observed.collections.find((o) => o.name === c.name)
    if (!found) plan.steps.push({ kind: 'createCollection', collection: c.name })
    const have: ObservedCollection = found ?? { name: c.name, indexes: [], rule: null }
    planIndexes(c.name, c.indexes, have.indexes, plan)
    if (!ruleMatches(c.rule, have.rule)) plan.steps.push({ kind: 'setRule', collection: c.name, rule: c.rule })
  }
  for (const o of observed.collections) {
    if (!declared.has(o.name)) plan.leftAlone.push(`collection ${o.name} (not described)`)
  }
}

function planIndexes(collection: string, wanted: IndexSpec[], have: ObservedIndex[], plan: Plan): void {
  const wantedNames = new Set(wanted.map((i) => i.name))
  let count = have.length
  for (const idx of wanted) {
    const same = have.find((h) => h.name === idx.name)
    if (same && indexMatches(idx, same)) continue
    if (same) {
      plan.steps.push({
        kind: 'dropIndex',
        collection,
        index: idx.name,
        why: `its fields differ from the described ${describeFields(idx.fields)}`,
      })
      count--
    } else {
      // An index made by hand with the same fields under another name already serves the queries, and
      // the database refuses a second index on the same fields: keep it.
      const twin = have.find((h) => !wantedNames.has(h.name) && indexMatches(idx, h))
      if (twin) {
        plan.leftAlone.push(`index ${collection}.${twin.name} (has the fields of the described ${idx.name}; kept under its own name)`)
        continue
      }
    }
    plan.steps.push({ kind: 'createIndex', collection, index: idx })
    count++
  }
  for (const h of have) {
    if (wantedNames.has(h.name)) continue
    if (wanted.some((w) => !have.some((x) => x.name === w.name) && indexMatches(w, h))) continue
    plan.leftAlone.push(`index ${collection}.${h.name} ${describeFields(h.fields)} (not described; not dropped)`)
  }
  // `_id` is an index too.
  if (count + 1 > INDEX_QUOTA) {
    plan.warnings.push(`${collection} would have ${count + 1} indexes; a base environment allows ${INDEX_QUOTA} per collection`)
  }
}

function indexMatches(want: IndexSpec, have: ObservedIndex): boolean {
  return (
    (want.unique ?? false) === have.unique &&
    want.fields.length === have.fields.length &&
    want.fields.every(([f, d], i) => have.fields[i][0] === f && have.fields[i][1] === d)
  )
}

export const describeFields = (fields: [string, 1 | -1][]) => `(${fields.map(([f, d]) => (d === 1 ? f : `${f} desc`)).join(', ')})`

/** The CUSTOM rule text deploy writes: `{"read":…,"write":…}`. */
export const ruleText = (rule: SecurityRule) => JSON.stringify({ read: rule.read, write: rule.write })

/** Whether the environment's rule already says what the described one says. */
export function ruleMatches(want: SecurityRule, have: ObservedRule | null): boolean {
  if (!have) return false
  // 仅管理员可读写 (ADMINONLY) is the simple-permission form of a closed collection.
  if (have.aclTag === 'ADMINONLY') return want.read === false && want.write === false
  if (have.aclTag !== 'CUSTOM' || have.rule == null) return false
  try {
    const parsed = JSON.parse(have.rule) as Record<string, unknown>
    const keys = Object.keys(parsed).sort()
    return keys.join() === 'read,write' && parsed.read === want.read && parsed.write === want.write
  } catch {
    return false
  }
}

// -------------------------------------------------------------------------------------- functions

function planFunctions(spec: EnvironmentSpec, observed: ObservedEnvironment, options: PlanOptions, plan: Plan): void {
  const declared = new Set(spec.functions.map((f) => f.name))
  for (const f of spec.functions as DeployFunctionSpec[]) {
    const found = observed.functions.find((o) => o.name === f.name)
    const env = wantedEnv(f, found?.env ?? {}, options, plan)
    if (!found) {
      plan.steps.push({
        kind: 'createFunction',
        fn: f.name,
        runtime: f.runtime ?? DEFAULT_RUNTIME,
        timeout: f.timeout,
        memory: f.memory,
        env: env.vars,
      })
    } else {
      const changes: string[] = []
      if (found.timeout !== f.timeout) changes.push(`timeout ${found.timeout} → ${f.timeout} s`)
      if (found.memory !== f.memory) changes.push(`memory ${found.memory} → ${f.memory} MB`)
      changes.push(...env.changes)
      if (changes.length > 0) {
        plan.steps.push({
          kind: 'setFunctionConfig',
          fn: f.name,
          timeout: f.timeout,
          memory: f.memory,
          ...(env.changes.length > 0 ? { env: env.vars } : {}),
          changes,
        })
      }
      for (const k of Object.keys(found.env)) {
        if (!(k in f.env)) plan.leftAlone.push(`variable ${f.name}.${k} (not described; kept)`)
      }
      const major = runtimeMajor(found.runtime)
      if (major !== null && major < MIN_RUNTIME_MAJOR) {
        plan.warnings.push(
          `${f.name} runs on ${found.runtime}; the code needs Node ${MIN_RUNTIME_MAJOR} or later. A runtime is chosen only ` +
            `when a function is created: delete ${f.name} in the cloud console and deploy again.`,
        )
      }
    }
    planTriggers(f, found?.triggers ?? [], plan)
  }
  for (const o of observed.functions) {
    if (!declared.has(o.name)) plan.leftAlone.push(`function ${o.name} (not described)`)
  }
}

/** The variables a function should hold: the observed ones, the described values, generated ones kept. */
function wantedEnv(f: FunctionSpec, have: Record<string, string>, options: PlanOptions, plan: Plan) {
  const vars = { ...have }
  const changes: string[] = []
  for (const [name, v] of Object.entries(f.env)) {
    if ('value' in v) {
      if (vars[name] !== v.value) {
        changes.push(`variable ${name} ${name in vars ? 'changed' : 'set'}`)
        vars[name] = v.value
      }
    } else if (!vars[name]) {
      const value = options.generate(f.name, name)
      vars[name] = value
      changes.push(`variable ${name} generated`)
      plan.generated.push({ fn: f.name, name, value, purpose: v.purpose })
    }
  }
  return { vars, changes }
}

function planTriggers(f: FunctionSpec, have: ObservedFunction['triggers'], plan: Plan): void {
  for (const t of f.triggers) {
    const same = have.find((h) => h.name === t.name)
    if (same && same.type === 'timer' && same.config === t.cron) continue
    if (same) plan.steps.push({ kind: 'deleteTrigger', fn: f.name, trigger: t.name, why: `it says ${same.type} ${same.config}` })
    plan.steps.push({ kind: 'createTrigger', fn: f.name, trigger: t })
  }
  for (const h of have) {
    if (!f.triggers.some((t) => t.name === h.name))
      plan.leftAlone.push(`trigger ${f.name}.${h.name} (${h.type} ${h.config}; not described)`)
  }
}

function runtimeMajor(runtime: string): number | null {
  const m = /^Nodejs(\d+)/.exec(runtime)
  return m ? Number(m[1]) : null
}
