import { z } from 'zod'
import { COURSE_KINDS, COURSE_TOPICS, codesOf } from '../domain/vocabulary'
import { action } from './envelope'
import { textSchema } from './text'
import { activitySummarySchema, idSchema } from './activity'
import { memberIdSchema } from './signup'

/** Epoch milliseconds. */
const instant = z.number().int()

export const courseKindSchema = z.enum(codesOf(COURSE_KINDS))
export const courseTopicSchema = z.enum(codesOf(COURSE_TOPICS))
export const lessonIdSchema = z.string().regex(/^l[a-z0-9]{1,15}$/)

/** The limits of a course as an organiser writes it; the schemas below and the course editor's form share them. */
export const COURSE_LIMITS = {
  titleMin: 2,
  titleMax: 40,
  introMax: 300,
  lessonsMax: 20,
  lessonTitleMax: 40,
  minutesMax: 120,
  stepsMax: 15,
  stepTextMax: 300,
  imageAltMax: 60,
  tipMax: 120,
  urlMax: 300,
  activitiesMax: 20,
} as const

/** A picture: a cloud storage fileID or an https URL. */
export const IMAGE_REF_RE = /^(cloud:\/\/|https:\/\/)\S+$/
/** A video link: https only. */
export const HTTPS_URL_RE = /^https:\/\/\S+$/

/**
 * A picture in a lesson: a cloud storage fileID (`cloud://…`, shown by <Image> in weapp, served by
 * the local cloud's /storage in h5) or an https URL.
 */
export const imageRefSchema = textSchema({ max: COURSE_LIMITS.urlMax }).regex(IMAGE_REF_RE)

export const lessonStepSchema = z.object({
  /** What to do, in plain words; shown large, one step per screen. */
  text: textSchema({ min: 1, max: COURSE_LIMITS.stepTextMax, multiline: true }),
  image: imageRefSchema.nullable().default(null),
  /** What the picture shows, read out for people who cannot see it. */
  imageAlt: textSchema({ max: COURSE_LIMITS.imageAltMax }).nullable().default(null),
  /** An optional video (https). */
  videoUrl: textSchema({ max: COURSE_LIMITS.urlMax }).regex(HTTPS_URL_RE).nullable().default(null),
  /** A short warning or hint (e.g. 防诈骗: 验证码不要告诉任何人). */
  tip: textSchema({ max: COURSE_LIMITS.tipMax }).nullable().default(null),
})
export type LessonStep = z.infer<typeof lessonStepSchema>

export const lessonSchema = z.object({
  id: lessonIdSchema,
  title: textSchema({ min: 1, max: COURSE_LIMITS.lessonTitleMax }),
  /** About how long it takes. */
  minutes: z.number().int().min(1).max(COURSE_LIMITS.minutesMax),
  steps: z.array(lessonStepSchema).min(1).max(COURSE_LIMITS.stepsMax),
})
export type Lesson = z.infer<typeof lessonSchema>

export const lessonOutlineSchema = z.object({
  id: lessonIdSchema,
  title: z.string(),
  minutes: z.number().int(),
  stepCount: z.number().int(),
})
export type LessonOutline = z.infer<typeof lessonOutlineSchema>

export const learningCountsSchema = z.object({
  enrolled: z.number().int(),
  lessonsCompleted: z.number().int(),
  completed: z.number().int(),
})

/** One person's progress through a course. */
export const enrolmentSchema = z.object({
  courseId: idSchema,
  /** null: the caller; else the family member learning (代学). */
  memberId: memberIdSchema.nullable(),
  learnerName: z.string(),
  completedLessonIds: z.array(lessonIdSchema),
  /** Lessons of the course done / lessons it has. */
  done: z.number().int(),
  total: z.number().int(),
  /** Where to resume: the lesson and step they stopped at, else the first lesson not done. */
  resume: z.object({ lessonId: lessonIdSchema, step: z.number().int() }).nullable(),
  enrolledAt: instant,
  completedAt: instant.nullable(),
})
export type Enrolment = z.infer<typeof enrolmentSchema>

export const courseCardSchema = z.object({
  id: idSchema,
  weekId: idSchema,
  districtCode: idSchema,
  districtName: z.string(),
  kind: courseKindSchema,
  topic: courseTopicSchema,
  title: z.string(),
  intro: z.string(),
  cover: imageRefSchema.nullable(),
  lessonCount: z.number().int(),
  totalMinutes: z.number().int(),
  /** How many have enrolled (the course's counter). */
  enrolled: z.number().int(),
  status: z.enum(['draft', 'published']),
  /** The caller's own progress, when enrolled. */
  mine: z.object({ done: z.number().int(), total: z.number().int(), completed: z.boolean() }).nullable(),
})
export type CourseCard = z.infer<typeof courseCardSchema>

export const courseDetailSchema = courseCardSchema.extend({
  lessons: z.array(lessonOutlineSchema),
  /** The week's offline classes for this course, where a volunteer helps in person. */
  activities: z.array(activitySummarySchema),
})
export type CourseDetail = z.infer<typeof courseDetailSchema>

