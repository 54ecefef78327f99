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

interface Endable {
  end(): unknown
}

/** Results of an aggregation (one database operation; 20 results unless it has a limit stage). */
export async function aggregateDocs<T>(pipeline: Endable): Promise<T[]> {
  const res = (await pipeline.end()) as { list: T[] }
  return res.list
}
