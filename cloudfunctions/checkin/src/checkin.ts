// Check-in of a registration: by ticket (online scan, offline sync) or by hand after a lookup.
//   1. one read: caller roles + activity + registration (with its person's check-ins so far, its
//      own among them when it was checked in already) + week key
//   2. the activity: attendance counters moved with a pending entry `ck~<hash of the registration
//      id>` in ONE conditional update (see _core/journal.ts, _core/countedRecord.ts)
//   3. insert the check-in, `_id` = registration id, carrying the entry's op: a second check-in
//      is a duplicate key
//   4. the entry settled
// Four database operations, the role check included. Every refusal, and a check-in found by the
// read, is decided before the first write, so a refused scan writes nothing. A call that dies
// between 2 and 4 leaves an entry the repair reverts or settles; a retry of the same request
// (same nonce) adopts it.
import type { CheckinResult, SyncItem, SyncResult } from '@shared/contracts/checkin'
import { checkinArrivals, checkinDelta, checkinRefusal, scanInstant, addAttendance } from '@shared/domain/attendance'
import { maskName } from '@shared/domain/mask'
import { parseTicket, verifyTicket } from '@shared/domain/ticket'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type CheckinDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { cachedWeekKey } from '../../_core/keys'
import { readDocs } from '../../_core/read'
import { insertCounted } from '../../_core/countedRecord'
import { attendanceAmounts, attendanceOf } from '../../_core/stats'
import { mapBounded } from '../../_core/write'
import { isFirstInDistrict, loadDoorContext, mayCheckIn, type DoorContext, type RegistrationRef } from './context'
import { countsOf, ms, toCheckedInBy, volunteerLabel } from './views'

type Method = CheckinDoc['method']

interface Attempt {
  activityId: string
  method: Method
  nonce: string | null
  scannedAt: number
}

/** A check-in the same nonce already made (a replayed offline queue): answered as done. */
class Replayed {
  constructor(readonly doc: CheckinDoc) {}
}

async function readCheckin(ctx: ActionContext, id: string): Promise<CheckinDoc | null> {
  const [doc] = await readDocs<CheckinDoc>(ctx.db.collection(COLLECTIONS.checkins).where({ _id: id }).limit(1))
  return doc ?? null
}

/** The refusals, in the order a volunteer needs them; throws the first that applies. */
function judge(dc: DoorContext, attempt: Attempt, at: number, token: string | null): asserts dc is DoorContext & { activity: ActivityDoc } {
  const activity = dc.activity
  if (!activity || activity.status === 'draft') throw new DomainError('ACTIVITY_NOT_FOUND')
  if (!mayCheckIn(dc.caller, activity)) throw new DomainError('FORBIDDEN')
  if (token !== null) {
    const parsed = parseTicket(token)
    if (!parsed) throw new DomainError('TOKEN_INVALID')
    if (parsed.activityId !== activity._id) throw new DomainError('WRONG_ACTIVITY')
    const key = dc.weekKey?.publicKey ?? cachedWeekKey(activity.weekId)?.publicKey
    if (!key || !verifyTicket(token, key).ok) throw new DomainError('TOKEN_INVALID')
    // Signed by us, but no registration carries that ticket id (any more).
    if (!dc.registration) throw new DomainError('TOKEN_INVALID')
  }
  const reg = dc.registration
  if (!reg) throw new DomainError('REGISTRATION_NOT_FOUND')
  if (reg.activityId !== activity._id) throw new DomainError('WRONG_ACTIVITY')
  if (reg.status !== 'confirmed' || reg.activityCancelled) throw new DomainError('REGISTRATION_CANCELLED')
  const refusal = checkinRefusal(
    { status: activity.status, startAt: ms(activity.startAt), endAt: ms(activity.endAt), checkinLeadMinutes: activity.checkinLeadMinutes },
    at,
  )
  if (refusal) throw new DomainError(refusal)
  void attempt
}

