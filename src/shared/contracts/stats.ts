import { z } from 'zod'
import { REPORTING_LIMITS, SUBMISSION_STATUSES } from '../domain/reporting'
import { SUMMARY_ROW_KEYS, TYPED_ROW_KEYS } from '../domain/summary'
import { action } from './envelope'
import { textSchema } from './text'
import { contentTypeSchema, daySchema, idSchema } from './activity'
import { subscribeNonceSchema, subscribeResultSchema } from './subscribe'

/** Epoch milliseconds. */
const instant = z.number().int()
const count = z.number().int()

export const feedbackSchema = z.object({
  satisfied: count,
  basic: count,
  unsatisfied: count,
  skipped: count,
  comments: count,
  /** (满意 + 基本满意) / ratings; null without ratings. */
  rate: z.number().nullable(),
})
export type FeedbackView = z.infer<typeof feedbackSchema>

/** One activity's live figures as the organiser's dashboard shows them. */
export const liveActivitySchema = z.object({
  id: idSchema,
  title: z.string(),
  type: contentTypeSchema,
  districtCode: idSchema,
  districtName: z.string(),
  venueName: z.string().nullable(),
  startAt: instant,
  endAt: instant,
  status: z.enum(['published', 'cancelled']),
  /** Seats offered; null when no sign-up is needed. */
  capacity: count.nullable(),
  registered: count,
  waitlisted: count,
  checkedIn: count,
  walkInHeadcount: count,
  /** checkedIn + walkInHeadcount. */
  participants: count,
  /** No seat left (sign-up activities only). */
  full: z.boolean(),
  /** Started, not ended, and fewer than half of those registered have arrived: volunteers may be needed. */
  needsHelp: z.boolean(),
  feedback: feedbackSchema,
  featured: z.boolean(),
})
export type LiveActivity = z.infer<typeof liveActivitySchema>

export const unitFiguresSchema = z.object({
  activities: count,
  capacity: count,
  registered: count,
  waitlisted: count,
  checkedIn: count,
  walkInHeadcount: count,
  participants: count,
})
export type UnitFigures = z.infer<typeof unitFiguresSchema>

export const districtFiguresSchema = unitFiguresSchema.extend({
  code: idSchema,
  name: z.string(),
  /** Distinct people checked in (a person at several activities counts once) + walk-in heads. */
  people: count,
  feedback: feedbackSchema,
})

/**
 * 百姓学习之星 and 终身学习品牌项目 of the scope, by how far they got: nominated (handed to the district:
 * every status but draft), recommended by the district (and beyond), selected by the level above
 * (and beyond), published in the gallery (and not hidden; recognitions recorded from elsewhere count
 * here only).
 */
export const honourFiguresSchema = z.object({ nominated: count, recommended: count, selected: count, published: count })
export type HonourFigures = z.infer<typeof honourFiguresSchema>

/** Who may see what: an organiser their district(s), an admin every district and the roll-up. */
export const scopeInputSchema = z.object({
  weekId: idSchema,
  /** A district; omitted: the caller's only district, or for an admin the whole week (roll-up). */
  districtCode: idSchema.optional(),
})

/**
 * The 总结表's unit: a district (districtCode), a city (cityCode, its admins and the week's), or
 * neither: an admin's top roll-up, a city admin's city, an organiser's (first) district. Both: BAD_INPUT.
 */
export const summaryScopeSchema = scopeInputSchema.extend({ cityCode: idSchema.optional() })
export type SummaryScopeInput = z.infer<typeof summaryScopeSchema>

/** An action's input naming at most one unit: a district or a city, not both. */
function oneUnit<T extends z.ZodType<{ districtCode?: string; cityCode?: string }>>(schema: T): T {
  return schema.refine((v) => !(v.districtCode && v.cityCode), { path: ['cityCode'], message: '县区和城市只能选一个' }) as unknown as T
}

export const repairKindSchema = z.enum(['reverted', 'settled', 'promoted', 'notified', 'rewritten'])

