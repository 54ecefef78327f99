// Courses through the gateway (HTTP -> bundled `course` function -> SDK -> local database): the
// bytes of one lesson's answer (the largest seeded lesson, else a created 6-step lesson) that a
// senior's phone downloads, and the database operations of one 学会了 (lesson completion),
// counted by the local cloud over learners going through a course one lesson after another.
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import type { LocalCloud } from '../local-cloud'
import { courseInput } from '../tests/functions/courseFixtures'
import { percentile, round } from './results'
import { call, dayFromToday, must } from './gateway-client'

/* eslint-disable @typescript-eslint/no-explicit-any */
const ADMIN = 'dev-admin'
const READER = 'dev-senior'

export interface CourseBenchOptions {
  /** Learners who each complete every lesson of the bench course. */
  learners?: number
  lessons?: number
}

async function allLessons(db: any): Promise<{ _id: string; courseId: string; lessonId: string; steps: unknown[] }[]> {
  const _ = db.command
  const out: any[] = []
  let after = ''
  for (;;) {
    const res = await db
      .collection('lessons')
      .where({ _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    out.push(...res.data)
    if (res.data.length < 1000) return out
    after = res.data[res.data.length - 1]._id
  }
}

/** JSON bytes of the course.lesson envelope, as the phone receives it. */
async function lessonBytes(cloud: LocalCloud, courseId: string, lessonId: string): Promise<number> {
  const body = await call(cloud, READER, 'course', 'lesson', { courseId, lessonId })
  if (!body.ok) throw new Error(`course.lesson failed: ${JSON.stringify(body)}`)
  return Buffer.byteLength(JSON.stringify(body), 'utf8')
}

export async function benchCourse(cloud: LocalCloud, options: CourseBenchOptions = {}): Promise<Record<string, number>> {
  const learners = options.learners ?? 20
  const lessons = options.lessons ?? 6
  const db: any = cloud.sdkDb

  // The seeded courses' lessons (published ones), before the bench adds its own.
  const seeded = await allLessons(db)
  const published = new Set(
    (await db.collection('courses').where({ status: 'published' }).field({ _id: true }).limit(1000).get()).data.map((c: any) => c._id),
  )
  const seededLessons = seeded.filter((l) => published.has(l.courseId))

  const weekId = `benchco${Date.now().toString(36)}`
  await must(cloud, ADMIN, 'activity', 'week.create', {
    id: weekId,
    name: '课程压测活动周',
    level: 'city',
    region: '压测市',
    theme: '压测',
    startDate: dayFromToday(2),
    endDate: dayFromToday(8),
    districts: [{ code: 'bench', name: '压测区' }],
    summaryDeadline: dayFromToday(12),
    organiser: '压测市教育局',
    status: 'published',
  })
  const { courseId } = await must(cloud, ADMIN, 'course', 'save', courseInput(weekId, { district: 'bench', lessons, stepsPerLesson: 6 }))
  await must(cloud, ADMIN, 'course', 'publish', { courseId, published: true })
  const { course } = await must(cloud, ADMIN, 'course', 'get', { courseId })
  const lessonIds: string[] = course.lessons.map((l: any) => l.id)

  // The largest lesson a phone downloads: of the seeded courses when there are some.
  let payloadBytes = 0
  let payloadFrom = 'created'
  if (seededLessons.length) {
    const largest = seededLessons.reduce((a, b) => (JSON.stringify(b.steps).length > JSON.stringify(a.steps).length ? b : a))
    payloadBytes = await lessonBytes(cloud, largest.courseId, largest.lessonId)
    payloadFrom = `seeded ${largest._id}`
  } else {
    payloadBytes = await lessonBytes(cloud, courseId, lessonIds[0])
  }

  // Learners with a profile enrol, then go through every lesson: operations per completion.
  const now = new Date()
  const people = Array.from({ length: learners }, (_, i) => `benchco-${i}`)
  await db.collection('users').add({
    data: people.map((id, i) => ({
      _id: id,
      profile: {
        name: `学员${i}`,
        phone: `137${String(i).padStart(8, '0')}`,
        ageGroup: i % 2 ? '70+' : '60-69',
        community: '压测社区',
        audience: 'seniors',
      },
      family: [],
      roles: [],
      consent: { version: PRIVACY_VERSION, at: now },
      createdAt: now,
      updatedAt: now,
    })),
  })
  for (const p of people) await must(cloud, p, 'course', 'enrol', { courseId })
  const times: number[] = []
  let errors = 0
  cloud.db.resetStats()
  for (const p of people) {
    for (const lessonId of lessonIds) {
      const t0 = performance.now()
      const body = await call(cloud, p, 'course', 'completeLesson', { courseId, lessonId })
      times.push(performance.now() - t0)
      if (!body.ok || !body.data.lessonNewlyCompleted) errors++
    }
  }
  const ops = cloud.db.stats().total
  times.sort((a, b) => a - b)
  console.log(`course.lessonPayloadBytes from the ${payloadFrom} lesson`)

  return {
    'course.lessonPayloadBytes': payloadBytes,
    'course.dbOpsPerLessonCompletion': round(ops / times.length),
    'course.completionP50Ms': round(percentile(times, 50)),
    'course.completionP95Ms': round(percentile(times, 95)),
    'course.completionErrors': errors,
  }
}