/** Who is learning: the caller (memberId absent) or one of their family members. */
const learner = { memberId: memberIdSchema.optional() }

export const certificateSchema = z.object({
  courseId: idSchema,
  /** e.g. NC2026-20261123-A1B2C3 */
  certificateNo: z.string(),
  learnerName: z.string(),
  courseTitle: z.string(),
  kind: courseKindSchema,
  lessonCount: z.number().int(),
  totalMinutes: z.number().int(),
  completedAt: instant,
  /** Who issues it: the week's organiser (e.g. 南昌市教育局) and the district. */
  issuer: z.string(),
  districtName: z.string(),
  weekName: z.string(),
})
export type Certificate = z.infer<typeof certificateSchema>

export const courseInputSchema = z.object({
  /** Absent: a new draft. */
  courseId: idSchema.optional(),
  weekId: idSchema,
  districtCode: idSchema,
  topic: courseTopicSchema,
  title: textSchema({ min: COURSE_LIMITS.titleMin, max: COURSE_LIMITS.titleMax }),
  intro: textSchema({ min: 1, max: COURSE_LIMITS.introMax, multiline: true }),
  cover: imageRefSchema.nullable().default(null),
  /** Lessons in order; a lesson without an id is new. */
  lessons: z
    .array(lessonSchema.extend({ id: lessonIdSchema.optional() }))
    .min(1)
    .max(COURSE_LIMITS.lessonsMax),
  activityIds: z.array(idSchema).max(COURSE_LIMITS.activitiesMax).default([]),
})
export type CourseInput = z.input<typeof courseInputSchema>

export const courseTotalsSchema = learningCountsSchema.extend({
  courses: z.number().int(),
})

export const courseContract = {
  /** Published courses of a week (the latest published week when absent). */
  list: action(
    z.object({ weekId: idSchema.optional(), kind: courseKindSchema.optional() }),
    z.object({ weekId: idSchema.nullable(), courses: z.array(courseCardSchema) }),
  ),
  get: action(
    z.object({ courseId: idSchema, ...learner }),
    z.object({ course: courseDetailSchema, enrolment: enrolmentSchema.nullable() }),
  ),
  /** One lesson's steps (the payload a senior's phone downloads per lesson). */
  lesson: action(
    z.object({ courseId: idSchema, lessonId: lessonIdSchema }),
    z.object({
      courseId: idSchema,
      courseTitle: z.string(),
      lesson: lessonSchema,
      /** 0-based position in the course, and the neighbours. */
      index: z.number().int(),
      total: z.number().int(),
      prevLessonId: lessonIdSchema.nullable(),
      nextLessonId: lessonIdSchema.nullable(),
    }),
  ),
  /** Enrol (idempotent: a second enrolment of the same person answers the first, created false). */
  enrol: action(z.object({ courseId: idSchema, ...learner }), z.object({ enrolment: enrolmentSchema, created: z.boolean() })),
  /** Remember the step a learner is on, so they come back to it. */
  progress: action(
    z.object({ courseId: idSchema, lessonId: lessonIdSchema, step: z.number().int().min(0).max(50), ...learner }),
    z.object({ resume: z.object({ lessonId: lessonIdSchema, step: z.number().int() }) }),
  ),
  /** 学会了: mark a lesson done (twice counts once); the last lesson completes the course. */
  completeLesson: action(
    z.object({ courseId: idSchema, lessonId: lessonIdSchema, ...learner }),
    z.object({
      enrolment: enrolmentSchema,
      /** false: it was already done, nothing counted. */
      lessonNewlyCompleted: z.boolean(),
      /** The course completed with this call. */
      courseNewlyCompleted: z.boolean(),
      nextLessonId: lessonIdSchema.nullable(),
    }),
  ),
  /** The completion certificate: only once every lesson is done (COURSE_NOT_COMPLETED before). */
  certificate: action(z.object({ courseId: idSchema, ...learner }), certificateSchema),
  /** The caller's and their family's enrolments. */
  mine: action(z.object({}), z.object({ items: z.array(z.object({ course: courseCardSchema, enrolment: enrolmentSchema })) })),
  // ---- organisers
  /** Courses of the organiser's districts (admins: all), drafts included, with their counters. */
  manage: action(
    z.object({ weekId: idSchema }),
    z.object({ courses: z.array(courseCardSchema.extend({ counters: learningCountsSchema, activityIds: z.array(idSchema) })) }),
  ),
  /** Create or update a course (kept as draft until published). */
  save: action(courseInputSchema, z.object({ courseId: idSchema, status: z.enum(['draft', 'published']) })),
  publish: action(
    z.object({ courseId: idSchema, published: z.boolean() }),
    z.object({ courseId: idSchema, status: z.enum(['draft', 'published']) }),
  ),
  /** Learning totals of a week: by district, by audience, in total (sums of the course counters). */
  totals: action(
    z.object({ weekId: idSchema }),
    z.object({
      weekId: idSchema,
      total: courseTotalsSchema,
      byDistrict: z.record(z.string(), courseTotalsSchema),
      byKind: z.record(z.string(), courseTotalsSchema),
      byAudience: z.record(z.string(), learningCountsSchema),
    }),
  ),
}
