import type { FamilyMember, FamilyMemberInput, ProfileView } from '@shared/contracts/signup'
import { FAMILY_LIMIT } from '@shared/domain/people'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type FamilyMemberDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { readUser, requireConsent, saveProfile, upsertUser } from '../../_core/users'
import { updateCount } from '../../_core/write'

const toMember = (m: FamilyMemberDoc): FamilyMember => ({
  id: m.id,
  name: m.name,
  phone: m.phone,
  ageGroup: m.ageGroup,
  relation: m.relation,
  audience: m.audience,
})

export async function getProfile(ctx: ActionContext) {
  const user = await readUser(ctx.db, ctx.openid)
  return { profile: user?.profile ?? null }
}

/** Read first: personal fields only from a caller who agreed to the current guide (the consent stays on the document). */
export async function putProfile(ctx: ActionContext, input: { profile: ProfileView }) {
  const user = await readUser(ctx.db, ctx.openid)
  requireConsent(user)
  await saveProfile(ctx.db, ctx.openid, input.profile, ctx.now(), true)
  return { profile: input.profile }
}

export async function listFamily(ctx: ActionContext) {
  const user = await readUser(ctx.db, ctx.openid)
  return { members: (user?.family ?? []).map(toMember) }
}

export async function addFamily(
  ctx: ActionContext,
  input: Required<Pick<FamilyMemberInput, 'phone' | 'audience'>> & Omit<FamilyMemberInput, 'phone' | 'audience'>,
) {
  const { db } = ctx
  const now = ctx.now()
  const user = await readUser(db, ctx.openid)
  const consent = requireConsent(user)
  if ((user?.family?.length ?? 0) >= FAMILY_LIMIT) throw new DomainError('FAMILY_LIMIT')
  const member: FamilyMemberDoc = {
    id: `m${randomId(8)}`,
    name: input.name,
    phone: input.phone ?? null,
    ageGroup: input.ageGroup,
    relation: input.relation,
    audience: input.audience ?? null,
    consent,
    createdAt: new Date(now),
  }
  await upsertUser(db, ctx.openid, { family: db.command.push([member]) }, () => ({ family: [member] }), now, user !== null)
  return { member: toMember(member) }
}

/** Read first, so that removing a member one does not have writes nothing. */
export async function removeFamily(ctx: ActionContext, input: { memberId: string }) {
  const { db } = ctx
  const user = await readUser(db, ctx.openid)
  if (!user?.family?.some((m) => m.id === input.memberId)) throw new DomainError('FAMILY_MEMBER_NOT_FOUND')
  const removed = await updateCount(db.collection(COLLECTIONS.users).where({ _id: ctx.openid, 'family.id': input.memberId }), {
    family: db.command.pull({ id: input.memberId }),
    updatedAt: new Date(ctx.now()),
  })
  if (removed !== 1) throw new DomainError('FAMILY_MEMBER_NOT_FOUND')
  return { memberId: input.memberId }
}
