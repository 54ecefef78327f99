// A learner going through a course: enrol (also a family member, 代学), remember the step, mark a
// lesson 学会了, and the completion certificate. Counters of the course move in the same call, first,
// with a pending entry of the pending-move journal (_core/journal.ts), the enrolment second.
import { SENIOR_AGE_GROUPS } from '@shared/domain/people'
import { certificateNo, completeLesson as completeRule, enrolDelta, lessonDelta } from '@shared/domain/courseProgress'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type CourseDoc, type EnrolmentDoc, type FamilyMemberDoc, type UserDoc } from '../../_core/collections'
import { courseAmounts } from '../../_core/courseStats'
import { insertCounted } from '../../_core/countedRecord'
import { readPending, recordEntry, revertMove, settleFollowed, settleOwnMoves, writeMoves, type PendingEntry } from '../../_core/journal'
import { clearStaleEntry } from '../../_core/repair'
import type { ActionContext } from '../../_core/handler'
import { personIdOf, randomId } from '../../_core/ids'
import { updateCount } from '../../_core/write'
import { enrolmentId, loadCourseContext, readEnrolment, visibleCourse } from './context'
import { lessonIdsOf, toEnrolment } from './views'

interface LearnerInput {
  courseId: string
  memberId?: string
}

/** Name shown on a self-enrolment (and its certificate) when the caller has no profile yet. */
export const DEFAULT_LEARNER_NAME = '学员'

/** A family member's audience: theirs, else seniors from 60 and residents below (as memberDetails). */
function memberAudience(member: FamilyMemberDoc): string {
  return member.audience ?? (SENIOR_AGE_GROUPS.includes(member.ageGroup) ? 'seniors' : 'residents')
}

/** Who learns: the caller (profile name, else 学员) or one of their family members. */
function learnerOf(user: Pick<UserDoc, 'profile' | 'family'> | null, memberId: string | null): { name: string; audience: string | null } {
  if (!memberId) return { name: user?.profile?.name ?? DEFAULT_LEARNER_NAME, audience: user?.profile?.audience ?? null }
  const member = user?.family?.find((m) => m.id === memberId)
  if (!member) throw new DomainError('FAMILY_MEMBER_NOT_FOUND')
  return { name: member.name, audience: memberAudience(member) }
}

/** The learner's enrolment in a course they may see; NOT_ENROLLED when there is none. */
async function enrolled(ctx: ActionContext, input: LearnerInput) {
  const memberId = input.memberId ?? null
  const cc = await loadCourseContext(ctx.db, input.courseId, { learner: { openid: ctx.openid, memberId } })
  const course = await visibleCourse(ctx, cc.course)
  return { course, enrolment: cc.enrolment, memberId }
}

/**
 * Enrol the caller or a family member: one read (course, enrolment, account), then the enrolment
 * inserted once through the pending-move journal (_core/countedRecord.ts):
 *   1. the course: counters moved with a pending entry `en~<hash of the enrolment id>` (one
 *      conditional update)
 *   2. the enrolment inserted carrying the entry's op (the id `<courseId>_<personId>` makes a
 *      second enrolment a duplicate key)
 *   3. the entry settled
 * A call that dies after 1 leaves an entry the repair timer reverts or settles after 60 s; a retry
 * of the same enrolment (same learner, so the same amounts: the contract has no nonce) adopts it.
 * Enrolling again answers the first enrolment, created false, and counts nothing.
 * Drafts are open only to their organisers (preview); residents get COURSE_NOT_FOUND.
 */
export async function enrol(ctx: ActionContext, input: LearnerInput) {
  const { db } = ctx
  const memberId = input.memberId ?? null
  const cc = await loadCourseContext(db, input.courseId, { learner: { openid: ctx.openid, memberId }, user: ctx.openid })
  const course = await visibleCourse(ctx, cc.course)
  const learner = learnerOf(cc.user, memberId)
  if (cc.enrolment) return { enrolment: toEnrolment(cc.enrolment, course), created: false }

  const now = ctx.now()
  const personId = personIdOf(ctx.openid, memberId)
  const id = enrolmentId(course._id, personId)
  const inc = courseAmounts(enrolDelta(learner.audience))
  const build = (t: number) => {
    const at = new Date(t)
    const doc: EnrolmentDoc = {
      _id: id,
      courseId: course._id,
      weekId: course.weekId,
      districtCode: course.districtCode,
      openid: ctx.openid,
      personId,
      memberId,
      learnerName: learner.name,
      audience: learner.audience,
      completedLessonIds: [],
      lessonsDone: 0,
      position: null,
      completedAt: null,
      certificateNo: null,
      createdAt: at,
      updatedAt: at,
    }
    return { doc, inc }
  }
  const sameAmounts = (entry: PendingEntry) => JSON.stringify(entry.inc) === JSON.stringify(inc)
  const out = await insertCounted<EnrolmentDoc>(db, {
    kind: 'en',
    collection: COLLECTIONS.enrolments,
    id,
    counted: COLLECTIONS.courses,
    activityId: course._id,
    nonce: null,
    now,
    build,
    adoptAlso: sameAmounts,
  })
  if (out.status === 'written') return { enrolment: toEnrolment(out.doc, course), created: true }
  if (out.status === 'busy') throw new DomainError('CONFLICT')
  // Enrolled meanwhile by a concurrent call (or a twin of this one): answer that one, count nothing.
  const winner = out.status === 'followed' ? out.existing : (out.existing ?? (await readEnrolment(db, id)))
  if (!winner) throw new DomainError('CONFLICT')
  return { enrolment: toEnrolment(winner, course), created: false }
}

