// A week's stars settings (self-nomination, the vote phase), kept on the week document under `stars`.
import type { StarSettings } from '@shared/contracts/stars'
import { DomainError } from '@shared/errors'
import { COLLECTIONS } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { isAdmin, requireThat } from '../../_core/roles'
import { loadScope, loadWeek } from './view'

export async function getSettings(ctx: ActionContext, input: { weekId: string }): Promise<StarSettings> {
  const week = await loadWeek(ctx, input.weekId)
  return { weekId: week._id, selfNomination: week.stars?.selfNomination ?? false, vote: week.stars?.vote ?? null }
}

export async function setSettings(ctx: ActionContext, input: StarSettings): Promise<StarSettings> {
  const scope = await loadScope(ctx, input.weekId)
  requireThat(isAdmin(scope.caller, input.weekId))
  if (input.vote && input.vote.closesOn < input.vote.opensOn) throw new DomainError('VOTE_DATES_INVALID')
  const stars = { selfNomination: input.selfNomination, vote: input.vote }
  await ctx.db
    .collection(COLLECTIONS.weeks)
    .doc(input.weekId)
    .update({ data: { stars: ctx.db.command.set(stars), updatedAt: new Date(ctx.now()) } })
  return { weekId: input.weekId, ...stars }
}
