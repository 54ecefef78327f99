// The seeded week as it has gone so far: for every published activity of the week that started
// before `now`, the sign-ups (a realistic fill, a waitlist where a small class is full, a few
// cancellations with the waitlist promoted, about one in ten 代报名 for a family member), the
// check-ins at the door (ticket, by hand, offline; in the hour around the start), walk-ins, the
// ratings people gave afterwards, and per district the publicity records (reports, photos, videos).
// People come from a pool of generated residents of the city's districts; the door staff are the
// districts' organisers and volunteers. Records have exactly the fields the cloud functions write,
// and each activity's kept counters are what its records add up to (see records.ts), so a
// reconcile of the week finds no difference. An activity running at `now` has only the arrivals
// so far. Pure and deterministic: the same `now` gives the same data, and each activity's records
// come from its own random stream, so seeding later only adds what has happened since.
import type {
  ActivityDoc,
  CheckinDoc,
  FamilyMemberDoc,
  OutboxDoc,
  PublicityDoc,
  RatingDoc,
  RegistrationDoc,
  UserDoc,
  WalkinDoc,
} from '../../cloudfunctions/_core/collections'
import { noticeFor } from '../../cloudfunctions/_core/outbox'
import { addDeltas, recount, transitionDelta, ZERO_DELTA, type CounterDelta } from '../../src/shared/domain/counters'
import type { RatingChoice } from '../../src/shared/domain/feedback'
import { maskName } from '../../src/shared/domain/mask'
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { DEFAULT_SIGNUP_FIELDS, SENIOR_AGE_GROUPS, type AgeGroup } from '../../src/shared/domain/people'
import { memberDetails, selfDetails, snapshotFor, type PersonDetails, type Profile } from '../../src/shared/domain/signupRules'
import { shanghaiDate, shanghaiInstant } from '../../src/shared/domain/time'
import type { Audience } from '../../src/shared/domain/vocabulary'
import { renderPhoto } from './data'
import {
  COMMENTS,
  COMMENTS_BY_TYPE,
  FAMILY_OF,
  GIVEN_NAMES,
  OUTLETS,
  SURNAMES,
  generationOf,
  type SeedDistrictPeople,
} from './data/nanchang-people'
import type { SeedPerson, SeedWeek } from './data/types'
import {
  checkinRecord,
  keepCounters,
  markFirstInDistrict,
  Rand,
  ratingRecord,
  registrationRecord,
  seedOf,
  walkinRecord,
  type AttendanceRecords,
} from './records'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Accounts in the resident pool (family members come on top). */
const POOL_ACCOUNTS = 720

export interface SeedAttendance extends AttendanceRecords {
  /** Residents who signed up (with their family), and the districts' organisers and volunteers. */
  users: UserDoc[]
  /** waitlist_promoted notices of people promoted when someone cancelled. */
  notices: OutboxDoc[]
  publicity: PublicityDoc[]
  /** Publicity photos: storage path and SVG. */
  files: { path: string; content: string }[]
}

// ------------------------------------------------------------------ people

interface Candidate {
  openid: string
  personId: string
  memberId: string | null
  relation: RegistrationDoc['relation']
  district: string
  audience: Audience
  details: PersonDetails
}

interface Account {
  openid: string
  profile: Profile
  family: FamilyMemberDoc[]
  district: string
}

function nameOf(r: Rand, age: AgeGroup, surname?: string): string {
  const given = GIVEN_NAMES[generationOf(age)]
  return `${surname ?? r.pick(SURNAMES)}${r.pick(r.chance(0.5) ? given.f : given.m)}`
}

/** How a resident types their 街道/社区: in full, without the district, the community alone. */
function typedCommunity(r: Rand, districtName: string, district: SeedDistrictPeople): string {
  const place = r.pick(district.places)
  const community = r.pick(place.communities)
  const x = r.float()
  if (x < 0.5) return `${districtName}${place.street}${community}`
  if (x < 0.8) return `${place.street}${community}`
  if (x < 0.95) return community
  return `${place.street} ${community}`
}

function audienceFor(r: Rand, age: AgeGroup, district: SeedDistrictPeople): Audience {
  if (age === 'under18') return 'youth'
  if (SENIOR_AGE_GROUPS.includes(age)) return r.chance(0.9) ? 'seniors' : 'veterans'
  const codes = Object.keys(district.audiences) as Audience[]
  return r.weighted(
    codes,
    codes.map((c) => district.audiences[c] ?? 0),
  )
}

