// `npm run deploy` itself, as a child process: the dry run prints the plan with no credentials and no
// network, and a real run without what it needs refuses before touching anything.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { environment } from '../../../config/environment'
import { formatPlan, planJson } from '../../deploy/format'
import { planDeploy } from '../../deploy/plan'
import { applyToObserved } from '../../deploy/transition'
import { RECORDED_PATH, recorded } from './fixtures'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')

/** Runs the CLI with a clean environment: no Tencent Cloud key, no upload key, no AppID. */
function deployCli(args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extraEnv }
  // A dry run must not reach the network: any socket it opened would fail on this bogus proxy.
  env.HTTPS_PROXY = env.HTTP_PROXY = 'http://127.0.0.1:9'
  const r = spawnSync(TSX, [path.join(ROOT, 'localcloud', 'deploy', 'cli.ts'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const isSecret = (fn: string, name: string) =>
  Boolean(environment.functions.find((f) => f.name === fn && 'generated' in (f.env[name] ?? {})))

describe('npm run deploy', () => {
  test('--dry-run against a recorded environment prints the plan, with no credentials', () => {
    const r = deployCli(['--env', 'recorded-1a2b3c', '--dry-run', '--state', RECORDED_PATH, '--skip-upload'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const plan = planDeploy(environment, recorded(), { generate: () => '(generated)', skipUpload: true })
    expect(r.out.trimEnd()).toBe(formatPlan(plan, `Dry run for recorded-1a2b3c, against the recorded ${RECORDED_PATH}:`))
    for (const line of [
      '  ~ function stats: timeout 3 → 20 s',
      '  ~ function staff: variable SETUP_CODE generated',
      '  + trigger repair.repair (timer 0 * * * * * *)',
      '  ~ rule registrations: {"read":false,"write":false}',
      '  * staff.SETUP_CODE: a new random value, printed once when the deploy sets it',
      '  = collection oldNotes (not described)',
      '  = function hello (not described)',
    ]) {
      expect(r.out.split('\n')).toContain(line)
    }
    expect(r.out).toMatch(new RegExp(`^${plan.steps.length} changes, 0 uploads\\.$`, 'm'))
    expect(r.out).not.toContain('(generated)')
  })

  test('a second dry run, against the environment the first would produce, plans nothing', () => {
    const first = planDeploy(environment, recorded(), { generate: () => 'A-SETUP-CODE', skipUpload: true })
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deploy-'))
    try {
      const after = path.join(dir, 'after.json')
      writeFileSync(after, JSON.stringify(applyToObserved(recorded(), first.steps)))
      const r = deployCli(['--env', 'recorded-1a2b3c', '--dry-run', '--state', after, '--skip-upload'])
      expect(r.code).toBe(0)
      expect(r.out).toContain('  No changes: the environment holds what config/environment.ts describes.')
      expect(r.out.trimEnd().split('\n').pop()).toBe('0 changes, 0 uploads.')
      expect(r.out).not.toContain('A-SETUP-CODE')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('--dry-run --json: the same plan as data, secrets masked', () => {
    const r = deployCli(['--env', 'x', '--dry-run', '--state', RECORDED_PATH, '--json'])
    expect(r.code).toBe(0)
    const plan = planDeploy(environment, recorded(), { generate: () => '(generated)' })
    expect(JSON.parse(r.out)).toEqual(JSON.parse(planJson(plan, isSecret)))
    const staff = JSON.parse(r.out).steps.find((s: { fn?: string }) => s.fn === 'staff')
    expect(staff.env.SETUP_CODE).toBe('(secret)')
  })

  test('--dry-run without a state: everything to create, then the uploads', () => {
    const r = deployCli(['--dry-run', '--version', '1.0.1'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Dry run for (no --env), against an empty environment:')
    expect(r.out).toContain('  + collection registrations')
    expect(r.out).toContain('  + function staff (Nodejs16.13, 10 s, 256 MB, variables SETUP_CODE)')
    expect(r.out).toContain('  ^ mini-program 1.0.1 (development version, robot 1)')
  })

  test('a real run without credentials refuses, saying what is missing', () => {
    const r = deployCli([])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain('Cannot deploy:')
    expect(r.err).toContain('--env <envId> is missing')
    expect(r.err).toContain('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are not set')
    expect(r.err).toContain('MINIPROGRAM_UPLOAD_KEY')
    expect(r.err).toContain('the AppID is the placeholder "touristappid"')
  })

  test('a real run with the keys but the placeholder AppID refuses', () => {
    const r = deployCli(['--env', 'e1', '--skip-upload'], { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' })
    expect(r.code).toBe(2)
    expect(r.err).toContain('the AppID is the placeholder "touristappid"')
    expect(r.err).not.toContain('TENCENTCLOUD_SECRETID')
    expect(r.err).not.toContain('MINIPROGRAM_UPLOAD_KEY')
  })

  test('bad options: usage and exit code 2', () => {
    const r = deployCli(['--dry-run', '--frobnicate', '--version', 'v1'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('unknown option --frobnicate')
    expect(r.err).toContain('--version must look like 1.2.3, not "v1"')
    expect(r.err).toContain('Usage: npm run deploy')
    expect(deployCli(['--state', RECORDED_PATH]).err).toContain('--state is for --dry-run only')
  })
})
