// The stats domain's calls (organiser side): the dashboard's figures, the publicity records, the
// 总结表 (read, save, export) and the counters' reconciliation.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { statsContract } from '@shared/contracts/stats'
import { registerContract } from './contractRegistry'
import { newNonce } from '@/utils/nonce'
import { callCloud, callCloudOnceMore } from './callCloud'

registerContract('stats', statsContract)

type In<A extends ActionName<'stats'>> = InputOf<'stats', A>
type Out<A extends ActionName<'stats'>> = Promise<OutputOf<'stats', A>>

/** A week's (or a district's) figures for a day. */
export function loadDashboard(input: In<'dashboard'>): Out<'dashboard'> {
  return callCloud('stats', 'dashboard', input)
}

export function listPublicity(input: In<'publicity.list'>): Out<'publicity.list'> {
  return callCloud('stats', 'publicity.list', input)
}

export function addPublicity(input: In<'publicity.add'>): Out<'publicity.add'> {
  return callCloud('stats', 'publicity.add', input)
}

export function removePublicity(id: string): Out<'publicity.remove'> {
  return callCloud('stats', 'publicity.remove', { id })
}

/** The 总结表 of a week or a district, as stored and as counted. */
export function getSummary(input: In<'summary'>): Out<'summary'> {
  return callCloud('stats', 'summary', input)
}

export function saveSummary(input: In<'summary.save'>): Out<'summary.save'> {
  return callCloud('stats', 'summary.save', input)
}

/** The 总结表 as a file (docx or xlsx). */
export function exportSummary(input: In<'summary.export'>): Out<'summary.export'> {
  return callCloud('stats', 'summary.export', input)
}

/** One step of recounting a week's counters; the answer says where to go on. */
export function reconcileStep(input: In<'reconcile'>): Out<'reconcile'> {
  return callCloud('stats', 'reconcile', input)
}

/** Hand the 总结表 in to the level above (freezes a copy). */
export function submitSummary(input: In<'summary.submit'>): Out<'summary.submit'> {
  return callCloud('stats', 'summary.submit', input)
}

/** The level above: confirm a unit's submitted 总结表, or return it with a reason. */
export function reviewSummary(input: In<'summary.review'>): Out<'summary.review'> {
  return callCloud('stats', 'summary.review', input)
}

/** A unit's submitted copy, read-only. */
export function getSubmission(input: In<'summary.submission'>): Out<'summary.submission'> {
  return callCloud('stats', 'summary.submission', input)
}

/** What the person answered WeChat for the 总结表's deadline reminders, counted once per tap (nonce). */
export function subscribeSummaryReminders(input: Omit<In<'summary.subscribe'>, 'nonce'>, nonce = newNonce()): Out<'summary.subscribe'> {
  return callCloudOnceMore('stats', 'summary.subscribe', { ...input, nonce } as In<'summary.subscribe'>)
}
