// The residents' gallery (anyone, no identity needed: 朋友圈 single-page mode) and one entry of it.
// A gallery page costs three reads: the week, the page, and (for a caller with an OPENID) their
// likes of today for the page's entries. Visitors see likedToday false.
import type { z } from 'zod'
import type { starsContract } from '@shared/contracts/stars'
import { STAR_LIMITS, likeIdOf, voteIdOf } from '@shared/domain/stars'
import { shanghaiDate } from '@shared/domain/time'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc, type WeekDoc } from '../../_core/collections'
import { decodeCursor, encodeCursor } from '../../_core/cursor'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { existingIds, isPublic, readStarsWeek, toGalleryEntry, toGalleryItem, votePhaseOpen } from './publicView'

type GalleryInput = z.output<(typeof starsContract)['gallery']['input']>

async function latestWeekId(ctx: ActionContext): Promise<string | null> {
  const [latest] = await readDocs<Pick<WeekDoc, '_id'>>(
    ctx.db.collection(COLLECTIONS.weeks).where({ status: 'published' }).orderBy('startDate', 'desc').field({ _id: true }).limit(1),
  )
  return latest?._id ?? null
}

/**
 * Published, not hidden entries of the week (the latest published week when none is asked), newest
 * first; while the week's vote phase is open also its recommended entries (voting, no level). The
 * level and year filters read the highest honour, so they leave entries in the vote phase out.
 */
export async function gallery(ctx: ActionContext, input: GalleryInput) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const day = shanghaiDate(now)
  const after = input.cursor ? decodeCursor(input.cursor, 'instant') : null
  const weekId = input.weekId ?? (await latestWeekId(ctx))
  if (!weekId) return { items: [], cursor: null }
  const week = await readStarsWeek(db, weekId)
  if (!week || week.status !== 'published') return { items: [], cursor: null }

  const honoured = input.level !== undefined || input.year !== undefined
  const statuses = votePhaseOpen(week, day) && !honoured ? ['published', 'recommended'] : ['published']
  const where: Record<string, unknown> = { weekId, status: _.in(statuses), hidden: false }
  if (input.districtCode) where.districtCode = input.districtCode
  if (input.kind) where.kind = input.kind
  if (input.level) where['honours.0.level'] = input.level
  if (input.year) where['honours.0.year'] = input.year
  const conditions: Record<string, unknown>[] = [where]
  if (after) {
    const at = new Date(after.key)
    conditions.push(_.or([{ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(after.id) }]) as unknown as Record<string, unknown>)
  }
  const docs = await readDocs<NominationDoc>(
    db
      .collection(COLLECTIONS.nominations)
      .where(conditions.length === 1 ? where : _.and(conditions))
      .field({ pending: false, nominator: false, history: false })
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(STAR_LIMITS.pageSize + 1),
  )
  const page = docs.slice(0, STAR_LIMITS.pageSize)
  const liked = ctx.openid
    ? await existingIds(
        db,
        COLLECTIONS.starLikes,
        page.map((d) => likeIdOf(d._id, ctx.openid, day)),
      )
    : new Set<string>()
  const last = page[page.length - 1]
  return {
    items: page.map((d) => toGalleryItem(d, week, liked.has(likeIdOf(d._id, ctx.openid, day)))),
    cursor: docs.length > STAR_LIMITS.pageSize && last ? encodeCursor({ key: new Date(last.createdAt).getTime(), id: last._id }) : null,
  }
}

/** One public entry; ENTRY_NOT_FOUND for a draft, a declined or hidden entry, or one not public (yet). */
export async function entry(ctx: ActionContext, input: { id: string }) {
  const { db } = ctx
  const day = shanghaiDate(ctx.now())
  const [doc] = await readDocs<NominationDoc>(
    db.collection(COLLECTIONS.nominations).where({ _id: input.id }).field({ pending: false, nominator: false, history: false }).limit(1),
  )
  if (!doc) throw new DomainError('ENTRY_NOT_FOUND')
  const likeId = likeIdOf(doc._id, ctx.openid, day)
  const voteId = voteIdOf(doc._id, ctx.openid, day)
  const [week, liked, voted] = await Promise.all([
    readStarsWeek(db, doc.weekId),
    ctx.openid ? existingIds(db, COLLECTIONS.starLikes, [likeId]) : Promise.resolve(new Set<string>()),
    ctx.openid && doc.status === 'recommended' ? existingIds(db, COLLECTIONS.starVotes, [voteId]) : Promise.resolve(new Set<string>()),
  ])
  if (!isPublic(doc, week, day) || week?.status !== 'published') throw new DomainError('ENTRY_NOT_FOUND')
  return { entry: toGalleryEntry(doc, week, day, { likedToday: liked.has(likeId), votedToday: voted.has(voteId) }) }
}
