// `npm run deploy`: makes a WeChat Cloud environment hold what config/environment.ts describes, with
// Tencent's own tools, then uploads the functions' code and the mini-program. `--dry-run` prints the
// plan and touches neither credentials nor the network. See README ("WeChat DevTools and the real
// cloud") and docs/decisions/0008-deploy.md.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { environment, type EnvironmentSpec } from '../../config/environment'
import { parseArgs, realRunProblems, USAGE, type DeployArgs } from './args'
import type { Manager } from './cloud'
import { formatPlan, planJson } from './format'
import { emptyEnvironment, maskSecrets, parseObserved } from './observed'
import { planDeploy } from './plan'
import { deploy } from './run'
import { generateSecret } from './secret'
import { appidFrom, uploadFunction, uploadKeyFrom, uploadMiniProgram, type MiniProgramTarget } from './upload'

const ROOT = path.resolve(__dirname, '..', '..')
const FUNCTION_ROOT = path.join(ROOT, 'cloudfunctions')
const MINIPROGRAM_ROOT = path.join(ROOT, 'dist', 'weapp')

/** Whether a function's variable is a generated secret (its value is never printed or recorded). */
const isSecret = (spec: EnvironmentSpec) => (fn: string, name: string) => {
  const v = spec.functions.find((f) => f.name === fn)?.env[name]
  return Boolean(v && 'generated' in v)
}

function dryRun(args: DeployArgs, spec: EnvironmentSpec): void {
  const observed = args.statePath
    ? parseObserved(readFileSync(path.resolve(args.statePath), 'utf8'), args.statePath)
    : emptyEnvironment(args.envId)
  // Nothing is set in a dry run, so no secret is drawn either.
  const plan = planDeploy(spec, observed, { generate: () => '(generated)', skipUpload: args.skipUpload })
  if (args.json) {
    console.log(planJson(plan, isSecret(spec)))
    return
  }
  const against = args.statePath ? `the recorded ${args.statePath}` : 'an empty environment'
  console.log(formatPlan(plan, `Dry run for ${args.envId ?? '(no --env)'}, against ${against}:`, args.version ?? packageVersion()))
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

function build(skipUpload: boolean): void {
  // The weapp is checked as `npm test` checks it (package sizes, WeChat's compilers) before it goes up.
  const steps = [
    ['npm', 'run', 'build:functions'],
    ...(skipUpload
      ? []
      : [
          ['npm', 'run', 'build:weapp'],
          ['npm', 'run', 'check:weapp'],
        ]),
  ]
  for (const [cmd, ...rest] of steps) {
    console.log(`$ ${cmd} ${rest.join(' ')}`)
    const r = spawnSync(cmd, rest, { cwd: ROOT, stdio: 'inherit' })
    if (r.status !== 0) throw new Error(`${cmd} ${rest.join(' ')} failed`)
  }
}

async function realRun(args: DeployArgs, spec: EnvironmentSpec): Promise<void> {
  const appid = appidFrom(process.env, ROOT)
  const problems = realRunProblems(args, process.env, appid)
  const missing = spec.functions.filter((f) => !existsSync(path.join(FUNCTION_ROOT, f.name, 'package.json'))).map((f) => f.name)
  if (missing.length > 0) problems.push(`config/environment.ts describes ${missing.join(', ')}, but cloudfunctions/ has no such folder`)
  if (problems.length > 0) {
    throw new UsageError(
      `Cannot deploy:\n${problems.map((p) => `  - ${p}`).join('\n')}\n\n(npm run deploy -- --dry-run prints the plan without any of these.)`,
    )
  }
  const envId = args.envId!
  if (args.build) build(args.skipUpload)

  // Loaded only for a real run: a dry run never constructs a client.
  const CloudBase = (await import('@cloudbase/manager-node')).default
  const manager: Manager = new CloudBase({
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { token: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
    envId,
  })
  const key = uploadKeyFrom(process.env) ?? {}
  const mp: MiniProgramTarget = { appid, envId, miniprogramRoot: MINIPROGRAM_ROOT, functionRoot: FUNCTION_ROOT, key }
  const version = args.version ?? packageVersion()
  await deploy(
    {
      spec,
      target: { envId, appid, functionRoot: FUNCTION_ROOT },
      skipUpload: args.skipUpload,
      version,
      desc: args.desc ?? `npm run deploy ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    },
    {
      manager,
      uploader: { uploadFunction: (fn) => uploadFunction(mp, fn), uploadMiniProgram: (v, d) => uploadMiniProgram(mp, v, d, ROOT) },
      generate: generateSecret,
      log: (line) => console.log(line),
      record: args.recordPath
        ? (state) => writeFileSync(path.resolve(args.recordPath!), `${JSON.stringify(maskSecrets(state, isSecret(spec)), null, 2)}\n`)
        : undefined,
    },
  )
}

class UsageError extends Error {}

export async function main(argv: string[], spec: EnvironmentSpec = environment): Promise<number> {
  const { args, problems } = parseArgs(argv)
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`)
    return 2
  }
  try {
    if (args.dryRun) dryRun(args, spec)
    else await realRun(args, spec)
    return 0
  } catch (e) {
    console.error(e instanceof UsageError ? e.message : `Deploy failed: ${(e as Error).message}`)
    return e instanceof UsageError ? 2 : 1
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
