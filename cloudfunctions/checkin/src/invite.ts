// Volunteer invites: an organiser invites people to check in for some of their activities; a
// code redeemed before it expires makes the caller a volunteer of exactly those activities.
import { randomBytes } from 'node:crypto'
import { inviteCodeFrom, isInviteExpiryAllowed } from '@shared/domain/attendance'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type InviteDoc, type RoleGrant } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isOrganiserOf, requireThat } from '../../_core/roles'
import { readUser, upsertUser } from '../../_core/users'
import { isDuplicateKey } from '../../_core/write'
import { ms, toVolunteerActivity } from './views'

const CODE_ATTEMPTS = 5

async function readActivities(ctx: ActionContext, ids: string[]): Promise<ActivityDoc[]> {
  return readDocs<ActivityDoc>(
    ctx.db
      .collection(COLLECTIONS.activities)
      .where({ _id: ctx.db.command.in(ids) })
      .orderBy('startAt', 'asc')
      .limit(ids.length),
  )
}

/**
 * Every activity must exist, belong to one week, not be cancelled, and be run by the caller
 * (organiser of its district, or admin of the week): else INVITE_SCOPE_INVALID / FORBIDDEN.
 * expiresAt must be in the future and at most a day after the last of them ends: else
 * INVITE_EXPIRY_INVALID. A refused call writes nothing.
 */
export async function createInvite(ctx: ActionContext, input: { activityIds: string[]; expiresAt: number }) {
  const now = ctx.now()
  const ids = [...new Set(input.activityIds)]
  const [caller, docs] = await Promise.all([ctx.caller(), readActivities(ctx, ids)])
  if (docs.length !== ids.length) throw new DomainError('ACTIVITY_NOT_FOUND')
  const weekId = docs[0].weekId
  if (docs.some((d) => d.weekId !== weekId || d.status === 'cancelled')) throw new DomainError('INVITE_SCOPE_INVALID')
  requireThat(docs.every((d) => isOrganiserOf(caller, d.weekId, d.districtCode)))
  // In the future, and at most a day after the last invited activity ends (so never for ended ones).
  const ends = docs.map((d) => ({ endAt: ms(d.endAt) }))
  if (!isInviteExpiryAllowed(input.expiresAt, ends, now)) throw new DomainError('INVITE_EXPIRY_INVALID')
  const { expiresAt } = input

  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const doc: InviteDoc = {
      _id: inviteCodeFrom(randomBytes(8)),
      weekId,
      activityIds: docs.map((d) => d._id),
      createdBy: ctx.openid,
      expiresAt: new Date(expiresAt),
      createdAt: new Date(now),
      redeemedBy: [],
    }
    try {
      await ctx.db.collection(COLLECTIONS.invites).add({ data: doc })
      return { code: doc._id, weekId, activityIds: doc.activityIds, expiresAt }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  throw new DomainError('CONFLICT')
}

/**
 * Redeems a code: the caller becomes a volunteer of its activities. One read (invite, account), then
 * up to two writes, each skipped when already done, so redeeming the same code again finishes a
 * call that died between them and otherwise changes nothing:
 *   1. the caller's volunteer grant for the invite's activities they do not hold yet (one update,
 *      or the account created with it)
 *   2. the caller added to the invite's redeemedBy (the organiser's overview), when not there
 */
export async function redeemInvite(ctx: ActionContext, input: { code: string }) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const [[invite], user] = await Promise.all([
    readDocs<InviteDoc>(db.collection(COLLECTIONS.invites).where({ _id: input.code }).limit(1)),
    readUser(db, ctx.openid),
  ])
  if (!invite) throw new DomainError('INVITE_NOT_FOUND')
  if (ms(invite.expiresAt) <= now) throw new DomainError('INVITE_EXPIRED')
  const held = new Set((user?.roles ?? []).flatMap((r) => (r.role === 'volunteer' && r.weekId === invite.weekId ? r.activityIds : [])))
  const missing = invite.activityIds.filter((id) => !held.has(id))
  if (missing.length > 0) {
    const grant: RoleGrant = { role: 'volunteer', weekId: invite.weekId, activityIds: missing }
    await upsertUser(db, ctx.openid, { roles: _.push([grant]) }, () => ({ roles: [grant] }), now, user !== null)
  }
  if (!(invite.redeemedBy ?? []).includes(ctx.openid)) {
    await db
      .collection(COLLECTIONS.invites)
      .doc(invite._id)
      .update({ data: { redeemedBy: _.addToSet(ctx.openid) } })
  }
  const docs = await readActivities(ctx, invite.activityIds)
  return { weekId: invite.weekId, activities: docs.map(toVolunteerActivity) }
}
