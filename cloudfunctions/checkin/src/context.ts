import {
  COLLECTIONS,
  type ActivityDoc,
  type CheckinDoc,
  type RegistrationDoc,
  type RoleGrant,
  type UserDoc,
  type WeekKeyDoc,
} from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { aggregateDocs } from '../../_core/read'
import { isOrganiserOf, isVolunteerOf, type Caller } from '../../_core/roles'
import { subPipeline } from '../../_core/pipeline'

/** An earlier check-in of the same person (any activity), as the door read sees it. */
export interface PriorCheckin {
  _id: string
  weekId: string
  districtCode: string
}

export interface DoorContext {
  caller: Caller
  /** The caller's own name (for "checked in by"), when they have a profile. */
  callerName: string | null
  activity: ActivityDoc | null
  /** The registration asked for (by ticket id or registration id), when given and found. */
  registration: RegistrationDoc | null
  /** The check-ins of the registration's person so far (for the distinct-people counter). */
  priorCheckins: PriorCheckin[]
  /**
   * The registration's own check-in, when the read found it among its person's (check-ins stored
   * before `personId` was kept are not found here: the insert's duplicate key still refuses them).
   */
  checkin: CheckinDoc | null
  /** The activity's week key document, when the week has one. */
  weekKey: WeekKeyDoc | null
}

export type RegistrationRef = { ticketId: string } | { registrationId: string } | null

/**
 * Everything a check-in decides on, in ONE database operation: the caller's roles and name, the
 * activity being checked in for, the registration (by its ticket id within that activity, or by
 * its id) with its person's check-ins so far, and the activity's week key (joined on
 * activity.weekId). A caller without an account
 * document has no roles: nothing comes back and they are refused.
 */
export async function loadDoorContext(db: Database, openid: string, activityId: string, ref: RegistrationRef): Promise<DoorContext> {
  const pipeline = () => subPipeline(db)
  let query = db
    .collection(COLLECTIONS.users)
    .aggregate()
    .match({ _id: openid })
    .project({ roles: 1, 'profile.name': 1 })
    .lookup({ from: COLLECTIONS.activities, pipeline: pipeline().match({ _id: activityId }).limit(1).done(), as: 'activity' })
    .lookup({ from: COLLECTIONS.weekKeys, localField: 'activity.weekId', foreignField: '_id', as: 'weekKey' })
  if (ref) {
    const match = 'ticketId' in ref ? { activityId, ticketId: ref.ticketId } : { _id: ref.registrationId }
    query = query.lookup({
      from: COLLECTIONS.registrations,
      pipeline: pipeline()
        .match(match)
        .limit(1)
        .lookup({ from: COLLECTIONS.checkins, localField: 'personId', foreignField: 'personId', as: 'priorCheckins' })
        .done(),
      as: 'registration',
    })
  }
  const [row] = await aggregateDocs<
    Pick<UserDoc, 'roles' | 'profile'> & {
      activity: ActivityDoc[]
      weekKey: WeekKeyDoc[]
      registration?: (RegistrationDoc & { priorCheckins?: CheckinDoc[] })[]
    }
  >(query.limit(1))
  const reg = row?.registration?.[0]
  return {
    caller: { openid, roles: (row?.roles ?? []) as RoleGrant[] },
    callerName: row?.profile?.name ?? null,
    activity: row?.activity?.[0] ?? null,
    registration: reg ? stripPrior(reg) : null,
    priorCheckins: (reg?.priorCheckins ?? []).map((c) => ({ _id: c._id, weekId: c.weekId, districtCode: c.districtCode })),
    checkin: (reg && reg.priorCheckins?.find((c) => c._id === reg._id)) ?? null,
    weekKey: row?.weekKey?.[0] ?? null,
  }
}

function stripPrior(reg: RegistrationDoc & { priorCheckins?: CheckinDoc[] }): RegistrationDoc {
  const { priorCheckins: _prior, ...rest } = reg
  void _prior
  return rest
}

/** True when none of the person's earlier check-ins was in this activity's district and week. */
export function isFirstInDistrict(
  prior: PriorCheckin[],
  activity: Pick<ActivityDoc, 'weekId' | 'districtCode'>,
  registrationId: string,
): boolean {
  return !prior.some((c) => c._id !== registrationId && c.weekId === activity.weekId && c.districtCode === activity.districtCode)
}

/** Volunteers of the activity, and organisers of its district (admins of its week). */
export function mayCheckIn(caller: Caller, activity: Pick<ActivityDoc, '_id' | 'weekId' | 'districtCode'>): boolean {
  return isVolunteerOf(caller, activity._id) || isOrganiserOf(caller, activity.weekId, activity.districtCode)
}
