// What residents and visitors see of a nomination: which entries are public (published and not
// hidden; in the week's vote phase also recommended ones, not hidden), and the gallery's shapes.
// No contact, no history, no openid.
import type { GalleryEntry, GalleryItem } from '@shared/contracts/stars'
import { voteOpen } from '@shared/domain/stars'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type NominationDoc, type WeekDoc } from '../../_core/collections'
import { readDocs } from '../../_core/read'

/** Characters of the story shown in a gallery card. */
const EXCERPT_CHARS = 60

/** The week fields the public side reads: its year and the stars settings (`stars.vote`). */
export type StarsWeek = Pick<WeekDoc, '_id' | 'startDate' | 'status'> & {
  stars?: { vote?: { opensOn: string; closesOn: string } | null } | null
}

export async function readStarsWeek(db: Database, weekId: string): Promise<StarsWeek | null> {
  const [week] = await readDocs<StarsWeek>(
    db.collection(COLLECTIONS.weeks).where({ _id: weekId }).field({ _id: true, startDate: true, status: true, stars: true }).limit(1),
  )
  return week ?? null
}

/** The week's vote phase is open on `day`. */
export const votePhaseOpen = (week: StarsWeek | null, day: string) => voteOpen(week?.stars?.vote ?? null, day)

/** An entry residents may see on `day`: published, or recommended while the vote phase is open; never hidden. */
export function isPublic(doc: NominationDoc | null | undefined, week: StarsWeek | null, day: string): doc is NominationDoc {
  if (!doc || doc.hidden) return false
  if (doc.status === 'published') return true
  return doc.status === 'recommended' && votePhaseOpen(week, day)
}

const yearOfWeek = (week: StarsWeek | null, doc: NominationDoc) =>
  Number((week?.startDate ?? '').slice(0, 4)) || new Date(doc.createdAt).getUTCFullYear()

function excerptOf(story: string): string {
  const flat = story.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat
}

export function toGalleryItem(doc: NominationDoc, week: StarsWeek | null, likedToday: boolean): GalleryItem {
  const top = doc.status === 'published' ? (doc.honours[0] ?? null) : null
  return {
    id: doc._id,
    weekId: doc.weekId,
    kind: doc.kind,
    name: doc.name,
    unitName: doc.unitName ?? null,
    districtName: doc.districtName,
    level: top?.level ?? null,
    year: top?.year ?? yearOfWeek(week, doc),
    voting: doc.status === 'recommended',
    excerpt: excerptOf(doc.story),
    cover: doc.photos[0] ?? null,
    likes: doc.likes ?? 0,
    likedToday,
  }
}

export function toGalleryEntry(
  doc: NominationDoc,
  week: StarsWeek | null,
  day: string,
  seen: { likedToday: boolean; votedToday: boolean },
): GalleryEntry {
  return {
    ...toGalleryItem(doc, week, seen.likedToday),
    story: doc.story,
    photos: doc.photos,
    videoUrl: doc.videoUrl ?? null,
    honours:
      doc.status === 'published' ? doc.honours.map((h) => ({ level: h.level, by: h.by, year: h.year, at: new Date(h.at).getTime() })) : [],
    votes: doc.votes ?? 0,
    votedToday: seen.votedToday,
    voteOpen: doc.status === 'recommended' && votePhaseOpen(week, day),
  }
}

/** The ids among `ids` that exist in `collection` (one read; none without ids). */
export async function existingIds(db: Database, collection: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const _ = db.command
  const docs = await readDocs<{ _id: string }>(
    db
      .collection(collection)
      .where({ _id: _.in(ids) })
      .field({ _id: true })
      .limit(ids.length),
  )
  return new Set(docs.map((d) => d._id))
}
