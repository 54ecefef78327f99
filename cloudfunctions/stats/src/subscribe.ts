// stats summary.subscribe: what someone who runs a unit answered to requestSubscribeMessage for the
// 总结表's deadline reminders (summary_due), counted on their account (_core/subscribe.ts): each
// acceptance pays for one reminder message, which the notify timer sends (notify/src/send.ts). Three
// reads (the scope, which checks they run the unit; their account; how many of their summary_due
// messages went) and, when something was accepted and not yet counted for this nonce, one
// conditional write.
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type UserDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { countDocs, readDocs } from '../../_core/read'
import { countAcceptances, SPENT_STATES } from '../../_core/subscribe'
import { loadScope } from './scope'

type Input = {
  weekId: string
  districtCode?: string
  cityCode?: string
  results: { summary_due?: 'accept' | 'reject' | 'ban' | 'filter' }
  nonce: string
}

export async function subscribeSummary(ctx: ActionContext, input: Input): Promise<{ accepted: number; left: number }> {
  const { db } = ctx
  const _ = db.command
  const scope = await loadScope(ctx, input, { units: true })
  if (scope.unit.level === 'top') throw new DomainError('SUMMARY_NO_PARENT')
  const [accepted, spent] = await Promise.all([
    count(ctx, input),
    countDocs(
      db.collection(COLLECTIONS.outbox).where({ recipient: ctx.openid, template: 'summary_due', 'send.state': _.in([...SPENT_STATES]) }),
    ),
  ])
  return { accepted, left: Math.max(0, accepted - spent) }
}

async function count(ctx: ActionContext, input: Input): Promise<number> {
  const { db } = ctx
  const [user] = await readDocs<Pick<UserDoc, '_id' | 'subscribe' | 'subscribeNonces'>>(
    db.collection(COLLECTIONS.users).where({ _id: ctx.openid }).field({ _id: true, subscribe: true, subscribeNonces: true }).limit(1),
  )
  if (!user) throw new DomainError('FORBIDDEN')
  const stored = await countAcceptances(db, COLLECTIONS.users, { _id: ctx.openid }, user, input.results, input.nonce, new Date(ctx.now()))
  // Another call with this nonce counted it between the read and the write: read what is stored.
  if (stored === null) return count(ctx, input)
  return stored.summary_due?.accepted ?? 0
}
