// Attendance records written straight into the local database, shared by the seed (the seeded
// week's sign-ups, check-ins, walk-ins and ratings) and the stats benchmark (a generated big week):
// a seeded PRNG, record builders with exactly the fields the cloud functions write, the
// first-in-district marks, the activities' kept counters recomputed from the records with the
// same domain functions the functions move them by, and batched inserts. Pure apart from
// insertMany.
import type { ActivityDoc, CheckinDoc, RatingDoc, RegistrationDoc, WalkinDoc } from '../../cloudfunctions/_core/collections'
import { recountArrivals, recountAttendance } from '../../src/shared/domain/attendance'
import { recount, type RegistrationStatus } from '../../src/shared/domain/counters'
import { recountFeedback, type RatingChoice } from '../../src/shared/domain/feedback'
import { seededRandom } from '../../src/shared/seededRandom'
import type { LocalDb } from '../gateway/sdk-client'

// ------------------------------------------------------------------ randomness

/** A seeded PRNG: the same seed gives the same sequence. */
export class Rand {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = seededRandom(seed)
  }
  float(): number {
    return this.next()
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]
  }
  weighted<T>(xs: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0)
    let r = this.next() * total
    for (let i = 0; i < xs.length; i++) {
      r -= weights[i]
      if (r < 0) return xs[i]
    }
    return xs[xs.length - 1]
  }
  /** A standard normal (Box-Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12)
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }
  id(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 36).toString(36)
    return out
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[xs[i], xs[j]] = [xs[j], xs[i]]
    }
    return xs
  }
}

/** A PRNG seed from a text (FNV-1a): one stream per activity, whatever else is generated. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// ------------------------------------------------------------------ records

/** The waitlist key nextWaitKey (cloudfunctions/_core/ids.ts) gives at `ms`: clock, sequence, id. */
export function waitKeyAt(ms: number, sequence: number, regId: string): string {
  return `${String(Math.max(0, Math.floor(ms))).padStart(15, '0')}${String(sequence % 1000).padStart(3, '0')}_${regId}`
}

/** Who a registration is for, as signup.create works it out. */
export interface Registrant {
  openid: string
  personId: string
  memberId: string | null
  relation: RegistrationDoc['relation']
  person: RegistrationDoc['person']
}

/** A registration as signup.create writes it at `at` (waitKey with sequence 0). */
export function registrationRecord(
  a: Pick<ActivityDoc, '_id' | 'weekId' | 'districtCode' | 'title' | 'startAt' | 'endAt'>,
  who: Registrant,
  at: number,
  status: RegistrationStatus,
  confirmedAt: Date | null,
): RegistrationDoc {
  const _id = `${a._id}_${who.personId}`
  return {
    _id,
    activityId: a._id,
    weekId: a.weekId,
    districtCode: a.districtCode,
    openid: who.openid,
    personId: who.personId,
    memberId: who.memberId,
    relation: who.relation,
    proxy: who.memberId !== null,
    person: who.person,
    status,
    waitKey: waitKeyAt(at, 0, _id),
    title: a.title,
    startAt: a.startAt,
    endAt: a.endAt,
    activityCancelled: false,
    createdAt: new Date(at),
    updatedAt: new Date(at),
    confirmedAt,
    promotedAt: null,
    cancelledAt: null,
  }
}

export interface Scan {
  method: CheckinDoc['method']
  volunteer: string
  volunteerName: string
  nonce: string | null
  scannedAt: number
  createdAt: number
}

/** A check-in of the registration as checkin.scan/manual/sync writes it (firstInDistrict: see markFirstInDistrict). */
export function checkinRecord(reg: RegistrationDoc, scan: Scan): CheckinDoc {
  return {
    _id: reg._id,
    activityId: reg.activityId,
    weekId: reg.weekId,
    districtCode: reg.districtCode,
    registrationId: reg._id,
    audience: reg.person.audience ?? null,
    proxy: reg.proxy,
    personId: reg.personId,
    community: reg.person.community ?? null,
    firstInDistrict: false,
    method: scan.method,
    volunteer: scan.volunteer,
    volunteerName: scan.volunteerName,
    nonce: scan.nonce,
    scannedAt: new Date(scan.scannedAt),
    createdAt: new Date(scan.createdAt),
  }
}

