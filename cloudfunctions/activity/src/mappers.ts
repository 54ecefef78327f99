import type { ActivityDetail, ActivitySummary, ManagedActivity, ManagedSummary, ManagedWeek, Week } from '@shared/contracts/activity'
import { DEFAULT_SIGNUP_FIELDS } from '@shared/domain/people'
import { RETENTION_DAYS_DEFAULT, retentionDate } from '@shared/domain/privacy'
import type { ActivityDoc, WeekDoc } from '../../_core/collections'
import { attendanceOf, countersOf } from '../../_core/stats'

const ms = (d: Date | null | undefined) => (d ? new Date(d).getTime() : null)

export function toWeek(doc: WeekDoc): Week {
  return {
    id: doc._id,
    name: doc.name,
    level: doc.level,
    region: doc.region,
    theme: doc.theme,
    startDate: doc.startDate,
    endDate: doc.endDate,
    districts: doc.districts,
    summaryDeadline: doc.summaryDeadline,
    organiser: doc.organiser,
  }
}

export function toSummary(doc: ActivityDoc): ActivitySummary {
  return {
    id: doc._id,
    weekId: doc.weekId,
    title: doc.title,
    type: doc.type as ActivitySummary['type'],
    topics: doc.topics as ActivitySummary['topics'],
    audiences: doc.audiences as ActivitySummary['audiences'],
    districtCode: doc.districtCode,
    districtName: doc.districtName,
    mode: doc.mode,
    venueName: doc.venue?.name ?? null,
    startAt: new Date(doc.startAt).getTime(),
    endAt: new Date(doc.endAt).getTime(),
    signupRequired: doc.signup !== null,
    capacity: doc.signup?.capacity ?? null,
    seatsLeft: doc.signup ? doc.seatsLeft : null,
    signupClosesAt: ms(doc.signup?.closesAt),
    status: doc.status,
  }
}

export function toDetail(doc: ActivityDoc): ActivityDetail {
  return {
    ...toSummary(doc),
    description: doc.description,
    organizer: doc.organizer,
    coOrganizers: doc.coOrganizers,
    address: doc.venue?.address ?? null,
    onlineUrl: doc.onlineUrl,
    signupOpensAt: ms(doc.signup?.opensAt),
    cancelDeadline: ms(doc.signup?.cancelDeadline),
    signupFields: doc.signup ? (doc.signup.fields ?? DEFAULT_SIGNUP_FIELDS) : [],
    cancelReason: doc.cancelReason ?? null,
    ...(doc.checkinLeadMinutes !== undefined ? { checkinLeadMinutes: doc.checkinLeadMinutes } : {}),
    location: doc.location ?? null,
    contactName: doc.contactName ?? null,
    contactPhone: doc.contactPhone ?? null,
  }
}

export function toManaged(doc: ActivityDoc): ManagedActivity {
  return { ...toDetail(doc), counters: countersOf(doc), attendance: attendanceOf(doc) }
}

export function toManagedSummary(doc: ActivityDoc): ManagedSummary {
  return { ...toSummary(doc), counters: countersOf(doc), attendance: attendanceOf(doc) }
}

export function toManagedWeek(doc: WeekDoc): ManagedWeek {
  const retentionDays = doc.retentionDays ?? RETENTION_DAYS_DEFAULT
  return {
    ...toWeek(doc),
    contacts: doc.contacts,
    status: doc.status,
    retentionDays,
    retentionDate: retentionDate(doc.summaryDeadline, retentionDays),
    anonymisedAt: doc.retention?.doneAt ? doc.retention.doneAt.getTime() : null,
  }
}
