// The outbox: one record per message to a person. Written by the functions; in WeChat Cloud a
// sender turns records into subscribe messages (sentAt), locally the app lists them as notices.
import type { Database } from './cloud'
import { isDuplicateKey } from './write'
import {
  COLLECTIONS,
  type NewNotice,
  type RegistrationDoc,
  type RegistrationNoticeDoc,
  type RegistrationNoticeTemplate,
} from './collections'

export interface NoticeActivity {
  _id: string
  title: string
  startAt: Date
}

export function noticeFor(
  template: RegistrationNoticeTemplate,
  reg: Pick<RegistrationDoc, '_id' | 'openid' | 'personId' | 'person'>,
  activity: NoticeActivity,
  now: number,
  reason: string | null = null,
): Omit<RegistrationNoticeDoc, '_id'> {
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
    // The notify timer sends it as a subscribe message at once, when the person accepted one.
    send: { state: 'pending', at: new Date(now), tries: 0, errcode: null },
  }
}

/**
 * Writes one notice (one database operation). A lost notice must not undo a seat: errors are
 * logged. A notice with a deterministic `_id` that exists already answers false, silently: it was
 * written by an earlier try of the same step.
 */
export async function writeNotice(db: Database, notice: NewNotice): Promise<boolean> {
  try {
    await db.collection(COLLECTIONS.outbox).add({ data: notice })
    return true
  } catch (err) {
    if (notice._id && isDuplicateKey(err)) return false
    const about = notice.template === 'summary_due' ? `${notice.payload.weekId} ${notice.payload.unitCode}` : notice.payload.registrationId
    console.error(`[outbox] could not write ${notice.template} for ${about}`, err)
    return false
  }
}
