import { messageFor } from '@shared/errors'

/**
 * A failed cloud call as the app sees it: a stable code (matched by programs and tests) and the
 * Chinese text people read, always derived from the code on this side.
 */
export class CloudError extends Error {
  readonly code: string
  /** Field paths that failed validation, when the failure was about input. */
  readonly fields?: string[]
  /** Facts about the refusal a screen may show (e.g. ALREADY_CHECKED_IN: when, by whom). */
  readonly details?: Record<string, unknown>

  constructor(code: string, fields?: string[], details?: Record<string, unknown>) {
    super(messageFor(code))
    this.name = 'CloudError'
    this.code = code
    this.fields = fields
    this.details = details
  }
}

export function isCloudError(err: unknown): err is CloudError {
  return err instanceof CloudError
}

/** Any thrown value as a CloudError; unknown failures become INTERNAL. */
export function toCloudError(err: unknown): CloudError {
  return isCloudError(err) ? err : new CloudError('INTERNAL')
}
