// `npm run deploy -- --env <envId> [--dry-run] [--state <recorded.json>] [--json] [--version x.y.z]
// [--desc "..."] [--skip-upload] [--no-build] [--record <file.json>]`, and what a real run needs from
// the process environment. Pure: argv and env in, options or a list of problems out.

export const USAGE = `Usage: npm run deploy -- --env <envId> [options]

  --env <envId>        the cloud environment (云开发控制台 → 环境 → 环境 ID)
  --dry-run            print the plan and change nothing; needs no credentials and no network
  --state <file.json>  with --dry-run: plan against this recorded environment (default: an empty one)
  --json               with --dry-run: print the plan as JSON
  --version <x.y.z>    the mini-program version to upload (default: package.json's)
  --desc <text>        the upload's description (default: "npm run deploy" and the date)
  --skip-upload        apply the settings only: no function code, no mini-program upload
  --no-build           do not run build:functions / build:weapp first (upload what is built)
  --record <file.json> write what the environment held before the deploy (secret values masked)

A real run needs, in the environment:
  TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY   a Tencent Cloud API key (访问管理 → API密钥管理)
  MINIPROGRAM_UPLOAD_KEY (the key text) or MINIPROGRAM_UPLOAD_KEY_PATH
                                                   the mini-program's code upload key (not with --skip-upload)
  MINIPROGRAM_APPID                                the AppID, unless project.config.json has the real one`

export interface DeployArgs {
  envId?: string
  dryRun: boolean
  statePath?: string
  json: boolean
  version?: string
  desc?: string
  skipUpload: boolean
  build: boolean
  recordPath?: string
  help: boolean
}

export function parseArgs(argv: string[]): { args: DeployArgs; problems: string[] } {
  const args: DeployArgs = { dryRun: false, json: false, skipUpload: false, build: true, help: false }
  const problems: string[] = []
  const value = (i: number, flag: string) => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) {
      problems.push(`${flag} needs a value`)
      return undefined
    }
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const take = () => inline ?? value(i++, flag)
    switch (flag) {
      case '--env':
        args.envId = take()
        break
      case '--dry-run':
        args.dryRun = true
        break
      case '--state':
        args.statePath = take()
        break
      case '--json':
        args.json = true
        break
      case '--version':
        args.version = take()
        break
      case '--desc':
        args.desc = take()
        break
      case '--skip-upload':
        args.skipUpload = true
        break
      case '--no-build':
        args.build = false
        break
      case '--record':
        args.recordPath = take()
        break
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        problems.push(`unknown option ${a}`)
    }
  }
  if (args.version !== undefined && !/^\d+\.\d+\.\d+$/.test(args.version))
    problems.push(`--version must look like 1.2.3, not "${args.version}"`)
  if (args.statePath && !args.dryRun) problems.push('--state is for --dry-run only (a real deploy reads the environment itself)')
  if (args.json && !args.dryRun) problems.push('--json is for --dry-run only')
  if (args.recordPath && args.dryRun) problems.push('--record is for a real run (it records what the environment holds)')
  return { args, problems }
}

/** What a real run lacks before it may touch the network (all of it, so one attempt lists everything). */
export function realRunProblems(args: DeployArgs, env: NodeJS.ProcessEnv, appid: string): string[] {
  const problems: string[] = []
  if (!args.envId) problems.push('--env <envId> is missing: the cloud environment to deploy to (云开发控制台 → 环境 ID)')
  if (!env.TENCENTCLOUD_SECRETID?.trim() || !env.TENCENTCLOUD_SECRETKEY?.trim()) {
    problems.push(
      'TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are not set: a Tencent Cloud API key (腾讯云控制台 → 访问管理 → API密钥管理)',
    )
  }
  if (!appid || appid === 'touristappid') {
    problems.push(
      `the AppID is ${appid ? `the placeholder "${appid}"` : 'missing'}: set MINIPROGRAM_APPID or put the mini-program's AppID in project.config.json`,
    )
  }
  if (!args.skipUpload && !env.MINIPROGRAM_UPLOAD_KEY?.trim() && !env.MINIPROGRAM_UPLOAD_KEY_PATH?.trim()) {
    problems.push(
      'MINIPROGRAM_UPLOAD_KEY (the key text) or MINIPROGRAM_UPLOAD_KEY_PATH is not set: the code upload key ' +
        '(mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传); or run with --skip-upload',
    )
  }
  return problems
}