/** Already checked in: Replayed for the same nonce, else ALREADY_CHECKED_IN with who and when. */
function alreadyCheckedIn(first: CheckinDoc | null, registrationId: string, attempt: Attempt): Replayed {
  if (first && attempt.nonce !== null && first.nonce === attempt.nonce) return new Replayed(first)
  throw new DomainError('ALREADY_CHECKED_IN', first ? { ...toCheckedInBy(first), registrationId } : { registrationId })
}

/** Waits between reads of a check-in another call is writing right now (its move is pending). */
const IN_FLIGHT_WAITS_MS = [0, 100, 300]

/** The check-in another request is writing right now, once it lands (null if it has not by then). */
async function inFlightCheckin(ctx: ActionContext, id: string): Promise<CheckinDoc | null> {
  for (const wait of IN_FLIGHT_WAITS_MS) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const doc = await readCheckin(ctx, id)
    if (doc) return doc
  }
  return null
}

/** Steps 2 to 4. Throws ALREADY_CHECKED_IN (with who and when) or answers Replayed for the same nonce. */
async function record(
  ctx: ActionContext,
  dc: DoorContext & { activity: ActivityDoc },
  attempt: Attempt,
): Promise<CheckinResult | Replayed> {
  const { db } = ctx
  const reg = dc.registration!
  const activity = dc.activity
  if (dc.checkin) return alreadyCheckedIn(dc.checkin, reg._id, attempt)
  const build = (at: number) => {
    // An online scan is stored at the time of its move (a retry adopting a move keeps its time).
    const scannedAt = attempt.method === 'offline' ? attempt.scannedAt : at
    const doc: CheckinDoc = {
      _id: reg._id,
      activityId: activity._id,
      weekId: activity.weekId,
      districtCode: activity.districtCode,
      registrationId: reg._id,
      audience: reg.person.audience ?? null,
      proxy: reg.proxy,
      personId: reg.personId,
      community: reg.person.community ?? null,
      firstInDistrict: isFirstInDistrict(dc.priorCheckins, activity, reg._id),
      method: attempt.method,
      volunteer: ctx.openid,
      volunteerName: volunteerLabel(dc.callerName),
      nonce: attempt.nonce,
      scannedAt: new Date(scannedAt),
      createdAt: new Date(at),
    }
    const arrivals = checkinArrivals(scannedAt, doc.firstInDistrict === true, doc.community)
    return { doc, inc: attendanceAmounts(checkinDelta(doc.audience, doc.proxy), arrivals) }
  }
  const out = await insertCounted<CheckinDoc>(db, {
    kind: 'ck',
    collection: COLLECTIONS.checkins,
    id: reg._id,
    activityId: activity._id,
    nonce: attempt.nonce,
    now: ctx.now(),
    build,
  })
  if (out.status === 'followed') return new Replayed(out.existing)
  if (out.status === 'duplicate') return alreadyCheckedIn(out.existing ?? (await readCheckin(ctx, reg._id)), reg._id, attempt)
  // Another request's move of this check-in is pending: it is checking the person in right now.
  if (out.status === 'busy') return alreadyCheckedIn(await inFlightCheckin(ctx, reg._id), reg._id, attempt)
  const doc = out.doc
  return {
    registrationId: reg._id,
    activityId: activity._id,
    name: maskName(reg.person.name),
    proxy: reg.proxy,
    checkedInAt: doc.scannedAt.getTime(),
    method: attempt.method,
    // The counts read a moment ago plus this check-in (others may have landed meanwhile).
    counts: countsOf(activity, addAttendance(attendanceOf(activity), checkinDelta(doc.audience, doc.proxy))),
  }
}

async function checkInOnce(ctx: ActionContext, ref: RegistrationRef, token: string | null, attempt: Attempt) {
  const at = attempt.scannedAt
  const dc = await loadDoorContext(ctx.db, ctx.openid, attempt.activityId, ref)
  judge(dc, attempt, at, token)
  return { dc, outcome: await record(ctx, dc, attempt) }
}

function refFromToken(token: string): RegistrationRef {
  const parsed = parseTicket(token)
  if (!parsed) throw new DomainError('TOKEN_INVALID')
  return { ticketId: parsed.ticketId }
}

