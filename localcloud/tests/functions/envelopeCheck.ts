// What every answer of an action must be, whatever its input (used by the property-based test).
import type { z } from 'zod'
import { failureSchema } from '../../../src/shared/contracts/envelope'
import { ERROR_MESSAGES, isErrorCode } from '../../../src/shared/errors'
import type { Answer } from '../harness'

export type Contract = { input: z.ZodTypeAny; output: z.ZodTypeAny }

/** Problems with one answer, or [] when it is a well-formed envelope that is not INTERNAL. */
export function envelopeProblems(res: Omit<Answer, 'data'> & { data?: unknown }, contract: Contract): string[] {
  const problems: string[] = []
  if (res === null || typeof res !== 'object') return ['not an object']
  if (res.ok === true) {
    if (Object.keys(res).sort().join() !== 'data,ok') problems.push(`success keys ${Object.keys(res)}`)
    const out = contract.output.safeParse(res.data)
    if (!out.success) problems.push(`data does not match the output contract: ${JSON.stringify(out.error.issues).slice(0, 300)}`)
  } else if (res.ok === false) {
    if (!failureSchema.strict().safeParse(res).success) problems.push('failure does not match failureSchema')
    if (!isErrorCode(res.code)) problems.push(`unknown code ${res.code}`)
    else if (res.message !== ERROR_MESSAGES[res.code]) problems.push(`message is not the code's`)
    if (res.code === 'INTERNAL') problems.push('INTERNAL')
    if (res.code === 'VALIDATION_FAILED' && !(res.fields && res.fields.length > 0)) problems.push('VALIDATION_FAILED without fields')
  } else problems.push(`ok is ${JSON.stringify((res as any).ok)}`)
  return problems
}
