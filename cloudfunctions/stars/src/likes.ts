// Likes (a public entry) and votes (a recommended entry, in the week's vote phase): counted exactly
// once per person per entry per Shanghai day. The record's _id is likeIdOf / voteIdOf, and the
// entry's counter moves with it through the pending-move journal (_core/countedRecord.ts):
//   1. the nomination: `likes` (`votes`) +1 with a pending entry `sl~<hash>` (`sv~`), one conditional update
//   2. the like (vote) inserted carrying the entry's op (a second one of the day is a duplicate key)
//   3. the entry settled
// A call that dies after 1 leaves an entry the repair timer reverts (no record) or settles (the
// record exists); a retry adopts a pending entry of the same record and finishes it. A second like
// of the day reads the record first and answers counted: false without writing (unless it finds
// its own earlier call cut off before settling: then it settles it).
import { likeIdOf, voteIdOf } from '@shared/domain/stars'
import { shanghaiDate } from '@shared/domain/time'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc, type StarLikeDoc } from '../../_core/collections'
import { insertCounted } from '../../_core/countedRecord'
import type { ActionContext } from '../../_core/handler'
import { recordKey, settleFollowed, type PendingMap } from '../../_core/journal'
import { readDocs } from '../../_core/read'
import { isPublic, readStarsWeek, votePhaseOpen, type StarsWeek } from './publicView'

type Counter = 'likes' | 'votes'

interface CountSpec {
  kind: 'sl' | 'sv'
  collection: string
  counter: Counter
  idOf: (entryId: string, openid: string, day: string) => string
  /** Refuses when this entry cannot take it on `day` (after the public check). */
  check: (doc: NominationDoc, week: StarsWeek | null, day: string) => void
}

const LIKE: CountSpec = {
  kind: 'sl',
  collection: COLLECTIONS.starLikes,
  counter: 'likes',
  idOf: likeIdOf,
  check: () => undefined,
}

const VOTE: CountSpec = {
  kind: 'sv',
  collection: COLLECTIONS.starVotes,
  counter: 'votes',
  idOf: voteIdOf,
  check: (doc, week, day) => {
    if (doc.status !== 'recommended' || !votePhaseOpen(week, day)) throw new DomainError('VOTE_CLOSED')
  },
}

async function countOnce(ctx: ActionContext, spec: CountSpec, entryId: string): Promise<{ count: number; counted: boolean }> {
  const { db } = ctx
  const now = ctx.now()
  const day = shanghaiDate(now)
  const id = spec.idOf(entryId, ctx.openid, day)
  const key = recordKey(spec.kind, id)
  const [[doc], [record]] = await Promise.all([
    readDocs<NominationDoc & { pending?: PendingMap }>(
      db
        .collection(COLLECTIONS.nominations)
        .where({ _id: entryId })
        .field({ weekId: true, status: true, hidden: true, likes: true, votes: true, [`pending.${key}`]: true })
        .limit(1),
    ),
    readDocs<StarLikeDoc>(db.collection(spec.collection).where({ _id: id }).limit(1)),
  ])
  if (!doc) throw new DomainError('ENTRY_NOT_FOUND')
  const week = await readStarsWeek(db, doc.weekId)
  // A vote is refused as closed for a published entry or out of the phase; anything else not public is not found.
  const votable = spec === VOTE && doc.status === 'recommended' && !doc.hidden
  const visible = votable || isPublic(doc, week, day)
  if (!visible || week?.status !== 'published') throw new DomainError('ENTRY_NOT_FOUND')
  spec.check(doc, week, day)
  const count = doc[spec.counter] ?? 0
  if (record) {
    // Counted already today; an earlier call of ours cut off before settling leaves its entry to settle.
    const entry = doc.pending?.[key]
    if (entry && entry.op === record.op) await settleFollowed(db, COLLECTIONS.nominations, entryId, key, entry.op)
    return { count, counted: false }
  }
  const build = (t: number) => {
    const data: StarLikeDoc = { _id: id, entryId, weekId: doc.weekId, openid: ctx.openid, day, at: new Date(t) }
    return { doc: data, inc: [[spec.counter, 1]] as [string, number][] }
  }
  const out = await insertCounted<StarLikeDoc>(db, {
    kind: spec.kind,
    collection: spec.collection,
    id,
    counted: COLLECTIONS.nominations,
    activityId: entryId,
    nonce: null,
    now,
    build,
    // Every request of the record moves the same +1: a pending one is finished, not counted again.
    adoptAlso: () => true,
  })
  return out.status === 'written' ? { count: count + 1, counted: true } : { count, counted: false }
}

/** A resident likes a public entry: counted once per person per entry per day. */
export async function like(ctx: ActionContext, input: { id: string }) {
  const { count, counted } = await countOnce(ctx, LIKE, input.id)
  return { likes: count, likedToday: true as const, counted }
}

/** A resident votes for a recommended entry in the week's vote phase (VOTE_CLOSED): once per day. */
export async function vote(ctx: ActionContext, input: { id: string }) {
  const { count, counted } = await countOnce(ctx, VOTE, input.id)
  return { votes: count, votedToday: true as const, counted }
}