export async function scan(
  ctx: ActionContext,
  input: { activityId: string; token: string; nonce?: string; scannedAt?: number; offline: boolean },
): Promise<CheckinResult> {
  const now = ctx.now()
  const attempt: Attempt = {
    activityId: input.activityId,
    method: input.offline ? 'offline' : 'ticket',
    nonce: input.nonce ?? null,
    scannedAt: scanInstant(now, input.scannedAt, input.offline),
  }
  const { dc, outcome } = await checkInOnce(ctx, refFromToken(input.token), input.token, attempt)
  return outcome instanceof Replayed ? replayedResult(dc, outcome.doc) : outcome
}

export async function manual(
  ctx: ActionContext,
  input: { activityId: string; registrationId: string; nonce?: string },
): Promise<CheckinResult> {
  const attempt: Attempt = { activityId: input.activityId, method: 'manual', nonce: input.nonce ?? null, scannedAt: ctx.now() }
  const { dc, outcome } = await checkInOnce(ctx, { registrationId: input.registrationId }, null, attempt)
  return outcome instanceof Replayed ? replayedResult(dc, outcome.doc) : outcome
}

function replayedResult(dc: DoorContext, doc: CheckinDoc): CheckinResult {
  const activity = dc.activity as ActivityDoc
  return {
    registrationId: doc.registrationId,
    activityId: doc.activityId,
    name: maskName(dc.registration?.person.name),
    proxy: doc.proxy,
    checkedInAt: ms(doc.scannedAt),
    method: doc.method,
    counts: countsOf(activity),
  }
}

/** Items of one sync handled at once. */
const SYNC_CONCURRENCY = 8

/**
 * An offline queue: each item is a scan judged at its scan time. Idempotent per nonce (an item
 * synced before answers ok, replayed) and per registration (a person checked in elsewhere
 * first answers ALREADY_CHECKED_IN with who and when). Four operations per new item (read, move,
 * check-in, settle), plus one read of the activities' counts at the end.
 */
export async function sync(ctx: ActionContext, input: { items: SyncItem[] }) {
  const now = ctx.now()
  const results = await mapBounded(input.items, SYNC_CONCURRENCY, async (item): Promise<SyncResult> => {
    const base = { nonce: item.nonce, replayed: false, registrationId: null, name: null, checkedIn: null }
    try {
      const attempt: Attempt = {
        activityId: item.activityId,
        method: 'offline',
        nonce: item.nonce,
        scannedAt: scanInstant(now, item.scannedAt, true),
      }
      const { dc, outcome } = await checkInOnce(ctx, refFromToken(item.token), item.token, attempt)
      if (outcome instanceof Replayed) {
        return {
          ...base,
          ok: true,
          replayed: true,
          code: null,
          registrationId: outcome.doc.registrationId,
          name: maskName(dc.registration?.person.name),
          checkedIn: toCheckedInBy(outcome.doc),
        }
      }
      return { ...base, ok: true, code: null, registrationId: outcome.registrationId, name: outcome.name }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      const d = err.details as ({ registrationId?: string } & Partial<ReturnType<typeof toCheckedInBy>>) | undefined
      return {
        ...base,
        ok: false,
        code: err.code,
        registrationId: d?.registrationId ?? null,
        checkedIn:
          d?.checkedInAt !== undefined ? { checkedInAt: d.checkedInAt, byName: d.byName ?? '志愿者', offline: d.offline ?? false } : null,
      }
    }
  })
  const ids = [...new Set(input.items.map((i) => i.activityId))]
  const docs = await readDocs<ActivityDoc>(
    ctx.db
      .collection(COLLECTIONS.activities)
      .where({ _id: ctx.db.command.in(ids) })
      .limit(ids.length),
  )
  const counts: Record<string, ReturnType<typeof countsOf>> = {}
  for (const doc of docs) if (mayCheckIn(await ctx.caller(), doc)) counts[doc._id] = countsOf(doc)
  return { results, counts }
}
