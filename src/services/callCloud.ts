import type { ActionName, FnName, InputOf, OutputOf } from '@shared/contracts'
import { CloudError } from './cloudError'
import { registeredContract } from './contractRegistry'
import { unwrapEnvelope } from './envelope'
import { send } from './transport'

export { CloudError, isCloudError, toCloudError } from './cloudError'

/**
 * The only way the app talks to the cloud. Checks the input against the action's contract before
 * anything is sent (VALIDATION_FAILED), sends it, and checks the answer against the output schema
 * (BAD_RESPONSE). Failures are CloudErrors with a code and its Chinese message. The contract comes from
 * the service module of that function, which registers it when loaded (see contractRegistry.ts).
 */
export async function callCloud<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const contract = registeredContract(fn, action)
  if (!contract) throw new CloudError('UNKNOWN_ACTION')
  const parsed = contract.input.safeParse(input)
  if (!parsed.success) {
    throw new CloudError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((issue) => issue.path.join('.')),
    )
  }
  const answer = await send({ fn, action, input: parsed.data })
  return unwrapEnvelope(answer, contract.output) as OutputOf<F, A>
}

/**
 * callCloud for a request that carries its own nonce (the server counts it once): on a network
 * failure, where the answer may have been lost after the server acted, the very same request is
 * sent once more, and the server answers what the first did.
 */
export async function callCloudOnceMore<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  try {
    return await callCloud(fn, action, input)
  } catch (err) {
    if (!(err instanceof CloudError) || err.code !== 'NETWORK') throw err
    return callCloud(fn, action, input)
  }
}
