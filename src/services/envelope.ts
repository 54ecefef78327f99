import { failureSchema } from '@shared/contracts/envelope'
import type { z } from 'zod'
import { CloudError } from './cloudError'

/**
 * Reads a function's answer `{ ok: true, data } | { ok: false, code, message, fields? }`: returns the
 * data checked against the action's output schema, or throws the CloudError the answer stands for.
 */
export function unwrapEnvelope(answer: unknown, output: z.ZodTypeAny): unknown {
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    const env = answer as { ok: unknown; data?: unknown }
    if (env.ok === true) {
      const parsed = output.safeParse(env.data)
      if (!parsed.success) throw new CloudError('BAD_RESPONSE')
      return parsed.data
    }
    const failure = failureSchema.safeParse(answer)
    if (failure.success) throw new CloudError(failure.data.code, failure.data.fields, failure.data.details)
  }
  throw new CloudError('BAD_RESPONSE')
}
