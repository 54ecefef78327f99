// One real deploy: read the environment, plan, apply each step, print generated secrets as soon as
// they are set, then upload the code. The cloud and the uploader are passed in (cli.ts gives the real
// ones; tests give fakes). A run stopped half-way is finished by running it again: each step is
// planned only while it is still needed.
import type { EnvironmentSpec } from '../../config/environment'
import { applyStep, readEnvironment, type CloudTarget, type Manager } from './cloud'
import { describeStep, formatPlan, printGenerated } from './format'
import type { ObservedEnvironment } from './observed'
import { planDeploy, type Plan } from './plan'

export interface Uploader {
  uploadFunction(fn: string): Promise<unknown>
  uploadMiniProgram(version: string, desc: string): Promise<unknown>
}

export interface DeployDeps {
  manager: Manager
  uploader: Uploader
  generate: (fn: string, name: string) => string
  log: (line: string) => void
  /** Called with what the environment held, before any change (`--record`). */
  record?: (state: ObservedEnvironment) => void
}

export interface DeployRun {
  spec: EnvironmentSpec
  target: CloudTarget
  skipUpload: boolean
  version: string
  desc: string
}

export async function deploy(run: DeployRun, deps: DeployDeps): Promise<Plan> {
  const { spec, target } = run
  const { log } = deps
  log(`Reading environment ${target.envId}…`)
  const observed = await read(run, deps)
  deps.record?.(observed)
  const plan = planDeploy(spec, observed, { generate: deps.generate, skipUpload: run.skipUpload })
  log(formatPlan(plan, `Plan for ${target.envId}:`, run.version))
  await applySteps(plan, deps, target)

  for (const u of plan.uploads) {
    if (u.kind === 'uploadFunction') {
      log(`Uploading function ${u.fn} (dependencies installed in the cloud)…`)
      await deps.uploader.uploadFunction(u.fn)
    } else {
      log(`Uploading the mini-program ${run.version} (${run.desc})…`)
      await deps.uploader.uploadMiniProgram(run.version, run.desc)
      log('Uploaded as a development version: mp.weixin.qq.com → 版本管理 → 选为体验版 / 提交审核.')
    }
  }

  // Check: the environment now holds what is described. An upload is not supposed to change a
  // function's settings; if one did, they are set again here (once).
  if (plan.uploads.length > 0) {
    const left = planDeploy(spec, await read(run, deps), { generate: deps.generate, skipUpload: true })
    if (left.steps.length > 0) {
      log(formatPlan(left, 'After the uploads, the environment differs again; setting it back:'))
      await applySteps(left, deps, target)
    }
  }
  log(`Done: ${plan.steps.length} change(s), ${plan.uploads.length} upload(s).`)
  return plan
}

const read = (run: DeployRun, deps: DeployDeps) =>
  readEnvironment(deps.manager, run.target, {
    collections: run.spec.collections.map((c) => c.name),
    functions: run.spec.functions.map((f) => f.name),
  })

async function applySteps(plan: Plan, deps: DeployDeps, target: CloudTarget): Promise<void> {
  for (const [i, step] of plan.steps.entries()) {
    deps.log(`[${i + 1}/${plan.steps.length}] ${describeStep(step)}`)
    try {
      await applyStep(deps.manager, target, step)
    } catch (e) {
      throw new Error(`${describeStep(step)} failed: ${(e as Error).message}\nNothing after it was done; run the deploy again to continue.`)
    }
    // A generated secret is shown as soon as it is set, so a later failure cannot lose it.
    if (step.kind === 'createFunction' || (step.kind === 'setFunctionConfig' && step.env)) {
      printGenerated(
        plan.generated.filter((g) => g.fn === step.fn),
        deps.log,
      )
    }
  }
}
