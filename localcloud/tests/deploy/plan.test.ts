// The deploy's plan against a recorded environment: the exact steps, what is left alone, and that
// applying the plan leaves nothing to do.
import { environment } from '../../../config/environment'
import { describeStep } from '../../deploy/format'
import { emptyEnvironment, maskSecrets } from '../../deploy/observed'
import { planDeploy, ruleMatches, specProblems } from '../../deploy/plan'
import { applyToObserved } from '../../deploy/transition'
import { fixedSecret, fixtureSpec, recorded } from './fixtures'

const plan = (spec = fixtureSpec, state = recorded(), skipUpload = true) => planDeploy(spec, state, { generate: fixedSecret, skipUpload })

describe('deploy plan', () => {
  test('against the recorded environment: the exact steps', () => {
    const p = plan()
    expect(p.steps.map(describeStep)).toEqual([
      '+ index activities.touchedAt (touchedAt)',
      '- index registrations.activityId_ticketId (its fields differ from the described (activityId, ticketId))',
      '+ index registrations.activityId_ticketId (activityId, ticketId)',
      '+ index registrations.op (op)',
      '~ rule registrations: {"read":false,"write":false}',
      '+ collection checkins',
      '+ index checkins.activityId (activityId)',
      '~ rule checkins: {"read":false,"write":false}',
      '+ function checkin (Nodejs16.13, 10 s, 256 MB, variables MODE)',
      '~ function stats: timeout 3 → 20 s',
      '~ function staff: variable SETUP_CODE generated',
      '+ trigger repair.repair (timer 0 * * * * * *)',
    ])
    expect(p.generated).toEqual([{ fn: 'staff', name: 'SETUP_CODE', value: 'staff-SETUP_CODE-SECRET', purpose: 'the first admin' }])
    expect(p.steps.find((s) => s.kind === 'setFunctionConfig' && s.fn === 'staff')).toEqual({
      kind: 'setFunctionConfig',
      fn: 'staff',
      timeout: 10,
      memory: 256,
      env: { SETUP_CODE: 'staff-SETUP_CODE-SECRET' },
      changes: ['variable SETUP_CODE generated'],
    })
    expect(p.leftAlone).toEqual([
      'index registrations.phoneTail (phoneTail) (not described; not dropped)',
      'index outbox.recipient_1_createdAt_1 (has the fields of the described recipient_createdAt; kept under its own name)',
      'collection oldNotes (not described)',
      'variable signup.DEBUG (not described; kept)',
      'function hello (not described)',
    ])
    expect(p.warnings).toHaveLength(1)
    expect(p.warnings[0]).toMatch(/^signup runs on Nodejs8\.9; the code needs Node 16 or later/)
    expect(p.uploads).toEqual([])
  })

  test('uploads are listed apart from the changes, at every deploy', () => {
    const p = plan(fixtureSpec, recorded(), false)
    expect(p.uploads).toEqual([
      ...fixtureSpec.functions.map((f) => ({ kind: 'uploadFunction', fn: f.name })),
      { kind: 'uploadMiniProgram' },
    ])
    const after = applyToObserved(recorded(), p.steps)
    const again = plan(fixtureSpec, after, false)
    expect(again.steps).toEqual([])
    expect(again.uploads).toEqual(p.uploads)
  })

  test('applying the plan leaves nothing to do, and the generated code is kept', () => {
    const first = plan()
    const after = applyToObserved(recorded(), first.steps)
    expect(after.functions.find((f) => f.name === 'staff')!.env).toEqual({ SETUP_CODE: 'staff-SETUP_CODE-SECRET' })
    expect(after.functions.find((f) => f.name === 'repair')!.triggers).toEqual([{ name: 'repair', type: 'timer', config: '0 * * * * * *' }])
    const second = planDeploy(fixtureSpec, after, {
      generate: () => {
        throw new Error('a kept value must not be generated again')
      },
    })
    expect(second.steps).toEqual([])
    expect(second.generated).toEqual([])
    // Left alone stays left alone.
    expect(second.leftAlone).toEqual(first.leftAlone)
  })

  test('a SETUP_CODE already set is kept: not regenerated, and sent unchanged when other variables change', () => {
    const state = recorded()
    state.functions.find((f) => f.name === 'staff')!.env = { SETUP_CODE: 'ALREADYSET23', OTHER: 'x' }
    const spec = structuredClone(fixtureSpec)
    spec.functions.find((f) => f.name === 'staff')!.env.GREETING = { value: '你好', purpose: 'a set value' }
    const p = planDeploy(spec, state, { generate: fixedSecret })
    expect(p.generated).toEqual([])
    expect(p.steps.filter((s) => 'fn' in s && s.fn === 'staff')).toEqual([
      {
        kind: 'setFunctionConfig',
        fn: 'staff',
        timeout: 10,
        memory: 256,
        env: { SETUP_CODE: 'ALREADYSET23', OTHER: 'x', GREETING: '你好' },
        changes: ['variable GREETING set'],
      },
    ])
  })

  test('a recorded state keeps secrets masked, and a plan against it still keeps the code', () => {
    const state = recorded()
    state.functions.find((f) => f.name === 'staff')!.env = { SETUP_CODE: 'ALREADYSET23' }
    const saved = maskSecrets(state, (fn, name) => fn === 'staff' && name === 'SETUP_CODE')
    expect(saved.functions.find((f) => f.name === 'staff')!.env).toEqual({ SETUP_CODE: '(secret)' })
    expect(saved.functions.find((f) => f.name === 'signup')!.env).toEqual({ DEBUG: '1' })
    expect(JSON.stringify(saved)).not.toContain('ALREADYSET23')
    const p = planDeploy(fixtureSpec, saved, { generate: fixedSecret })
    expect(p.generated).toEqual([])
    expect(p.steps.some((s) => 'fn' in s && s.fn === 'staff')).toBe(false)
  })

  test('a trigger whose cron differs is replaced; a timeout change alone does not resend the variables', () => {
    const state = recorded()
    const repair = state.functions.find((f) => f.name === 'repair')!
    repair.triggers = [{ name: 'repair', type: 'timer', config: '0 */5 * * * * *' }]
    repair.memory = 128
    const p = plan(fixtureSpec, state)
    expect(p.steps.filter((s) => 'fn' in s && s.fn === 'repair')).toEqual([
      { kind: 'setFunctionConfig', fn: 'repair', timeout: 20, memory: 256, changes: ['memory 128 → 256 MB'] },
      { kind: 'deleteTrigger', fn: 'repair', trigger: 'repair', why: 'it says timer 0 */5 * * * * *' },
      { kind: 'createTrigger', fn: 'repair', trigger: { name: 'repair', cron: '0 * * * * * *' } },
    ])
  })

  test('rules: ADMINONLY is a closed collection; CUSTOM compares the parsed rule', () => {
    const closed = { read: false, write: false }
    expect(ruleMatches(closed, { aclTag: 'ADMINONLY', rule: null })).toBe(true)
    expect(ruleMatches({ read: true, write: false }, { aclTag: 'ADMINONLY', rule: null })).toBe(false)
    expect(ruleMatches(closed, { aclTag: 'CUSTOM', rule: '{ "write": false, "read": false }' })).toBe(true)
    expect(ruleMatches(closed, { aclTag: 'CUSTOM', rule: '{"read":false,"write":false,"create":true}' })).toBe(false)
    expect(ruleMatches(closed, { aclTag: 'CUSTOM', rule: 'not json' })).toBe(false)
    expect(ruleMatches(closed, { aclTag: 'PRIVATE', rule: null })).toBe(false)
    expect(ruleMatches(closed, null)).toBe(false)
  })

  test('more indexes than a base environment allows: a warning', () => {
    const fields = Array.from({ length: 20 }, (_, i) => `f${i}`)
    const spec = {
      collections: [
        {
          name: 'big',
          holds: '',
          rule: { read: false, write: false },
          indexes: fields.map((f) => ({ name: f, fields: [[f, 1]] as [string, 1][] })),
        },
      ],
      functions: [],
    }
    expect(planDeploy(spec, emptyEnvironment(), { generate: fixedSecret }).warnings).toEqual([
      'big would have 21 indexes; a base environment allows 20 per collection',
    ])
  })

  test('a description the platform would refuse is refused before anything is planned', () => {
    const spec = structuredClone(fixtureSpec)
    spec.functions[0].timeout = 90
    spec.functions[1].triggers = [{ name: 't', cron: '* * * * *' }]
    spec.collections.push(structuredClone(spec.collections[0]))
    expect(() => plan(spec)).toThrow(
      'config/environment.ts cannot be deployed:\n' +
        '  - collection weeks is described twice\n' +
        '  - activity: timeout 90 s is outside 1–60 s\n' +
        '  - signup: trigger t needs a 7-field cron (second … year), not "* * * * *"',
    )
  })

  describe('config/environment.ts itself', () => {
    test('is deployable', () => {
      expect(specProblems(environment)).toEqual([])
    })

    test('an empty environment: everything is created, and afterwards nothing is left to do', () => {
      const first = planDeploy(environment, emptyEnvironment(), { generate: fixedSecret, skipUpload: true })
      const kinds = (k: string) => first.steps.filter((s) => s.kind === k).length
      expect(kinds('createCollection')).toBe(environment.collections.length)
      expect(kinds('setRule')).toBe(environment.collections.length)
      expect(kinds('createIndex')).toBe(environment.collections.reduce((n, c) => n + c.indexes.length, 0))
      expect(kinds('createFunction')).toBe(environment.functions.length)
      expect(kinds('createTrigger')).toBe(environment.functions.reduce((n, f) => n + f.triggers.length, 0))
      const generated = environment.functions.flatMap((f) => Object.entries(f.env).filter(([, v]) => 'generated' in v))
      expect(first.generated).toHaveLength(generated.length)
      expect(first.warnings).toEqual([])

      const after = applyToObserved(emptyEnvironment(), first.steps)
      expect(planDeploy(environment, after, { generate: fixedSecret, skipUpload: true })).toEqual({
        steps: [],
        uploads: [],
        generated: [],
        leftAlone: [],
        warnings: [],
      })
    })

    test('the recorded environment: afterwards nothing is left to do', () => {
      const first = planDeploy(environment, recorded(), { generate: fixedSecret, skipUpload: true })
      expect(first.steps.length).toBeGreaterThan(0)
      const second = planDeploy(environment, applyToObserved(recorded(), first.steps), { generate: fixedSecret, skipUpload: true })
      expect(second.steps).toEqual([])
      expect(second.generated).toEqual([])
    })
  })
})
