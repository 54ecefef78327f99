// Counting what a person accepted in requestSubscribeMessage (一次性订阅: each 'accept' pays for one
// message of that template) on the document that holds it: a registration (signup subscribe.record)
// or an account (stats summary.subscribe, the 总结表 deadline reminders). Once per nonce: the call's
// nonce is pushed onto the document in the same conditional write that counts, so a retry of a call
// whose answer was lost, or the same call twice at once, counts it once.
import type { SubscribeTemplateKey } from '../../config/subscribe'
import type { Database } from './cloud'
import type { SubscribeAcceptance } from './collections'
import { updateCount } from './write'

type Answer = 'accept' | 'reject' | 'ban' | 'filter'

/** The send states of a notice that took (or may have taken) one of its person's acceptances (notify/src/send.ts). */
export const SPENT_STATES = ['claimed', 'sent', 'unknown'] as const
export type Acceptances<K extends SubscribeTemplateKey> = Partial<Record<K, SubscribeAcceptance>>
/** What the contracts show of one template's acceptances (epoch ms). */
export type AcceptanceView = { accepted: number; firstAt: number; at: number }

interface Holder<K extends SubscribeTemplateKey> {
  subscribe?: Acceptances<K>
  subscribeNonces?: string[]
}

/**
 * Counts the answer's acceptances on the document `where` selects (read before as `held`): one
 * conditional update, unless nothing was accepted or the nonce was counted before. Answers what is
 * stored after it, or null when another call with the same nonce counted it between the read and
 * the write (read again and answer what is stored).
 */
export async function countAcceptances<K extends SubscribeTemplateKey>(
  db: Database,
  collection: string,
  where: Record<string, unknown>,
  held: Holder<K>,
  results: Partial<Record<K, Answer>>,
  nonce: string,
  now: Date,
): Promise<Acceptances<K> | null> {
  const _ = db.command
  const stored: Acceptances<K> = { ...(held.subscribe ?? {}) }
  if ((held.subscribeNonces ?? []).includes(nonce)) return stored
  const accepted = (Object.keys(results) as K[]).filter((k) => results[k] === 'accept')
  if (accepted.length === 0) return stored
  const data: Record<string, unknown> = {}
  for (const key of accepted) {
    const before = stored[key]
    data[`subscribe.${key}.accepted`] = _.inc(1)
    data[`subscribe.${key}.at`] = now
    if (!before) data[`subscribe.${key}.firstAt`] = now
    stored[key] = { accepted: (before?.accepted ?? 0) + 1, firstAt: before ? new Date(before.firstAt) : now, at: now }
  }
  data.subscribeNonces = _.push([nonce])
  const written = await updateCount(db.collection(collection).where({ ...where, subscribeNonces: _.nin([nonce]) }), data)
  return written === 0 ? null : stored
}

/** The stored acceptances as the contracts show them. */
export function acceptanceViews<K extends SubscribeTemplateKey>(stored: Acceptances<K>): Partial<Record<K, AcceptanceView>> {
  const out: Partial<Record<K, AcceptanceView>> = {}
  for (const key of Object.keys(stored) as K[]) {
    const s = stored[key]
    if (s) out[key] = { accepted: s.accepted, firstAt: new Date(s.firstAt).getTime(), at: new Date(s.at).getTime() }
  }
  return out
}
