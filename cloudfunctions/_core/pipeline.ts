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

/** db.command.expr(): an aggregation expression as a match condition (e.g. on a $lookup's `let` variables), also left out of the typings. */
export function matchExpr(db: Database, expression: unknown): Record<string, unknown> {
  return (db.command as unknown as { expr(e: unknown): Record<string, unknown> }).expr(expression)
}