/** The city's residents who may sign up: accounts, a quarter of them with a family member. */
function residentPool(week: SeedWeek, people: Record<string, SeedDistrictPeople>, created: number): Account[] {
  const r = new Rand(seedOf(`${week._id}/residents`))
  const codes = week.districts.map((d) => d.code).filter((c) => people[c])
  const out: Account[] = []
  for (let i = 0; i < POOL_ACCOUNTS; i++) {
    const code = r.weighted(
      codes,
      codes.map((c) => people[c].weight),
    )
    const district = people[code]
    const districtName = week.districts.find((d) => d.code === code)!.name
    const age = r.weighted<AgeGroup>(['18-39', '40-59', '60-69', '70+'], [34, 32, 22, 12])
    const name = nameOf(r, age)
    const profile: Profile = {
      name,
      phone: `1380000${String(2000 + i).padStart(4, '0')}`,
      ageGroup: age,
      community: typedCommunity(r, districtName, district),
      audience: audienceFor(r, age, district),
    }
    const family: FamilyMemberDoc[] = []
    const kinds = FAMILY_OF[age]
    if (kinds.length > 0 && r.chance(SENIOR_AGE_GROUPS.includes(age) ? 0.15 : 0.35)) {
      const kind = r.weighted(
        kinds,
        kinds.map((k) => k.weight),
      )
      const surname = kind.relation === 'spouse' ? undefined : name[0]
      family.push({
        id: `m${r.id(6)}`,
        name: nameOf(r, kind.age, surname),
        // Children and the oldest have no phone of their own: the resident's stands in.
        phone: kind.age === 'under18' || kind.age === '70+' ? null : `1380000${String(6000 + i).padStart(4, '0')}`,
        ageGroup: kind.age,
        relation: kind.relation,
        audience: kind.age === 'under18' ? 'youth' : null,
        createdAt: new Date(created),
      })
    }
    out.push({ openid: `${week._id}-r${String(i + 1).padStart(4, '0')}`, profile, family, district: code })
  }
  return out
}

function candidatesOf(accounts: Account[]): { self: Candidate[]; members: Candidate[] } {
  const self: Candidate[] = []
  const members: Candidate[] = []
  for (const a of accounts) {
    const details = selfDetails(a.profile)
    self.push({
      openid: a.openid,
      personId: a.openid,
      memberId: null,
      relation: null,
      district: a.district,
      audience: a.profile.audience,
      details,
    })
    for (const m of a.family) {
      const md = memberDetails(m, a.profile)
      members.push({
        openid: a.openid,
        personId: `${a.openid}~${m.id}`,
        memberId: m.id,
        relation: m.relation,
        district: a.district,
        audience: md.audience!,
        details: md,
      })
    }
  }
  return { self, members }
}

/** Candidates by district and by district and audience. */
function indexOf(list: Candidate[]) {
  const byDistrict = new Map<string, Candidate[]>()
  const byAudience = new Map<string, Candidate[]>()
  const push = (m: Map<string, Candidate[]>, k: string, c: Candidate) => {
    const l = m.get(k)
    if (l) l.push(c)
    else m.set(k, [c])
  }
  for (const c of list) {
    push(byDistrict, c.district, c)
    push(byAudience, `${c.district}|${c.audience}`, c)
    push(byAudience, `*|${c.audience}`, c)
  }
  return { all: list, byDistrict, byAudience }
}

// ------------------------------------------------------------------ staff

interface DoorStaff {
  openid: string
  name: string
}

interface Staff {
  users: UserDoc[]
  organiserOf: Map<string, DoorStaff>
  /** Volunteers at the door of each activity. */
  volunteersOf: Map<string, DoorStaff[]>
}

