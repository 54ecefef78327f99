// A whole activity week of a city for the stats benchmark, written straight into the local database
// (collection.add with arrays, as the other benches seed people): by default 500 activities over 7
// days in 5 districts, 100,000 registrations, 60,000 check-ins, walk-ins and ratings, people who
// take part in several activities. Each activity's kept counters (counters, seatsLeft, attendance
// with people/byHour/byCommunity, feedback) are computed from the very records written, with the
// same domain functions the cloud functions move them by, so a reconcile of the week must find no
// difference. Deterministic for a given `seed`; the week ended yesterday (the 总结表 is due). The
// records are planned and written one district at a time (bench:scale writes 1,000,000
// registrations this way). The PRNG, the record builders, the kept counters and the batched
// inserts are the seed's (../seed/records.ts), which writes the seeded week's attendance the same way.
import {
  COLLECTIONS,
  type ActivityDoc,
  type CheckinDoc,
  type PublicityDoc,
  type RatingDoc,
  type RegistrationDoc,
  type UserDoc,
  type WalkinDoc,
  type WeekDoc,
} from '../../cloudfunctions/_core/collections'
import type { RatingChoice } from '../../src/shared/domain/feedback'
import type { AgeGroup, Relation, SignupField } from '../../src/shared/domain/people'
import { shanghaiDate, shanghaiInstant } from '../../src/shared/domain/time'
import { AUDIENCES, CONTENT_TYPES, TOPICS, type Audience } from '../../src/shared/domain/vocabulary'
import type { LocalDb } from '../gateway/sdk-client'
import {
  checkinRecord,
  insertMany,
  keepCounters,
  markFirstInDistrict,
  Rand,
  ratingRecord,
  registrationRecord,
  walkinRecord,
} from '../seed/records'
import { dayFromToday } from './gateway-client'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface StatsDataOptions {
  activities?: number
  registrations?: number
  checkins?: number
  /** Districts of the week (at most 5 names are provided). */
  districts?: number
  /** PRNG seed: the same seed writes the same week (ids and dates apart). */
  seed?: number
  /** Told after each district is written (the scale bench prints it). */
  log?: (line: string) => void
}

export interface StatsData {
  weekId: string
  districts: { code: string; name: string }[]
  /** An organiser of the first (largest) district, and an admin of the week (OPENIDs). */
  organiser: string
  organiserDistrict: string
  admin: string
  /** The day of the week with the most activities (Shanghai YYYY-MM-DD), for the dashboard. */
  busiestDay: string
  /** What was written, and what the views must show for it. */
  counts: {
    activities: number
    published: number
    cancelled: number
    drafts: number
    registrations: number
    confirmed: number
    waitlisted: number
    checkins: number
    walkins: number
    walkInHeadcount: number
    ratings: number
    people: number
    /** Distinct people checked in per district (a person at several activities counts once). */
    peopleByDistrict: Record<string, number>
    checkinsByDistrict: Record<string, number>
    /** Distinct (activity, 街道/社区 as typed) pairs among the check-ins: rows a per-place group-by answers. */
    activityCommunityPairs: number
    publicity: number
  }
  generateMs: number
  insertMs: number
}

/** Splits `total` into integers proportional to `weights` (largest remainders), each at most `caps[i]`. */
function apportion(total: number, weights: number[], caps?: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * total)
  const out = exact.map((x, i) => Math.min(Math.floor(x), caps?.[i] ?? Infinity))
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r)
  while (left > 0) {
    let moved = false
    for (const { i } of order) {
      if (left === 0) break
      if (out[i] < (caps?.[i] ?? Infinity)) {
        out[i]++
        left--
        moved = true
      }
    }
    if (!moved) throw new Error(`cannot place ${total} within the caps`)
  }
  return out
}

// ------------------------------------------------------------------ the city

