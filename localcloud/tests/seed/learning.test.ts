// Integrity of the seeded courses, lessons, lesson pictures and book lists (pure data and files).

import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { courseInputSchema, lessonSchema, lessonStepSchema } from '../../../src/shared/contracts/course'
import { bookIdSchema, bookListInputSchema, bookSchema } from '../../../src/shared/contracts/reading'
import { idSchema } from '../../../src/shared/contracts/activity'
import { topicKind } from '../../../src/shared/domain/vocabulary'
import { seedActivities, seedBookLists, seedCourses, seedWeeks } from '../../seed/data'
import { bookListDocs, courseDocs, seedFiles, writeSeedFiles } from '../../seed/seed'
import { storageDirOf } from '../../gateway/storage'

const NOW = new Date('2026-11-20T00:00:00Z')
const weekOf = (id: string) => seedWeeks.find((w) => w._id === id)!
const activity = (id: string) => seedActivities.find((a) => a._id === id)
const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i)
const docs = seedCourses.map((c) => courseDocs(c, weekOf(c.weekId), NOW))
const published = seedCourses.filter((c) => c.status === 'published')
const ofKind = (kind: string) => published.filter((c) => topicKind(c.topic) === kind)
const lists = seedBookLists.map((l) => bookListDocs(l, weekOf(l.weekId), NOW))

