// Offline check-in on the volunteer's phone: the downloaded roster (masked) and the week's public
// key, and the verification of one scan against them. Pure over the KV of queue.ts; the clock is
// passed in.
import type { RosterActivity } from '@shared/contracts/checkin'
import { maskName } from '@shared/domain/mask'
import { parseTicket, verifyTicket } from '@shared/domain/ticket'
import { enqueue, scannedHere, type KV } from './queue'

export interface SavedRoster {
  activity: RosterActivity
  /** The week's raw Ed25519 public key, base64url. */
  publicKey: string
  generatedAt: number
}

export const rosterKey = (activityId: string) => `checkin.roster.v1.${activityId}`

export function saveRoster(kv: KV, saved: SavedRoster): void {
  kv.set(rosterKey(saved.activity.id), saved)
}

export function readRoster(kv: KV, activityId: string): SavedRoster | null {
  let v: unknown
  try {
    v = kv.get(rosterKey(activityId))
  } catch {
    return null
  }
  if (!v || typeof v !== 'object') return null
  const r = v as Partial<SavedRoster>
  if (!r.activity || typeof r.publicKey !== 'string' || typeof r.generatedAt !== 'number' || !Array.isArray(r.activity.entries)) return null
  return r as SavedRoster
}

export type OfflineVerdict =
  | { result: 'ok'; maskedName: string; proxy: boolean; registrationId: string; inRoster: boolean }
  | { result: 'already'; maskedName?: string; checkedInAt: number | null; byName: string | null }
  | { result: 'rejected'; code: string }

/**
 * One scan with no network: the signature against the week's key, the activity, the roster entry
 * (cancelled, waitlisted, checked in before the download), this phone's own queue (scanned here
 * already) and the check-in window. An accepted scan is queued with a fresh nonce.
 *
 * A genuine ticket whose id is not in the roster (the resident first opened it after the download)
 * is accepted and queued: its signature proves the cloud issued it; the sync settles the rest.
 */
export function checkInOffline(kv: KV, saved: SavedRoster, activityId: string, token: string, now: number): OfflineVerdict {
  const text = token.trim()
  const check = verifyTicket(text, saved.publicKey)
  if (!check.ok) return { result: 'rejected', code: 'TOKEN_INVALID' }
  if (check.activityId !== activityId) return { result: 'rejected', code: 'WRONG_ACTIVITY' }
  const a = saved.activity
  if (a.status === 'cancelled') return { result: 'rejected', code: 'ACTIVITY_CANCELLED' }
  if (now < a.checkinOpensAt || now > a.checkinClosesAt) return { result: 'rejected', code: 'OUTSIDE_WINDOW' }
  const entry = a.entries.find((e) => e.ticketId === check.ticketId) ?? null
  if (entry?.status === 'cancelled') return { result: 'rejected', code: 'REGISTRATION_CANCELLED' }
  if (entry && entry.status !== 'confirmed') return { result: 'rejected', code: 'REGISTRATION_NOT_CONFIRMED' }
  if (entry?.checkedIn)
    return { result: 'already', maskedName: entry.name, checkedInAt: entry.checkedIn.checkedInAt, byName: entry.checkedIn.byName }
  const registrationId = entry?.registrationId ?? `ticket:${check.ticketId}`
  const here = scannedHere(kv, activityId, registrationId)
  if (here) return { result: 'already', maskedName: entry ? entry.name : undefined, checkedInAt: here.scannedAt, byName: '本机（离线）' }
  enqueue(kv, { activityId, token: text, registrationId, scannedAt: now })
  return {
    result: 'ok',
    maskedName: entry ? entry.name : maskName(''),
    proxy: entry?.proxy ?? false,
    registrationId,
    inRoster: entry !== null,
  }
}

/** The activity id a token claims, without checking anything (to tell a wrong activity early). */
export function claimedActivity(token: string): string | null {
  return parseTicket(token.trim())?.activityId ?? null
}