export const dashboardSchema = z.object({
  weekId: idSchema,
  weekName: z.string(),
  /** The district shown; null for an admin's roll-up of all districts. */
  districtCode: idSchema.nullable(),
  scopeName: z.string(),
  /** The districts the caller may open (an organiser's own; an admin's all). */
  districts: z.array(z.object({ code: idSchema, name: z.string() })),
  canRollUp: z.boolean(),
  /** The Shanghai day of `today` and `curve`. */
  day: daySchema,
  generatedAt: instant,
  /** Activities starting on `day`, by start time. */
  today: z.array(liveActivitySchema),
  /** Participants arriving on `day` per hour (0-23), over every activity in scope. */
  curve: z.array(z.object({ hour: z.number().int().min(0).max(23), participants: count })),
  totals: unitFiguresSchema.extend({ people: count }),
  byType: z.array(unitFiguresSchema.extend({ code: contentTypeSchema, label: z.string() })),
  byAudience: z.array(z.object({ code: z.string(), label: z.string(), participants: count })),
  byDistrict: z.array(districtFiguresSchema.extend({ honours: honourFiguresSchema.optional() })),
  feedback: feedbackSchema,
  /** Stars and projects of the scope (absent from an older function). */
  honours: honourFiguresSchema.optional(),
  /**
   * The repair (a timer every minute, or an admin's reconcile with repair): when it last looked
   * (null: never), and the last time it changed something in this scope, summed by kind.
   */
  repair: z.object({
    lastRunAt: instant.nullable(),
    lastChange: z
      .object({
        at: instant,
        byTimer: z.boolean(),
        kinds: z.array(z.object({ kind: repairKindSchema, label: z.string(), count })),
        /** Titles of the activities (courses, books) it changed, at most 5. */
        titles: z.array(z.string()).max(5),
      })
      .nullable(),
  }),
})
export type Dashboard = z.infer<typeof dashboardSchema>

// ------------------------------------------------------------------ publicity

export const publicityKindSchema = z.enum(['text', 'photo', 'video'])
export const fileIdSchema = textSchema({ min: 1, max: 300, trim: false }).regex(/^cloud:\/\/\S+$/)
export const linkSchema = textSchema({ max: 300 }).regex(/^https?:\/\/\S+$/)

export const publicityInputSchema = z.object({
  weekId: idSchema,
  districtCode: idSchema,
  /** The activity it reports on; null for the district's week as a whole. */
  activityId: idSchema.nullable().default(null),
  /** About the opening ceremony (开幕式). */
  opening: z.boolean().default(false),
  kind: publicityKindSchema,
  title: textSchema({ min: 2, max: 80 }),
  /** 发布媒体或平台, e.g. 江西日报, 区融媒体中心, 微信公众号. */
  outlet: textSchema({ min: 1, max: 40 }),
  /** Link to the report or video; a text report or a video needs one. */
  url: linkSchema.nullable().default(null),
  /** Photos in cloud storage (photo records: 1-9). */
  fileIds: z.array(fileIdSchema).max(9).default([]),
  publishedOn: daySchema.nullable().default(null),
})
export type PublicityInput = z.input<typeof publicityInputSchema>

export const publicityItemSchema = z.object({
  id: z.string(),
  weekId: idSchema,
  districtCode: idSchema,
  activityId: idSchema.nullable(),
  activityTitle: z.string().nullable(),
  opening: z.boolean(),
  kind: publicityKindSchema,
  title: z.string(),
  outlet: z.string(),
  url: z.string().nullable(),
  fileIds: z.array(z.string()),
  publishedOn: daySchema.nullable(),
  createdAt: instant,
})
export type PublicityItem = z.infer<typeof publicityItemSchema>

// ------------------------------------------------------------------ the 总结表

export const summaryRowKeySchema = z.enum(SUMMARY_ROW_KEYS)
export const typedRowKeySchema = z.enum(TYPED_ROW_KEYS as unknown as [string, ...string[]])

export const summaryRowSchema = z.object({
  key: summaryRowKeySchema,
  group: z.string(),
  label: z.string(),
  source: z.enum(['data', 'typed', 'both']),
  computed: z.string().nullable(),
  basis: z.string().nullable(),
  typed: z.string().nullable(),
  /**
   * A roll-up's text composed from its units' submitted texts (a heading or name per unit); what the
   * row shows while nothing is typed, and what the editor starts from. null for a district.
   */
  composed: z.string().nullable(),
  value: z.string(),
})
export type SummaryRowView = z.infer<typeof summaryRowSchema>

