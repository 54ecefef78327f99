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

/** The cloud refused an add() because a document with that _id exists. */
export function isDuplicateKey(err: unknown): boolean {
  const text = String((err as { errMsg?: string; message?: string })?.errMsg ?? (err as Error)?.message ?? err)
  return /duplicate key|E11000|_id.*exist/i.test(text)
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
