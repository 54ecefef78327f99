// The real apply, against a fake manager-node: each step kind makes the calls (method and arguments)
// the package declares, and a whole deploy makes the environment what transition.ts says, so a second
// deploy changes nothing.
import { environment } from '../../../config/environment'
import { applyStep, readEnvironment, toObservedTrigger, type CloudTarget } from '../../deploy/cloud'
import { emptyEnvironment, type ObservedEnvironment } from '../../deploy/observed'
import type { Step } from '../../deploy/plan'
import { deploy, type Uploader } from '../../deploy/run'
import { applyToObserved } from '../../deploy/transition'
import { fakeManager } from './fakeManager'
import { fixedSecret, recorded } from './fixtures'

const target: CloudTarget = { envId: 'env-1', appid: 'wx1234567890abcdef', functionRoot: '/repo/cloudfunctions' }

const seeded: ObservedEnvironment = {
  collections: [{ name: 'registrations', indexes: [{ name: 'op', fields: [['op', 1]], unique: false }], rule: null }],
  functions: [
    {
      name: 'repair',
      runtime: 'Nodejs16.13',
      timeout: 3,
      memory: 256,
      env: { KEEP: '1' },
      triggers: [{ name: 'repair', type: 'timer', config: '0 */5 * * * * *' }],
    },
  ],
}

async function callsOf(step: Step) {
  const fake = fakeManager(seeded)
  await applyStep(fake.manager, target, step)
  return fake.calls
}

describe('deploy apply: the manager-node calls of each step', () => {
  test('createCollection', async () => {
    expect(await callsOf({ kind: 'createCollection', collection: 'weeks' })).toEqual([
      { method: 'database.createCollection', args: ['weeks'] },
    ])
  })

  test('createIndex and dropIndex: updateCollection with CreateIndexes / DropIndexes', async () => {
    expect(
      await callsOf({
        kind: 'createIndex',
        collection: 'registrations',
        index: {
          name: 'a_b',
          fields: [
            ['a', 1],
            ['b', -1],
          ],
          unique: true,
        },
      }),
    ).toEqual([
      {
        method: 'database.updateCollection',
        args: [
          'registrations',
          {
            CreateIndexes: [
              {
                IndexName: 'a_b',
                MgoKeySchema: {
                  MgoIndexKeys: [
                    { Name: 'a', Direction: '1' },
                    { Name: 'b', Direction: '-1' },
                  ],
                  MgoIsUnique: true,
                },
              },
            ],
          },
        ],
      },
    ])
    expect(await callsOf({ kind: 'dropIndex', collection: 'registrations', index: 'op', why: 'x' })).toEqual([
      { method: 'database.updateCollection', args: ['registrations', { DropIndexes: [{ IndexName: 'op' }] }] },
    ])
  })

  test('setRule: tcb ModifySafeRule with a CUSTOM rule', async () => {
    expect(await callsOf({ kind: 'setRule', collection: 'registrations', rule: { read: 'auth.openid != null', write: false } })).toEqual([
      {
        method: 'commonService(tcb,2018-06-08).call',
        args: [
          {
            Action: 'ModifySafeRule',
            Param: {
              EnvId: 'env-1',
              CollectionName: 'registrations',
              AclTag: 'CUSTOM',
              Rule: '{"read":"auth.openid != null","write":false}',
            },
          },
        ],
      },
    ])
  })

  test('createFunction: with our runtime, settings and variables, code packed from cloudfunctions/', async () => {
    expect(
      await callsOf({ kind: 'createFunction', fn: 'staff', runtime: 'Nodejs16.13', timeout: 10, memory: 256, env: { SETUP_CODE: 'ABC' } }),
    ).toEqual([
      {
        method: 'functions.createFunction',
        args: [
          {
            func: {
              name: 'staff',
              runtime: 'Nodejs16.13',
              timeout: 10,
              memorySize: 256,
              envVariables: { SETUP_CODE: 'ABC' },
              installDependency: true,
              handler: 'index.main',
            },
            functionRootPath: '/repo/cloudfunctions',
            force: false,
          },
        ],
      },
    ])
  })

  test('setFunctionConfig: updateFunctionConfig (variables only when they change), then wait for it', async () => {
    expect(await callsOf({ kind: 'setFunctionConfig', fn: 'repair', timeout: 20, memory: 256, changes: [] })).toEqual([
      { method: 'functions.updateFunctionConfig', args: [{ name: 'repair', timeout: 20, memorySize: 256 }] },
      { method: 'functions.waitFunctionActive', args: ['repair'] },
    ])
    expect(
      await callsOf({ kind: 'setFunctionConfig', fn: 'repair', timeout: 20, memory: 256, env: { KEEP: '1', NEW: '2' }, changes: [] }),
    ).toEqual([
      {
        method: 'functions.updateFunctionConfig',
        args: [{ name: 'repair', timeout: 20, memorySize: 256, envVariables: { KEEP: '1', NEW: '2' } }],
      },
      { method: 'functions.waitFunctionActive', args: ['repair'] },
    ])
  })

  test('triggers: createFunctionTriggers with a timer, deleteFunctionTrigger by name', async () => {
    expect(await callsOf({ kind: 'deleteTrigger', fn: 'repair', trigger: 'repair', why: 'x' })).toEqual([
      { method: 'functions.deleteFunctionTrigger', args: ['repair', 'repair'] },
    ])
    expect(await callsOf({ kind: 'createTrigger', fn: 'repair', trigger: { name: 'nightly', cron: '0 0 3 * * * *' } })).toEqual([
      { method: 'functions.createFunctionTriggers', args: ['repair', [{ name: 'nightly', type: 'timer', config: '0 0 3 * * * *' }]] },
    ])
  })
})

