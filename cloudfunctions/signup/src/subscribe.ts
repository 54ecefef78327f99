// signup subscribe.record: what the person answered to requestSubscribeMessage (一次性订阅) at a tap,
// for one of the caller's own registrations (or a family member's: the account that made it is the
// one WeChat sends to). Each 'accept' pays for one message of that template; the notify function
// sends only what is paid for (cloudfunctions/notify). One read, and one write when something was
// accepted: a conditional update on the registration's openid and on the call's nonce not yet among
// the registration's subscribeNonces, pushing it in the same write; so a retry of a call whose answer
// was lost counts nothing again (it finds its nonce and answers what is stored).
import type { SubscribeTemplateKey } from '../../../config/subscribe'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type RegistrationDoc, type SubscribeAcceptance } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { updateCount } from '../../_core/write'

type Result = 'accept' | 'reject' | 'ban' | 'filter'

export async function recordSubscribe(
  ctx: ActionContext,
  input: { registrationId: string; results: Partial<Record<SubscribeTemplateKey, Result>>; nonce: string },
) {
  const { db } = ctx
  const _ = db.command
  const now = new Date(ctx.now())
  const [reg] = await readDocs<Pick<RegistrationDoc, '_id' | 'openid' | 'subscribe' | 'subscribeNonces'>>(
    db
      .collection(COLLECTIONS.registrations)
      .where({ _id: input.registrationId })
      .field({ _id: true, openid: true, subscribe: true, subscribeNonces: true })
      .limit(1),
  )
  if (!reg || reg.openid !== ctx.openid) throw new DomainError('REGISTRATION_NOT_FOUND')
  const stored: Partial<Record<SubscribeTemplateKey, SubscribeAcceptance>> = { ...(reg.subscribe ?? {}) }
  const seen = (reg.subscribeNonces ?? []).includes(input.nonce)
  const accepted = seen ? [] : (Object.keys(input.results) as SubscribeTemplateKey[]).filter((k) => input.results[k] === 'accept')
  if (accepted.length > 0) {
    const data: Record<string, unknown> = {}
    for (const key of accepted) {
      const before = stored[key]
      data[`subscribe.${key}.accepted`] = _.inc(1)
      data[`subscribe.${key}.at`] = now
      if (!before) data[`subscribe.${key}.firstAt`] = now
      stored[key] = { accepted: (before?.accepted ?? 0) + 1, firstAt: before ? new Date(before.firstAt) : now, at: now }
    }
    data.subscribeNonces = _.push([input.nonce])
    const written = await updateCount(
      db.collection(COLLECTIONS.registrations).where({ _id: reg._id, openid: ctx.openid, subscribeNonces: _.nin([input.nonce]) }),
      data,
    )
    // Another call with this nonce counted it between the read and the write: answer what is stored.
    if (written === 0) return recordSubscribe(ctx, input)
  }
  const subscribe: Partial<Record<SubscribeTemplateKey, { accepted: number; firstAt: number; at: number }>> = {}
  for (const key of Object.keys(stored) as SubscribeTemplateKey[]) {
    const s = stored[key]
    if (s) subscribe[key] = { accepted: s.accepted, firstAt: new Date(s.firstAt).getTime(), at: new Date(s.at).getTime() }
  }
  return { registrationId: reg._id, subscribe }
}
