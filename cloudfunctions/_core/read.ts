// Typed reads over wx-server-sdk queries (its typings mix in the callback overloads).

interface Gettable {
  get(): unknown
}
interface Countable {
  count(): unknown
}

/** Documents a query returns (one database operation; at most its limit, 100 by default). */
export async function readDocs<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data: T[] }
  return res.data
}

export async function countDocs(query: Countable): Promise<number> {
  const res = (await query.count()) as { total: number }
  return res.total
}