/** An organiser for each district without a seeded one, two volunteers per district. */
function staffOf(week: SeedWeek, activities: ActivityDoc[], personas: SeedPerson[], created: Date): Staff {
  const r = new Rand(seedOf(`${week._id}/staff`))
  const users: UserDoc[] = []
  const organiserOf = new Map<string, DoorStaff>()
  const volunteersOf = new Map<string, DoorStaff[]>()
  const atDoor = (id: string, s: DoorStaff) => volunteersOf.set(id, [...(volunteersOf.get(id) ?? []), s])
  for (const p of personas) {
    for (const role of p.roles) {
      if (!('weekId' in role) || role.weekId !== week._id) continue
      if (role.role === 'organiser') organiserOf.set(role.districtCode, { openid: p._id, name: p.profile.name })
      if (role.role === 'volunteer') for (const id of role.activityIds) atDoor(id, { openid: p._id, name: p.profile.name })
    }
  }
  const profile = (name: string, age: AgeGroup, unit: string, audience: Audience, n: number): Profile => ({
    name,
    phone: `1380000${String(9000 + n).padStart(4, '0')}`,
    ageGroup: age,
    community: unit,
    audience,
  })
  week.districts.forEach((d, di) => {
    if (!organiserOf.has(d.code)) {
      const openid = `${week._id}-org-${d.code}`
      const name = nameOf(r, '40-59')
      users.push({
        _id: openid,
        profile: profile(name, '40-59', `${d.name}社区教育学院`, 'educators', di * 10),
        family: [],
        roles: [{ role: 'organiser', weekId: week._id, districtCode: d.code }],
        consent: { version: PRIVACY_VERSION, at: created },
        createdAt: created,
        updatedAt: created,
      })
      organiserOf.set(d.code, { openid, name })
    }
    const doors = activities.filter((a) => a.districtCode === d.code && a.status === 'published' && a.mode !== 'online').map((a) => a._id)
    for (let k = 1; k <= 2; k++) {
      const openid = `${week._id}-vol-${d.code}-${k}`
      const age = r.chance(0.6) ? '18-39' : '60-69'
      const name = nameOf(r, age)
      users.push({
        _id: openid,
        profile: profile(name, age, `${d.name}志愿服务队`, age === '18-39' ? 'youth' : 'seniors', di * 10 + k),
        family: [],
        roles: [{ role: 'volunteer', weekId: week._id, activityIds: doors }],
        consent: { version: PRIVACY_VERSION, at: created },
        createdAt: created,
        updatedAt: created,
      })
      for (const id of doors) atDoor(id, { openid, name })
    }
  })
  return { users, organiserOf, volunteersOf }
}

// ------------------------------------------------------------------ one activity

interface Signed {
  reg: RegistrationDoc
  candidate: Candidate
}

type Busy = Map<string, { start: number; end: number }[]>

const overlaps = (busy: Busy, personId: string, a: ActivityDoc) =>
  (busy.get(personId) ?? []).some((b) => b.start < a.endAt.getTime() && a.startAt.getTime() < b.end)

/** Who signs up for the activity and when (before any cancellation). */
function chooseRegistrants(
  r: Rand,
  a: ActivityDoc,
  demand: number,
  people: ReturnType<typeof indexes>,
  busy: Busy,
): { candidate: Candidate; at: number }[] {
  const signup = a.signup!
  const youth = a.audiences.includes('youth')
  const seniorsOnly = a.audiences.every((x) => x === 'seniors')
  // 代报名: parents for their children at youth activities, children for their parents at seniors' classes.
  const proxyShare = youth ? 0.18 : seniorsOnly ? 0.15 : 0.05
  const local = signup.capacity >= 150 ? 0.6 : 0.82
  const chosen = new Set<string>()
  const out: { candidate: Candidate; at: number }[] = []
  for (let n = 0; n < demand; n++) {
    // Who it is for first (self or family), then someone of the district and the audiences, and
    // when those have all signed up, someone from further away or of another audience.
    const index = r.chance(proxyShare) ? people.members : people.self
    for (let tries = 0; tries < 30; tries++) {
      const district = tries < 10 && r.chance(local) ? a.districtCode : '*'
      let pool: Candidate[] | undefined
      if (tries < 20 && r.chance(0.88)) pool = index.byAudience.get(`${district}|${r.pick(a.audiences)}`)
      if (!pool || pool.length === 0) pool = district === '*' ? index.all : index.byDistrict.get(district)
      if (!pool || pool.length === 0) continue
      const c = r.pick(pool)
      if (chosen.has(c.personId) || overlaps(busy, c.personId, a)) continue
      chosen.add(c.personId)
      out.push({ candidate: c, at: 0 })
      break
    }
  }
  // A full class fills in its first two days; others over the days sign-up is open.
  const opens = signup.opensAt.getTime()
  const closes = signup.closesAt.getTime() - MINUTE
  const span = demand > signup.capacity ? Math.min(2 * DAY, closes - opens) : closes - opens
  for (const o of out) o.at = opens + Math.floor(Math.pow(r.float(), 1.5) * span)
  return out.sort((x, y) => x.at - y.at)
}