const DISTRICTS = [
  { code: 'dongcheng', name: '东城区', streets: ['解放', '人民', '滨江', '青云'] },
  { code: 'xicheng', name: '西城区', streets: ['朝阳', '桃花', '西湖', '丰和'] },
  { code: 'nanhu', name: '南湖区', streets: ['南浦', '莲塘', '湖滨', '文教'] },
  { code: 'beishan', name: '北山区', streets: ['北站', '梅岭', '长堎', '石埠'] },
  { code: 'xingang', name: '新港区', streets: ['港口', '临空', '蛟桥', '瑶湖'] },
]
/** Share of the week's activities (and of its residents) per district. */
const DISTRICT_WEIGHTS = [0.26, 0.22, 0.2, 0.18, 0.14]
const COMMUNITIES = ['幸福', '和平', '光明', '友谊', '团结', '新风']
/** Share of the activities per day of the week: the opening day is the busiest. */
const DAY_WEIGHTS = [0.2, 0.15, 0.14, 0.14, 0.13, 0.12, 0.12]
const START_CLOCKS = ['08:30', '09:00', '09:30', '10:00', '14:00', '14:30', '15:00', '19:00']
const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢')
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国文红玉兰海燕婷雪梅志强晓东春')
const AUDIENCE_CODES = AUDIENCES.map((a) => a.code) as Audience[]
const AUDIENCE_WEIGHTS = [10, 6, 5, 3, 4, 35, 25, 8, 4]
const TITLE_WORDS: Record<string, string[]> = {
  party_congress: ['理论宣讲进社区', '百姓名嘴话发展', '党的创新理论微课堂'],
  digital_learning: ['数字技能夜校', '线上线下学习体验日', '职业技能公开课'],
  smart_senior: ['智能手机课堂', '防诈骗讲座', '健康码与移动支付教学'],
  reading: ['读书分享会', '亲子共读', '经典诵读'],
  achievements: ['社区教育成果展', '老年大学作品展', '学习型社区风采展'],
  open_resources: ['图书馆开放日', '博物馆研学', '科技馆体验'],
  learning_stars: ['百姓学习之星分享会', '终身学习品牌项目展示', '学习团队风采'],
}
const COMMENTS = ['老师讲得很细致，学会了', '希望多办几场', '场地有点小', '内容实用，下次还来', '时间安排合理', '志愿者很热情']

interface Person {
  personId: string
  openid: string
  memberId: string | null
  relation: Relation | null
  name: string
  phone: string
  ageGroup: AgeGroup
  /** What the person typed as 街道/社区 (spacing and punctuation as typed). */
  community: string
  audience: Audience
  district: number
}

function ageFor(r: Rand, audience: Audience): AgeGroup {
  if (audience === 'seniors') return r.chance(0.6) ? '60-69' : '70+'
  if (audience === 'youth') return r.chance(0.7) ? 'under18' : '18-39'
  return r.weighted(['18-39', '40-59', '60-69'] as AgeGroup[], [45, 45, 10])
}

function typedCommunity(r: Rand, district: (typeof DISTRICTS)[number]): string {
  const street = `${r.pick(district.streets)}街道`
  const community = `${r.pick(COMMUNITIES)}社区`
  const x = r.float()
  // People type it in many ways: the street and community, the community alone, with a space.
  if (x < 0.5) return `${street}${community}`
  if (x < 0.8) return community
  if (x < 0.95) return `${street} ${community}`
  return `${district.name}${street}`
}

