// The `stars` function: 百姓学习之星 and 终身学习品牌项目, from nomination to the residents' gallery.
import { z } from 'zod'
import { HONOUR_LEVELS, NOMINATION_KINDS, NOMINATION_STATUSES, NOMINATOR_KINDS, STAR_LIMITS } from '../domain/stars'
import { action } from './envelope'
import { daySchema, idSchema } from './activity'
import { fileIdSchema, linkSchema } from './stats'
import { textSchema } from './text'

const instant = z.number().int()
const count = z.number().int().min(0)

export const nominationKindSchema = z.enum(NOMINATION_KINDS)
export const nominationStatusSchema = z.enum(NOMINATION_STATUSES)
export const honourLevelSchema = z.enum(HONOUR_LEVELS)
export const nominatorKindSchema = z.enum(NOMINATOR_KINDS)
const phoneSchema = textSchema({ min: 7, max: 20 }).regex(/^[0-9+\-\s()]+$/)
const yearSchema = z.number().int().min(STAR_LIMITS.yearMin).max(STAR_LIMITS.yearMax)

/** A selection made in the app or a recognition recorded from elsewhere. */
export const honourSchema = z.object({
  level: honourLevelSchema,
  /** Who selected or awarded it: 甲市教育局, 教育部, ... */
  by: z.string(),
  year: yearSchema,
  at: instant,
})
export type Honour = z.infer<typeof honourSchema>

export const nominationEventSchema = z.object({
  action: z.enum(['save', 'nominate', 'recommend', 'decline', 'select', 'publish', 'hide', 'unhide', 'record']),
  at: instant,
  /** A unit and role, never an openid. */
  by: z.string(),
  reason: z.string().nullable(),
})

/** A nomination as staff (and its nominator) read it. */
export const nominationSchema = z.object({
  id: idSchema,
  weekId: idSchema,
  kind: nominationKindSchema,
  districtCode: idSchema,
  districtName: z.string(),
  /** The person's name (a star) or the project's name. */
  name: z.string(),
  /** A star's workplace or community; a project's unit. */
  unitName: z.string().nullable(),
  story: z.string(),
  photos: z.array(z.string()),
  videoUrl: z.string().nullable(),
  nominator: z.object({ kind: nominatorKindSchema, name: z.string(), phone: z.string() }),
  /** The nominated person's consent to be nominated and shown (a star), recorded when nominated. */
  nomineeConsentAt: instant.nullable(),
  status: nominationStatusSchema,
  hidden: z.boolean(),
  /** A decline's reason. */
  reason: z.string().nullable(),
  /** Highest first. */
  honours: z.array(honourSchema),
  /** Recorded from elsewhere (教育部, 省教育厅, earlier years), not nominated in the app. */
  recorded: z.boolean(),
  likes: count,
  votes: count,
  history: z.array(nominationEventSchema),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    review: z.boolean(),
    select: z.boolean(),
    publish: z.boolean(),
    hide: z.boolean(),
  }),
  createdAt: instant,
  updatedAt: instant,
})
export type Nomination = z.infer<typeof nominationSchema>

/** A published entry as residents see it in the gallery (no contact, no history). */
export const galleryItemSchema = z.object({
  id: idSchema,
  weekId: idSchema,
  kind: nominationKindSchema,
  name: z.string(),
  unitName: z.string().nullable(),
  districtName: z.string(),
  /** The highest honour; null for an entry in the vote phase (recommended, not yet selected). */
  level: honourLevelSchema.nullable(),
  year: yearSchema,
  /** Shown for the public vote before selection. */
  voting: z.boolean(),
  /** The story's first lines. */
  excerpt: z.string(),
  cover: z.string().nullable(),
  likes: count,
  /** The caller liked it today (false for a visitor with no identity). */
  likedToday: z.boolean(),
})
export type GalleryItem = z.infer<typeof galleryItemSchema>

export const galleryEntrySchema = galleryItemSchema.extend({
  story: z.string(),
  photos: z.array(z.string()),
  videoUrl: z.string().nullable(),
  honours: z.array(honourSchema),
  votes: count,
  votedToday: z.boolean(),
  /** The week's vote phase is open today (the entry is recommended, awaiting selection). */
  voteOpen: z.boolean(),
})
export type GalleryEntry = z.infer<typeof galleryEntrySchema>

export const nominationInputSchema = z.object({
  /** Absent: a new draft. */
  id: idSchema.optional(),
  weekId: idSchema,
  kind: nominationKindSchema,
  districtCode: idSchema,
  name: textSchema({ min: STAR_LIMITS.nameMin, max: STAR_LIMITS.nameMax }),
  unitName: textSchema({ max: STAR_LIMITS.unitNameMax }).nullable().default(null),
  story: textSchema({ max: STAR_LIMITS.storyMax, multiline: true }),
  photos: z.array(fileIdSchema).max(STAR_LIMITS.photosMax).default([]),
  videoUrl: linkSchema.nullable().default(null),
  contactName: textSchema({ min: 2, max: 20 }),
  contactPhone: phoneSchema,
  /** A star: the nominated person agreed to be nominated and shown (the nominator attests; self: it is them). */
  nomineeConsent: z.boolean().default(false),
})
export type NominationInput = z.input<typeof nominationInputSchema>

/** Where a unit's selection stands: its places per kind and how many are taken. */
export const placesSchema = z.object({
  weekId: idSchema,
  /** The selecting unit: a city, or the top (null). */
  cityCode: idSchema.nullable(),
  level: honourLevelSchema,
  star: z.object({ places: count, used: count }),
  project: z.object({ places: count, used: count }),
})
export type Places = z.infer<typeof placesSchema>

