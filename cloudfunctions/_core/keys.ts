// The week's ticket-signing key pair: created on first use with `_id` = weekId (a concurrent
// first use gets a duplicate key and reads the winner's), then cached for the instance's life.
import { randomBytes } from 'node:crypto'
import { fromBase64Url, publicKeyOf, toBase64Url } from '@shared/domain/ticket'
import type { Database } from './cloud'
import { COLLECTIONS, type WeekKeyDoc } from './collections'
import { readDocs } from './read'
import { isDuplicateKey } from './write'

export interface WeekKey {
  weekId: string
  publicKey: string
  privateKey: Uint8Array
}

const cache = new Map<string, WeekKey>()

function toKey(doc: WeekKeyDoc): WeekKey {
  const privateKey = fromBase64Url(doc.privateKey)
  if (!privateKey || privateKey.length !== 32) throw new Error(`weekKeys/${doc._id}: malformed private key`)
  return { weekId: doc._id, publicKey: doc.publicKey, privateKey }
}

/** Remembers a key read elsewhere (e.g. joined into a check-in's one read). */
export function rememberWeekKey(doc: WeekKeyDoc): WeekKey {
  const key = toKey(doc)
  cache.set(doc._id, key)
  return key
}

export function cachedWeekKey(weekId: string): WeekKey | undefined {
  return cache.get(weekId)
}

async function readWeekKey(db: Database, weekId: string): Promise<WeekKey | null> {
  const [doc] = await readDocs<WeekKeyDoc>(db.collection(COLLECTIONS.weekKeys).where({ _id: weekId }).limit(1))
  return doc ? rememberWeekKey(doc) : null
}

/** The week's key pair, created when it has none yet: 0 operations when cached, else 1 (first use 2-3). */
export async function ensureWeekKey(db: Database, weekId: string, now: number): Promise<WeekKey> {
  const cached = cache.get(weekId)
  if (cached) return cached
  const stored = await readWeekKey(db, weekId)
  if (stored) return stored
  const privateKey = new Uint8Array(randomBytes(32))
  const doc: WeekKeyDoc = {
    _id: weekId,
    alg: 'Ed25519',
    publicKey: publicKeyOf(privateKey),
    privateKey: toBase64Url(privateKey),
    createdAt: new Date(now),
  }
  try {
    await db.collection(COLLECTIONS.weekKeys).add({ data: doc })
    return rememberWeekKey(doc)
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const winner = await readWeekKey(db, weekId)
    if (!winner) throw err
    return winner
  }
}
