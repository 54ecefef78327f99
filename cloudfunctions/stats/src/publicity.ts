// Publicity records (宣传报道) of a district: text reports with their outlet and link, photos in
// cloud storage, video links; for an activity or for the district's week (the opening too).
import { DomainError } from '@shared/errors'
import type { PublicityInput } from '@shared/contracts/stats'
import { COLLECTIONS, type ActivityDoc, type PublicityDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { isOrganiserOf, requireThat } from '../../_core/roles'
import { ms } from './activities'
import { loadScope } from './scope'

const view = (d: PublicityDoc) => ({
  id: d._id,
  weekId: d.weekId,
  districtCode: d.districtCode,
  activityId: d.activityId,
  activityTitle: d.activityTitle,
  opening: d.opening,
  kind: d.kind,
  title: d.title,
  outlet: d.outlet,
  url: d.url,
  fileIds: d.fileIds,
  publishedOn: d.publishedOn,
  createdAt: ms(d.createdAt),
})

export async function listPublicity(ctx: ActionContext, input: { weekId: string; districtCode: string }) {
  const scope = await loadScope(ctx, input)
  const docs = await readDocs<PublicityDoc>(
    ctx.db
      .collection(COLLECTIONS.publicity)
      .where({ weekId: scope.week._id, districtCode: input.districtCode })
      .orderBy('createdAt', 'desc')
      .limit(1000),
  )
  return { items: docs.map(view) }
}

export async function addPublicity(
  ctx: ActionContext,
  input: Required<Omit<PublicityInput, 'activityId'>> & { activityId: string | null },
) {
  const { db } = ctx
  const scope = await loadScope(ctx, input)
  if ((input.kind === 'text' || input.kind === 'video') && !input.url) throw new DomainError('PUBLICITY_LINK_REQUIRED')
  if (input.kind === 'photo' && input.fileIds.length === 0) throw new DomainError('PUBLICITY_PHOTOS_REQUIRED')
  let activityTitle: string | null = null
  if (input.activityId) {
    const [activity] = await readDocs<ActivityDoc>(
      db.collection(COLLECTIONS.activities).where({ _id: input.activityId }).field({ description: false }).limit(1),
    )
    if (!activity || activity.weekId !== scope.week._id || activity.districtCode !== input.districtCode || activity.status === 'draft') {
      throw new DomainError('FEATURED_ACTIVITY_INVALID')
    }
    activityTitle = activity.title
  }
  const now = ctx.now()
  const doc: PublicityDoc = {
    _id: `p${now.toString(36)}${randomId(6)}`,
    weekId: scope.week._id,
    districtCode: input.districtCode,
    activityId: input.activityId,
    activityTitle,
    opening: input.opening,
    kind: input.kind,
    title: input.title,
    outlet: input.outlet,
    url: input.url,
    fileIds: input.kind === 'photo' ? input.fileIds : [],
    publishedOn: input.publishedOn,
    createdBy: ctx.openid,
    createdAt: new Date(now),
  }
  await db.collection(COLLECTIONS.publicity).add({ data: doc })
  return { item: view(doc) }
}

export async function removePublicity(ctx: ActionContext, input: { id: string }) {
  const { db } = ctx
  const [doc] = await readDocs<PublicityDoc>(db.collection(COLLECTIONS.publicity).where({ _id: input.id }).limit(1))
  if (!doc) throw new DomainError('PUBLICITY_NOT_FOUND')
  requireThat(isOrganiserOf(await ctx.caller(), doc.weekId, doc.districtCode))
  await db.collection(COLLECTIONS.publicity).doc(doc._id).remove()
  return { id: doc._id }
}