/**
 * Sign-ups and cancellations in time order, each moving the counters by transitionDelta as
 * signup.create / signup.cancel do: a seat while there is one, else the waitlist; a cancelled seat
 * goes to the first waiting (promoted and notified).
 */
function signUps(
  r: Rand,
  a: ActivityDoc,
  chosen: { candidate: Candidate; at: number }[],
): { signed: Signed[]; notices: OutboxDoc[]; delta: CounterDelta } {
  const signup = a.signup!
  const fields = signup.fields ?? DEFAULT_SIGNUP_FIELDS
  const deadline = signup.cancelDeadline.getTime()
  type Event = { at: number; kind: 'signup' | 'cancel'; s: Signed }
  const events: Event[] = []
  const signed: Signed[] = chosen.map(({ candidate, at }) => {
    const c = candidate
    const reg = registrationRecord(
      a,
      { openid: c.openid, personId: c.personId, memberId: c.memberId, relation: c.relation, person: snapshotFor(fields, c.details) },
      at,
      'confirmed',
      null,
    )
    const s = { reg, candidate: c }
    events.push({ at, kind: 'signup', s })
    if (r.chance(0.06) && at < deadline - HOUR) events.push({ at: at + Math.floor(r.float() * (deadline - HOUR - at)), kind: 'cancel', s })
    return s
  })
  events.sort((x, y) => x.at - y.at || (x.kind === y.kind ? 0 : x.kind === 'signup' ? -1 : 1))
  let delta: CounterDelta = { ...ZERO_DELTA }
  let seats = signup.capacity
  const waiting: RegistrationDoc[] = []
  const notices: OutboxDoc[] = []
  for (const e of events) {
    const reg = e.s.reg
    const at = new Date(e.at)
    if (e.kind === 'signup') {
      const status = seats > 0 ? 'confirmed' : 'waitlisted'
      const d = transitionDelta(null, status, reg.proxy)
      seats += d.seatsLeft
      delta = addDeltas(delta, d)
      reg.status = status
      reg.confirmedAt = status === 'confirmed' ? at : null
      if (status === 'waitlisted') waiting.push(reg)
      continue
    }
    const from = reg.status
    delta = addDeltas(delta, transitionDelta(from, 'cancelled', reg.proxy))
    Object.assign(reg, { status: 'cancelled', cancelledAt: at, updatedAt: at })
    if (from === 'waitlisted') {
      waiting.splice(waiting.indexOf(reg), 1)
      continue
    }
    const next = waiting.shift()
    if (!next) {
      seats += 1
      continue
    }
    delta = addDeltas(delta, transitionDelta('waitlisted', 'confirmed', next.proxy))
    Object.assign(next, { status: 'confirmed', confirmedAt: at, promotedAt: at, updatedAt: at })
    notices.push({ _id: `${next._id}_promoted`, ...noticeFor('waitlist_promoted', next, a, e.at) })
  }
  if (seats !== signup.capacity + delta.seatsLeft) throw new Error(`seed ${a._id}: seats ${seats} do not follow the counters`)
  return { signed, notices, delta }
}

function indexes(accounts: Account[]) {
  const { self, members } = candidatesOf(accounts)
  return { self: indexOf(self), members: indexOf(members) }
}

const pickFrom = (r: Rand, list: DoorStaff[] | undefined, fallback: DoorStaff) => (list && list.length > 0 ? r.pick(list) : fallback)

interface Door {
  checkins: CheckinDoc[]
  walkins: WalkinDoc[]
  ratings: RatingDoc[]
}

