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
  const observed = await readEnvironment(deps.manager, target, {
    collections: spec.collections.map((c) => c.name),
    functions: spec.functions.map((f) => f.name),
  })
  deps.record?.(observed)
  const plan = planDeploy(spec, observed, { generate: deps.generate, skipUpload: run.skipUpload })
  log(formatPlan(plan, `Plan for ${target.envId}:`, run.version))

  for (const [i, step] of plan.steps.entries()) {
    log(`[${i + 1}/${plan.steps.length}] ${describeStep(step)}`)
    try {
      await applyStep(deps.manager, target, step)
    } catch (e) {
      throw new Error(`${describeStep(step)} failed: ${(e as Error).message}\nNothing after it was done; run the deploy again to continue.`)
    }
    if (step.kind === 'createFunction' || (step.kind === 'setFunctionConfig' && step.env)) {
      printGenerated(
        plan.generated.filter((g) => g.fn === step.fn),
        log,
      )
    }
  }

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
  log(`Done: ${plan.steps.length} change(s), ${plan.uploads.length} upload(s).`)
  return plan
}
