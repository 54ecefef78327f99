import { z } from 'zod'

/** What every cloud function action answers. */
export const failureSchema = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  /** Field paths that failed validation, for forms. */
  fields: z.array(z.string()).optional(),
  /** Facts about the refusal a screen shows, e.g. ALREADY_CHECKED_IN: { checkedInAt, byName, offline }. */
  details: z.record(z.string(), z.unknown()).optional(),
})
export type Failure = z.infer<typeof failureSchema>

export type Success<T> = { ok: true; data: T }
export type Envelope<T> = Success<T> | Failure

/** The event a function receives: { action, input }. */
export const eventSchema = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
})

/** Defines one action's contract. */
export function action<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O) {
  return { input, output }
}
export type ActionContract = ReturnType<typeof action<z.ZodTypeAny, z.ZodTypeAny>>