/** The door of an activity that started: check-ins, walk-ins and later ratings (planned whole, cut at `now`). */
function atTheDoor(r: Rand, a: ActivityDoc, regs: RegistrationDoc[], staff: Staff, now: number): Door {
  const start = a.startAt.getTime()
  const end = a.endAt.getTime()
  const organiser = staff.organiserOf.get(a.districtCode)!
  const volunteers = staff.volunteersOf.get(a._id)
  const seniors = a.type === 'smart_senior' || a.audiences.every((x) => x === 'seniors')
  const checkins: CheckinDoc[] = []
  const walkins: WalkinDoc[] = []
  const ratings: RatingDoc[] = []
  const confirmed = regs.filter((x) => x.status === 'confirmed')
  // Online activities have no door: no check-ins, walk-ins or ratings.
  const turnout = a.mode === 'online' ? 0 : 0.6 + 0.25 * r.float()
  const coming = new Set(
    r
      .shuffle([...confirmed])
      .slice(0, Math.round(confirmed.length * turnout))
      .map((x) => x._id),
  )
  for (const reg of confirmed) {
    if (!coming.has(reg._id)) {
      // Many opened their ticket beforehand even if they did not come.
      if (r.chance(0.55)) reg.ticketId = r.id(10)
      continue
    }
    const method = r.weighted(['ticket', 'manual', 'offline'] as const, seniors ? [50, 38, 12] : [72, 18, 10])
    if (method !== 'manual' || r.chance(0.3)) reg.ticketId = r.id(10)
    const offset = r.chance(0.8) ? -r.int(0, 40) : r.int(0, 25)
    const scannedAt = Math.min(end, Math.max(start - HOUR, start + offset * MINUTE + r.int(0, 59) * 1000))
    const by = method === 'manual' && r.chance(0.3) ? organiser : pickFrom(r, volunteers, organiser)
    const nonce = method === 'offline' ? `o${r.id(16)}` : null
    const createdAt = scannedAt + (method === 'offline' ? r.int(5, 40) * MINUTE : r.int(0, 3) * 1000)
    const c = checkinRecord(reg, { method, volunteer: by.openid, volunteerName: maskName(by.name), nonce, scannedAt, createdAt })
    // About 40 % rate it afterwards in 我的 (most within the day); a few decline.
    if (r.chance(0.4)) {
      const level = r.weighted<RatingChoice>(['satisfied', 'basic', 'unsatisfied', 'skipped'], [74, 17, 3, 6])
      const typed = COMMENTS_BY_TYPE[a.type as keyof typeof COMMENTS_BY_TYPE]
      const words = level === 'skipped' ? null : level === 'satisfied' && typed && r.chance(0.5) ? typed : COMMENTS[level]
      const comment = words && r.chance(0.3) ? r.pick(words) : null
      const at = Math.max(end + Math.floor(10 * MINUTE + Math.pow(r.float(), 4) * 36 * HOUR), createdAt + 5 * MINUTE)
      if (at <= now && createdAt <= now) ratings.push(ratingRecord(reg, level, comment, at))
    }
    if (createdAt <= now) checkins.push(c)
  }
  if (a.mode !== 'online') {
    const n = a.signup ? (r.chance(0.4) ? r.int(1, 4) : 0) : r.int(8, 20)
    const minutes = Math.floor((end - start) / MINUTE)
    for (let i = 0; i < n; i++) {
      const nonce = `w${r.id(16)}`
      const name = r.chance(0.35) ? nameOf(r, r.pick<AgeGroup>(['18-39', '40-59', '60-69'])) : null
      const audience = r.chance(0.85) ? r.pick(a.audiences) : r.pick(['residents', 'seniors', 'youth'])
      const headcount = r.weighted([1, 2, 3, 4, 5, 6], [45, 25, 12, 8, 6, 4])
      const by = pickFrom(r, volunteers, organiser)
      const createdAt = start + r.int(-30, Math.max(0, minutes - 10)) * MINUTE + r.int(0, 59) * 1000
      if (createdAt <= now) walkins.push(walkinRecord(a, { nonce, name, audience, headcount, volunteer: by.openid, createdAt }))
    }
  }
  return { checkins, walkins, ratings }
}

// ------------------------------------------------------------------ publicity

const short = (title: string, max: number) =>
  Array.from(title).length > max
    ? `${Array.from(title)
        .slice(0, max - 1)
        .join('')}…`
    : title

