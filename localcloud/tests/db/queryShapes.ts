// The snapshot of the functions' query shapes (query-shapes.json, written by
// localcloud/scripts/query-shapes.ts) and what the declared indexes make of it.
import type { CollectionSpec, EnvironmentSpec } from '../../../config/environment'
import { bestIndex, plannedFilters, type FilterShape, type QueryKind, type QueryUse } from '../../db/coverage'

/** One distinct query shape of the functions, with the functions that make it. */
export interface SnapshotShape extends QueryUse {
  text: string
  kind: QueryKind
  filter: FilterShape
  fns: string[]
}

/** Per planned conjunction of a shape: the best score the collection's indexes reach, and which do. */
export function choices(shape: QueryUse, collection: CollectionSpec): { score: number; best: string[] }[] {
  return plannedFilters(shape.filter).map((bound) => bestIndex(collection.indexes, bound, shape.sort))
}

/** The environment without one index of one collection. */
export function without(spec: EnvironmentSpec, collection: string, index: string): EnvironmentSpec {
  return {
    ...spec,
    collections: spec.collections.map((c) => (c.name === collection ? { ...c, indexes: c.indexes.filter((i) => i.name !== index) } : c)),
  }
}
