// What a volunteer reads: their activities with live counts, the masked roster for offline
// scanning (with the weeks' public keys), and a registrant looked up by surname + phone tail.
import { phoneTail, surnameMatches } from '@shared/domain/mask'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type CheckinDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { ensureWeekKey } from '../../_core/keys'
import { readDocs } from '../../_core/read'
import { requireThat } from '../../_core/roles'
import { loadDoorContext, mayCheckIn } from './context'
import { toRosterEntry, toVolunteerActivity } from './views'

const PAGE = 1000

/** Every document of `collection` matching `where`, paged by _id (1000 per read). */
async function allOf<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: Record<string, unknown>,
  field?: Record<string, boolean>,
): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  let after = ''
  for (;;) {
    let q = db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
    if (field) q = q.field(field)
    const page = await readDocs<T>(q.limit(PAGE))
    out.push(...page)
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

/** The caller's volunteer activities that have not ended, soonest first: 2 reads. */
export async function myActivities(ctx: ActionContext) {
  const { db } = ctx
  const _ = db.command
  const caller = await ctx.caller()
  const ids = [...new Set(caller.roles.flatMap((r) => (r.role === 'volunteer' ? r.activityIds : [])))]
  if (ids.length === 0) return { items: [] }
  const docs: ActivityDoc[] = []
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    docs.push(
      ...(await readDocs<ActivityDoc>(
        db
          .collection(COLLECTIONS.activities)
          .where({ _id: _.in(chunk), endAt: _.gt(new Date(ctx.now())), status: _.neq('draft') })
          .limit(chunk.length),
      )),
    )
  }
  docs.sort((a, b) => new Date(a.startAt).getTime() - new Date(b.startAt).getTime() || a._id.localeCompare(b._id))
  return { items: docs.map(toVolunteerActivity) }
}

/**
 * The masked rosters of activities the caller checks in for, and the public keys of their weeks
 * (created on first use), for scanning offline. Cancelled registrations are listed too, so the
 * phone can say why a ticket is refused; waitlisted ones are not (they hold no ticket).
 */
export async function roster(ctx: ActionContext, input: { activityIds: string[] }) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const ids = [...new Set(input.activityIds)]
  const [caller, docs] = await Promise.all([
    ctx.caller(),
    readDocs<ActivityDoc>(
      db
        .collection(COLLECTIONS.activities)
        .where({ _id: _.in(ids) })
        .orderBy('startAt', 'asc')
        .limit(ids.length),
    ),
  ])
  if (docs.length !== ids.length || docs.some((d) => d.status === 'draft')) throw new DomainError('ACTIVITY_NOT_FOUND')
  requireThat(docs.every((d) => mayCheckIn(caller, d)))
  const weekIds = [...new Set(docs.map((d) => d.weekId))]
  const keys = await Promise.all(weekIds.map((w) => ensureWeekKey(db, w, now)))
  const activities = await Promise.all(
    docs.map(async (doc) => {
      const [regs, checkins] = await Promise.all([
        allOf<RegistrationDoc>(
          db,
          COLLECTIONS.registrations,
          { activityId: doc._id, status: _.in(['confirmed', 'cancelled']) },
          {
            _id: true,
            ticketId: true,
            person: true,
            proxy: true,
            status: true,
            activityId: true,
          },
        ),
        allOf<CheckinDoc>(db, COLLECTIONS.checkins, { activityId: doc._id }),
      ])
      const byReg = new Map(checkins.map((c) => [c._id, c]))
      return { ...toVolunteerActivity(doc), entries: regs.map((r) => toRosterEntry(r, byReg.get(r._id))) }
    }),
  )
  return { generatedAt: now, keys: keys.map((k) => ({ weekId: k.weekId, publicKey: k.publicKey })), activities }
}

/** Registrants of the activity whose name starts with the surname and whose phone ends with the tail: masked. */
export async function lookup(ctx: ActionContext, input: { activityId: string; surname: string; phoneTail: string }) {
  const { db } = ctx
  const _ = db.command
  const dc = await loadDoorContext(db, ctx.openid, input.activityId, null)
  if (!dc.activity || dc.activity.status === 'draft') throw new DomainError('ACTIVITY_NOT_FOUND')
  requireThat(mayCheckIn(dc.caller, dc.activity))
  const regs = await allOf<RegistrationDoc>(
    db,
    COLLECTIONS.registrations,
    { activityId: input.activityId, status: _.in(['confirmed', 'cancelled']) },
    {
      _id: true,
      ticketId: true,
      person: true,
      proxy: true,
      status: true,
    },
  )
  const found = regs
    .filter((r) => surnameMatches(r.person.name, input.surname) && phoneTail(r.person.phone ?? null) === input.phoneTail)
    .slice(0, 20)
  if (found.length === 0) return { matches: [] }
  const checkins = await readDocs<CheckinDoc>(
    db
      .collection(COLLECTIONS.checkins)
      .where({ _id: _.in(found.map((r) => r._id)) })
      .limit(found.length),
  )
  const byReg = new Map(checkins.map((c) => [c._id, c]))
  return { matches: found.map((r) => toRosterEntry(r, byReg.get(r._id))) }
}
