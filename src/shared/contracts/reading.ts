import { z } from 'zod'
import { READING_MINUTES_MAX, READING_MINUTES_MIN, READING_NOTE_MAX } from '../domain/reading'
import { action } from './envelope'
import { textSchema } from './text'
import { activitySummarySchema, daySchema, idSchema } from './activity'
import { imageRefSchema } from './course'
import { memberIdSchema } from './signup'

/** Epoch milliseconds. */
const instant = z.number().int()

export const bookIdSchema = z.string().regex(/^b[a-z0-9]{1,23}$/)

export const bookSchema = z.object({
  id: bookIdSchema,
  title: z.string(),
  author: z.string(),
  /** A few lines on why to read it (好书推荐). */
  blurb: z.string(),
  cover: imageRefSchema.nullable(),
  /** 书友会 / 读书沙龙 activities about it, signed up from the book page. */
  activityIds: z.array(idSchema),
  /** People who logged it (the book's counter). */
  readers: z.number().int(),
})
export type Book = z.infer<typeof bookSchema>

export const bookListSchema = z.object({
  id: idSchema,
  weekId: idSchema,
  districtCode: idSchema,
  districtName: z.string(),
  title: z.string(),
  intro: z.string(),
  status: z.enum(['draft', 'published']),
  books: z.array(bookSchema),
})
export type BookList = z.infer<typeof bookListSchema>

/** A reader's figures in one week. */
export const readerStatsSchema = z.object({
  /** Consecutive days with a log, up to today (or yesterday while today has none). */
  streak: z.number().int(),
  totalMinutes: z.number().int(),
  totalLogs: z.number().int(),
  /** Days with a log, ascending. */
  days: z.array(daySchema),
  /** On the district board of reading minutes (opt-in). */
  board: z.object({ districtCode: idSchema, name: z.string() }).nullable(),
})
export type ReaderStats = z.infer<typeof readerStatsSchema>

export const readingLogSchema = z.object({
  id: z.string(),
  bookId: bookIdSchema,
  bookTitle: z.string(),
  day: daySchema,
  minutes: z.number().int(),
  note: z.string().nullable(),
  createdAt: instant,
})
export type ReadingLog = z.infer<typeof readingLogSchema>

const learner = { memberId: memberIdSchema.optional() }

export const readingTotalsSchema = z.object({
  books: z.number().int(),
  logs: z.number().int(),
  minutes: z.number().int(),
  /** Distinct people per book, summed over books (a person reading two books counts twice). */
  bookReaders: z.number().int(),
})

export const bookListInputSchema = z.object({
  listId: idSchema.optional(),
  weekId: idSchema,
  districtCode: idSchema,
  title: textSchema({ min: 2, max: 40 }),
  intro: textSchema({ max: 300, multiline: true }).default(''),
  books: z
    .array(
      z.object({
        id: bookIdSchema.optional(),
        title: textSchema({ min: 1, max: 60 }),
        author: textSchema({ min: 1, max: 60 }),
        blurb: textSchema({ min: 1, max: 400, multiline: true }),
        cover: imageRefSchema.nullable().default(null),
        activityIds: z.array(idSchema).max(10).default([]),
      }),
    )
    .min(1)
    .max(30),
})
export type BookListInput = z.input<typeof bookListInputSchema>

export const readingContract = {
  /** Published book lists (好书推荐) of a week (the latest published week when absent). */
  lists: action(z.object({ weekId: idSchema.optional() }), z.object({ weekId: idSchema.nullable(), lists: z.array(bookListSchema) })),
  /** A book, its list, its 书友会 / 读书沙龙 activities, and the learner's reading of it. */
  book: action(
    z.object({ bookId: bookIdSchema, ...learner }),
    z.object({
      book: bookSchema,
      list: z.object({ id: idSchema, title: z.string(), weekId: idSchema, districtName: z.string() }),
      activities: z.array(activitySummarySchema),
      today: daySchema,
      /** Already logged this book today (the next log is refused). */
      loggedToday: z.boolean(),
      reader: readerStatsSchema,
    }),
  ),
  /** Log reading: at most once a day per book (READING_ALREADY_LOGGED). */
  log: action(
    z.object({
      bookId: bookIdSchema,
      minutes: z.number().int().min(READING_MINUTES_MIN).max(READING_MINUTES_MAX),
      note: textSchema({ max: READING_NOTE_MAX, multiline: true }).optional(),
      ...learner,
    }),
    z.object({ log: readingLogSchema, reader: readerStatsSchema }),
  ),
  /** The learner's figures and latest logs in a week. */
  mine: action(
    z.object({ weekId: idSchema.optional(), ...learner }),
    z.object({ weekId: idSchema.nullable(), reader: readerStatsSchema, logs: z.array(readingLogSchema) }),
  ),
  /** The opt-in district board of reading minutes. */
  board: action(
    z.object({ weekId: idSchema, districtCode: idSchema }),
    z.object({
      districtName: z.string(),
      entries: z.array(z.object({ rank: z.number().int(), name: z.string(), minutes: z.number().int(), isMe: z.boolean() })),
      me: z.object({ joined: z.boolean(), rank: z.number().int().nullable() }),
    }),
  ),
  /** Join or leave a district's board (shown with a masked name). */
  'board.join': action(
    z.object({ weekId: idSchema, districtCode: idSchema, joined: z.boolean() }),
    z.object({ joined: z.boolean(), reader: readerStatsSchema }),
  ),
  // ---- organisers
  manage: action(
    z.object({ weekId: idSchema }),
    z.object({ lists: z.array(bookListSchema.extend({ logs: z.number().int(), minutes: z.number().int() })) }),
  ),
  'list.save': action(bookListInputSchema, z.object({ listId: idSchema, status: z.enum(['draft', 'published']) })),
  'list.publish': action(
    z.object({ listId: idSchema, published: z.boolean() }),
    z.object({ listId: idSchema, status: z.enum(['draft', 'published']) }),
  ),
  /** Reading totals of a week by district, by audience, in total (sums of the book counters). */
  totals: action(
    z.object({ weekId: idSchema }),
    z.object({
      weekId: idSchema,
      total: readingTotalsSchema,
      byDistrict: z.record(z.string(), readingTotalsSchema),
      byAudience: z.record(z.string(), z.object({ logs: z.number().int(), minutes: z.number().int() })),
      /** Distinct readers in the week (people with at least one log). */
      readers: z.number().int(),
    }),
  ),
}