describe('deploy read', () => {
  test('reads collections (paged), their indexes without _id_, their rules, and the described functions', async () => {
    const fake = fakeManager(recorded(), { timerDescAsJson: true })
    const names = { collections: ['weeks', 'registrations'], functions: ['stats'] }
    const state = await readEnvironment(fake.manager, target, names)
    expect(state.collections.map((c) => c.name)).toEqual(['weeks', 'activities', 'registrations', 'outbox', 'oldNotes'])
    expect(state.collections.find((c) => c.name === 'registrations')).toEqual(
      recorded().collections.find((c) => c.name === 'registrations'),
    )
    // Collections and functions not described are known by name only.
    expect(state.collections.find((c) => c.name === 'activities')).toEqual({ name: 'activities', indexes: [], rule: null })
    expect(fake.calls.filter((c) => c.method.startsWith('commonService'))).toEqual([
      {
        method: 'commonService(tcb,2018-06-08).call',
        args: [{ Action: 'DescribeSafeRule', Param: { EnvId: 'env-1', CollectionName: 'weeks', WxAppId: 'wx1234567890abcdef' } }],
      },
      {
        method: 'commonService(tcb,2018-06-08).call',
        args: [{ Action: 'DescribeSafeRule', Param: { EnvId: 'env-1', CollectionName: 'registrations', WxAppId: 'wx1234567890abcdef' } }],
      },
    ])
    expect(fake.calls.filter((c) => c.method === 'functions.getFunctionDetail')).toEqual([
      { method: 'functions.getFunctionDetail', args: ['stats'] },
    ])
  })

  test('pages through more than 100 collections', async () => {
    const many = emptyEnvironment()
    for (let i = 0; i < 230; i++) many.collections.push({ name: `c${i}`, indexes: [], rule: null })
    const fake = fakeManager(many)
    const state = await readEnvironment(fake.manager, target, { collections: [], functions: [] })
    expect(state.collections).toHaveLength(230)
    expect(fake.calls.filter((c) => c.method === 'database.listCollections').map((c) => c.args[0])).toEqual([
      { MgoLimit: 100, MgoOffset: 0 },
      { MgoLimit: 100, MgoOffset: 100 },
      { MgoLimit: 100, MgoOffset: 200 },
    ])
  })

  test('a timer trigger description, bare or as JSON', () => {
    expect(toObservedTrigger({ TriggerName: 't', Type: 'timer', TriggerDesc: '0 * * * * * *' }).config).toBe('0 * * * * * *')
    expect(toObservedTrigger({ TriggerName: 't', Type: 'timer', TriggerDesc: '{"cron":"0 * * * * * *"}' }).config).toBe('0 * * * * * *')
  })
})