/** Residents of the city: accounts, some with a family member signed up by them (代报名). */
function makePeople(r: Rand, weekId: string, accounts: number, districts: number): Person[] {
  const weights = DISTRICT_WEIGHTS.slice(0, districts)
  const out: Person[] = []
  for (let i = 0; i < accounts; i++) {
    const district = r.weighted([...weights.keys()], weights)
    const audience = r.weighted(AUDIENCE_CODES, AUDIENCE_WEIGHTS)
    const openid = `${weekId}-p${i}`
    const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.chance(0.6) ? r.pick(GIVEN) : ''}`
    const community = typedCommunity(r, DISTRICTS[district])
    out.push({
      personId: openid,
      openid,
      memberId: null,
      relation: null,
      name,
      phone: `139${String(i).padStart(8, '0')}`,
      ageGroup: ageFor(r, audience),
      community,
      audience,
      district,
    })
    if (r.chance(0.15)) {
      const memberId = `m${r.id(6)}`
      out.push({
        personId: `${openid}~${memberId}`,
        openid,
        memberId,
        relation: r.weighted(['parent', 'grandparent', 'child', 'spouse'] as Relation[], [55, 15, 20, 10]),
        name: `${name[0]}${r.pick(GIVEN)}${r.pick(GIVEN)}`,
        phone: `139${String(i).padStart(8, '0')}`,
        ageGroup: '70+',
        community,
        audience: 'seniors',
        district,
      })
    }
  }
  return out
}

function snapshot(fields: SignupField[], p: Person): RegistrationDoc['person'] {
  const out: RegistrationDoc['person'] = { name: p.name }
  if (fields.includes('phone')) out.phone = p.phone
  if (fields.includes('ageGroup')) out.ageGroup = p.ageGroup
  if (fields.includes('community')) out.community = p.community
  if (fields.includes('audience')) out.audience = p.audience
  return out
}

// ------------------------------------------------------------------ the week

/** The week, its people and activities, and how many records each activity gets: small at any size. */
interface WeekPlan {
  r: Rand
  week: WeekDoc
  users: UserDoc[]
  activities: ActivityDoc[]
  districts: (typeof DISTRICTS)[number][]
  days: string[]
  organiser: string
  admin: string
  now: Date
  people: Person[]
  byDistrict: Person[][]
  byDistrictAudience: Map<string, Person[]>
  /** Registrations of each sign-up activity. */
  regCounts: Map<string, number>
  /** Check-ins of each district. */
  checkinTargets: number[]
}

/** The records of one district's activities (their kept counters set from them). */
interface DistrictRecords {
  registrations: RegistrationDoc[]
  checkins: CheckinDoc[]
  walkins: WalkinDoc[]
  ratings: RatingDoc[]
}

function planWeek(options: StatsDataOptions): WeekPlan {
  const nActivities = options.activities ?? 500
  const nRegistrations = options.registrations ?? 100_000
  const nCheckins = options.checkins ?? 60_000
  const nDistricts = Math.min(options.districts ?? 5, DISTRICTS.length)
  const r = new Rand(options.seed ?? 20261130)
  const weekId = `benchst${Date.now().toString(36)}`
  const days = Array.from({ length: 7 }, (_, i) => dayFromToday(i - 7))
  const districts = DISTRICTS.slice(0, nDistricts)
  const now = new Date()
  const created = new Date(shanghaiInstant(days[0], '09:00') - 30 * DAY)

  const week: WeekDoc = {
    _id: weekId,
    name: '压测市全民终身学习活动周',
    level: 'city',
    region: '压测市',
    theme: '学习新思想 建设学习型社会',
    startDate: days[0],
    endDate: days[6],
    districts: districts.map((d) => ({ code: d.code, name: d.name })),
    summaryDeadline: dayFromToday(5),
    organiser: '压测市教育局',
    contacts: [{ name: '涂建华', unit: '压测市教育局职成科', phone: '0791-80000000' }],
    status: 'published',
    createdAt: created,
    updatedAt: created,
  }
  const organiser = `${weekId}-org`
  const admin = `${weekId}-admin`
  const profile = (name: string) => ({
    name,
    phone: '13800000000',
    ageGroup: '40-59' as AgeGroup,
    community: '压测市社区教育指导中心',
    audience: 'educators' as Audience,
  })
  const users: UserDoc[] = [
    {
      _id: organiser,
      profile: profile('万丽娟'),
      family: [],
      roles: [{ role: 'organiser', weekId, districtCode: districts[0].code }],
      createdAt: created,
      updatedAt: created,
    },
    { _id: admin, profile: profile('涂建华'), family: [], roles: [{ role: 'admin', weekId }], createdAt: created, updatedAt: created },
  ]

  // Activities: per district by weight, per day by weight; a few cancelled, a few still drafts.
  const perDistrict = apportion(nActivities, DISTRICT_WEIGHTS.slice(0, nDistricts))
  const activities: ActivityDoc[] = []
  const typeCodes = CONTENT_TYPES.map((t) => t.code)
  const topicCodes = TOPICS.map((t) => t.code)
  perDistrict.forEach((count, di) => {
    const d = districts[di]
    for (let k = 0; k < count; k++) {
      const dayIndex = r.weighted([...days.keys()], DAY_WEIGHTS)
      const type = r.weighted(typeCodes, [8, 18, 22, 22, 8, 12, 10])
      const startAt = shanghaiInstant(days[dayIndex], r.pick(START_CLOCKS))
      const endAt = startAt + r.pick([90, 120, 120, 150, 180]) * MINUTE
      const mode = r.weighted(['offline', 'online', 'hybrid'] as const, [85, 5, 10])
      const street = r.pick(d.streets)
      const community = r.pick(COMMUNITIES)
      const noSignup = type === 'achievements' || type === 'open_resources' ? r.chance(0.6) : r.chance(0.05)
      const status: ActivityDoc['status'] = r.chance(0.01) ? 'cancelled' : r.chance(0.01) ? 'draft' : 'published'
      const fields = r.weighted<SignupField[]>(
        [
          ['name', 'phone'],
          ['name', 'phone', 'community', 'audience'],
          ['name', 'phone', 'ageGroup', 'community', 'audience'],
        ],
        [40, 30, 30],
      )
      const id = `${weekId}-${d.code}-${String(k).padStart(3, '0')}`
      activities.push({
        _id: id,
        weekId,
        districtCode: d.code,
        districtName: d.name,
        title: `${street}街道${r.pick(TITLE_WORDS[type])}（第${k + 1}场）`,
        type,
        topics: [r.pick(topicCodes), ...(r.chance(0.4) ? [r.pick(topicCodes)] : [])].filter((t, i, a) => a.indexOf(t) === i),
        audiences: [
          r.weighted(AUDIENCE_CODES, AUDIENCE_WEIGHTS),
          ...(r.chance(0.5) ? [r.weighted(AUDIENCE_CODES, AUDIENCE_WEIGHTS)] : []),
        ].filter((t, i, a) => a.indexOf(t) === i),
        organizer: r.chance(0.4) ? `${d.name}社区教育学院` : `${street}街道社区学校`,
        coOrganizers: r.chance(0.5) ? [`${street}街道${community}社区居委会`] : [],
        mode,
        venue:
          mode === 'online'
            ? null
            : {
                name: `${community}社区${r.pick(['党群服务中心', '文化活动中心', '老年学校', '图书室'])}`,
                address: `${d.name}${street}街道${community}社区${r.int(1, 300)}号`,
              },
        onlineUrl: mode === 'offline' ? null : 'https://live.example.cn/room/1',
        startAt: new Date(startAt),
        endAt: new Date(endAt),
        signup: noSignup
          ? null
          : {
              capacity: 0,
              opensAt: new Date(startAt - 10 * DAY),
              closesAt: new Date(startAt - 2 * HOUR),
              cancelDeadline: new Date(startAt - DAY),
              fields,
            },
        seatsLeft: noSignup ? null : 0,
        description: `${d.name}${street}街道举办的${TITLE_WORDS[type][0]}活动。`,
        status,
        createdBy: organiser,
        publishedAt: status === 'draft' ? null : created,
        cancelledAt: status === 'cancelled' ? new Date(startAt - 2 * DAY) : null,
        cancelReason: status === 'cancelled' ? '场地临时维修' : null,
        createdAt: created,
        updatedAt: created,
      })
    }
  })

  // People: about 2.3 registrations per person, so many take part in several activities.
  const people = makePeople(r, weekId, Math.round(nRegistrations / 2.6), nDistricts)
  const byDistrict: Person[][] = districts.map(() => [])
  const byDistrictAudience = new Map<string, Person[]>()
  for (const p of people) {
    byDistrict[p.district].push(p)
    const key = `${p.district}|${p.audience}`
    const list = byDistrictAudience.get(key)
    if (list) list.push(p)
    else byDistrictAudience.set(key, [p])
  }

  // Registrations: drafts have none; popularity is log-normal.
  const withSignup = activities.filter((a) => a.signup && a.status !== 'draft')
  const counts = apportion(
    nRegistrations,
    withSignup.map(() => Math.exp(0.45 * r.normal())),
    withSignup.map(() => 1200),
  )
  const regCounts = new Map(withSignup.map((a, i) => [a._id, counts[i]]))
  for (const a of activities) if (a.signup && a.status === 'draft') a.signup = { ...a.signup, capacity: 10 * r.int(3, 10) }
  // Check-ins: nCheckins in all, shared by the districts as their registrations are.
  const regsByDistrict = districts.map((d) => withSignup.reduce((n, a, i) => n + (a.districtCode === d.code ? counts[i] : 0), 0))
  const checkinTargets = apportion(nCheckins, regsByDistrict)
  return {
    r,
    week,
    users,
    activities,
    districts,
    days,
    organiser,
    admin,
    now,
    people,
    byDistrict,
    byDistrictAudience,
    regCounts,
    checkinTargets,
  }
}

/**
 * The records of district `di`: registrations, check-ins (the district's share of the week's,
 * each activity at its own turnout), walk-ins and ratings; then the district's activities' kept
 * counters are set from them. Only one district's records are in memory at a time.
 */
function planDistrict(plan: WeekPlan, di: number): DistrictRecords {
  const { r, districts, people, byDistrict, byDistrictAudience, now } = plan
  const mineAll = plan.activities.filter((a) => a.districtCode === districts[di].code)
  const registrations: RegistrationDoc[] = []
  const regsOf = new Map<string, RegistrationDoc[]>()
  for (const a of mineAll) {
    const n = plan.regCounts.get(a._id)
    if (n === undefined) continue
    const signup = a.signup!
    const fields = signup.fields ?? ['name', 'phone']
    const chosen = new Set<string>()
    const list: RegistrationDoc[] = []
    const opens = signup.opensAt.getTime()
    const closes = signup.closesAt.getTime()
    while (list.length < n) {
      const x = r.float()
      const pool =
        x < 0.55 ? (byDistrictAudience.get(`${di}|${r.pick(a.audiences)}`) ?? byDistrict[di]) : x < 0.85 ? byDistrict[di] : people
      const p = r.pick(pool)
      if (chosen.has(p.personId)) continue
      chosen.add(p.personId)
      const at = opens + Math.floor(Math.pow(r.float(), 2) * (closes - opens))
      list.push(registrationRecord(a, { ...p, person: snapshot(fields, p) }, at, 'confirmed', null))
    }
    // First come, first served; about 4 % cancel; popular activities fill up and keep a waitlist.
    list.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
    for (const reg of list) {
      if (r.chance(0.04)) {
        reg.status = 'cancelled'
        reg.cancelledAt = new Date(Math.min(reg.createdAt.getTime() + r.int(1, 72) * HOUR, signup.cancelDeadline.getTime()))
        reg.updatedAt = reg.cancelledAt
      }
    }
    const active = list.filter((x) => x.status !== 'cancelled')
    const full = r.chance(0.2)
    const capacity = Math.max(
      10,
      full ? Math.floor((active.length * r.int(75, 95)) / 100) : Math.ceil((active.length + r.int(0, 60)) / 10) * 10,
    )
    active.forEach((reg, i) => {
      if (i < capacity) {
        reg.confirmedAt = reg.createdAt
        if (r.chance(0.7)) reg.ticketId = r.id(10)
      } else reg.status = 'waitlisted'
    })
    if (a.status === 'cancelled') for (const reg of active) reg.activityCancelled = true
    a.signup = { ...signup, capacity }
    for (const reg of list) registrations.push(reg)
    regsOf.set(a._id, list)
  }

  // Check-ins: confirmed registrations of the activities that took place, the district's share.
  const held = mineAll.filter((a) => a.status === 'published')
  const confirmedOf = held.map((a) => (regsOf.get(a._id) ?? []).filter((x) => x.status === 'confirmed'))
  const turnout = apportion(
    Math.min(
      plan.checkinTargets[di],
      confirmedOf.reduce((n, c) => n + c.length, 0),
    ),
    confirmedOf.map((c) => c.length * (0.45 + 0.5 * r.float()) + 1e-9),
    confirmedOf.map((c) => c.length),
  )
  const checkins: CheckinDoc[] = []
  held.forEach((a, ai) => {
    const start = a.startAt.getTime()
    const end = a.endAt.getTime()
    const vols = Array.from({ length: r.int(1, 3) }, (_, i) => `${a._id}-v${i}`)
    for (const reg of r.shuffle([...confirmedOf[ai]]).slice(0, turnout[ai])) {
      // Most arrive in the half hour before the start, some late.
      const scanned = r.chance(0.75) ? start - r.int(0, 40) * MINUTE : Math.min(end, start + r.int(0, 60) * MINUTE)
      const method = r.weighted(['ticket', 'manual', 'offline'] as const, [80, 12, 8])
      const volunteer = r.pick(vols)
      const nonce = method === 'offline' ? `o${r.id(12)}` : null
      const createdAt = scanned + (method === 'offline' ? r.int(5, 40) * MINUTE : r.int(0, 3) * 1000)
      checkins.push(checkinRecord(reg, { method, volunteer, volunteerName: '志愿者', nonce, scannedAt: scanned, createdAt }))
    }
  })
  // A person's first check-in (by scan time) in a district is the one that counts them there.
  markFirstInDistrict(checkins)

  // Walk-ins: exhibitions and open days without sign-up live on them; elsewhere a few.
  const walkins: WalkinDoc[] = []
  for (const a of held) {
    const n = a.signup ? (r.chance(0.45) ? r.int(1, 6) : 0) : r.int(10, 40)
    for (let i = 0; i < n; i++) {
      const nonce = `w${r.id(12)}`
      walkins.push(
        walkinRecord(a, {
          nonce,
          name: r.chance(0.5) ? `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.pick(GIVEN)}` : null,
          audience: r.chance(0.7) ? r.pick(a.audiences) : r.weighted(AUDIENCE_CODES, AUDIENCE_WEIGHTS),
          headcount: r.weighted([1, 2, 3, 4, 5], [70, 20, 5, 3, 2]),
          volunteer: `${a._id}-v0`,
          createdAt: a.startAt.getTime() + r.int(-30, Math.floor((a.endAt.getTime() - a.startAt.getTime()) / MINUTE)) * MINUTE,
        }),
      )
    }
  }

  // Ratings: about 40 % of those checked in answer; a few decline.
  const ratings: RatingDoc[] = []
  const regById = new Map(registrations.map((x) => [x._id, x]))
  for (const c of checkins) {
    if (!r.chance(0.4)) continue
    const level = r.weighted<RatingChoice>(['satisfied', 'basic', 'unsatisfied', 'skipped'], [68, 21, 3, 8])
    const reg = regById.get(c.registrationId)!
    const comment = level !== 'skipped' && r.chance(0.25) ? r.pick(COMMENTS) : null
    ratings.push(ratingRecord(reg, level, comment, Math.min(now.getTime(), reg.endAt.getTime() + r.int(10, 600) * MINUTE)))
  }

  // The kept counters: exactly what the records add up to, moved by the same deltas the functions use.
  keepCounters(mineAll, { registrations, checkins, walkins, ratings })
  return { registrations, checkins, walkins, ratings }
}

/** Publicity: a few reports, photo sets and videos per district. */
function planPublicity(plan: WeekPlan): PublicityDoc[] {
  const { r, week, districts, days, organiser, now } = plan
  const weekId = week._id
  const held = plan.activities.filter((a) => a.status === 'published')
  const publicity: PublicityDoc[] = []
  districts.forEach((d, di) => {
    const mine = held.filter((a) => a.districtCode === d.code)
    for (let i = 0; i < 4 + di; i++) {
      const kind = r.weighted(['text', 'photo', 'video'] as const, [50, 35, 15])
      const a = i === 0 ? null : r.pick(mine)
      publicity.push({
        _id: `${weekId}-${d.code}-pub${i}`,
        weekId,
        districtCode: d.code,
        activityId: a?._id ?? null,
        activityTitle: a?.title ?? null,
        opening: i === 0,
        kind,
        title: i === 0 ? `${d.name}全民终身学习活动周开幕` : `${a!.title}圆满举行`,
        outlet: r.pick(['江西日报', `${d.name}融媒体中心`, '学习强国', '微信公众号']),
        url: kind === 'photo' ? null : `https://news.example.cn/${d.code}/${i}`,
        fileIds:
          kind === 'photo'
            ? Array.from({ length: r.int(1, 6) }, (_, k) => `cloud://localcloud/publicity/${weekId}/${d.code}-${i}-${k}.jpg`)
            : [],
        publishedOn: days[Math.min(6, i)],
        createdBy: organiser,
        createdAt: now,
      })
    }
  })
  return publicity
}

