// The fuzz test's own tools: the generator makes valid inputs when asked (so the fuzz reaches the
// functions' rules) and invalid ones otherwise, and the answer check catches what it must.
import fc from 'fast-check'
import { z } from 'zod'
import { contracts } from '../../../src/shared/contracts'
import { envelopeProblems, type Contract } from './envelopeCheck'
import { arbitraryOf, overTheWire } from './zodArbitrary'

const ACTIONS = Object.entries(contracts).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, Contract>).map(([action, contract]) => [`${fn}.${action}`, contract] as const),
)

describe('arbitraryOf', () => {
  test.each(ACTIONS)('%s: every input generated as valid passes the contract', (_name, contract) => {
    for (const input of fc.sample(arbitraryOf(contract.input, { valid: true }), { numRuns: 60, seed: 11 })) {
      expect(contract.input.safeParse(overTheWire(input)).error?.issues).toBeUndefined()
    }
  })

  test('mixed inputs of a form contain refused ones, and pooled ids appear', () => {
    const schema = contracts.activity.cancel.input
    const inputs = fc
      .sample(arbitraryOf(schema, { pools: { id: ['nc2026-donghu-02'] }, junk: 0.05 }), { numRuns: 300, seed: 5 })
      .map(overTheWire)
    const refused = inputs.filter((i) => !schema.safeParse(i).success)
    expect(refused.length).toBeGreaterThan(30)
    expect(inputs.length - refused.length).toBeGreaterThan(30)
    expect(inputs.some((i) => (i as { id?: string })?.id === 'nc2026-donghu-02')).toBe(true)
  })
})

describe('envelopeProblems', () => {
  const contract = { input: z.object({}), output: z.object({ n: z.number() }) }
  test('a success matching the output contract and a known refusal pass', () => {
    expect(envelopeProblems({ ok: true, data: { n: 1 } }, contract)).toEqual([])
    expect(envelopeProblems({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' }, contract)).toEqual([])
  })
  test('INTERNAL, unknown codes, wrong messages, bad data and extra keys are caught', () => {
    expect(envelopeProblems({ ok: false, code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' }, contract)).toEqual(['INTERNAL'])
    expect(envelopeProblems({ ok: false, code: 'NOPE', message: 'x' }, contract)).toContain('unknown code NOPE')
    expect(envelopeProblems({ ok: false, code: 'FORBIDDEN', message: 'x' }, contract)).toContain("message is not the code's")
    expect(envelopeProblems({ ok: false, code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再试' }, contract)).toContain(
      'VALIDATION_FAILED without fields',
    )
    expect(envelopeProblems({ ok: true, data: { n: 'x' } }, contract)).toHaveLength(1)
    expect(envelopeProblems({ ok: true, data: { n: 1 }, code: 'X' } as never, contract)).toHaveLength(1)
  })
})