/** Minimal well-formedness: one root <svg>, every tag closed in order, no stray text outside. */
function wellFormedSvg(svg: string): boolean {
  if (!svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') || !svg.endsWith('</svg>')) return false
  const stack: string[] = []
  for (const [, close, name, , selfClose] of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (close) {
      if (stack.pop() !== name) return false
    } else if (!selfClose) stack.push(name)
  }
  const stripped = svg.replace(/<[^>]*>/g, '')
  return stack.length === 0 && !/[<>]/.test(stripped) && !/&(?!(amp|lt|gt|quot|apos);)/.test(stripped)
}

describe('seed courses', () => {
  it('have unique ids that are valid course ids', () => {
    expect(duplicates(seedCourses.map((c) => c._id))).toEqual([])
    expect(seedCourses.filter((c) => !idSchema.safeParse(c._id).success).map((c) => c._id)).toEqual([])
  })

  it('include at least six published 智慧助老 courses on distinct notice topics', () => {
    const senior = ofKind('smart_senior')
    expect(senior.length).toBeGreaterThanOrEqual(6)
    expect(new Set(senior.map((c) => c.topic)).size).toBeGreaterThanOrEqual(6)
  })

  it('include at least three published 全民阅读 courses', () => {
    expect(ofKind('reading').length).toBeGreaterThanOrEqual(3)
  })

  it('give each seeded week six published 智慧助老 courses on distinct topics, whichever week a list shows', () => {
    for (const w of seedWeeks) {
      const topics = new Set(
        ofKind('smart_senior')
          .filter((c) => c.weekId === w._id)
          .map((c) => c.topic),
      )
      expect([w._id, topics.size >= 6]).toEqual([w._id, true])
    }
  })

  it('include a draft course', () => {
    expect(seedCourses.filter((c) => c.status === 'draft').length).toBeGreaterThanOrEqual(1)
  })

  it('give every seeded week published courses of both kinds', () => {
    for (const w of seedWeeks) {
      const mine = published.filter((c) => c.weekId === w._id)
      expect([w._id, mine.some((c) => topicKind(c.topic) === 'smart_senior'), mine.some((c) => topicKind(c.topic) === 'reading')]).toEqual([
        w._id,
        true,
        true,
      ])
    }
  })

  it('have three to five lessons of three to six steps, lesson ids unique in the course', () => {
    const bad = seedCourses.filter(
      (c) =>
        c.lessons.length < 3 ||
        c.lessons.length > 5 ||
        duplicates(c.lessons.map((l) => l.id)).length > 0 ||
        c.lessons.some((l) => l.steps.length < 3 || l.steps.length > 6),
    )
    expect(bad.map((c) => c._id)).toEqual([])
  })

  it('pass the course input contract an organiser saves with', () => {
    const bad = docs.filter(({ course, lessons }) => {
      const input = {
        courseId: course._id,
        weekId: course.weekId,
        districtCode: course.districtCode,
        topic: course.topic,
        title: course.title,
        intro: course.intro,
        cover: course.cover,
        lessons: lessons.map((l) => ({ id: l.lessonId, title: l.title, minutes: l.minutes, steps: l.steps })),
        activityIds: course.activityIds,
      }
      return !courseInputSchema.safeParse(input).success
    })
    expect(bad.map((d) => d.course._id)).toEqual([])
  })

  it('link only to published 智慧助老 / 全民阅读 activities of the same week and district', () => {
    const bad = seedCourses.flatMap((c) =>
      c.activityIds.filter((id) => {
        const a = activity(id)
        return (
          !a ||
          a.weekId !== c.weekId ||
          a.districtCode !== c.districtCode ||
          a.status !== 'published' ||
          !['smart_senior', 'reading'].includes(a.type)
        )
      }),
    )
    expect(bad).toEqual([])
  })

  it('link to the 智慧助老 class of their district when it teaches the same skill', () => {
    const linked = published.filter((c) => c.activityIds.length > 0)
    expect(linked.length).toBeGreaterThanOrEqual(8)
  })

  it('start with zero counters, a kind matching the topic and a cover', () => {
    for (const { course } of docs) {
      expect(course.counters).toEqual({ enrolled: 0, lessonsCompleted: 0, completed: 0, byAudience: {} })
      expect(course.kind).toBe(topicKind(course.topic))
      expect(course.cover).toBe(`cloud://localcloud/covers/${course._id}.svg`)
      expect(course.publishedAt === null).toBe(course.status === 'draft')
    }
  })
})

describe('seed lessons', () => {
  it('have one document per outline entry, with the outline’s id, title, minutes and step count', () => {
    for (const { course, lessons } of docs) {
      expect(lessons.map((l) => ({ id: l.lessonId, title: l.title, minutes: l.minutes, stepCount: l.steps.length }))).toEqual(
        course.lessons,
      )
      expect(lessons.map((l) => l._id)).toEqual(course.lessons.map((o) => `${course._id}_${o.id}`))
      expect(lessons.every((l) => l.courseId === course._id)).toBe(true)
    }
  })

  it('pass the lesson contract', () => {
    const bad = docs.flatMap(({ lessons }) =>
      lessons
        .filter((l) => !lessonSchema.safeParse({ id: l.lessonId, title: l.title, minutes: l.minutes, steps: l.steps }).success)
        .map((l) => l._id),
    )
    expect(bad).toEqual([])
  })

  it('have steps that pass the step contract unchanged, each with a picture and its description', () => {
    const bad = docs.flatMap(({ lessons }) =>
      lessons.flatMap((l) =>
        l.steps
          .map((s, i) => ({ s, at: `${l._id}#${i + 1}` }))
          .filter(({ s }) => {
            const parsed = lessonStepSchema.safeParse(s)
            return !parsed.success || JSON.stringify(parsed.data) !== JSON.stringify(s) || !s.image || !s.imageAlt
          })
          .map(({ at }) => at),
      ),
    )
    expect(bad).toEqual([])
  })

  it('point each step at its own picture in the local cloud storage', () => {
    for (const { course, lessons } of docs) {
      for (const l of lessons) {
        expect(l.steps.map((s) => s.image)).toEqual(
          l.steps.map((_, i) => `cloud://localcloud/lessons/${course._id}/${l.lessonId}-${i + 1}.svg`),
        )
      }
    }
  })

  it('keep the picture callouts short enough to read', () => {
    const long = seedCourses.flatMap((c) =>
      c.lessons.flatMap((l) => l.steps.filter((s) => [...s.shot.label].length > 12).map((s) => s.shot.label)),
    )
    expect(long).toEqual([])
  })

  it('warn that a verification code is never told in every 防诈骗 course', () => {
    for (const c of seedCourses.filter((x) => x.topic === 'anti_fraud')) {
      expect([c._id, c.lessons.some((l) => l.steps.some((s) => /验证码/.test(s.tip ?? '') || /验证码不告诉/.test(s.shot.label)))]).toEqual([
        c._id,
        true,
      ])
    }
  })
})

describe('seed lesson pictures', () => {
  let dataDir: string
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-seed-files-'))
    writeSeedFiles(dataDir)
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('are written for every step and every cover', () => {
    const root = storageDirOf(dataDir)
    const refs = docs.flatMap(({ course, lessons }) => [course.cover!, ...lessons.flatMap((l) => l.steps.map((s) => s.image!))])
    const missing = refs.filter((ref) => !existsSync(path.join(root, ...ref.replace('cloud://localcloud/', '').split('/'))))
    expect(missing).toEqual([])
    expect(seedFiles()).toHaveLength(refs.length)
  })

  it('are well-formed SVG in the CJK font, at most about 4 KB each', () => {
    const root = storageDirOf(dataDir)
    const bad = seedFiles().filter((f) => {
      const svg = readFileSync(path.join(root, ...f.path.split('/')), 'utf8')
      return !wellFormedSvg(svg) || !svg.includes('font-family="Noto Sans CJK SC, sans-serif"') || Buffer.byteLength(svg) > 4500
    })
    expect(bad.map((f) => f.path)).toEqual([])
  })

  it('outline the thing to tap with a Chinese callout', () => {
    const senior = seedFiles().filter((f) => f.path.startsWith('lessons/nc2026-donghu-travel/l1-'))
    expect(senior[0].content).toContain('stroke="#e8590c"')
    expect(senior[0].content).toContain('点“我”')
  })
})

describe('seed book lists', () => {
  const readingDistricts = (weekId: string) => [
    ...new Set(
      seedActivities.filter((a) => a.weekId === weekId && a.type === 'reading' && a.status === 'published').map((a) => a.districtCode),
    ),
  ]

  it('give every district with reading activities a published list, at least two in all', () => {
    expect(seedBookLists.length).toBeGreaterThanOrEqual(2)
    for (const w of seedWeeks) {
      const covered = seedBookLists.filter((l) => l.weekId === w._id && l.status === 'published').map((l) => l.districtCode)
      expect(readingDistricts(w._id).filter((d) => !covered.includes(d))).toEqual([])
    }
  })

  it('have unique list and book ids of the right form', () => {
    expect(duplicates(seedBookLists.map((l) => l._id))).toEqual([])
    const ids = seedBookLists.flatMap((l) => l.books.map((b) => b._id))
    expect(duplicates(ids)).toEqual([])
    expect(ids.filter((id) => !bookIdSchema.safeParse(id).success)).toEqual([])
  })

  it('hold five or six books each', () => {
    expect(seedBookLists.filter((l) => l.books.length < 5 || l.books.length > 6).map((l) => l._id)).toEqual([])
  })

  it('pass the book list input contract an organiser saves with', () => {
    const bad = seedBookLists.filter(
      (l) =>
        !bookListInputSchema.safeParse({
          listId: l._id,
          weekId: l.weekId,
          districtCode: l.districtCode,
          title: l.title,
          intro: l.intro,
          books: l.books.map((b) => ({ id: b._id, title: b.title, author: b.author, blurb: b.blurb, activityIds: b.activityIds })),
        }).success,
    )
    expect(bad.map((l) => l._id)).toEqual([])
  })

  it('map onto the book contract with zero readers', () => {
    const bad = lists.flatMap(({ books }) =>
      books.filter(
        (b) =>
          !bookSchema.safeParse({
            id: b._id,
            title: b.title,
            author: b.author,
            blurb: b.blurb,
            cover: b.cover,
            activityIds: b.activityIds,
            readers: b.counters!.readers ?? 0,
          }).success || b.counters!.readers !== 0,
      ),
    )
    expect(bad.map((b) => b._id)).toEqual([])
  })

  it('keep the list document’s book order and status on its books', () => {
    for (const { list, books } of lists) {
      expect(list.bookIds).toEqual(books.map((b) => b._id))
      expect(books.every((b) => b.listId === list._id && b.status === list.status && b.weekId === list.weekId)).toBe(true)
    }
  })

  it('link books to reading activities of the list’s week and district, to its 书友会/读书沙龙 where it has one', () => {
    for (const l of seedBookLists) {
      const clubs = seedActivities.filter(
        (a) => a.weekId === l.weekId && a.districtCode === l.districtCode && a.type === 'reading' && /书友会|读书沙龙/.test(a.title),
      )
      for (const b of l.books) {
        const linked = b.activityIds.map(activity)
        expect(linked.every((a) => a && a.weekId === l.weekId && a.districtCode === l.districtCode && a.type === 'reading')).toBe(true)
        expect(clubs.filter((c) => !b.activityIds.includes(c._id)).map((c) => `${b._id}:${c._id}`)).toEqual([])
      }
    }
  })
})