/**
 * Plans the week and writes it into the local database the SDK points at, one district at a time:
 * a district's records are planned, written in batches and let go before the next district's, so
 * memory holds the people, the activities and one district's records (a 1,000,000-registration
 * week fits in a few GB).
 */
export async function generateStatsData(db: LocalDb, options: StatsDataOptions = {}): Promise<StatsData> {
  let generateMs = 0
  let insertMs = 0
  let t = performance.now()
  const plan = planWeek(options)
  generateMs += performance.now() - t
  const counts: StatsData['counts'] = {
    activities: plan.activities.length,
    published: plan.activities.filter((a) => a.status === 'published').length,
    cancelled: plan.activities.filter((a) => a.status === 'cancelled').length,
    drafts: plan.activities.filter((a) => a.status === 'draft').length,
    registrations: 0,
    confirmed: 0,
    waitlisted: 0,
    checkins: 0,
    walkins: 0,
    walkInHeadcount: 0,
    ratings: 0,
    people: 0,
    peopleByDistrict: Object.fromEntries(plan.districts.map((d) => [d.code, 0])),
    checkinsByDistrict: Object.fromEntries(plan.districts.map((d) => [d.code, 0])),
    activityCommunityPairs: 0,
    publicity: 0,
  }
  const registrants = new Set<string>()
  for (let di = 0; di < plan.districts.length; di++) {
    t = performance.now()
    const recs = planDistrict(plan, di)
    const code = plan.districts[di].code
    counts.registrations += recs.registrations.length
    for (const x of recs.registrations) {
      if (x.status === 'confirmed') counts.confirmed++
      else if (x.status === 'waitlisted') counts.waitlisted++
      registrants.add(x.personId)
    }
    counts.checkins += recs.checkins.length
    counts.checkinsByDistrict[code] += recs.checkins.length
    for (const c of recs.checkins) if (c.firstInDistrict) counts.peopleByDistrict[code]++
    counts.activityCommunityPairs += new Set(recs.checkins.filter((x) => x.community).map((x) => `${x.activityId}|${x.community}`)).size
    counts.walkins += recs.walkins.length
    counts.walkInHeadcount += recs.walkins.reduce((n, w) => n + w.headcount, 0)
    counts.ratings += recs.ratings.length
    generateMs += performance.now() - t
    t = performance.now()
    // Big weeks: smaller batches one at a time, so no single request waits long behind another
    // (the SDK gives up on a request after 15 s).
    const [batch, inFlight] = (options.registrations ?? 0) > 200_000 ? [500, 1] : [1000, 2]
    await insertMany(db, COLLECTIONS.registrations, recs.registrations, batch, inFlight)
    await insertMany(db, COLLECTIONS.checkins, recs.checkins, batch, inFlight)
    await insertMany(db, COLLECTIONS.walkins, recs.walkins, batch, inFlight)
    await insertMany(db, COLLECTIONS.ratings, recs.ratings, batch, inFlight)
    insertMs += performance.now() - t
    options.log?.(
      `district ${code}: ${recs.registrations.length} registrations, ${recs.checkins.length} check-ins written (${Math.round(insertMs / 1000)} s writing so far)`,
    )
  }
  counts.people = registrants.size
  t = performance.now()
  const publicity = planPublicity(plan)
  counts.publicity = publicity.length
  const dayCount = new Map<string, number>()
  for (const a of plan.activities) {
    if (a.status !== 'published') continue
    const day = shanghaiDate(a.startAt.getTime())
    dayCount.set(day, (dayCount.get(day) ?? 0) + 1)
  }
  const busiestDay = [...dayCount].sort((x, y) => y[1] - x[1])[0][0]
  generateMs += performance.now() - t
  t = performance.now()
  await insertMany(db, COLLECTIONS.weeks, [plan.week])
  await insertMany(db, COLLECTIONS.users, plan.users)
  await insertMany(db, COLLECTIONS.activities, plan.activities, 250)
  await insertMany(db, COLLECTIONS.publicity, publicity)
  insertMs += performance.now() - t
  return {
    weekId: plan.week._id,
    districts: plan.week.districts,
    organiser: plan.organiser,
    organiserDistrict: plan.districts[0].code,
    admin: plan.admin,
    busiestDay,
    counts,
    generateMs,
    insertMs,
  }
}
