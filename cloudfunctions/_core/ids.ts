// Server-made identifiers and orderings.
import { createHash, randomBytes } from 'node:crypto'

/** Lower-case base36 random string of `length` characters. */
export function randomId(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (let i = 0; i < length; i++) out += (bytes[i] % 36).toString(36)
  return out
}

let sequence = 0

/**
 * The waitlist ordering key of a registration joining a waitlist: the function's clock in ms,
 * a per-instance sequence (arrival order within a millisecond on one instance) and the
 * registration id (unique, so no two keys are equal). Fixed-width numbers: the string order is
 * the waitlist order, and one range query counts the people ahead.
 */
export function nextWaitKey(nowMs: number, regId: string): string {
  sequence = (sequence + 1) % 1000
  return `${String(Math.max(0, Math.floor(nowMs))).padStart(15, '0')}${String(sequence).padStart(3, '0')}_${regId}`
}

/** `<activityId>_<personId>`: one registration per person per activity. */
export function registrationId(activityId: string, personId: string): string {
  return `${activityId}_${personId}`
}

/** The person id of the caller (their OPENID) or of one of their family members. */
export function personIdOf(openid: string, memberId: string | null): string {
  return memberId ? `${openid}~${memberId}` : openid
}

/**
 * A deterministic id made of `parts` (a step written at most once, whoever writes it): a prefix and
 * 32 hex characters of their SHA-256, so it fits every id contract whatever the parts hold.
 */
export function stepId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`
}
