import type { ActionContext } from '../../_core/handler'
import { isAdmin, requireThat } from '../../_core/roles'
import { attendanceTotals } from '../../_core/stats'

/** Attendance of a week from the activities' kept counters: admins all of it, organisers their districts. */
export async function totals(ctx: ActionContext, input: { weekId: string }) {
  const caller = await ctx.caller()
  const districts = isAdmin(caller, input.weekId)
    ? null
    : caller.roles.flatMap((r) => (r.role === 'organiser' && r.weekId === input.weekId ? [r.districtCode] : []))
  requireThat(districts === null || districts.length > 0)
  const t = await attendanceTotals(ctx.db, input.weekId, districts)
  return { weekId: input.weekId, ...t }
}
