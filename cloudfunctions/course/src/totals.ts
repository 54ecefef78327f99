import type { ActionContext } from '../../_core/handler'
import { courseTotals } from '../../_core/courseStats'
import { districtsRunBy, requireThat } from '../../_core/roles'

/** Learning totals of a week from the courses' kept counters: admins all of it, organisers their districts. */
export async function totals(ctx: ActionContext, input: { weekId: string }) {
  const caller = await ctx.caller()
  const districts = await districtsRunBy(ctx.db, caller, input.weekId)
  requireThat(districts === null || districts.length > 0)
  return { weekId: input.weekId, ...(await courseTotals(ctx.db, input.weekId, districts)) }
}
