// The plan as people read it (and as `--json` prints it). Generated secrets are never shown here:
// only the deploy that sets them prints them, once (printGenerated).
import { describeFields, ruleText, type GeneratedValue, type Plan, type Step } from './plan'

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `+ collection ${step.collection}`
    case 'dropIndex':
      return `- index ${step.collection}.${step.index} (${step.why})`
    case 'createIndex':
      return `+ index ${step.collection}.${step.index.name} ${describeFields(step.index.fields)}${step.index.unique ? ' unique' : ''}`
    case 'setRule':
      return `~ rule ${step.collection}: ${ruleText(step.rule)}`
    case 'createFunction': {
      const vars = Object.keys(step.env)
      return `+ function ${step.fn} (${step.runtime}, ${step.timeout} s, ${step.memory} MB${vars.length ? `, variables ${vars.join(', ')}` : ''})`
    }
    case 'setFunctionConfig':
      return `~ function ${step.fn}: ${step.changes.join(', ')}`
    case 'deleteTrigger':
      return `- trigger ${step.fn}.${step.trigger} (${step.why})`
    case 'createTrigger':
      return `+ trigger ${step.fn}.${step.trigger.name} (timer ${step.trigger.cron})`
  }
}

export function formatPlan(plan: Plan, header: string, version?: string): string {
  const lines = [header]
  if (plan.steps.length === 0) lines.push('  No changes: the environment holds what config/environment.ts describes.')
  for (const s of plan.steps) lines.push(`  ${describeStep(s)}`)
  for (const g of plan.generated) lines.push(`  * ${g.fn}.${g.name}: a new random value, printed once when the deploy sets it`)
  if (plan.uploads.length > 0) {
    lines.push('Uploads (every deploy):')
    for (const u of plan.uploads) {
      lines.push(
        u.kind === 'uploadFunction'
          ? `  ^ code of ${u.fn}`
          : `  ^ mini-program${version ? ` ${version}` : ''} (development version, robot 1)`,
      )
    }
  }
  if (plan.leftAlone.length > 0) {
    lines.push('Left alone:')
    for (const l of plan.leftAlone) lines.push(`  = ${l}`)
  }
  if (plan.warnings.length > 0) {
    lines.push('Warnings:')
    for (const w of plan.warnings) lines.push(`  ! ${w}`)
  }
  lines.push(
    `${plan.steps.length} change${plan.steps.length === 1 ? '' : 's'}, ${plan.uploads.length} upload${plan.uploads.length === 1 ? '' : 's'}.`,
  )
  return lines.join('\n')
}

/** The plan as JSON; values of secret variables (`isSecret`) and generated values masked. */
export function planJson(plan: Plan, isSecret: (fn: string, name: string) => boolean): string {
  const steps = plan.steps.map((s) =>
    s.kind === 'createFunction' || (s.kind === 'setFunctionConfig' && s.env)
      ? { ...s, env: Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, isSecret(s.fn, k) ? '(secret)' : v])) }
      : s,
  )
  const generated = plan.generated.map(({ fn, name, purpose }) => ({ fn, name, purpose }))
  return JSON.stringify({ ...plan, steps, generated }, null, 2)
}

/** Printed once, after the deploy has set the values. */
export function printGenerated(generated: GeneratedValue[], log: (line: string) => void): void {
  for (const g of generated) {
    log('')
    log('='.repeat(64))
    log(`${g.fn}.${g.name} = ${g.value}`)
    log(`(${g.purpose})`)
    if (g.name === 'SETUP_CODE') {
      log('首次设置：在小程序里打开 我的 → 工作人员 → 首次设置，输入上面的设置码，输入的人成为本局管理员（只能用一次）。')
      log('First admin: in the mini-program open 我的 → 工作人员 → 首次设置 and enter this code; whoever enters it first')
      log('becomes the bureau admin, and the code is refused afterwards.')
    }
    log('This value is shown only now; keep it until it has been used. A later deploy keeps it and does not print it.')
    log('(It stays readable in the cloud console: 云函数 → the function → 环境变量.)')
    log('='.repeat(64))
  }
}