/** A few reports, photo sets and videos of a district, published once what they report on happened. */
function publicityOf(
  week: SeedWeek,
  code: string,
  held: ActivityDoc[],
  organiser: DoorStaff,
  now: number,
): { docs: PublicityDoc[]; files: SeedAttendance['files'] } {
  const r = new Rand(seedOf(`${week._id}/publicity/${code}`))
  const name = week.districts.find((d) => d.code === code)!.name
  const outlet = (list: string[]) => r.pick(list).replace('{d}', name)
  const docs: PublicityDoc[] = []
  const files: SeedAttendance['files'] = []
  // Planned whatever `now` is (the same random draws), kept once published.
  let planned = 0
  const add = (at: number, doc: Omit<PublicityDoc, '_id' | 'weekId' | 'districtCode' | 'createdBy' | 'createdAt'>) => {
    const _id = `p${at.toString(36)}${r.id(6)}`
    planned++
    if (at > now) return null
    docs.push({ _id, weekId: week._id, districtCode: code, createdBy: organiser.openid, createdAt: new Date(at), ...doc })
    return _id
  }
  const opened = shanghaiInstant(week.startDate, '18:00')
  add(opened, {
    activityId: null,
    activityTitle: null,
    opening: true,
    kind: 'text',
    title: `${name}2026年全民终身学习活动周启动`,
    outlet: outlet([...OUTLETS.paper, ...OUTLETS.local]),
    url: `https://news.example.org/${week._id}/${code}/opening`,
    fileIds: [],
    publishedOn: week.startDate,
  })
  for (const a of held) {
    if (planned >= 6) break
    const day = shanghaiDate(a.startAt.getTime())
    const after = a.endAt.getTime() + r.int(1, 4) * HOUR
    if (r.chance(0.75)) {
      const count = r.int(2, 6)
      const at = after
      const paths = Array.from({ length: count }, (_, k) => `publicity/${week._id}/${code}/${a._id}-${k + 1}.svg`)
      const id = add(at, {
        activityId: a._id,
        activityTitle: a.title,
        opening: false,
        kind: 'photo',
        title: `活动现场：${short(a.title, 40)}`,
        outlet: outlet(OUTLETS.local),
        url: null,
        fileIds: paths.map((p) => `cloud://localcloud/${p}`),
        publishedOn: day,
      })
      if (id) paths.forEach((p, k) => files.push({ path: p, content: renderPhoto(a.title, a.venue?.name ?? name, k + 1, count) }))
    }
    if (r.chance(0.5)) {
      const paper = r.chance(0.4)
      add(after + 14 * HOUR, {
        activityId: a._id,
        activityTitle: a.title,
        opening: false,
        kind: 'text',
        title: `${short(a.title, 50)}举行`,
        outlet: outlet(paper ? OUTLETS.paper : OUTLETS.local),
        url: paper ? `https://news.example.org/${week._id}/${code}/${r.id(8)}` : `https://mp.example.org/s/${r.id(12)}`,
        fileIds: [],
        publishedOn: shanghaiDate(after + 14 * HOUR),
      })
    }
    if (r.chance(0.25)) {
      add(after + 2 * HOUR, {
        activityId: a._id,
        activityTitle: a.title,
        opening: false,
        kind: 'video',
        title: `视频｜${short(a.title, 40)}`,
        outlet: outlet(OUTLETS.video),
        url: `https://video.example.org/${week._id}/${code}/${r.id(10)}`,
        fileIds: [],
        publishedOn: day,
      })
    }
  }
  return { docs, files }
}

// ------------------------------------------------------------------ the week

/**
 * The week's records up to `now`; sets the kept counters of the week's activities (the documents
 * passed in) to match them. Throws if a counter moved by the sign-up deltas disagrees with the
 * recount (it cannot, unless this code is wrong).
 */
