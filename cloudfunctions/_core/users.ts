// The caller's account document: profile (for one-tap sign-ups), family members (代报名), roles,
// and the consent to the privacy guide that personal fields need.
import { consentIsCurrent } from '@shared/domain/privacy'
import type { Profile } from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import type { Database } from './cloud'
import { COLLECTIONS, type StoredConsent, type UserDoc } from './collections'
import { readDocs } from './read'
import { isDuplicateKey, updateCount } from './write'

const users = (db: Database) => db.collection(COLLECTIONS.users)

export async function readUser(db: Database, openid: string): Promise<UserDoc | null> {
  const [user] = await readDocs<UserDoc>(users(db).where({ _id: openid }).limit(1))
  return user ?? null
}

/**
 * The caller's consent to the privacy guide's current version, which every write of personal
 * fields the caller typed carries (a copy of it); none, or one to an older version:
 * CONSENT_REQUIRED. Reads nothing: pass the account document the action has already read.
 */
export function requireConsent(user: Pick<UserDoc, 'consent'> | null | undefined): StoredConsent {
  const consent = user?.consent
  if (!consent || !consentIsCurrent(consent)) throw new DomainError('CONSENT_REQUIRED')
  return { version: consent.version, at: new Date(consent.at) }
}

/**
 * Applies `data` to the caller's document, creating it (no roles) when there is none yet: one
 * update, or an insert when the update found nothing. `exists` (when known) skips the guess.
 */
export async function upsertUser(
  db: Database,
  openid: string,
  data: Record<string, unknown>,
  fresh: () => Partial<UserDoc>,
  now: number,
  exists?: boolean,
): Promise<void> {
  const at = new Date(now)
  const update = { ...data, updatedAt: at }
  if (exists !== false && (await updateCount(users(db).where({ _id: openid }), update)) === 1) return
  try {
    await users(db).add({ data: { _id: openid, roles: [], family: [], ...fresh(), createdAt: at, updatedAt: at } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await updateCount(users(db).where({ _id: openid }), update) // created meanwhile by another call
  }
}

export async function saveProfile(db: Database, openid: string, profile: Profile, now: number, exists?: boolean): Promise<void> {
  const _ = db.command
  await upsertUser(db, openid, { profile: _.set(profile) }, () => ({ profile }), now, exists)
}
