// What each step does to an environment, as data: the recorded state after a plan is applied. The
// calls in apply.ts make the cloud do the same; the tests plan again against this state and expect
// nothing left to do.
import type { ObservedEnvironment } from './observed'
import { ruleText, type Step } from './plan'

export function applyToObserved(state: ObservedEnvironment, steps: Step[]): ObservedEnvironment {
  const next: ObservedEnvironment = structuredClone(state)
  for (const step of steps) applyStep(next, step)
  return next
}

function applyStep(s: ObservedEnvironment, step: Step): void {
  const collection = (name: string) => {
    const c = s.collections.find((x) => x.name === name)
    if (!c) throw new Error(`collection ${name} does not exist`)
    return c
  }
  const fn = (name: string) => {
    const f = s.functions.find((x) => x.name === name)
    if (!f) throw new Error(`function ${name} does not exist`)
    return f
  }
  switch (step.kind) {
    case 'createCollection':
      if (s.collections.some((c) => c.name === step.collection)) throw new Error(`collection ${step.collection} exists`)
      s.collections.push({ name: step.collection, indexes: [], rule: null })
      return
    case 'dropIndex': {
      const c = collection(step.collection)
      c.indexes = c.indexes.filter((i) => i.name !== step.index)
      return
    }
    case 'createIndex': {
      const c = collection(step.collection)
      if (c.indexes.some((i) => i.name === step.index.name)) throw new Error(`index ${step.index.name} exists`)
      c.indexes.push({ name: step.index.name, fields: step.index.fields.map(([f, d]) => [f, d]), unique: step.index.unique ?? false })
      return
    }
    case 'setRule':
      collection(step.collection).rule = { aclTag: 'CUSTOM', rule: ruleText(step.rule) }
      return
    case 'createFunction':
      if (s.functions.some((f) => f.name === step.fn)) throw new Error(`function ${step.fn} exists`)
      s.functions.push({
        name: step.fn,
        runtime: step.runtime,
        timeout: step.timeout,
        memory: step.memory,
        env: { ...step.env },
        triggers: [],
      })
      return
    case 'setFunctionConfig': {
      const f = fn(step.fn)
      f.timeout = step.timeout
      f.memory = step.memory
      if (step.env) f.env = { ...step.env }
      return
    }
    case 'deleteTrigger': {
      const f = fn(step.fn)
      f.triggers = f.triggers.filter((t) => t.name !== step.trigger)
      return
    }
    case 'createTrigger':
      fn(step.fn).triggers.push({ name: step.trigger.name, type: 'timer', config: step.trigger.cron })
      return
  }
}