export const typicalCaseSchema = z.object({
  activityId: idSchema.nullable(),
  title: textSchema({ min: 2, max: 60 }),
  text: textSchema({ max: 3000, multiline: true }),
})
export type TypicalCase = z.infer<typeof typicalCaseSchema>

/** One activity as a row of the .xlsx and of the summary page. */
export const summaryActivitySchema = z.object({
  id: idSchema,
  title: z.string(),
  type: contentTypeSchema,
  districtCode: idSchema,
  districtName: z.string(),
  startAt: instant,
  endAt: instant,
  venueName: z.string().nullable(),
  organizer: z.string(),
  capacity: count.nullable(),
  registered: count,
  checkedIn: count,
  walkInHeadcount: count,
  participants: count,
  feedback: feedbackSchema,
  featured: z.boolean(),
  publicity: count,
})
export type SummaryActivity = z.infer<typeof summaryActivitySchema>

export const summaryFiguresSchema = z.object({
  activities: count,
  activitiesByType: z.record(z.string(), count),
  cancelled: count,
  registered: count,
  checkIns: count,
  distinctPeople: count,
  walkInHeadcount: count,
  participants: count,
  streets: z.array(z.string()),
  communities: z.array(z.string()),
  units: z.array(z.string()),
  feedback: feedbackSchema,
  textReports: count,
  photos: count,
  videos: count,
  outlets: z.array(z.string()),
  courses: z.object({ courses: count, enrolled: count, lessonsCompleted: count, completed: count }),
  reading: z.object({ books: count, logs: count, minutes: count, bookReaders: count }),
})
export type SummaryFiguresView = z.infer<typeof summaryFiguresSchema>

// ------------------------------------------------------------------ reporting up

export const unitLevelSchema = z.enum(['district', 'city', 'top'])
/** A unit of the week: a district, a city, or the top (the week's bureau; code null). */
export const unitRefSchema = z.object({ level: unitLevelSchema, code: idSchema.nullable(), name: z.string() })
export type UnitRefView = z.infer<typeof unitRefSchema>

export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES)

export const submissionEventSchema = z.object({
  action: z.enum(['submit', 'return', 'confirm']),
  at: instant,
  /** Who did it, as shown to staff (their unit's name and role, never an openid). */
  by: z.string(),
  /** A return's reason; null otherwise. */
  reason: z.string().nullable(),
  /** A submit after the deadline day. */
  late: z.boolean(),
})
export type SubmissionEvent = z.infer<typeof submissionEventSchema>

/** Where a unit's 总结表 stands with the level above. */
export const submissionStateSchema = z.object({
  status: submissionStatusSchema,
  /** Submissions so far (0: never submitted); pass to summary.review to act on the one seen. */
  version: count,
  /** The latest submission's time and whether it was late; null before the first. */
  submittedAt: instant.nullable(),
  late: z.boolean(),
  /** The last return's reason while the status is 'returned'. */
  returnReason: z.string().nullable(),
  /** When the level above last confirmed or returned it. */
  reviewedAt: instant.nullable(),
  /** Oldest first. */
  history: z.array(submissionEventSchema),
  /** Who it goes to; null at the top (nobody above in the app). */
  parent: unitRefSchema.nullable(),
  /** The caller may submit it now / may confirm or return it now. */
  canSubmit: z.boolean(),
  canReview: z.boolean(),
})
export type SubmissionState = z.infer<typeof submissionStateSchema>

/** A publicity record marked 开幕式, travelling with the submission. */
export const openingMaterialSchema = z.object({
  unitName: z.string(),
  kind: publicityKindSchema,
  title: z.string(),
  outlet: z.string(),
  url: z.string().nullable(),
  fileIds: z.array(z.string()),
  publishedOn: daySchema.nullable(),
})
export type OpeningMaterial = z.infer<typeof openingMaterialSchema>

/** A unit's typical case (典型案例) in a roll-up, with the unit it comes from. */
export const unitCaseSchema = z.object({ unitName: z.string(), title: z.string(), text: z.string() })
export type UnitCase = z.infer<typeof unitCaseSchema>

