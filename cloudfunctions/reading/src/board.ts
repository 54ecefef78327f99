// The opt-in district board of reading minutes: readers who joined, with masked names.
import { maskName } from '@shared/domain/mask'
import { COLLECTIONS, type ReaderDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { countDocs, readDocs } from '../../_core/read'
import { emptyReader } from '../../_core/readerTotals'
import { readUser } from '../../_core/users'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { districtOf, learnerOf, readReader, readerIdOf, readWeek } from './context'
import { toReaderStats } from './views'

/** Entries shown on a board. */
export const BOARD_SIZE = 20

type BoardRow = Pick<ReaderDoc, '_id' | 'personId' | 'totalMinutes' | 'board'>

/** Ranks by minutes, ties sharing a rank (1, 2, 2, 4). */
function ranked(rows: BoardRow[]): (BoardRow & { rank: number })[] {
  const out: (BoardRow & { rank: number })[] = []
  rows.forEach((r, i) => {
    const prev = out[i - 1]
    out.push({ ...r, rank: prev && prev.totalMinutes === r.totalMinutes ? prev.rank : i + 1 })
  })
  return out
}

/** The top readers of a district in a week who joined its board, and where the caller stands. */
export async function board(ctx: ActionContext, input: { weekId: string; districtCode: string }) {
  const { db } = ctx
  const _ = db.command
  const onBoard = { weekId: input.weekId, 'board.districtCode': input.districtCode }
  const [week, rows, me] = await Promise.all([
    readWeek(db, input.weekId),
    readDocs<BoardRow>(
      db
        .collection(COLLECTIONS.readers)
        .where(onBoard)
        .orderBy('totalMinutes', 'desc')
        .orderBy('_id', 'asc')
        .field({ _id: true, personId: true, totalMinutes: true, board: true })
        .limit(BOARD_SIZE),
    ),
    readReader(db, readerIdOf(input.weekId, ctx.openid)),
  ])
  const district = districtOf(week, input.districtCode)
  const entries = ranked(rows).map((r) => ({
    rank: r.rank,
    name: r.board?.name ?? maskName(null),
    minutes: r.totalMinutes,
    isMe: r.personId === ctx.openid,
  }))
  const joined = me?.board?.districtCode === input.districtCode
  let rank: number | null = null
  if (joined && me) {
    const shown = entries.find((e) => e.isMe)
    rank = shown
      ? shown.rank
      : (await countDocs(db.collection(COLLECTIONS.readers).where({ ...onBoard, totalMinutes: _.gt(me.totalMinutes) }))) + 1
  }
  return { districtName: district.name, entries, me: { joined, rank } }
}

/**
 * Joins (or leaves) a district's board with the caller's own reading, shown under a masked name.
 * Joining before any log creates the reader document with zeros.
 */
export async function joinBoard(ctx: ActionContext, input: { weekId: string; districtCode: string; joined: boolean }) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const id = readerIdOf(input.weekId, ctx.openid)
  const [week, user, reader] = await Promise.all([readWeek(db, input.weekId), readUser(db, ctx.openid), readReader(db, id)])
  districtOf(week, input.districtCode)
  const learner = learnerOf(ctx.openid, null, user)
  const at = new Date(now)
  const readers = db.collection(COLLECTIONS.readers)

  if (!input.joined) {
    if (reader?.board) await updateCount(readers.where({ _id: id }), { board: null, updatedAt: at })
    return { joined: false, reader: toReaderStats(reader ? { ...reader, board: null } : null, now) }
  }

  const place = { districtCode: input.districtCode, name: maskName(learner.name) }
  const update = { board: _.set(place), name: learner.name, updatedAt: at }
  let after: ReaderDoc
  if (reader && (await updateCount(readers.where({ _id: id }), update)) === 1) {
    after = { ...reader, board: place }
  } else {
    after = {
      ...emptyReader({ weekId: input.weekId, openid: ctx.openid, personId: learner.personId, memberId: null, name: learner.name }, at),
      board: place,
    }
    try {
      await readers.add({ data: after })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      await updateCount(readers.where({ _id: id }), update) // a first log created it meanwhile
      after = (await readReader(db, id)) ?? after
    }
  }
  return { joined: true, reader: toReaderStats(after, now) }
}