/**
 * Marks each person's first check-in in a district and week (in the order `at` gives, ties by id),
 * as checkin.record decides it from the person's earlier check-ins.
 */
export function markFirstInDistrict(checkins: CheckinDoc[], at: (c: CheckinDoc) => Date = (c) => c.scannedAt): void {
  const seen = new Set<string>()
  for (const c of [...checkins].sort((x, y) => at(x).getTime() - at(y).getTime() || x._id.localeCompare(y._id))) {
    const key = `${c.weekId}|${c.districtCode}|${c.personId}`
    c.firstInDistrict = !seen.has(key)
    seen.add(key)
  }
}

/** A walk-in as checkin.walkin writes it for a phone's nonce. */
export function walkinRecord(
  a: Pick<ActivityDoc, '_id' | 'weekId' | 'districtCode'>,
  w: { nonce: string; name: string | null; audience: string; headcount: number; volunteer: string; createdAt: number },
): WalkinDoc {
  return {
    _id: `${a._id}_${w.nonce}`,
    activityId: a._id,
    weekId: a.weekId,
    districtCode: a.districtCode,
    name: w.name,
    audience: w.audience,
    headcount: w.headcount,
    volunteer: w.volunteer,
    nonce: w.nonce,
    createdAt: new Date(w.createdAt),
  }
}

/** A rating of a checked-in registration as signup.rate writes it (no comment with a decline). */
export function ratingRecord(reg: RegistrationDoc, level: RatingChoice, comment: string | null, createdAt: number): RatingDoc {
  return {
    _id: reg._id,
    activityId: reg.activityId,
    weekId: reg.weekId,
    districtCode: reg.districtCode,
    openid: reg.openid,
    personId: reg.personId,
    level,
    comment: level === 'skipped' ? null : comment,
    createdAt: new Date(createdAt),
  }
}

// ------------------------------------------------------------------ kept counters

export interface AttendanceRecords {
  registrations: RegistrationDoc[]
  checkins: CheckinDoc[]
  walkins: WalkinDoc[]
  ratings: RatingDoc[]
}

function byActivity<T extends { activityId: string }>(docs: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const d of docs) {
    const list = out.get(d.activityId)
    if (list) list.push(d)
    else out.set(d.activityId, [d])
  }
  return out
}

/**
 * Sets each activity's kept counters (counters, seatsLeft, attendance with people/byHour/
 * byCommunity, feedback) to exactly what its records add up to, by the deltas the functions move
 * them by (recount, recountAttendance, recountArrivals, recountFeedback). Activities without
 * records keep what they have.
 */
export function keepCounters(activities: ActivityDoc[], records: AttendanceRecords): void {
  const regsOf = byActivity(records.registrations)
  const checkinsOf = byActivity(records.checkins)
  const walkinsOf = byActivity(records.walkins)
  const ratingsOf = byActivity(records.ratings)
  for (const a of activities) {
    const regs = regsOf.get(a._id) ?? []
    const cks = checkinsOf.get(a._id) ?? []
    const wks = walkinsOf.get(a._id) ?? []
    const rts = ratingsOf.get(a._id) ?? []
    if (regs.length > 0) a.counters = recount(regs)
    if (a.signup) a.seatsLeft = a.signup.capacity - (a.counters?.confirmed ?? 0)
    if (cks.length + wks.length > 0) a.attendance = { ...recountAttendance(cks, wks), ...recountArrivals(cks, wks) }
    if (rts.length > 0) a.feedback = recountFeedback(rts)
  }
}

// ------------------------------------------------------------------ writing

/** Adds documents in batches (one insert operation of an array each), a couple of batches in flight. */
export async function insertMany(db: LocalDb, collection: string, docs: object[], batch = 1000, inFlight = 2): Promise<void> {
  // The local database takes an array in one add(); the SDK's typings know only one document.
  const coll = db.collection(collection) as unknown as { add(options: { data: object[] }): Promise<unknown> }
  let next = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < docs.length) {
        const part = docs.slice(next, next + batch)
        next += batch
        await coll.add({ data: part })
      }
    }),
  )
}
