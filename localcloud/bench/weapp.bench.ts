// Package sizes of the weapp build, as measured by the package check (which writes .bench/weapp.json).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { BENCH_DIR } from './results'

const ROOT = path.resolve(__dirname, '..', '..')

export function benchWeapp(): Record<string, number> {
  const run = (args: string[]) => {
    const res = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' })
    if (res.status !== 0) throw new Error(`npx ${args.join(' ')} failed`)
  }
  if (!process.argv.includes('--no-build') || !existsSync(path.join(ROOT, 'dist', 'weapp', 'app.json'))) {
    run(['taro', 'build', '--type', 'weapp'])
  }
  run(['tsx', 'localcloud/scripts/check-weapp.ts'])
  const figures = JSON.parse(readFileSync(path.join(BENCH_DIR, 'weapp.json'), 'utf8')) as Record<string, number>
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => typeof v === 'number'))
}
