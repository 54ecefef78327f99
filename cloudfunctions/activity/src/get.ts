import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isOrganiserOf } from '../../_core/roles'
import { toDetail } from './mappers'

/**
 * One visible activity. Drafts are not visible to residents; the district's organisers and the
 * week's admins see them (their roles are read only for a draft, so residents pay one read).
 */
export async function get(ctx: ActionContext, input: { id: string }) {
  const [doc] = await readDocs<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities).where({ _id: input.id }).limit(1))
  if (!doc) throw new DomainError('ACTIVITY_NOT_FOUND')
  if (doc.status === 'draft' && !isOrganiserOf(await ctx.caller(), doc.weekId, doc.districtCode)) {
    throw new DomainError('ACTIVITY_NOT_FOUND')
  }
  return { activity: toDetail(doc) }
}
