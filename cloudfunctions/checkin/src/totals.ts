import type { ActionContext } from '../../_core/handler'
import { districtsRunBy, requireThat } from '../../_core/roles'
import { attendanceTotals } from '../../_core/stats'

/** Attendance of a week from the activities' kept counters: admins all of it, organisers their districts. */
export async function totals(ctx: ActionContext, input: { weekId: string }) {
  const caller = await ctx.caller()
  const districts = await districtsRunBy(ctx.db, caller, input.weekId)
  requireThat(districts === null || districts.length > 0)
  const t = await attendanceTotals(ctx.db, input.weekId, districts)
  return { weekId: input.weekId, ...t }
}