/** One unit in the table of the level above: where its 总结表 stands and its key figures. */
export const unitRowSchema = z.object({
  unit: unitRefSchema,
  status: submissionStatusSchema,
  version: count,
  submittedAt: instant.nullable(),
  late: z.boolean(),
  reviewedAt: instant.nullable(),
  /** Whether the figures are its submitted copy's or (not submitted) counted now. */
  source: z.enum(['submitted', 'live']),
  activities: count,
  participants: count,
  /** From the underlying counts; null without ratings. */
  satisfaction: z.number().nullable(),
  /** 开幕式 materials it sent. */
  opening: count,
})
export type UnitRow = z.infer<typeof unitRowSchema>

export const summarySchema = z.object({
  weekId: idSchema,
  weekName: z.string(),
  /** null: an admin's roll-up of every district. */
  districtCode: idSchema.nullable(),
  scopeName: z.string(),
  /** The week's summaryDeadline, and whole days left from today (negative: overdue). */
  deadline: daySchema,
  daysLeft: z.number().int(),
  generatedAt: instant,
  rows: z.array(summaryRowSchema),
  figures: summaryFiguresSchema,
  featuredIds: z.array(idSchema),
  typicalCase: typicalCaseSchema.nullable(),
  activities: z.array(summaryActivitySchema),
  /** The roll-up: one line of figures per district (empty for one district). */
  districts: z.array(districtFiguresSchema),
  /** The typed draft: when it was last saved, and by whom (masked); null when never. */
  draftSavedAt: instant.nullable(),
  /** Pass back to summary.save to refuse overwriting someone else's newer draft (CONFLICT). */
  revision: count,
  /** The unit this 总结表 is of (districtCode above is its code when a district). */
  unit: unitRefSchema,
  /** Where it stands with the level above. */
  submission: submissionStateSchema,
  /** A roll-up: the units that hand in to this one, with their status and figures (empty for a district). */
  units: z.array(unitRowSchema),
  /** A roll-up: the typical cases its units submitted, each with its unit. */
  unitCases: z.array(unitCaseSchema),
  /** 开幕式 materials of the unit (a roll-up: those its units submitted). */
  opening: z.array(openingMaterialSchema),
  /** This is a submitted copy (summary.submission), not the live table. */
  frozen: z.boolean(),
})
export type Summary = z.infer<typeof summarySchema>

export const reconcileDifferenceSchema = z.object({
  /** What disagrees: an activity's counter, or a district's distinct people. */
  scope: z.enum(['activity', 'district', 'course', 'book']),
  id: z.string(),
  /** What it is called: the activity's, course's or book's title, the district's name ('' if unknown). */
  name: z.string(),
  field: z.string(),
  stored: z.number(),
  recounted: z.number(),
})
export type ReconcileDifference = z.infer<typeof reconcileDifferenceSchema>

