import type { Notice, Overlap, Registration } from '@shared/contracts/signup'
import { isActive } from '@shared/domain/counters'
import { cancelRefusal, overlapsInTime } from '@shared/domain/signupRules'
import type { ActivityDoc, OutboxDoc, RegistrationDoc } from '../../_core/collections'

const ms = (d: Date | string | number) => new Date(d).getTime()

export function toSignupTarget(doc: ActivityDoc) {
  return {
    status: doc.status,
    signup: doc.signup
      ? { opensAt: ms(doc.signup.opensAt), closesAt: ms(doc.signup.closesAt), cancelDeadline: ms(doc.signup.cancelDeadline) }
      : null,
  }
}

/**
 * What the person sees of a registration; `activity` is the current activity document, `checkedInAt`
 * the scan time of its check-in record (null when there is none or it was not looked up).
 */
export function toRegistration(
  reg: RegistrationDoc,
  activity: ActivityDoc | null,
  now: number,
  position: number | null,
  checkedInAt: number | null = null,
): Registration {
  const cancelled = reg.activityCancelled || activity?.status === 'cancelled'
  const canCancel = isActive(reg.status) && !cancelled && activity !== null && cancelRefusal(toSignupTarget(activity), now) === null
  return {
    id: reg._id,
    activityId: reg.activityId,
    personId: reg.memberId ?? 'self',
    personName: reg.person.name,
    relation: reg.relation,
    proxy: reg.proxy,
    status: reg.status,
    position: reg.status === 'waitlisted' ? position : null,
    activity: {
      title: activity?.title ?? reg.title,
      status: cancelled ? 'cancelled' : (activity?.status ?? 'published'),
      startAt: ms(activity?.startAt ?? reg.startAt),
      endAt: ms(activity?.endAt ?? reg.endAt),
      districtName: activity?.districtName ?? '',
      mode: activity?.mode ?? 'offline',
      venueName: activity?.venue?.name ?? null,
      address: activity?.venue?.address ?? null,
      cancelDeadline: activity?.signup ? ms(activity.signup.cancelDeadline) : null,
      contactPhone: activity?.contactPhone ?? null,
    },
    canCancel,
    checkedInAt,
    createdAt: ms(reg.createdAt),
  }
}

/** The person's other active registrations whose time overlaps the activity's. */
export function overlapsWith(activity: Pick<ActivityDoc, '_id' | 'startAt' | 'endAt'>, regs: RegistrationDoc[]): Overlap[] {
  const span = { startAt: ms(activity.startAt), endAt: ms(activity.endAt) }
  return regs
    .filter((r) => r.activityId !== activity._id && !r.activityCancelled && isActive(r.status))
    .filter((r) => overlapsInTime(span, { startAt: ms(r.startAt), endAt: ms(r.endAt) }))
    .sort((a, b) => ms(a.startAt) - ms(b.startAt))
    .map((r) => ({
      registrationId: r._id,
      activityId: r.activityId,
      title: r.title,
      startAt: ms(r.startAt),
      endAt: ms(r.endAt),
      status: r.status as 'confirmed' | 'waitlisted',
    }))
}

export function toNotice(doc: OutboxDoc): Notice {
  if (doc.template === 'summary_due') {
    const p = doc.payload
    return {
      id: doc._id,
      template: doc.template,
      weekId: p.weekId,
      level: p.level,
      unitCode: p.unitCode,
      unitName: p.unitName,
      deadline: p.deadline,
      daysLeft: p.daysLeft,
      createdAt: ms(doc.createdAt),
      readAt: doc.readAt ? ms(doc.readAt) : null,
    }
  }
  return {
    id: doc._id,
    template: doc.template,
    personName: doc.person.name,
    activityId: doc.payload.activityId,
    registrationId: doc.payload.registrationId,
    title: doc.payload.title,
    startAt: ms(doc.payload.startAt),
    reason: doc.payload.reason ?? null,
    createdAt: ms(doc.createdAt),
    readAt: doc.readAt ? ms(doc.readAt) : null,
  }
}
