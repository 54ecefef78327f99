// The outbox: one record per message to a person. Written by the functions; in WeChat Cloud a
// sender turns records into subscribe messages (sentAt), locally the app lists them as notices.
import type { Database } from './cloud'
import { isDuplicateKey } from './write'
import { COLLECTIONS, type NoticeTemplate, type OutboxDoc, type RegistrationDoc } from './collections'

export interface NoticeActivity {
  _id: string
  title: string
  startAt: Date
}

export function noticeFor(
  template: NoticeTemplate,
  reg: Pick<RegistrationDoc, '_id' | 'openid' | 'personId' | 'person'>,
  activity: NoticeActivity,
  now: number,
  reason: string | null = null,
): Omit<OutboxDoc, '_id'> {
  return {
    recipient: reg.openid,
    person: { personId: reg.personId, name: reg.person.name },
    template,
    payload: {
      activityId: activity._id,
      registrationId: reg._id,
      title: activity.title,
      startAt: new Date(activity.startAt),
      reason,
    },
    createdAt: new Date(now),
    readAt: null,
    sentAt: null,
  }
}

/**
 * Writes one notice (one database operation). A lost notice must not undo a seat: errors are
 * logged. A notice with a deterministic `_id` that exists already answers false, silently: it was
 * written by an earlier try of the same step.
 */
export async function writeNotice(db: Database, notice: Omit<OutboxDoc, '_id'> & { _id?: string }): Promise<boolean> {
  try {
    await db.collection(COLLECTIONS.outbox).add({ data: notice })
    return true
  } catch (err) {
    if (notice._id && isDuplicateKey(err)) return false
    console.error(`[outbox] could not write ${notice.template} for ${notice.payload.registrationId}`, err)
    return false
  }
}