export const statsContract = {
  /**
   * Live attendance of a district (organiser) or of the whole week (admin), for one day
   * (default: today in Shanghai). Reads the kept counters only.
   */
  dashboard: action(scopeInputSchema.extend({ day: daySchema.optional() }), dashboardSchema),

  /** Organiser: the publicity records of a district. */
  'publicity.list': action(z.object({ weekId: idSchema, districtCode: idSchema }), z.object({ items: z.array(publicityItemSchema) })),
  /** Organiser: add a text report, photos or a video link (PUBLICITY_LINK_REQUIRED, PUBLICITY_PHOTOS_REQUIRED). */
  'publicity.add': action(publicityInputSchema, z.object({ item: publicityItemSchema })),
  'publicity.remove': action(z.object({ id: idSchema }), z.object({ id: z.string() })),

  /** Organiser: the 总结表 of a district (a city admin: cityCode for their city's roll-up; admin: neither for the top). */
  summary: action(oneUnit(summaryScopeSchema), summarySchema),
  /**
   * Organiser: save the typed rows, the featured activities and the typical case as a draft.
   * `revision` from the summary read; someone saved since: CONFLICT.
   */
  'summary.save': action(
    oneUnit(
      summaryScopeSchema.extend({
        revision: count.min(0),
        typed: z.partialRecord(typedRowKeySchema, textSchema({ max: 2000, multiline: true, trim: false })).optional(),
        featuredIds: z.array(idSchema).max(50).optional(),
        typicalCase: typicalCaseSchema.nullable().optional(),
      }),
    ),
    summarySchema,
  ),
  /**
   * The 总结表 as a file: .docx laid out like the official table, .pdf the same with a 盖章 area and
   * the submission's status in the footer, or .xlsx with one row per activity. `submitted`: the
   * unit's submitted copy instead of the live table (docx and pdf; SUMMARY_NOT_SUBMITTED before one).
   */
  'summary.export': action(
    oneUnit(summaryScopeSchema.extend({ format: z.enum(['docx', 'xlsx', 'pdf']), submitted: z.boolean().optional() })),
    z.object({ fileName: z.string(), mime: z.string(), bytes: count, base64: z.string() }),
  ),
  /**
   * The unit's runners: hand the 总结表 in to the level above, freezing a copy of it as it is now
   * (figures, typed rows, typical case, featured activities, publicity, 开幕式 materials). From a
   * draft or after a return only (SUMMARY_ALREADY_SUBMITTED); the top has nobody above
   * (SUMMARY_NO_PARENT); `revision` from the read (CONFLICT when someone saved since).
   */
  'summary.submit': action(oneUnit(summaryScopeSchema.extend({ revision: count.min(0) })), summarySchema),
  /**
   * The level above (the admins of the unit's parent): confirm a submitted 总结表, or return it with
   * a reason. Only what is submitted (SUMMARY_NOT_SUBMITTED); `version` as read (CONFLICT when it
   * was submitted again since); a return needs a reason (SUMMARY_REASON_REQUIRED).
   */
  'summary.review': action(
    oneUnit(
      summaryScopeSchema.extend({
        decision: z.enum(['confirm', 'return']),
        reason: textSchema({ max: REPORTING_LIMITS.reasonMax, multiline: true }).optional(),
        version: count.min(1),
      }),
    ),
    summarySchema,
  ),
  /**
   * The unit's latest submitted copy, read-only (frozen: true) with its current status: for the
   * level above and the unit itself. Never submitted: SUMMARY_NOT_SUBMITTED.
   */
  'summary.submission': action(oneUnit(summaryScopeSchema), summarySchema),
  /**
   * The unit's runners (a district's or a city's: the top reports to nobody, SUMMARY_NO_PARENT):
   * what they answered to requestSubscribeMessage for the 总结表's deadline reminders. Each 'accept'
   * pays for one summary_due message (3 days and 1 day before the deadline: one each), counted on
   * their account once per `nonce`. Answers how many they accepted in all, and how many of those
   * are still to be sent.
   */
  'summary.subscribe': action(
    oneUnit(
      summaryScopeSchema.extend({
        results: z.object({ summary_due: subscribeResultSchema.optional() }).strict(),
        nonce: subscribeNonceSchema,
      }),
    ),
    z.object({ accepted: count, left: count }),
  ),

  /**
   * Organiser (their districts) / admin (the week): recount every counter from the raw records, in
   * resumable chunks. Call without a cursor to start, then with the cursor each call answers until
   * it answers null; each call stays well under the platform's limits whatever the week's size.
   * A cursor that is not one this action wrote (or another week's or scope's): BAD_CURSOR.
   * `repair`: bureau admins only (FORBIDDEN otherwise, nothing written): stale moves resolved and
   * free seats filled before each chunk is recounted, then differing counters written back.
   */
  reconcile: action(
    z.object({
      weekId: idSchema,
      cursor: z.string().min(1).max(512).optional(),
      repair: z.boolean().optional(),
    }),
    z.object({
      weekId: idSchema,
      /** What this call checked. */
      checked: z.object({ activities: count, districts: count, courses: count, books: count }),
      /** The differences this call found. */
      differences: z.array(reconcileDifferenceSchema),
      /** Pass back to continue; null when the whole scope has been checked. */
      cursor: z.string().max(512).nullable(),
      /** Units of work (activities + districts + courses + books) done so far, of the total; monotonic. */
      progress: z.object({ done: count.min(0), total: count.min(0) }),
      /**
       * With repair (admin): what this call put right: counters written back (activities, courses,
       * books), differing activities left for the next run because a move was in flight, and the
       * changes recorded in `repairs` (reverted moves, promotions, notices, write-backs). Else null.
       */
      repair: z.object({ rewritten: count, busy: count, changes: count }).nullable(),
    }),
  ),
}
