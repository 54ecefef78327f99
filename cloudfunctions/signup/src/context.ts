import { isActive } from '@shared/domain/counters'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc, type UserDoc } from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { personIdOf, registrationId } from '../../_core/ids'
import { aggregateDocs } from '../../_core/read'
import { NO_JOURNAL } from '../../_core/journal'
import { subPipeline } from '../../_core/pipeline'

export interface SignupContext {
  activityId: string
  personId: string
  registrationId: string
  memberId: string | null
  activity: ActivityDoc | null
  /** This person's registration for this activity, whatever its status. */
  existing: RegistrationDoc | null
  /** This person's active registrations that have not ended (for the overlap warning). */
  upcoming: RegistrationDoc[]
  /** The caller's profile, family and consent (null when they have no account document yet). */
  user: Pick<UserDoc, 'profile' | 'family' | 'consent'> | null
}

/**
 * Everything a sign-up decides on, in ONE database operation for a returning resident: their
 * account (profile, family), the activity, and every registration of the person (an equality
 * join on the registrations' personId: the one for this activity tells a duplicate or a
 * re-sign-up, the upcoming active ones the overlaps). A caller without an account document yet
 * (first sign-up) costs a second read, from the activity side.
 * Keeps a returning resident's sign-up at three operations: this read, the seat, the registration.
 */
export async function loadSignupContext(
  db: Database,
  input: { activityId: string; openid: string; memberId: string | null; now: number },
): Promise<SignupContext> {
  const _ = db.command
  const $ = _.aggregate
  const pipeline = () => subPipeline(db)
  const personId = personIdOf(input.openid, input.memberId)
  const regId = registrationId(input.activityId, personId)
  const personKey = { personKey: $.literal(personId) }
  const regsLookup = { from: COLLECTIONS.registrations, localField: 'personKey', foreignField: 'personId', as: 'regs' }
  const base = { activityId: input.activityId, personId, registrationId: regId, memberId: input.memberId }
  const split = (regs: RegistrationDoc[]) => ({
    existing: regs.find((r) => r._id === regId) ?? null,
    upcoming: regs.filter((r) => r._id !== regId && isActive(r.status) && !r.activityCancelled && new Date(r.endAt).getTime() > input.now),
  })

  const [mine] = await aggregateDocs<
    Pick<UserDoc, 'profile' | 'family' | 'consent'> & { activity: ActivityDoc[]; regs: RegistrationDoc[] }
  >(
    db
      .collection(COLLECTIONS.users)
      .aggregate()
      .match({ _id: input.openid })
      .project({ profile: 1, family: 1, consent: 1 })
      .addFields(personKey)
      .lookup({
        from: COLLECTIONS.activities,
        pipeline: pipeline().match({ _id: input.activityId }).project(NO_JOURNAL).limit(1).done(),
        as: 'activity',
      })
      .lookup(regsLookup)
      .limit(1),
  )
  if (mine) {
    const { activity, regs, profile, family, consent } = mine
    return { ...base, activity: activity[0] ?? null, ...split(regs), user: { profile, family, consent } }
  }

  const [row] = await aggregateDocs<ActivityDoc & { regs: RegistrationDoc[]; personKey?: string }>(
    db
      .collection(COLLECTIONS.activities)
      .aggregate()
      .match({ _id: input.activityId })
      .project(NO_JOURNAL)
      .addFields(personKey)
      .lookup(regsLookup)
      .limit(1),
  )
  if (!row) return { ...base, activity: null, existing: null, upcoming: [], user: null }
  const { regs, personKey: _key, ...activity } = row
  return { ...base, activity: activity as ActivityDoc, ...split(regs), user: null }
}