/**
 * Remember the step a learner is on: one read (course and enrolment: the lesson must be one of
 * the course's, the learner enrolled) and one update of the position only, so completion is never
 * touched. A step past the lesson's end is kept as its last step.
 */
export async function progress(ctx: ActionContext, input: LearnerInput & { lessonId: string; step: number }) {
  const { course, enrolment } = await enrolled(ctx, input)
  const outline = course.lessons.find((l) => l.id === input.lessonId)
  if (!outline) throw new DomainError('LESSON_NOT_FOUND')
  if (!enrolment) throw new DomainError('NOT_ENROLLED')
  const resume = { lessonId: input.lessonId, step: Math.max(0, Math.min(input.step, outline.stepCount - 1)) }
  const _ = ctx.db.command
  const changed = await updateCount(ctx.db.collection(COLLECTIONS.enrolments).where({ _id: enrolment._id }), {
    position: _.set(resume),
    updatedAt: new Date(ctx.now()),
  })
  if (changed === 0) throw new DomainError('NOT_ENROLLED')
  return { resume }
}

/** The pending entry's nonce of a completion: the same lesson sent again is the same request. */
const lessonNonce = (lessonId: string) => `lesson-${lessonId}`

/** How long a completion waits for another completion of the same enrolment in flight before CONFLICT. */
const WAIT_IN_FLIGHT_MS = 1500
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The lesson to go on with after `lessonId`: the next one not done (wrapping round), else null. */
function nextLesson(ids: string[], done: string[], lessonId: string): string | null {
  const from = ids.indexOf(lessonId)
  const order = [...ids.slice(from + 1), ...ids.slice(0, from)]
  return order.find((id) => !done.includes(id)) ?? null
}

/**
 * 学会了: mark a lesson done, through the pending-move journal (_core/journal.ts), in this order:
 *   1. one read (course joined with the enrolment)
 *   2. the course: counters moved with a pending entry under the enrolment's key `en~<hash of the
 *      enrolment id>` (one conditional update; the key must not be pending)
 *   3. the enrolment updated carrying the entry's op, conditional on its state as read (lessons
 *      done as read, this lesson not among them), so two calls cannot both count it
 *   4. the entry settled
 * 4 database operations. A call that dies after 2 leaves an entry the repair timer reverts (no
 * enrolment carries its op) or settles (the enrolment does) after 60 s. The entry names its lesson
 * (its nonce): the same lesson sent again, from the same state, adopts it and writes the enrolment
 * as the first call would have (a twin of it in flight may win that write: then it has followed and
 * is settled); another completion in flight is waited for up to WAIT_IN_FLIGHT_MS, then CONFLICT. A
 * completion that lost the race at 3 takes its own move back, re-reads the enrolment and answers
 * already done (counted by the winner) or tries again; only another lesson's completion moves the
 * guard, so a course of n lessons needs at most n + 1 attempts. The enrolment's own entry left by
 * an enrol that died before settling is settled first (its op is on the enrolment). The course
 * completes exactly when every one of its current lessons is done.
 */
