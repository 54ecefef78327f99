// Attendance: check-ins of registrations and walk-ins, the counters they move on the activity,
// the check-in window, and the recount the kept counters must equal. Pure; time passed in.
//
// The activity keeps `attendance`:
//   checkedIn        registrations checked in (ticket, manual or offline; one per registration)
//   proxyCheckedIn   of those, registrations made for a family member (代报名)
//   walkIns          walk-in records (a group is one record)
//   walkInHeadcount  people those records stand for
//   byAudience       participants per audience code: check-ins + walk-in headcount
//                    ('unspecified' when the sign-up form did not ask)
// Participants = checkedIn + walkInHeadcount. Every check-in and walk-in moves these in the same
// call that writes its record, by one `_.inc` update of the activity.

export const UNSPECIFIED_AUDIENCE = 'unspecified'

/** Minutes before the start when check-in opens, unless the activity says otherwise. */
export const DEFAULT_CHECKIN_LEAD_MINUTES = 60

export interface Attendance {
  checkedIn: number
  proxyCheckedIn: number
  walkIns: number
  walkInHeadcount: number
  byAudience: Record<string, number>
}

export const ATTENDANCE_KEYS = ['checkedIn', 'proxyCheckedIn', 'walkIns', 'walkInHeadcount'] as const

export const zeroAttendance = (): Attendance => ({ checkedIn: 0, proxyCheckedIn: 0, walkIns: 0, walkInHeadcount: 0, byAudience: {} })

/** What one check-in or walk-in adds. */
export type AttendanceDelta = Attendance

export function checkinDelta(audience: string | null | undefined, proxy: boolean): AttendanceDelta {
  return {
    checkedIn: 1,
    proxyCheckedIn: proxy ? 1 : 0,
    walkIns: 0,
    walkInHeadcount: 0,
    byAudience: { [audience || UNSPECIFIED_AUDIENCE]: 1 },
  }
}

export function walkinDelta(audience: string, headcount: number): AttendanceDelta {
  return { checkedIn: 0, proxyCheckedIn: 0, walkIns: 1, walkInHeadcount: headcount, byAudience: { [audience]: headcount } }
}

/** Attendance as stored (absent on activities nobody checked in to yet). */
export function readAttendance(stored: Partial<Record<string, unknown>> | null | undefined): Attendance {
  const out = zeroAttendance()
  for (const k of ATTENDANCE_KEYS) {
    const v = stored?.[k]
    out[k] = typeof v === 'number' && Number.isFinite(v) ? v : 0
  }
  const by = stored?.byAudience
  if (by && typeof by === 'object') {
    for (const [code, v] of Object.entries(by as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v) && v !== 0) out.byAudience[code] = v
    }
  }
  return out
}

export function addAttendance(...list: Attendance[]): Attendance {
  const out = zeroAttendance()
  for (const a of list) {
    for (const k of ATTENDANCE_KEYS) out[k] += a[k]
    for (const [code, v] of Object.entries(a.byAudience)) out.byAudience[code] = (out.byAudience[code] ?? 0) + v
  }
  return out
}

/** People who took part: checked-in registrations and walk-in heads. */
export const participantsOf = (a: Attendance) => a.checkedIn + a.walkInHeadcount

/** The attendance recomputed from the raw records: what the kept counters must equal. */
export function recountAttendance(
  checkins: { audience: string | null; proxy: boolean }[],
  walkins: { audience: string; headcount: number }[],
): Attendance {
  return addAttendance(
    ...checkins.map((c) => checkinDelta(c.audience, c.proxy)),
    ...walkins.map((w) => walkinDelta(w.audience, w.headcount)),
  )
}

export interface CheckinTarget {
  status: 'draft' | 'published' | 'cancelled'
  startAt: number
  endAt: number
  /** Minutes before the start when check-in opens (absent = DEFAULT_CHECKIN_LEAD_MINUTES). */
  checkinLeadMinutes?: number | null
}

/** [opensAt, closesAt]: from the lead time before the start until the end. */
export function checkinWindow(a: Pick<CheckinTarget, 'startAt' | 'endAt' | 'checkinLeadMinutes'>): { opensAt: number; closesAt: number } {
  const lead = a.checkinLeadMinutes ?? DEFAULT_CHECKIN_LEAD_MINUTES
  return { opensAt: a.startAt - lead * 60_000, closesAt: a.endAt }
}

/** Why nobody can be checked in to the activity at `at`, or null. */
export function checkinRefusal(a: CheckinTarget, at: number): 'ACTIVITY_CANCELLED' | 'ACTIVITY_NOT_FOUND' | 'OUTSIDE_WINDOW' | null {
  if (a.status === 'cancelled') return 'ACTIVITY_CANCELLED'
  if (a.status !== 'published') return 'ACTIVITY_NOT_FOUND'
  const w = checkinWindow(a)
  return at < w.opensAt || at > w.closesAt ? 'OUTSIDE_WINDOW' : null
}

/** How far ahead of the server's clock an offline scan time may be (phone clocks drift). */
export const SCAN_CLOCK_SKEW_MS = 5 * 60_000

/**
 * The time a scan is judged at: the server's clock, or for an offline scan the phone's scan time
 * when it is plausible (not in the future beyond the skew, not older than a day).
 */
export function scanInstant(now: number, scannedAt: number | undefined, offline: boolean): number {
  if (!offline || scannedAt === undefined) return now
  if (scannedAt > now + SCAN_CLOCK_SKEW_MS || scannedAt < now - 24 * 3_600_000) return now
  return Math.min(scannedAt, now)
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** An invite code: 8 characters without look-alikes (0/O, 1/I/L), from 8 random bytes. */
export function inviteCodeFrom(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < 8; i++) out += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length]
  return out
}

/** What a person typed, as a stored code: upper case, spaces and dashes dropped. */
export function normaliseInviteCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}

export const INVITE_CODE_RE = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/
