import { findContract, type ActionName, type FnName, type InputOf, type OutputOf } from '@shared/contracts'
import { CloudError } from './cloudError'
import { unwrapEnvelope } from './envelope'
import { send } from './transport'

export { CloudError, isCloudError, toCloudError } from './cloudError'

/**
 * The only way the app talks to the cloud. Checks the input against the action's contract before
 * anything is sent (VALIDATION_FAILED), sends it, and checks the answer against the output schema
 * (BAD_RESPONSE). Failures are CloudErrors with a code and its Chinese message.
 */
export async function callCloud<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  const contract = findContract(fn, action).action
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
