// privacy.erase: the caller deletes their and their family's data (steps in _core/erase.ts: mark and
// consent removed; upcoming registrations cancelled; every record anonymised in batches; profile,
// family and mark removed). Any signed-in caller, on their own account only. A call that stops on its
// time budget answers done: false and the client calls again; one that dies is finished by a retry
// or by the privacy timer (finishErasures).
import { eraseAccount } from '../../_core/erase'
import type { ActionContext } from '../../_core/handler'

export function erase(ctx: ActionContext, _input: { confirm: true }) {
  return eraseAccount(ctx.db, ctx.openid, ctx.now())
}
