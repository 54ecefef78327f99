// Typed writes over wx-server-sdk: how many documents an update changed, and duplicate-key errors.

interface Updatable {
  update(options: { data: Record<string, unknown> }): unknown
}

/**
 * Runs an update and answers how many documents it changed (the cloud's `stats.updated`). For a
 * conditional update where({ _id, cond }).update() this is 1 when the condition held, else 0.
 */
export async function updateCount(query: Updatable, data: Record<string, unknown>): Promise<number> {
  const res = (await query.update({ data })) as { stats?: { updated?: number } }
  return res.stats?.updated ?? 0
}

/** wx-server-sdk 4.0.2's errCode for the cloud's DATABASE_REQUEST_FAILED. */
const SDK_DATABASE_REQUEST_FAILED = -502001
/** wx-server-sdk 4.0.2's errCode for every cloud code it does not know (DATABASE_DUPLICATE_WRITE among them) and for timeouts. */
const SDK_SYS_ERR = -501001

/**
 * The cloud refused an add() because a document with that _id exists. wx-server-sdk 4.0.2 throws an
 * Error with a numeric `errCode` and the cloud's message in `errMsg` (no `code`), in one of two forms:
 *  - errCode -502001 (DATABASE_REQUEST_FAILED) with MongoDB's "E11000 duplicate key" text;
 *  - errCode -501001 with the message of the documented DATABASE_DUPLICATE_WRITE code, which the
 *    SDK does not map; -501001 is also a timeout or any other unknown code, so the message decides.
 * A raw node-sdk error (or a newer SDK) carries the cloud's code as `code`: that is taken first.
 */
export function isDuplicateKey(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false
  const e = err as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown }
  const text = String(e.errMsg ?? e.message ?? '')
  if (e.code === 'DATABASE_DUPLICATE_WRITE' || e.code === 11000) return true
  if (e.errCode === SDK_DATABASE_REQUEST_FAILED || e.code === 'DATABASE_REQUEST_FAILED') return /\bE11000\b/.test(text)
  if (e.errCode === SDK_SYS_ERR) return /\bDATABASE_DUPLICATE_WRITE\b|index key duplicate|duplicate key/i.test(text)
  return false
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
export async function mapBounded<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await task(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
