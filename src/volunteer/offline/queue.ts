// The volunteer's offline check-in queue: scans verified on the phone while the network is down,
// kept in storage until `checkin.sync` accepts them. Pure over a tiny key-value interface, so the
// rules are tested without Taro; `taroStore` (store.ts) plugs in Taro storage.
import { newNonce } from '@/utils/nonce'

export interface KV {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

export const QUEUE_KEY = 'checkin.queue.v1'

export interface QueuedScan {
  /** Random, unique per scan: the server is idempotent per nonce. */
  nonce: string
  activityId: string
  token: string
  /** The registration the token names (for "already scanned here"). */
  registrationId: string
  /** When the volunteer scanned it (epoch ms, phone clock). */
  scannedAt: number
}

export interface SyncOutcome {
  /** Nonces the server took (checked in, or already known): drop from the queue. */
  done: string[]
}

function isQueued(x: unknown): x is QueuedScan {
  if (!x || typeof x !== 'object') return false
  const o = x as Record<string, unknown>
  return (
    typeof o.nonce === 'string' &&
    typeof o.activityId === 'string' &&
    typeof o.token === 'string' &&
    typeof o.registrationId === 'string' &&
    typeof o.scannedAt === 'number'
  )
}

/** The queue as stored (oldest first); anything unreadable is dropped, never thrown. */
export function readQueue(kv: KV): QueuedScan[] {
  let v: unknown
  try {
    v = kv.get(QUEUE_KEY)
  } catch {
    return []
  }
  return Array.isArray(v) ? v.filter(isQueued) : []
}

function writeQueue(kv: KV, q: QueuedScan[]): void {
  kv.set(QUEUE_KEY, q)
}

/** Has this registration been scanned on this phone (for this activity) and not yet synced away? */
export function scannedHere(kv: KV, activityId: string, registrationId: string): QueuedScan | null {
  return readQueue(kv).find((s) => s.activityId === activityId && s.registrationId === registrationId) ?? null
}

/**
 * Add a scan. A second scan of the same registration for the same activity is not queued again
 * (returns the first one and `added: false`): the phone says 已签到 instead.
 */
export function enqueue(kv: KV, scan: Omit<QueuedScan, 'nonce'> & { nonce?: string }): { item: QueuedScan; added: boolean } {
  const q = readQueue(kv)
  const existing = q.find((s) => s.activityId === scan.activityId && s.registrationId === scan.registrationId)
  if (existing) return { item: existing, added: false }
  const item: QueuedScan = { ...scan, nonce: scan.nonce ?? newNonce() }
  writeQueue(kv, [...q, item])
  return { item, added: true }
}

/** Drop the scans the server has answered for; the rest stay for the next try. */
export function removeDone(kv: KV, nonces: readonly string[]): QueuedScan[] {
  const done = new Set(nonces)
  const left = readQueue(kv).filter((s) => !done.has(s.nonce))
  writeQueue(kv, left)
  return left
}

/** The batch to send next: oldest first, at most `max`. */
export function nextBatch(kv: KV, max = 50): QueuedScan[] {
  return readQueue(kv).slice(0, max)
}

/**
 * Send the whole queue in batches through `send` (which calls the cloud). Each batch's answered
 * nonces are removed before the next is sent, so a failure half-way keeps only what was not
 * answered; sending again is safe (the server is idempotent per nonce).
 */
export async function drain<R>(
  kv: KV,
  send: (batch: QueuedScan[]) => Promise<{ done: string[]; report: R }>,
  max = 50,
): Promise<{ reports: R[]; left: number }> {
  const reports: R[] = []
  for (;;) {
    const batch = nextBatch(kv, max)
    if (batch.length === 0) return { reports, left: 0 }
    const { done, report } = await send(batch)
    reports.push(report)
    const left = removeDone(kv, done)
    // Nothing answered: stop rather than loop on the same batch.
    if (done.length === 0) return { reports, left: left.length }
  }
}

/** An in-memory KV (tests, and a fallback when storage cannot be read). */
export function memoryKV(): KV & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: (k) => (data.has(k) ? JSON.parse(JSON.stringify(data.get(k))) : undefined),
    set: (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
  }
}
