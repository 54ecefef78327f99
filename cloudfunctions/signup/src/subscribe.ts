// signup subscribe.record: what the person answered to requestSubscribeMessage (一次性订阅) at a tap,
// for one of the caller's own registrations (or a family member's: the account that made it is the
// one WeChat sends to). Each 'accept' pays for one message of that template; the notify function
// sends only what is paid for (cloudfunctions/notify). One read, and one write when something was
// accepted: a conditional update on the registration's openid and on the call's nonce not yet among
// the registration's subscribeNonces, pushing it in the same write (_core/subscribe.ts); so a retry
// of a call whose answer was lost counts nothing again (it finds its nonce and answers what is stored).
import type { RegistrationSubscribeKey } from '../../../config/subscribe'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { acceptanceViews, countAcceptances } from '../../_core/subscribe'

type Result = 'accept' | 'reject' | 'ban' | 'filter'

export async function recordSubscribe(
  ctx: ActionContext,
  input: { registrationId: string; results: Partial<Record<RegistrationSubscribeKey, Result>>; nonce: string },
) {
  const { db } = ctx
  const [reg] = await readDocs<Pick<RegistrationDoc, '_id' | 'openid' | 'subscribe' | 'subscribeNonces'>>(
    db
      .collection(COLLECTIONS.registrations)
      .where({ _id: input.registrationId })
      .field({ _id: true, openid: true, subscribe: true, subscribeNonces: true })
      .limit(1),
  )
  if (!reg || reg.openid !== ctx.openid) throw new DomainError('REGISTRATION_NOT_FOUND')
  const where = { _id: reg._id, openid: ctx.openid }
  const stored = await countAcceptances(db, COLLECTIONS.registrations, where, reg, input.results, input.nonce, new Date(ctx.now()))
  // Another call with this nonce counted it between the read and the write: answer what is stored.
  if (stored === null) return recordSubscribe(ctx, input)
  return { registrationId: reg._id, subscribe: acceptanceViews(stored) }
}