describe('a whole deploy against the fake', () => {
  function uploads() {
    const done: string[] = []
    const uploader: Uploader = {
      uploadFunction: async (fn) => done.push(`function ${fn}`),
      uploadMiniProgram: async (v, d) => done.push(`mini-program ${v} ${d}`),
    }
    return { done, uploader }
  }
  const run = { spec: environment, target, skipUpload: false, version: '1.2.3', desc: 'test' }
  const names = { collections: environment.collections.map((c) => c.name), functions: environment.functions.map((f) => f.name) }

  test('the environment becomes what the plan said; a second deploy changes nothing and prints no code', async () => {
    const fake = fakeManager(recorded(), { timerDescAsJson: true })
    const before = await readEnvironment(fake.manager, target, names)
    const first = { lines: [] as string[], ...uploads() }
    const plan = await deploy(run, {
      manager: fake.manager,
      uploader: first.uploader,
      generate: fixedSecret,
      log: (l) => first.lines.push(l),
    })
    expect(plan.steps.length).toBeGreaterThan(0)
    expect(await readEnvironment(fake.manager, target, names)).toEqual(applyToObserved(before, plan.steps))
    expect(first.done).toEqual([...environment.functions.map((f) => `function ${f.name}`), 'mini-program 1.2.3 test'])
    // The setup code is printed once, with the way to use it.
    const shown = first.lines.filter((l) => l.includes('staff-SETUP_CODE-SECRET'))
    expect(shown).toEqual(['staff.SETUP_CODE = staff-SETUP_CODE-SECRET'])
    expect(first.lines.join('\n')).toContain('我的 → 工作人员 → 首次设置')

    const second = { lines: [] as string[], ...uploads() }
    fake.calls.length = 0
    const again = await deploy(run, {
      manager: fake.manager,
      uploader: second.uploader,
      generate: () => {
        throw new Error('no code may be generated twice')
      },
      log: (l) => second.lines.push(l),
    })
    expect(again.steps).toEqual([])
    expect(second.lines.join('\n')).not.toContain('SETUP_CODE =')
    expect(second.lines.join('\n')).toContain('No changes')
    // Only reads: nothing was written.
    expect(fake.calls.map((c) => c.method).filter((m) => !/list|describe|getFunctionDetail|commonService/i.test(m))).toEqual([])
    expect(second.done).toEqual(first.done)
  })

  test('an upload that put a setting back is followed by setting it again', async () => {
    const fake = fakeManager(recorded())
    const lines: string[] = []
    const uploader: Uploader = {
      uploadFunction: async (fn) => {
        if (fn === 'stats') fake.state.functions.find((f) => f.name === 'stats')!.timeout = 3
      },
      uploadMiniProgram: async () => {},
    }
    await deploy(run, { manager: fake.manager, uploader, generate: fixedSecret, log: (l) => lines.push(l) })
    expect(fake.state.functions.find((f) => f.name === 'stats')!.timeout).toBe(20)
    expect(lines.join('\n')).toContain(
      'After the uploads, the environment differs again; setting it back:\n  ~ function stats: timeout 3 → 20 s\n',
    )
  })

  test('--skip-upload: settings only', async () => {
    const fake = fakeManager(emptyEnvironment())
    const u = uploads()
    const plan = await deploy(
      { ...run, skipUpload: true },
      { manager: fake.manager, uploader: u.uploader, generate: fixedSecret, log: () => {} },
    )
    expect(plan.uploads).toEqual([])
    expect(u.done).toEqual([])
    expect(fake.state.functions.map((f) => f.name)).toEqual(environment.functions.map((f) => f.name))
  })

  test('a step that fails stops the deploy with a message that says what to do', async () => {
    const fake = fakeManager(emptyEnvironment())
    fake.manager.database.createCollection = async () => {
      throw new Error('LimitExceeded')
    }
    const u = uploads()
    await expect(deploy(run, { manager: fake.manager, uploader: u.uploader, generate: fixedSecret, log: () => {} })).rejects.toThrow(
      /^\+ collection \w+ failed: LimitExceeded\nNothing after it was done; run the deploy again to continue\.$/,
    )
    expect(u.done).toEqual([])
  })
})
