import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { toDetail } from './mappers'

/** One visible activity. Drafts are not visible to residents. */
export async function get(ctx: ActionContext, input: { id: string }) {
  const [doc] = await readDocs<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities).where({ _id: input.id }).limit(1))
  if (!doc || doc.status === 'draft') throw new DomainError('ACTIVITY_NOT_FOUND')
  return { activity: toDetail(doc) }
}