export const starSettingsSchema = z.object({
  weekId: idSchema,
  /** Residents may nominate themselves (a unit its project). */
  selfNomination: z.boolean(),
  /** The public vote phase before selection (days, Shanghai); null: none. */
  vote: z.object({ opensOn: daySchema, closesOn: daySchema }).nullable(),
})
export type StarSettings = z.infer<typeof starSettingsSchema>

const listFilter = z.object({
  weekId: idSchema,
  districtCode: idSchema.optional(),
  cityCode: idSchema.optional(),
  kind: nominationKindSchema.optional(),
  status: nominationStatusSchema.optional(),
  cursor: z.string().min(1).max(200).optional(),
})

export const starsContract = {
  /** Anyone: a week's settings (self-nomination, vote phase). */
  'settings.get': action(z.object({ weekId: idSchema }), starSettingsSchema),
  /** The week's admins. VOTE_DATES_INVALID when closesOn is before opensOn. */
  'settings.set': action(starSettingsSchema, starSettingsSchema),

  /**
   * Save a draft: an organiser for their district, or a resident for themself when the week allows
   * it (SELF_NOMINATION_CLOSED; a resident also needs a current privacy consent, CONSENT_REQUIRED).
   * Only the nominator edits, only a draft (NOMINATION_LOCKED).
   */
  save: action(nominationInputSchema, z.object({ nomination: nominationSchema })),
  /**
   * Hand a draft to the district. A star needs the nominee's consent (NOMINEE_CONSENT_REQUIRED); the
   * text and photos are checked first (CONTENT_FLAGGED, nothing changed), and a story of at least
   * STAR_LIMITS.storyMin characters (VALIDATION_FAILED on `story`).
   */
  nominate: action(z.object({ id: idSchema }), z.object({ nomination: nominationSchema })),
  /** Staff: nominations of a district (organiser), a city (its admins) or the week (admins). */
  list: action(
    listFilter,
    z.object({
      items: z.array(nominationSchema),
      cursor: z.string().nullable(),
      /** The places of the unit listed (a city's or the top's); null for a district. */
      places: placesSchema.nullable(),
    }),
  ),
  /** The nominator, or staff who may see it. */
  get: action(z.object({ id: idSchema }), z.object({ nomination: nominationSchema })),
  /** The residents's own nominations (self-nominations). */
  mine: action(z.object({ weekId: idSchema.optional() }), z.object({ items: z.array(nominationSchema) })),
  /** The district's runners: recommend what was nominated, or decline with a reason (NOMINATION_REASON_REQUIRED). */
  review: action(
    z.object({
      id: idSchema,
      decision: z.enum(['recommend', 'decline']),
      reason: textSchema({ max: STAR_LIMITS.reasonMax, multiline: true }).optional(),
    }),
    z.object({ nomination: nominationSchema }),
  ),
  /** A city's admins (cityCode) or the week's (the top): how many of each kind they will select. PLACES_BELOW_USED. */
  'places.set': action(
    z.object({
      weekId: idSchema,
      cityCode: idSchema.nullable().default(null),
      star: z.number().int().min(0).max(STAR_LIMITS.placesMax),
      project: z.number().int().min(0).max(STAR_LIMITS.placesMax),
    }),
    placesSchema,
  ),
  /**
   * The level above the entry's district selects a recommended entry within its places
   * (PLACES_FULL even when many select at once); or un-selects it (`selected: false`), freeing the place.
   */
  select: action(
    z.object({ id: idSchema, cityCode: idSchema.nullable().default(null), selected: z.boolean().default(true) }),
    z.object({ nomination: nominationSchema, places: placesSchema }),
  ),
  /** The selecting level publishes a selected entry with its level, after the content check (CONTENT_FLAGGED). */
  publish: action(z.object({ id: idSchema }), z.object({ nomination: nominationSchema })),
  /** Staff who run its district: hide a published entry from the gallery, or show it again. */
  hide: action(z.object({ id: idSchema, hidden: z.boolean() }), z.object({ nomination: nominationSchema })),
  /**
   * Staff: record a recognition from elsewhere (教育部, 省教育厅, a city's of an earlier year) with its
   * level, year and who gave it; published at once after the content check.
   */
  record: action(
    nominationInputSchema.omit({ id: true }).extend({
      level: honourLevelSchema,
      year: yearSchema,
      by: textSchema({ min: 2, max: 40 }),
    }),
    z.object({ nomination: nominationSchema }),
  ),
  /** Staff: the list as .xlsx (one row per nomination: kind, district, name, unit, status, honours, likes, votes). */
  export: action(listFilter.omit({ cursor: true }), z.object({ fileName: z.string(), mime: z.string(), bytes: count, base64: z.string() })),

  /** Anyone (no identity needed, 朋友圈 single-page mode): published entries, newest honours first. */
  gallery: action(
    z.object({
      weekId: idSchema.optional(),
      kind: nominationKindSchema.optional(),
      level: honourLevelSchema.optional(),
      districtCode: idSchema.optional(),
      year: yearSchema.optional(),
      cursor: z.string().min(1).max(200).optional(),
    }),
    z.object({ items: z.array(galleryItemSchema), cursor: z.string().nullable() }),
  ),
  /** Anyone: one published entry (or, in the vote phase, a recommended one). ENTRY_NOT_FOUND. */
  entry: action(z.object({ id: idSchema }), z.object({ entry: galleryEntrySchema })),
  /** A resident: like an entry, counted once per person per entry per day; again the same day: counted false. */
  like: action(z.object({ id: idSchema }), z.object({ likes: count, likedToday: z.literal(true), counted: z.boolean() })),
  /** A resident, in the vote phase (VOTE_CLOSED): the same rule as likes. */
  vote: action(z.object({ id: idSchema }), z.object({ votes: count, votedToday: z.literal(true), counted: z.boolean() })),
}
