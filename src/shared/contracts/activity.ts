import { z } from 'zod'
import { ACTIVITY_MODES, AUDIENCES, CONTENT_TYPES, TOPICS, codesOf } from '../domain/vocabulary'
import { isValidDay } from '../domain/time'
import { action } from './envelope'

export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)
export const daySchema = z.string().refine(isValidDay, { message: 'YYYY-MM-DD' })
export const contentTypeSchema = z.enum(codesOf(CONTENT_TYPES))
export const topicSchema = z.enum(codesOf(TOPICS))
export const audienceSchema = z.enum(codesOf(AUDIENCES))
export const modeSchema = z.enum(codesOf(ACTIVITY_MODES))
/** Epoch milliseconds. */
const instant = z.number().int()

export const districtSchema = z.object({ code: idSchema, name: z.string() })

export const weekSchema = z.object({
  id: idSchema,
  name: z.string(),
  level: z.enum(['province', 'city', 'district']),
  region: z.string(),
  theme: z.string(),
  startDate: daySchema,
  endDate: daySchema,
  districts: z.array(districtSchema),
  summaryDeadline: daySchema,
  organiser: z.string(),
})
export type Week = z.infer<typeof weekSchema>

export const activitySummarySchema = z.object({
  id: idSchema,
  weekId: idSchema,
  title: z.string(),
  type: contentTypeSchema,
  topics: z.array(topicSchema),
  audiences: z.array(audienceSchema),
  districtCode: idSchema,
  districtName: z.string(),
  mode: modeSchema,
  venueName: z.string().nullable(),
  startAt: instant,
  endAt: instant,
  signupRequired: z.boolean(),
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  status: z.enum(['draft', 'published', 'cancelled']),
})
export type ActivitySummary = z.infer<typeof activitySummarySchema>

export const activityDetailSchema = activitySummarySchema.extend({
  description: z.string(),
  organizer: z.string(),
  coOrganizers: z.array(z.string()),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  signupOpensAt: instant.nullable(),
  signupClosesAt: instant.nullable(),
  cancelDeadline: instant.nullable(),
})
export type ActivityDetail = z.infer<typeof activityDetailSchema>

export const activityListInputSchema = z.object({
  weekId: idSchema,
  date: daySchema.optional(),
  districtCode: idSchema.optional(),
  type: contentTypeSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
})
export type ActivityListInput = z.input<typeof activityListInputSchema>

export const activityContract = {
  weeks: action(
    z.object({}).strict().default({}),
    z.object({ weeks: z.array(weekSchema) }),
  ),
  list: action(
    activityListInputSchema,
    z.object({ items: z.array(activitySummarySchema), nextCursor: z.string().nullable() }),
  ),
  get: action(z.object({ id: idSchema }), z.object({ activity: activityDetailSchema })),
}
