// $lookup sub-pipelines: db.command.aggregate.pipeline(), which the SDK's typings leave out.
import type { Database } from './cloud'

export interface SubPipeline {
  match(query: unknown): SubPipeline
  project(spec: unknown): SubPipeline
  lookup(spec: unknown): SubPipeline
  limit(n: number): SubPipeline
  done(): unknown[]
}

/** A new $lookup sub-pipeline. */
export function subPipeline(db: Database): SubPipeline {
  return (db.command.aggregate as unknown as { pipeline(): SubPipeline }).pipeline()
}
