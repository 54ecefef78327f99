// Subscribe messages (一次性订阅): at a tap, ask WeChat which of the product's templates the person
// accepts (requestSubscribeMessage, subscribePrompt.ts), then record the answer on the registration
// (signup subscribe.record): each acceptance pays for one message the notify function may send.
// The contract is registered here, not with signupContract: only the pages that ask carry it.
import type { InputOf, OutputOf } from '@shared/contracts'
import { signupSubscribeContract } from '@shared/contracts/subscribe'
import { newNonce } from '@/utils/nonce'
import { SUBSCRIBE_TEMPLATE_IDS, type RegistrationSubscribeKey } from '../../config/subscribeTemplateIds'
import { registerContract } from './contractRegistry'
import { callCloudOnceMore } from './callCloud'
import { requestSubscribe } from './subscribePrompt'

registerContract('signup', signupSubscribeContract)

export type SubscribeResults = InputOf<'signup', 'subscribe.record'>['results']
export type SubscribeRecord = OutputOf<'signup', 'subscribe.record'>
export type SubscribeTemplateKey = RegistrationSubscribeKey | 'summary_due'
/** What WeChat's dialog answers for one template: only 'accept' lets the app send a message. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

const ANSWERS = new Set(['accept', 'reject', 'ban', 'filter'])

/**
 * Asks for `keys` (call it in the tap's own handler, before any await: WeChat refuses the request
 * otherwise). Answers per key what the person chose; {} when they could not be asked (messages
 * switched off in settings, or the request failed): never throws, what the tap does goes on without it.
 */
export async function askSubscribe<K extends SubscribeTemplateKey>(keys: K[]): Promise<Partial<Record<K, SubscribeAnswer>>> {
  let answer: Record<string, unknown>
  try {
    answer = await requestSubscribe(keys.map((k) => SUBSCRIBE_TEMPLATE_IDS[k]))
  } catch {
    return {}
  }
  const results: Partial<Record<K, SubscribeAnswer>> = {}
  for (const k of keys) {
    const r = answer[SUBSCRIBE_TEMPLATE_IDS[k]]
    if (typeof r === 'string' && ANSWERS.has(r)) results[k] = r as SubscribeAnswer
  }
  return results
}

/** Whether the person accepted at least one template (only then is there something to record). */
export function acceptedAny(results: Partial<Record<string, SubscribeAnswer>>): boolean {
  return Object.values(results).some((r) => r === 'accept')
}

/**
 * Records the answer on one registration (the caller's or a family member's), counted once per
 * nonce: on a network failure the same request is sent once more.
 */
export function recordSubscribe(registrationId: string, results: SubscribeResults, nonce = newNonce()): Promise<SubscribeRecord> {
  return callCloudOnceMore('signup', 'subscribe.record', { registrationId, results, nonce })
}
