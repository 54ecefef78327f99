import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isOrganiserOf } from '../../_core/roles'
import { toDetail } from './mappers'
import { activityOfScene } from './wxacode'

async function readActivity(ctx: ActionContext, id: string): Promise<ActivityDoc | undefined> {
  if (!id) return undefined
  const [doc] = await readDocs<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities).where({ _id: id }).limit(1))
  return doc
}

/**
 * One visible activity, by its id or by the scene of its 小程序码 (the activity page opened by
 * scanning a poster: an unknown id of the scene's shape is looked up in `wxacodes`). Drafts are not visible to residents; the district's organisers and the
 * week's admins see them (their roles are read only for a draft, so residents pay one read).
 */
export async function get(ctx: ActionContext, input: { id: string }) {
  const doc = (await readActivity(ctx, input.id)) ?? (await readActivity(ctx, (await activityOfScene(ctx, input.id)) ?? ''))
  if (!doc) throw new DomainError('ACTIVITY_NOT_FOUND')
  if (doc.status === 'draft' && !isOrganiserOf(await ctx.caller(), doc.weekId, doc.districtCode)) {
    throw new DomainError('ACTIVITY_NOT_FOUND')
  }
  return { activity: toDetail(doc) }
}
