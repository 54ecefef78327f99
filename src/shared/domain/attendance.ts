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
// call that writes its record, by one `_.inc` update of the activity written before the record
// with a pending journal entry (cloudfunctions/_core/countedRecord.ts).

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

/** How a code is shown as an example (the code box's placeholder): 8 characters of the alphabet. */
export const INVITE_CODE_EXAMPLE = 'K7QM3XPA'

/**
 * An invite's default validity: until the last invited activity ends (its endAt), so an invite
 * for tomorrow's activity is still valid tomorrow. Null without activities.
 */
export function inviteExpiryFor(activities: { endAt: number }[]): number | null {
  return activities.length === 0 ? null : Math.max(...activities.map((a) => a.endAt))
}

/** How long after the last invited activity ends an invite may still be valid. */
export const INVITE_GRACE_MS = 24 * 60 * 60 * 1000

/**
 * The latest an invite for these activities may expire: one day after the last of them ends (a
 * volunteer may still open the roster the morning after). Null without activities.
 */
export function inviteExpiryLimit(activities: { endAt: number }[]): number | null {
  const end = inviteExpiryFor(activities)
  return end === null ? null : end + INVITE_GRACE_MS
}

/** Whether an invite may be created to expire at `expiresAt`: in the future, and not after the limit. */
export function isInviteExpiryAllowed(expiresAt: number, activities: { endAt: number }[], now: number): boolean {
  const limit = inviteExpiryLimit(activities)
  return limit !== null && expiresAt > now && expiresAt <= limit
}

// ------------------------------------------------------------------ arrivals (live views, 总结表)
//
// Beside the counts above, the activity keeps under `attendance`:
//   people       registrations checked in that were their person's FIRST check-in in the
//                activity's district and week; summed over a district's activities it is the
//                district's distinct people checked in (a person at three activities counts once)
//   byHour       participants by arrival hour, key `h` + Shanghai YYYYMMDDHH (check-ins at their
//                scan time, walk-in heads at their record time): the day's check-in curve
//   byCommunity  check-ins by the person's 街道/社区 as the sign-up form recorded it (key cleaned by
//                communityKey): the 活动范围 of the 总结表
// moved in the same `_.inc` update as the counts.

export interface Arrivals {
  people: number
  byHour: Record<string, number>
  byCommunity: Record<string, number>
}

export const zeroArrivals = (): Arrivals => ({ people: 0, byHour: {}, byCommunity: {} })

/** The byHour key of an instant: `h` + Shanghai YYYYMMDDHH. */
export function hourKey(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `h${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}`
}

/** The Shanghai day (YYYY-MM-DD) and hour (0-23) of a byHour key; null for a malformed one. */
export function parseHourKey(key: string): { day: string; hour: number } | null {
  const m = /^h(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(key)
  if (!m) return null
  return { day: `${m[1]}-${m[2]}-${m[3]}`, hour: Number(m[4]) }
}

/**
 * A community as a counter key: what the person typed, trimmed, without the characters a field
 * path cannot hold ('.', '$'), at most 30 characters; null when nothing is left.
 */
export function communityKey(typed: string | null | undefined): string | null {
  const key = (typed ?? '').replace(/[.$\s]/g, '').slice(0, 30)
  return key.length > 0 ? key : null
}

export function checkinArrivals(at: number, firstInDistrict: boolean, community: string | null | undefined): Arrivals {
  const c = communityKey(community)
  return { people: firstInDistrict ? 1 : 0, byHour: { [hourKey(at)]: 1 }, byCommunity: c ? { [c]: 1 } : {} }
}

export function walkinArrivals(at: number, headcount: number): Arrivals {
  return { people: 0, byHour: { [hourKey(at)]: headcount }, byCommunity: {} }
}

const numberMap = (stored: unknown): Record<string, number> => {
  const out: Record<string, number> = {}
  if (stored && typeof stored === 'object') {
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v) && v !== 0) out[k] = v
    }
  }
  return out
}

export function readArrivals(stored: Partial<Record<string, unknown>> | null | undefined): Arrivals {
  const people = stored?.people
  return {
    people: typeof people === 'number' && Number.isFinite(people) ? people : 0,
    byHour: numberMap(stored?.byHour),
    byCommunity: numberMap(stored?.byCommunity),
  }
}

export function addArrivals(...list: Arrivals[]): Arrivals {
  const out = zeroArrivals()
  for (const a of list) {
    out.people += a.people
    for (const [k, v] of Object.entries(a.byHour)) out.byHour[k] = (out.byHour[k] ?? 0) + v
    for (const [k, v] of Object.entries(a.byCommunity)) out.byCommunity[k] = (out.byCommunity[k] ?? 0) + v
  }
  return out
}

/** Participants per hour (0-23) of one Shanghai day, from byHour counters. */
export function dayCurve(byHour: Record<string, number>, day: string): { hour: number; participants: number }[] {
  const curve = Array.from({ length: 24 }, (_, hour) => ({ hour, participants: 0 }))
  for (const [key, n] of Object.entries(byHour)) {
    const parsed = parseHourKey(key)
    if (parsed && parsed.day === day) curve[parsed.hour].participants += n
  }
  return curve
}

/**
 * The arrivals of one activity recomputed from its raw records (people: the check-ins marked as
 * their person's first in the district; whether that mark is right is the district check).
 */
export function recountArrivals(
  checkins: { scannedAt: Date | number; firstInDistrict?: boolean; community?: string | null }[],
  walkins: { createdAt: Date | number; headcount: number }[],
): Arrivals {
  const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime())
  return addArrivals(
    ...checkins.map((c) => checkinArrivals(ms(c.scannedAt), c.firstInDistrict === true, c.community)),
    ...walkins.map((w) => walkinArrivals(ms(w.createdAt), w.headcount)),
  )
}
