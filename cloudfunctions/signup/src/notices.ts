import { COLLECTIONS, type OutboxDoc } from '../../_core/collections'
import { decodeCursor, encodeCursor } from '../../_core/cursor'
import type { ActionContext } from '../../_core/handler'
import { countDocs, readDocs } from '../../_core/read'
import { updateCount } from '../../_core/write'
import { toNotice } from './views'

/** The caller's notices (outbox records addressed to them), newest first, and how many are unread. */
export async function notices(ctx: ActionContext, input: { unreadOnly: boolean; cursor?: string; limit: number }) {
  const { db } = ctx
  const _ = db.command
  const outbox = db.collection(COLLECTIONS.outbox)
  const conditions: Record<string, unknown>[] = [{ recipient: ctx.openid }]
  if (input.unreadOnly) conditions.push({ readAt: null })
  if (input.cursor) {
    const after = decodeCursor(input.cursor, 'instant')
    const k = new Date(after.key)
    conditions.push(_.or([{ createdAt: _.lt(k) }, { createdAt: k, _id: _.lt(after.id) }]) as unknown as Record<string, unknown>)
  }
  const [docs, unread] = await Promise.all([
    readDocs<OutboxDoc>(
      outbox
        .where(_.and(conditions))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(input.limit + 1),
    ),
    countDocs(outbox.where({ recipient: ctx.openid, readAt: null })),
  ])
  const page = docs.slice(0, input.limit)
  const last = page[page.length - 1]
  const nextCursor = docs.length > input.limit && last ? encodeCursor({ key: new Date(last.createdAt).getTime(), id: last._id }) : null
  return { items: page.map(toNotice), nextCursor, unread }
}

/** Marks the caller's notices read; others' ids are ignored. */
export async function markRead(ctx: ActionContext, input: { ids: string[] }) {
  const _ = ctx.db.command
  const updated = await updateCount(
    ctx.db.collection(COLLECTIONS.outbox).where({ recipient: ctx.openid, _id: _.in(input.ids), readAt: null }),
    { readAt: new Date(ctx.now()) },
  )
  return { updated }
}
