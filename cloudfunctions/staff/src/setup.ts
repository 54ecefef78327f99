// The first bureau admin: deploy sets a one-time code (environment variable SETUP_CODE, printed
// once); the first person who enters it becomes the bureau admin (admin of every week).
//
// Guessing is bounded and the code is compared in constant time. Each try first takes one of the
// person's STAFF_LIMITS.setupAttempts tries of the current window (a conditional increment: tries
// sent at once cannot take more than there are), then compares. The claim is a document created
// once (`_id: 'setup'`): of two people entering the right code at once exactly one creates it, the
// other gets SETUP_CLAIMED. It names the claimant, so their retry after a crash (or a second
// claim) completes the grant and the record and answers the same.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { RoleGrant } from '@shared/contracts/activity'
import { STAFF_LIMITS } from '@shared/domain/staff'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type SetupAttemptsDoc, type SetupClaimDoc, type UserDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { stepId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { addGrant, recordChange } from './context'

const CLAIM_ID = 'setup'
const BUREAU: RoleGrant = { role: 'bureau' }

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/** Whether `typed` is the code, in time independent of where they differ (equal-length hashes). */
export function setupCodeMatches(typed: string, code: string): boolean {
  return timingSafeEqual(sha256(typed.trim()), sha256(code))
}

/** The attempts document of a person in the window holding `now`, and when that window ends. */
function attemptsWindow(openid: string, now: number) {
  const start = Math.floor(now / STAFF_LIMITS.setupWindowMs) * STAFF_LIMITS.setupWindowMs
  return { id: stepId('try', openid, start), start, end: start + STAFF_LIMITS.setupWindowMs }
}

/** Takes one try of the window, or answers TOO_MANY_ATTEMPTS; how many are left after it. */
async function takeAttempt(db: Database, openid: string, now: number, used: number | null): Promise<number> {
  const _ = db.command
  const w = attemptsWindow(openid, now)
  const limit = STAFF_LIMITS.setupAttempts
  const tooMany = () => new DomainError('TOO_MANY_ATTEMPTS', { retryAt: w.end })
  if (used !== null && used >= limit) throw tooMany()
  const setup = db.collection(COLLECTIONS.setup)
  const inc = () => updateCount(setup.where({ _id: w.id, count: _.lt(limit) }), { count: _.inc(1) })
  if (used !== null) {
    if ((await inc()) === 1) return limit - used - 1
    throw tooMany()
  }
  const doc: SetupAttemptsDoc = { _id: w.id, openid, windowStart: new Date(w.start), count: 1 }
  try {
    await setup.add({ data: doc })
    return limit - 1
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
  // Another try of the same person created it meanwhile.
  if ((await inc()) === 1) return limit - 2
  throw tooMany()
}

export async function claimSetup(ctx: ActionContext, input: { code: string }) {
  const { db } = ctx
  const now = ctx.now()
  const code = process.env.SETUP_CODE
  if (!code) throw new DomainError('SETUP_NOT_ENABLED')
  const setup = db.collection(COLLECTIONS.setup)
  const w = attemptsWindow(ctx.openid, now)
  const [[claim], [attempts], [user]] = await Promise.all([
    readDocs<SetupClaimDoc>(setup.where({ _id: CLAIM_ID }).limit(1)),
    readDocs<SetupAttemptsDoc>(setup.where({ _id: w.id }).limit(1)),
    readDocs<UserDoc>(db.collection(COLLECTIONS.users).where({ _id: ctx.openid }).limit(1)),
  ])
  if (claim && claim.claimedBy !== ctx.openid) throw new DomainError('SETUP_CLAIMED')

  if (!claim) {
    const left = await takeAttempt(db, ctx.openid, now, attempts ? attempts.count : null)
    if (!setupCodeMatches(input.code, code)) throw new DomainError('SETUP_CODE_WRONG', { attemptsLeft: left })
    const doc: SetupClaimDoc = { _id: CLAIM_ID, claimedBy: ctx.openid, at: new Date(now) }
    try {
      await setup.add({ data: doc })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // Someone's claim was created first: theirs, unless it is an earlier try of this person's.
      const [first] = await readDocs<SetupClaimDoc>(setup.where({ _id: CLAIM_ID }).limit(1))
      if (first?.claimedBy !== ctx.openid) throw new DomainError('SETUP_CLAIMED')
    }
  }
  // The claimant (now, or again): the grant and its record, each written once.
  await addGrant(db, ctx.openid, user ?? null, BUREAU, now)
  await recordChange(db, {
    _id: stepId('rc', 'setup'),
    weekId: null,
    at: new Date(claim ? claim.at : now),
    by: ctx.openid,
    whom: ctx.openid,
    change: 'grant',
    via: 'setup',
    grant: BUREAU,
    unitName: '教育局',
  })
  const roles = user?.roles ?? []
  return { roles: roles.some((r) => r.role === 'bureau') ? roles : [...roles, BUREAU] }
}
