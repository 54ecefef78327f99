import { COLLECTIONS, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { toWeek } from './mappers'

/** Published activity weeks, earliest first. Public. */
export async function weeks(ctx: ActionContext) {
  const docs = await readDocs<WeekDoc>(
    ctx.db.collection(COLLECTIONS.weeks).where({ status: 'published' }).orderBy('startDate', 'asc').limit(100),
  )
  return { weeks: docs.map(toWeek) }
}