export async function completeLesson(ctx: ActionContext, input: LearnerInput & { lessonId: string }) {
  const { db } = ctx
  const _ = db.command
  const found = await enrolled(ctx, input)
  const course: CourseDoc = found.course
  if (!found.enrolment) {
    if (!course.lessons.some((l) => l.id === input.lessonId)) throw new DomainError('LESSON_NOT_FOUND')
    throw new DomainError('NOT_ENROLLED')
  }
  const ids = lessonIdsOf(course)
  let enrolment: EnrolmentDoc = found.enrolment
  const answer = (e: EnrolmentDoc, lessonNewlyCompleted: boolean, courseNewlyCompleted: boolean) => ({
    enrolment: toEnrolment(e, course),
    lessonNewlyCompleted,
    courseNewlyCompleted,
    nextLessonId: nextLesson(ids, e.completedLessonIds, input.lessonId),
  })

  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    const outcome = completeRule(
      { completedLessonIds: enrolment.completedLessonIds, completedAt: enrolment.completedAt ?? null },
      ids,
      input.lessonId,
    )
    if (outcome.kind === 'unknown_lesson') throw new DomainError('LESSON_NOT_FOUND')
    if (outcome.kind === 'already_done') return answer(enrolment, false, false)

    const now = ctx.now()
    let move = recordEntry(
      'en',
      enrolment._id,
      courseAmounts(lessonDelta(enrolment.audience, outcome.courseCompleted)),
      now,
      lessonNonce(input.lessonId),
    )
    let adopted = false
    if (!(await writeMoves(db, COLLECTIONS.courses, course._id, [move]))) {
      const pending = await readPending(db, COLLECTIONS.courses, course._id, move.key)
      if (pending && enrolment.op && pending.op === enrolment.op) {
        // The enrolment's own last move has followed (its call died before settling): settle it.
        await settleFollowed(db, COLLECTIONS.courses, course._id, move.key, pending.op)
      } else if (pending && pending.nonce === move.entry.nonce && JSON.stringify(pending.inc) === JSON.stringify(move.entry.inc)) {
        // This very completion (same lesson, same state), cut off after its move or still in
        // flight: adopt its move and write the enrolment as it would have.
        move = { key: move.key, entry: pending }
        adopted = true
      } else if (pending && !(await clearStaleEntry(db, course._id, move.key, now, COLLECTIONS.courses))) {
        // Another completion of this enrolment is in flight (it takes milliseconds): wait for it a
        // little, then read again; a call that died holds the key until the repair (60 s).
        if (Date.now() - started > WAIT_IN_FLIGHT_MS) throw new DomainError('CONFLICT')
        await sleep(20 + Math.floor(Math.random() * 30))
        attempt--
      }
      if (!adopted) {
        if (attempt > ids.length) throw new Error(`completeLesson ${enrolment._id}: key pending ${attempt} times`)
        const again = await readEnrolment(db, enrolment._id)
        if (!again) throw new DomainError('NOT_ENROLLED')
        enrolment = again
        continue
      }
    }
    const at = new Date(move.entry.at)
    const next = nextLesson(ids, outcome.completedLessonIds, input.lessonId)
    const position = next ? { lessonId: next, step: 0 } : null
    const data: Record<string, unknown> = {
      completedLessonIds: _.push([input.lessonId]),
      lessonsDone: _.inc(1),
      position: _.set(position),
      updatedAt: at,
      op: move.entry.op,
    }
    let certNo: string | null = enrolment.certificateNo ?? null
    if (outcome.courseCompleted) {
      certNo = certificateNo(course.weekId, now, randomId(6))
      data.completedAt = at
      data.certificateNo = certNo
    }
    const done = enrolment.completedLessonIds.length
    const changed = await updateCount(
      db.collection(COLLECTIONS.enrolments).where({ _id: enrolment._id, lessonsDone: done, completedLessonIds: _.neq(input.lessonId) }),
      data,
    )
    if (changed === 1) {
      await settleOwnMoves(db, COLLECTIONS.courses, course._id, [move])
      const updated: EnrolmentDoc = {
        ...enrolment,
        completedLessonIds: outcome.completedLessonIds,
        lessonsDone: done + 1,
        position,
        completedAt: outcome.courseCompleted ? at : enrolment.completedAt,
        certificateNo: certNo,
        updatedAt: at,
        op: move.entry.op,
      }
      return answer(updated, true, outcome.courseCompleted)
    }
    // Lost the race (or the enrolment is gone). The key being ours, only a twin of this completion
    // (the same move adopted) can have moved the enrolment: then the move has followed and is
    // settled; otherwise our own move is taken back (an adopted one stays for its owner or the repair).
    const again = await readEnrolment(db, enrolment._id)
    if (again?.op === move.entry.op) {
      await settleFollowed(db, COLLECTIONS.courses, course._id, move.key, move.entry.op)
      return answer(again, false, false)
    }
    if (!adopted) await revertMove(db, COLLECTIONS.courses, course._id, move, now)
    if (attempt > ids.length) throw new Error(`completeLesson ${enrolment._id}: lost ${attempt} races`)
    if (!again) throw new DomainError('NOT_ENROLLED')
    enrolment = again
  }
}

/**
 * The completion certificate, once every lesson is done: the enrolment, the course and the week
 * (issuer) in one read. The learner's current name is shown (a profile filled in after enrolling).
 */
export async function certificate(ctx: ActionContext, input: LearnerInput) {
  const memberId = input.memberId ?? null
  const cc = await loadCourseContext(ctx.db, input.courseId, {
    learner: { openid: ctx.openid, memberId },
    user: ctx.openid,
    week: true,
  })
  const course = await visibleCourse(ctx, cc.course)
  const e = cc.enrolment
  if (!e) throw new DomainError('NOT_ENROLLED')
  if (!e.completedAt) throw new DomainError('COURSE_NOT_COMPLETED')
  const completedAt = new Date(e.completedAt).getTime()
  const current = memberId ? cc.user?.family?.find((m) => m.id === memberId)?.name : cc.user?.profile?.name
  return {
    courseId: course._id,
    certificateNo: e.certificateNo ?? certificateNo(course.weekId, completedAt, e._id.slice(-6)),
    learnerName: current ?? e.learnerName,
    courseTitle: course.title,
    kind: course.kind,
    lessonCount: course.lessons.length,
    totalMinutes: course.lessons.reduce((n, l) => n + l.minutes, 0),
    completedAt,
    issuer: cc.week?.organiser ?? course.districtName,
    districtName: course.districtName,
    weekName: cc.week?.name ?? '',
  }
}
