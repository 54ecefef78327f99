import type { CheckedInBy, CheckinCounts, RosterEntry, VolunteerActivity } from '@shared/contracts/checkin'
import { checkinWindow, participantsOf, type Attendance } from '@shared/domain/attendance'
import { maskName, phoneTail } from '@shared/domain/mask'
import type { ActivityDoc, CheckinDoc, RegistrationDoc } from '../../_core/collections'
import { attendanceOf, countersOf } from '../../_core/stats'

export const ms = (d: Date | string | number) => new Date(d).getTime()

/** Who the volunteer is to others: their masked name, or 志愿者 without a profile. */
export const volunteerLabel = (name: string | null | undefined) => (name && name.trim() ? maskName(name) : '志愿者')

export function countsOf(doc: ActivityDoc, attendance: Attendance = attendanceOf(doc)): CheckinCounts {
  return {
    registered: countersOf(doc).confirmed,
    checkedIn: attendance.checkedIn,
    walkIns: attendance.walkIns,
    walkInHeadcount: attendance.walkInHeadcount,
    participants: participantsOf(attendance),
    capacity: doc.signup?.capacity ?? null,
  }
}

export function checkinTarget(doc: ActivityDoc) {
  return { status: doc.status, startAt: ms(doc.startAt), endAt: ms(doc.endAt), checkinLeadMinutes: doc.checkinLeadMinutes ?? null }
}

export function toVolunteerActivity(doc: ActivityDoc): VolunteerActivity {
  const w = checkinWindow(checkinTarget(doc))
  return {
    id: doc._id,
    weekId: doc.weekId,
    title: doc.title,
    districtName: doc.districtName,
    venueName: doc.venue?.name ?? null,
    startAt: ms(doc.startAt),
    endAt: ms(doc.endAt),
    status: doc.status,
    checkinOpensAt: w.opensAt,
    checkinClosesAt: w.closesAt,
    counts: countsOf(doc),
  }
}

export function toCheckedInBy(doc: CheckinDoc): CheckedInBy {
  return { checkedInAt: ms(doc.scannedAt), byName: doc.volunteerName, offline: doc.method === 'offline' }
}

export function toRosterEntry(reg: RegistrationDoc, checkin: CheckinDoc | undefined): RosterEntry {
  return {
    registrationId: reg._id,
    ticketId: reg.ticketId ?? null,
    name: maskName(reg.person.name),
    phoneTail: phoneTail(reg.person.phone ?? null),
    proxy: reg.proxy,
    status: reg.status,
    checkedIn: checkin ? toCheckedInBy(checkin) : null,
  }
}