export function planAttendance(
  week: SeedWeek,
  people: Record<string, SeedDistrictPeople>,
  allActivities: ActivityDoc[],
  personas: SeedPerson[],
  now: Date,
): SeedAttendance {
  const t = now.getTime()
  const opens = Math.min(...allActivities.filter((a) => a.weekId === week._id && a.signup).map((a) => a.signup!.opensAt.getTime()))
  const created = new Date(Math.min(t, opens - 3 * DAY))
  const activities = allActivities
    .filter((a) => a.weekId === week._id)
    .sort((x, y) => x.startAt.getTime() - y.startAt.getTime() || x._id.localeCompare(y._id))
  const staff = staffOf(week, activities, personas, created)
  const accounts = residentPool(week, people, opens - 2 * DAY)
  const pool = indexes(accounts)
  const busy: Busy = new Map()
  const out: SeedAttendance = {
    users: [...staff.users],
    registrations: [],
    checkins: [],
    walkins: [],
    ratings: [],
    notices: [],
    publicity: [],
    files: [],
  }
  const held = activities.filter((a) => a.status === 'published' && a.startAt.getTime() < t)
  const used = new Map<string, { first: number; members: Map<string, number> }>()

  for (const a of held) {
    const r = new Rand(seedOf(a._id))
    let regs: RegistrationDoc[] = []
    if (a.signup) {
      const capacity = a.signup.capacity
      // Small classes are often full with some waiting; the rest fill half to nearly all seats.
      const full = capacity <= 60 && r.chance(0.45)
      const demand = full ? capacity + r.int(4, Math.max(6, Math.round(capacity * 0.3))) : Math.round(capacity * (0.5 + 0.48 * r.float()))
      const { signed, notices, delta } = signUps(r, a, chooseRegistrants(r, a, demand, pool, busy))
      regs = signed.map((s) => s.reg)
      const kept = recount(regs)
      if (
        kept.confirmed !== delta.confirmed ||
        kept.waitlisted !== delta.waitlisted ||
        kept.cancelled !== delta.cancelled ||
        kept.proxy !== delta.proxy
      ) {
        throw new Error(`seed ${a._id}: the sign-up deltas ${JSON.stringify(delta)} disagree with the recount ${JSON.stringify(kept)}`)
      }
      for (const s of signed) {
        const reg = s.reg
        if (reg.status !== 'cancelled')
          busy.set(reg.personId, [...(busy.get(reg.personId) ?? []), { start: a.startAt.getTime(), end: a.endAt.getTime() }])
        const at = reg.createdAt.getTime()
        const u = used.get(reg.openid) ?? { first: at, members: new Map<string, number>() }
        u.first = Math.min(u.first, at)
        if (reg.memberId) u.members.set(reg.memberId, Math.min(u.members.get(reg.memberId) ?? at, at))
        used.set(reg.openid, u)
      }
      out.registrations.push(...regs)
      out.notices.push(...notices)
    }
    const door = atTheDoor(r, a, regs, staff, t)
    out.checkins.push(...door.checkins)
    out.walkins.push(...door.walkins)
    out.ratings.push(...door.ratings)
  }
  // A person's first check-in stored in a district is the one that counts them there.
  markFirstInDistrict(out.checkins, (c) => c.createdAt)
  keepCounters(activities, out)

  // The residents who signed up: their profile and family as saved at their first sign-up.
  for (const acc of accounts) {
    const u = used.get(acc.openid)
    if (!u) continue
    // Family members are added on the way to their first sign-up.
    // They agreed to the privacy guide just before (the consent sheet opens ahead of the form).
    const at = new Date(u.first - 5 * MINUTE)
    const consent = { version: PRIVACY_VERSION, at: new Date(at.getTime() - MINUTE) }
    const family = acc.family.map((m) => ({ ...m, consent, createdAt: new Date((u.members.get(m.id) ?? u.first) - 2 * MINUTE) }))
    const updated = new Date(Math.max(at.getTime(), ...family.map((m) => m.createdAt.getTime())))
    out.users.push({ _id: acc.openid, profile: acc.profile, family, roles: [], consent, createdAt: at, updatedAt: updated })
  }
  // Each registration carries a consent given before it was made (stamped from the registration's
  // own time, so that seeding later leaves earlier records as they were).
  for (const reg of out.registrations) reg.consent = { version: PRIVACY_VERSION, at: new Date(reg.createdAt.getTime() - 6 * MINUTE) }

  for (const d of week.districts) {
    if (shanghaiInstant(week.startDate, '00:00') > t) break
    const { docs, files } = publicityOf(
      week,
      d.code,
      held.filter((a) => a.districtCode === d.code),
      staff.organiserOf.get(d.code)!,
      t,
    )
    out.publicity.push(...docs)
    out.files.push(...files)
  }
  return out
}
