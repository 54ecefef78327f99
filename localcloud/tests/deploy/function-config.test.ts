// cloudfunctions/<fn>/config.json is what WeChat DevTools reads for a function's timer triggers
// (上传触发器). It must say what config/environment.ts says, which is what `npm run deploy` sets.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { environment } from '../../../config/environment'
import { FUNCTIONS_DIR, functionNames } from '../../scripts/build-functions'

interface ConfigJson {
  triggers?: { name: string; type: string; config: string }[]
  permissions?: { openapi?: string[] }
}

const configOf = (name: string): ConfigJson => {
  const file = path.join(FUNCTIONS_DIR, name, 'config.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConfigJson) : {}
}

describe('cloudfunctions/<fn>/config.json and config/environment.ts', () => {
  test('every deployable function is described', () => {
    const described = environment.functions.map((f) => f.name)
    expect(functionNames().filter((fn) => !described.includes(fn))).toEqual([])
  })

  test.each(environment.functions.map((f) => [f.name, f] as const))('%s: the same timer triggers', (name, spec) => {
    expect(configOf(name).triggers ?? []).toEqual(spec.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.cron })))
  })

  test.each(environment.functions.map((f) => [f.name, f] as const))(
    '%s: the cloud calls it makes are declared (permissions.openapi)',
    (name, spec) => {
      expect(configOf(name).permissions?.openapi ?? []).toEqual(spec.openapi ?? [])
    },
  )
})
