// Collection names and the stored shape of each document. Only cloud functions (and the local
// cloud's seeder) write these; the client never touches the database.
import type { Arrivals, Attendance } from '@shared/domain/attendance'
import type { Feedback, RatingChoice } from '@shared/domain/feedback'
import type { ActivityCounters, RegistrationStatus } from '@shared/domain/counters'
import type { AgeGroup, Relation, SignupField } from '@shared/domain/people'
import type { PersonSnapshot, Profile } from '@shared/domain/signupRules'
import type { CourseCounters } from '@shared/domain/courseProgress'
import type { BookCounters } from '@shared/domain/reading'
import type { RepairKind } from '@shared/domain/repair'
import type { SubmissionStatus, UnitLevel } from '@shared/domain/reporting'
import type { HonourLevel, NominationKind, NominationStatus, NominatorKind } from '@shared/domain/stars'
import type { Audience, CourseKind, CourseTopic } from '@shared/domain/vocabulary'
import type { RoleGrant } from '@shared/contracts/activity'
import type { RegistrationSubscribeKey } from '../../config/subscribe'

export const COLLECTIONS = {
  weeks: 'weeks',
  activities: 'activities',
  users: 'users',
  registrations: 'registrations',
  outbox: 'outbox',
  weekKeys: 'weekKeys',
  invites: 'invites',
  checkins: 'checkins',
  walkins: 'walkins',
  courses: 'courses',
  lessons: 'lessons',
  enrolments: 'enrolments',
  bookLists: 'bookLists',
  books: 'books',
  readingLogs: 'readingLogs',
  readers: 'readers',
  ratings: 'ratings',
  publicity: 'publicity',
  summaries: 'summaries',
  repairs: 'repairs',
  setup: 'setup',
  appointInvites: 'appointInvites',
  roleChanges: 'roleChanges',
  nominations: 'nominations',
  starLikes: 'starLikes',
  starVotes: 'starVotes',
  starPlaces: 'starPlaces',
  wxacodes: 'wxacodes',
  changeNotices: 'changeNotices',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

export interface WeekDoc {
  _id: string
  name: string
  level: 'province' | 'city' | 'district'
  region: string
  theme: string
  startDate: string
  endDate: string
  /** `cityCode` names the district's city when the week's units have cities. */
  districts: { code: string; name: string; cityCode?: string }[]
  /** The cities between the week's bureau and its districts (absent on older documents = none). */
  cities?: { code: string; name: string }[]
  /** Bumped by every change of the units by the staff function (the condition of its updates; absent = 0). */
  unitsRev?: number
  summaryDeadline: string
  organiser: string
  contacts: { name: string; unit: string; phone: string }[]
  status: 'draft' | 'published'
  /** Days after summaryDeadline when its personal data is anonymised (absent = RETENTION_DAYS_DEFAULT). */
  retentionDays?: number
  /**
   * The retention timer's progress on this week (privacy function): absent until it starts; `step`
   * names the collection it is in and `after` the last _id done there; doneAt when every step is done.
   */
  retention?: { startedAt: Date; step: string; after: string; doneAt: Date | null }
  /** 百姓学习之星 settings (stars settings.set; absent = no self-nomination, no vote phase). */
  stars?: { selfNomination: boolean; vote: { opensOn: string; closesOn: string } | null }
  createdAt: Date
  updatedAt: Date
}

export interface ActivityDoc {
  _id: string
  weekId: string
  districtCode: string
  districtName: string
  title: string
  type: string
  topics: string[]
  audiences: string[]
  organizer: string
  coOrganizers: string[]
  mode: 'offline' | 'online' | 'hybrid'
  venue: { name: string; address: string } | null
  onlineUrl: string | null
  startAt: Date
  endAt: Date
  signup: {
    capacity: number
    opensAt: Date
    closesAt: Date
    cancelDeadline: Date
    /** Form fields asked (name always); absent on older documents = DEFAULT_SIGNUP_FIELDS. */
    fields?: SignupField[]
  } | null
  /** Seats not yet taken; null when no sign-up is needed. Decremented atomically on sign-up. */
  seatsLeft: number | null
  /**
   * Registrations by current state, moved in the same conditional update as the seat (see
   * @shared/domain/counters). Absent on documents nobody has signed up for yet = all 0.
   */
  counters?: Partial<ActivityCounters>
  /** Check-ins and walk-ins, moved in the same call as their record (see @shared/domain/attendance). */
  attendance?: Partial<Attendance & Arrivals>
  /** Satisfaction ratings, moved in the call that stores the rating (see @shared/domain/feedback). */
  feedback?: Partial<Feedback>
  /** Minutes before the start when check-in opens; absent = DEFAULT_CHECKIN_LEAD_MINUTES (60). */
  checkinLeadMinutes?: number
  /** The venue on a map (absent on older documents = none). */
  location?: { latitude: number; longitude: number; name?: string; address?: string } | null
  /** Whom residents call about it (absent = none). */
  contactName?: string | null
  contactPhone?: string | null
  description: string
  status: 'draft' | 'published' | 'cancelled'
  /** OPENID of the organiser who created it (absent on seeded activities). */
  createdBy?: string
  publishedAt?: Date | null
  cancelledAt?: Date | null
  cancelReason?: string | null
  /** When every active registration of a cancelled activity was marked and told (a retry or the repair stops here). */
  cancelFinishedAt?: Date | null
  createdAt: Date
  updatedAt: Date
}

/** A user's grants are stored as the contract returns them (activity.roles). */
export type { RoleGrant }

export interface FamilyMemberDoc {
  /** 'm' + random base36; unique within the resident's family. */
  id: string
  name: string
  phone: string | null
  ageGroup: AgeGroup
  relation: Relation
  audience: Audience | null
  /** The guide's version the resident had agreed to when adding this member (absent on older members). */
  consent?: StoredConsent
  createdAt: Date
}

/** A person's agreement to the privacy guide: its version and when (see @shared/domain/privacy). */
export interface StoredConsent {
  version: number
  at: Date
}

export interface UserDoc {
  /** The caller's OPENID. */
  _id: string
  profile?: Profile
  /** People this resident signs up (代报名), e.g. a parent without WeChat. */
  family?: FamilyMemberDoc[]
  roles: RoleGrant[]
  /** The privacy guide's version this person agreed to, and when; absent = never (CONSENT_REQUIRED). */
  consent?: StoredConsent
  /**
   * Set by privacy.erase before its first change and removed with the profile at its end: the
   * privacy timer finishes an erasure whose call died (older than a few minutes).
   */
  erasure?: { requestedAt: Date }
  /**
   * The 总结表 deadline reminders this person accepted (stats summary.subscribe): each acceptance
   * pays for one summary_due message, to whichever unit they run (absent = none).
   */
  subscribe?: { summary_due?: SubscribeAcceptance }
  /** The nonces of the summary.subscribe calls counted (a retry of one counts nothing again). */
  subscribeNonces?: string[]
  createdAt: Date
  updatedAt: Date
}

/**
 * One person's place at one activity. `_id` = `<activityId>_<personId>`: one registration per
 * person per activity by construction; a re-sign-up after cancelling reuses the document.
 */
export interface RegistrationDoc {
  _id: string
  activityId: string
  weekId: string
  districtCode: string
  /** The account that made it and may cancel it (the resident, also for a family member). */
  openid: string
  /** The OPENID (self) or `<OPENID>~<memberId>` (family member). */
  personId: string
  memberId: string | null
  relation: Relation | null
  proxy: boolean
  /** Only the fields the activity's form asks; the name always (ANONYMOUS_NAME once anonymised). */
  person: PersonSnapshot
  /** The consent in force when the person was signed up (absent on older registrations). */
  consent?: StoredConsent
  /** When its personal data was anonymised (the person's erasure or the week's retention). */
  anonymisedAt?: Date
  status: RegistrationStatus
  /**
   * Waitlist order, ascending: set when the registration (re)joins the activity (see nextWaitKey:
   * clock, per-instance sequence, own id; unique).
   */
  waitKey: string
  /** Copied from the activity (and kept in step on edit) for "my activities" and overlap checks. */
  title: string
  startAt: Date
  endAt: Date
  /** The organiser cancelled the activity. */
  activityCancelled: boolean
  /** Short random id in the QR token; set when the ticket is first shown (signup.ticket). */
  ticketId?: string
  createdAt: Date
  updatedAt: Date
  confirmedAt: Date | null
  promotedAt: Date | null
  cancelledAt: Date | null
  /**
   * Revision: 1 when first written, +1 on every status change (absent on older documents = 1).
   * A status change is written where({ _id, rev }) after the activity's pending move names it
   * (see _core/journal.ts and _core/seats.ts).
   */
  rev?: number
  /** The client's nonce of the request that last signed it up (a retry of it answers it again). */
  nonce?: string | null
  /** The op of the journal move that last wrote this registration (see _core/journal.ts). */
  op?: string
  /**
   * What the person accepted in requestSubscribeMessage (signup subscribe.record), per template:
   * each acceptance pays for one message; firstAt is the first, at the latest (absent = none).
   */
  subscribe?: Partial<Record<RegistrationSubscribeKey, SubscribeAcceptance>>
  /** The nonces of the subscribe.record calls counted (a retry of one counts nothing again). */
  subscribeNonces?: string[]
}

export interface SubscribeAcceptance {
  accepted: number
  firstAt: Date
  at: Date
}

/**
 * Notices about a registration (to the resident who made it): its activity cancelled, a seat from
 * the waitlist, a reminder before the start (notify timer), a change of time or venue (organiser).
 */
export type RegistrationNoticeTemplate = 'activity_cancelled' | 'waitlist_promoted' | 'activity_reminder' | 'activity_changed'
/** summary_due: a unit's 总结表 is not submitted a few days before the deadline (to the people who run the unit). */
export type NoticeTemplate = RegistrationNoticeTemplate | 'summary_due'

/**
 * Where a notice stands with the subscribe-message sender (notify function): pending until `at`
 * (when it is due); claimed by a run until `at` (the claim's lease); sent; failed after its tries
 * (errcode: WeChat's last answer); unsendable (the person accepted no message of its template: it
 * is only listed in the app); unknown (a run died between claiming and marking it: it may have gone,
 * so it is not sent again: at most once).
 */
export interface NoticeSend {
  state: 'pending' | 'claimed' | 'sent' | 'failed' | 'unsendable' | 'unknown'
  at: Date
  tries: number
  errcode: number | null
}

/** What every notice has: whom it is for, and whether it was read (app) and sent (subscribe message). */
interface NoticeBase {
  _id: string
  /** OPENID it is for. */
  recipient: string
  createdAt: Date
  readAt: Date | null
  sentAt: Date | null
  /** The subscribe message (absent: none is sent for it, e.g. notices written before the sender existed). */
  send?: NoticeSend
}

/**
 * A message to a person. The real cloud's sender turns it into a subscribe message (sentAt); the
 * app lists them as notices (readAt). Read `template` before `payload`: the payload's shape is the template's.
 */
export type OutboxDoc = RegistrationNoticeDoc | SummaryDueNoticeDoc

/** A notice about a registration: its activity cancelled, or promoted from the waitlist. */
export interface RegistrationNoticeDoc extends NoticeBase {
  person: { personId: string; name: string }
  template: RegistrationNoticeTemplate
  payload: {
    activityId: string
    registrationId: string
    title: string
    startAt: Date
    reason: string | null
    /** activity_reminder: which (the evening before, or an hour before). */
    reminder?: 'eve' | 'hour'
    /** The venue's name when the notice was written (reminders and changes; absent on others). */
    venue?: string | null
  }
}

/**
 * A reminder to the organisers of a district (or the city admins of a city) whose 总结表 is not
 * submitted `daysLeft` days before the week's deadline (stats timer, reminders.ts). It names no
 * person: nothing in it but the recipient is personal, and an erasure unlinks that as on every notice.
 */
export interface SummaryDueNoticeDoc extends NoticeBase {
  template: 'summary_due'
  payload: {
    weekId: string
    level: 'district' | 'city'
    /** The district's or city's code. */
    unitCode: string
    unitName: string
    /** The week's summaryDeadline (a Shanghai day, YYYY-MM-DD). */
    deadline: string
    daysLeft: number
  }
}

/** A notice to write: every field but `_id`, which a deterministic step id may give. */
export type NewNotice = (Omit<RegistrationNoticeDoc, '_id'> | Omit<SummaryDueNoticeDoc, '_id'>) & { _id?: string }

/**
 * The Ed25519 key pair that signs a week's tickets. `_id` = weekId: created on first use, and
 * concurrent first uses cannot make two. The private key never leaves the cloud functions
 * (the collection is closed to clients); the public key goes to volunteers' phones.
 */
export interface WeekKeyDoc {
  _id: string
  alg: 'Ed25519'
  /** Raw 32-byte keys, base64url. */
  publicKey: string
  privateKey: string
  createdAt: Date
}

/** An organiser's invitation of volunteers. `_id` = the code people type. */
export interface InviteDoc {
  _id: string
  weekId: string
  activityIds: string[]
  createdBy: string
  expiresAt: Date
  createdAt: Date
  /** OPENIDs that redeemed it (for the organiser's overview). */
  redeemedBy: string[]
}

/**
 * One registration checked in. `_id` = the registration id: a second check-in of the same
 * person is a duplicate key, whoever and wherever it comes from.
 */
export interface CheckinDoc {
  _id: string
  activityId: string
  weekId: string
  districtCode: string
  registrationId: string
  /** Copied from the registration for the counters' recount. */
  audience: string | null
  proxy: boolean
  /** The registration's person (absent on check-ins stored before it was kept). */
  personId?: string
  /** The person's 街道/社区 from the sign-up form, when it asked. */
  community?: string | null
  /** The person's first check-in in this district and week (moved attendance.people). */
  firstInDistrict?: boolean
  method: 'ticket' | 'manual' | 'offline'
  /** The volunteer's OPENID and masked name (or 志愿者). */
  volunteer: string
  volunteerName: string
  /** The phone's id of the scan (offline queue, retries); null for an online scan without one. */
  nonce: string | null
  /** When the volunteer scanned (the phone's clock for offline scans) and when it was stored. */
  scannedAt: Date
  createdAt: Date
  /** The op of the pending counter move this record completes (journal.ts; absent on records stored before). */
  op?: string
}

/** People who came without signing up. `_id` = `<activityId>_<nonce>` when the phone sent a nonce. */
export interface WalkinDoc {
  _id: string
  activityId: string
  weekId: string
  districtCode: string
  name: string | null
  audience: string
  headcount: number
  volunteer: string
  nonce: string | null
  createdAt: Date
  /** The op of the pending counter move this record completes (journal.ts; absent on records stored before). */
  op?: string
}

// ------------------------------------------------------------------ courses

export interface LessonStepDoc {
  text: string
  image: string | null
  imageAlt: string | null
  videoUrl: string | null
  tip: string | null
}

/** A course of a week and district. Its lessons' steps live in `lessons`; the outline is here. */
export interface CourseDoc {
  _id: string
  weekId: string
  districtCode: string
  districtName: string
  kind: CourseKind
  topic: CourseTopic
  title: string
  intro: string
  cover: string | null
  /** Lessons in order (what the course page lists); steps are in the lesson documents. */
  lessons: { id: string; title: string; minutes: number; stepCount: number }[]
  /** Offline classes of the week for this course (same week and district). */
  activityIds: string[]
  status: 'draft' | 'published'
  /** Moved by `_.inc` in the call that enrols or completes (see @shared/domain/courseProgress). */
  counters?: Partial<CourseCounters>
  createdBy: string | null
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** One lesson's steps. `_id` = `<courseId>_<lessonId>`. */
export interface LessonDoc {
  _id: string
  courseId: string
  lessonId: string
  title: string
  minutes: number
  steps: LessonStepDoc[]
  updatedAt: Date
}

/**
 * One person learning one course. `_id` = `<courseId>_<personId>`: enrolling twice is a duplicate
 * key, so a person has one enrolment per course by construction.
 */
export interface EnrolmentDoc {
  _id: string
  courseId: string
  weekId: string
  districtCode: string
  /** The account that enrolled and goes through the lessons (also for a family member). */
  openid: string
  /** The OPENID (self) or `<OPENID>~<memberId>` (family member): whose progress it is. */
  personId: string
  memberId: string | null
  learnerName: string
  /** The learner's audience code (for the counters' byAudience); null when unknown. */
  audience: string | null
  completedLessonIds: string[]
  /** completedLessonIds.length, the optimistic-concurrency guard of a completion. */
  lessonsDone: number
  position: { lessonId: string; step: number } | null
  completedAt: Date | null
  certificateNo: string | null
  createdAt: Date
  updatedAt: Date
  /** The op of the pending counter move this record completes (journal.ts; absent on records stored before). */
  op?: string
}

// ------------------------------------------------------------------ reading

/** A book list (好书推荐) of a week and district; its books are documents of `books`. */
export interface BookListDoc {
  _id: string
  weekId: string
  districtCode: string
  districtName: string
  title: string
  intro: string
  /** Book ids in display order. */
  bookIds: string[]
  status: 'draft' | 'published'
  createdBy: string | null
  createdAt: Date
  updatedAt: Date
}

export interface BookDoc {
  _id: string
  listId: string
  weekId: string
  districtCode: string
  title: string
  author: string
  blurb: string
  cover: string | null
  activityIds: string[]
  /** Whether its list is published (kept in step by list.publish). */
  status: 'draft' | 'published'
  /** Moved by `_.inc` in the call that writes the log (see @shared/domain/reading). */
  counters?: Partial<BookCounters>
  createdAt: Date
  updatedAt: Date
}

/** One day's reading of one book by one person. `_id` = readingLogId(): one per day by construction. */
export interface ReadingLogDoc {
  _id: string
  bookId: string
  bookTitle: string
  listId: string
  weekId: string
  districtCode: string
  openid: string
  personId: string
  memberId: string | null
  audience: string | null
  day: string
  minutes: number
  note: string | null
  createdAt: Date
  /** The op of the pending counter move this record completes (journal.ts; absent on records stored before). */
  op?: string
}

/** A person's reading in one week. `_id` = `<weekId>_<personId>`. */
export interface ReaderDoc {
  _id: string
  weekId: string
  openid: string
  personId: string
  memberId: string | null
  name: string
  totalMinutes: number
  totalLogs: number
  /** Days with a log (Shanghai dates), for the streak. */
  days: string[]
  /** Books logged at least once (a book's readers counter moves on the first). */
  bookIds: string[]
  /** The logs these totals hold, each once (_core/readerTotals.ts); missing on a document no log reached yet. */
  logIds?: string[]
  /** The district board this reader opted into, with the name shown there (masked); null = not on a board. */
  board: { districtCode: string; name: string } | null
  createdAt: Date
  updatedAt: Date
}

// ------------------------------------------------------------------ ratings, publicity, 总结表

/** A checked-in person's rating of an activity. `_id` = the registration id: one per person. */
export interface RatingDoc {
  _id: string
  activityId: string
  weekId: string
  districtCode: string
  openid: string
  personId: string
  level: RatingChoice
  comment: string | null
  createdAt: Date
  /** The op of the pending counter move this record completes (journal.ts; absent on records stored before). */
  op?: string
}

/** A publicity record (宣传报道) of a district: a text report, photos or a video. */
export interface PublicityDoc {
  _id: string
  weekId: string
  districtCode: string
  activityId: string | null
  activityTitle: string | null
  opening: boolean
  kind: 'text' | 'photo' | 'video'
  title: string
  outlet: string
  url: string | null
  fileIds: string[]
  publishedOn: string | null
  createdBy: string
  createdAt: Date
}

/**
 * What people type into a 总结表, kept as a draft. `_id` = `<weekId>_<districtCode>`, or
 * `<weekId>__all` for an admin's roll-up.
 */
/**
 * A unit's 总结表 (`_id`: summaryIdOf in @shared/domain/reporting): the typed draft, and where it
 * stands with the level above. Every change is one conditional update of this document, so a
 * submit, a return or a confirm is whole or not at all.
 */
export interface SummaryDraftDoc {
  _id: string
  weekId: string
  /** A district's code; null for a city (cityCode) and the top. */
  districtCode: string | null
  /** A city's code (absent: a district or the top; absent on older documents). */
  cityCode?: string | null
  /** The unit's level (absent on older documents: a district, or the top when districtCode is null). */
  level?: UnitLevel
  typed: Record<string, string>
  featuredIds: string[]
  typicalCase: { activityId: string | null; title: string; text: string } | null
  /** Moves by one on every save and every submit: the optimistic-concurrency guard. */
  revision: number
  updatedBy: string
  updatedAt: Date
  /** Absent: draft. */
  status?: SubmissionStatus
  /** Submissions so far (absent: 0). */
  version?: number
  /** The latest submitted copy, as the summary contract shapes it (activities left out), with the figures it summed. */
  submitted?: SubmittedCopy | null
  /** Oldest first; `by` is shown to staff (a unit and role, never an openid). */
  history?: { action: 'submit' | 'return' | 'confirm'; at: Date; by: string; byOpenid: string; reason: string | null; late: boolean }[]
  /** When the level above last confirmed or returned it. */
  reviewedAt?: Date | null
}

/** What a submit freezes: the table as the page showed it, and the full figures a roll-up above sums. */
export interface SubmittedCopy {
  at: Date
  by: string
  late: boolean
  version: number
  /** The summary contract's shape (Summary), its `activities` emptied. */
  summary: Record<string, unknown>
  /** The SummaryFigures of @shared/domain/summary it was worded from. */
  figures: Record<string, unknown>
}

/** One change a repair made (see repair.ts). */
export interface RepairChange {
  activityId: string
  /** The activity's title, week and district, so a record of the repair reads on its own. */
  title: string
  weekId: string
  districtCode: string
  /** settled: a finished move's entry removed; reverted: an unfinished move taken back; promoted:
   *  free seats given to waiting registrations; notified: a missing notice written; rewritten:
   *  counters written back as recounted (reconcile with repair; the activity id may be a course's or
   *  a book's). */
  kind: RepairKind
  /** The registration told (notified), the journal key taken back (reverted), or how many (promoted, settled). */
  ref: string
}

/**
 * One repair that changed something (the timer's or an admin's reconcile with repair), or the
 * timer's heartbeat (`_id: 'timer'`, kind 'heartbeat', rewritten by every run).
 */
export interface RepairDoc {
  _id: string
  kind: 'run' | 'heartbeat'
  /** 'timer', or the OPENID of the bureau admin who ran reconcile with repair. */
  by: string
  at: Date
  /** Activities looked at, and how long the run took. */
  checked: number
  ms: number
  /** What changed (at most REPAIR_CHANGES_KEPT; `more` counts the rest). */
  changes: RepairChange[]
  more: number
  /** Weeks and districts the changes were in (the dashboard asks for its own). */
  weekIds: string[]
  districtCodes: string[]
}

/**
 * The one-time setup code (staff.setup.claim). `_id: 'setup'` is the claim: created once with add(),
 * so of two people entering the right code at once exactly one wins; it names the claimant, so a
 * retry of theirs completes the grant. `_id: 'try_<hash>'` counts one person's attempts in a window.
 */
export interface SetupClaimDoc {
  _id: 'setup'
  claimedBy: string
  at: Date
}
export interface SetupAttemptsDoc {
  _id: string
  openid: string
  windowStart: Date
  count: number
}

/** An appointment invite (staff.appoint.*): `_id` = the code; single use. */
export interface AppointInviteDoc {
  _id: string
  weekId: string
  role: 'admin' | 'cityAdmin' | 'organiser'
  /** The city (cityAdmin) or district (organiser); null for an admin of the week. */
  unitCode: string | null
  unitName: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  /** Who redeemed it (set once, by a conditional update) and when. */
  usedBy: string | null
  usedAt: Date | null
  cancelledAt: Date | null
}

/** One role change, for the record (who, whom, what, when). `_id` is deterministic per change. */
export interface RoleChangeDoc {
  _id: string
  /** The week of the grant; null for the bureau grant (of no week). */
  weekId: string | null
  at: Date
  by: string
  whom: string
  change: 'grant' | 'revoke'
  via: 'setup' | 'invite' | 'revoke' | 'copy'
  grant: RoleGrant
  unitName: string
}

// ------------------------------------------------------------------ 百姓学习之星 and 品牌项目

/** A nomination (or a recognition recorded from elsewhere): see @shared/domain/stars. */
export interface NominationDoc {
  _id: string
  weekId: string
  kind: NominationKind
  districtCode: string
  districtName: string
  /** The district's city when the week has cities (who selects it), else null. */
  cityCode: string | null
  name: string
  unitName: string | null
  story: string
  photos: string[]
  videoUrl: string | null
  nominator: { kind: NominatorKind; openid: string; name: string; phone: string }
  nomineeConsentAt: Date | null
  /** A draft's attestation that the nominee agreed (nomineeConsentAt is set from it when nominated). */
  nomineeConsent?: boolean
  status: NominationStatus
  hidden: boolean
  reason: string | null
  honours: { level: HonourLevel; by: string; year: number; at: Date }[]
  /** The selecting unit's places document it holds a place of (while selected or published). */
  placeOf: string | null
  recorded: boolean
  /** Counters kept by the like and vote records (countedRecord.ts). */
  likes: number
  votes: number
  /** The content check of its text and photos: when it passed (null: not yet, or changed since). */
  checkedAt: Date | null
  history: { action: string; at: Date; by: string; byOpenid: string; reason: string | null }[]
  createdAt: Date
  updatedAt: Date
}

/** A like (or a vote): `_id` = likeIdOf(entry, openid, day): one per person per entry per day. */
export interface StarLikeDoc {
  _id: string
  entryId: string
  weekId: string
  openid: string
  day: string
  at: Date
  /** The counted move's journal op (countedRecord.ts). */
  op?: string
}

/** A selecting unit's places: `_id` = `<week>_<unitKey>`; `used` moves with each selection in one conditional update. */
export interface StarPlacesDoc {
  _id: string
  weekId: string
  cityCode: string | null
  places: { star: number; project: number }
  used: { star: number; project: number }
  /**
   * The nominations holding a place, by id (their kind): moved in the same conditional update as
   * `used`, so a retried selection finds its place already taken by itself (stars select.ts).
   */
  held?: Record<string, 'star' | 'project'>
  updatedAt: Date
}

/** An activity's 小程序码, `_id` the code in its scene (cloudfunctions/activity/src/wxacode.ts). */
export interface WxacodeDoc {
  _id: string
  activityId: string
  scene: string
  /** The picture in cloud storage. */
  fileId: string
  createdAt: Date
}

// ------------------------------------------------------------------ organisers' change notices

/**
 * One change notice an organiser sent to an activity's registrants (notify change.send). `_id` =
 * `<activityId>_<day>_<slot>` with slot 1–3: created with add(), so a day holds at most 3 whoever sends them.
 */
export interface ChangeNoticeDoc {
  _id: string
  activityId: string
  weekId: string
  districtCode: string
  /** The Shanghai day it was sent (YYYY-MM-DD) and its number that day. */
  day: string
  slot: number
  /** The sender's request (a retry of it finds this record). */
  nonce: string
  change: 'time' | 'venue' | 'other'
  message: string
  by: string
  at: Date
  /** Registrants told, and when every notice was written (null while the call runs or after it died). */
  notified: number
  doneAt: Date | null
}
