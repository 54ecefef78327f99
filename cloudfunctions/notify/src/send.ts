// Sending the outbox as subscribe messages (notify timer): every notice whose send is pending and
// due (a reminder at its time; a promotion, a cancellation, a change at once), oldest due first, at
// most BATCH a run. Per notice, in order:
//  - its person accepted no message of its template that is not yet paid for: `unsendable`, never
//    sent; the app still lists it. A registration's notices are paid for by the acceptances counted
//    on the registration (registration.subscribe), against that registration's notices of the template
//    already claimed or sent; a 总结表 reminder (summary_due) by those counted on the recipient's
//    account (users.subscribe.summary_due), against their summary_due notices claimed or sent;
//  - claim: ONE conditional update (state pending and the tries read) to `claimed` with a lease; of
//    two overlapping runs exactly one wins it, the other leaves it;
//  - send: cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState })
//    with each field fitted to its type (@shared/domain/subscribe);
//  - mark: `sent` (sentAt), or on WeChat's refusal (an errCode) pending again for the next run,
//    `failed` with the errcode after MAX_TRIES.
// A claim whose lease lapsed was left by a run that died between claiming and marking: WeChat has no
// way to ask whether that message went, and a second send would spend another of the person's
// acceptances, so it is marked `unknown` and not sent again (at most once).
import { SUBSCRIBE_PAGE, SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '../../../config/subscribe'
import { templateData, type MessageValues } from '@shared/domain/subscribe'
import { getCloud, type Database } from '../../_core/cloud'
import {
  COLLECTIONS,
  type NoticeSend,
  type OutboxDoc,
  type RegistrationDoc,
  type RegistrationNoticeTemplate,
  type SubscribeAcceptance,
  type UserDoc,
} from '../../_core/collections'
import { readDocs } from '../../_core/read'
import { SPENT_STATES } from '../../_core/subscribe'
import { updateCount } from '../../_core/write'

/** Notices a run sends at most (each a claim, a send and a mark within the function's 20 s). */
export const BATCH = 30
/** Tries before a notice is recorded failed. */
export const MAX_TRIES = 3
/** How long a claim holds (longer than the function's timeout: a claim older than this is a dead run's). */
export const CLAIM_LEASE_MS = 60_000
const PAGE = 100
/** The states of a message that took (or may have taken) one of the person's acceptances. */
const SPENT = new Set<NoticeSend['state']>(SPENT_STATES)

/** The subscribe template each notice template is sent with. */
export const TEMPLATE_OF: Record<RegistrationNoticeTemplate, SubscribeTemplateKey> = {
  activity_reminder: 'activity_reminder',
  waitlist_promoted: 'waitlist_promoted',
  activity_cancelled: 'activity_changed',
  activity_changed: 'activity_changed',
}

type Notice = OutboxDoc & { send: NoticeSend }

/** The subscribe template a notice is sent with. */
export function templateKeyOf(n: Pick<OutboxDoc, 'template'>): SubscribeTemplateKey | null {
  if (n.template === 'summary_due') return 'summary_due'
  return TEMPLATE_OF[n.template] ?? null
}

/** Whose acceptances pay for a notice: its registration's, or (a 总结表 reminder) its recipient's account. */
function holderOf(n: OutboxDoc): string {
  return n.template === 'summary_due' ? `user:${n.recipient}` : `reg:${n.payload.registrationId}`
}

export interface SendRun {
  due: number
  sent: number
  retried: number
  failed: number
  unsendable: number
  unknown: number
  /** Claimed by another run first. */
  skipped: number
}

interface SendApi {
  openapi: { subscribeMessage: { send(data: Record<string, unknown>): Promise<{ errCode?: number }> } }
}

/** What a message says, from its notice. */
export function messageValues(n: OutboxDoc): MessageValues {
  if (n.template === 'summary_due') {
    const p = n.payload
    return {
      item: `${p.unitName}总结表`,
      deadline: Date.parse(`${p.deadline}T00:00:00+08:00`),
      tip: `还有${p.daysLeft}天截止，请按时提交给上级`,
    }
  }
  const p = n.payload
  const base: MessageValues = { title: p.title, startAt: new Date(p.startAt).getTime(), personName: n.person.name, venue: p.venue ?? '' }
  if (n.template === 'activity_reminder') {
    return { ...base, tip: p.reminder === 'hour' ? '活动将在1小时后开始，请提前到场' : '活动明天开始，请按时参加' }
  }
  if (n.template === 'waitlist_promoted') return { ...base, status: '候补成功', tip: '已为您保留名额，请按时参加' }
  if (n.template === 'activity_cancelled') return { ...base, change: '活动取消', tip: p.reason ?? '主办方取消了本场活动' }
  return { ...base, change: '活动变更', tip: p.reason ?? '活动时间或地点有变更' }
}

/** Sends what is due at `now`. */
export async function sendDue(db: Database, now: number): Promise<SendRun> {
  const _ = db.command
  const run: SendRun = { due: 0, sent: 0, retried: 0, failed: 0, unsendable: 0, unknown: 0, skipped: 0 }
  const due = await readDocs<Notice>(
    db
      .collection(COLLECTIONS.outbox)
      .where({ 'send.state': _.in(['pending', 'claimed']), 'send.at': _.lte(new Date(now)) })
      .orderBy('send.at', 'asc')
      .limit(BATCH),
  )
  const notices = due.filter((n) => templateKeyOf(n) !== null)
  run.due = notices.length
  if (notices.length === 0) return run
  const regIds = [...new Set(notices.flatMap((n) => (n.template === 'summary_due' ? [] : [n.payload.registrationId])))]
  const people = [...new Set(notices.flatMap((n) => (n.template === 'summary_due' ? [n.recipient] : [])))]
  const [acceptances, spent] = await Promise.all([readAcceptances(db, regIds, people), readSpent(db, regIds, people)])

  for (const n of notices) {
    const tries = n.send.tries
    const guard = { _id: n._id, 'send.state': n.send.state, 'send.tries': tries }
    const outbox = db.collection(COLLECTIONS.outbox)
    if (n.send.state === 'claimed') {
      const marked = await updateCount(outbox.where(guard), { 'send.state': 'unknown', 'send.at': new Date(now) })
      if (marked) run.unknown++
      continue
    }
    const key = templateKeyOf(n) as SubscribeTemplateKey
    const spentKey = `${holderOf(n)}\n${key}`
    const accepted = acceptances.get(spentKey)?.accepted ?? 0
    if (accepted - (spent.get(spentKey) ?? 0) < 1) {
      if (await updateCount(outbox.where(guard), { 'send.state': 'unsendable', 'send.at': new Date(now) })) run.unsendable++
      continue
    }
    const claimed = await updateCount(outbox.where(guard), {
      'send.state': 'claimed',
      'send.at': new Date(now + CLAIM_LEASE_MS),
      'send.tries': tries + 1,
    })
    if (!claimed) {
      run.skipped++
      continue
    }
    spent.set(spentKey, (spent.get(spentKey) ?? 0) + 1)
    const errcode = await sendMessage(n, key)
    const mine = { _id: n._id, 'send.state': 'claimed', 'send.tries': tries + 1 }
    if (errcode === 0) {
      await updateCount(outbox.where(mine), { 'send.state': 'sent', 'send.at': new Date(now), 'send.errcode': null, sentAt: new Date(now) })
      run.sent++
    } else if (errcode === null) {
      // No answer from WeChat: it may have gone. At most once.
      await updateCount(outbox.where(mine), { 'send.state': 'unknown', 'send.at': new Date(now) })
      run.unknown++
    } else if (tries + 1 >= MAX_TRIES) {
      await updateCount(outbox.where(mine), { 'send.state': 'failed', 'send.at': new Date(now), 'send.errcode': errcode })
      run.failed++
    } else {
      // A refusal sent nothing and spent no acceptance: the next run tries again.
      spent.set(spentKey, (spent.get(spentKey) ?? 1) - 1)
      await updateCount(outbox.where(mine), { 'send.state': 'pending', 'send.at': new Date(now), 'send.errcode': errcode })
      run.retried++
    }
  }
  return run
}

/** WeChat's errcode for the message (0 sent), or null when there was no answer. */
async function sendMessage(n: OutboxDoc, key: SubscribeTemplateKey): Promise<number | null> {
  try {
    const answer = await (getCloud() as unknown as SendApi).openapi.subscribeMessage.send({
      touser: n.recipient,
      templateId: SUBSCRIBE_TEMPLATES[key].id,
      page: SUBSCRIBE_PAGE,
      data: templateData(key, messageValues(n)),
      miniprogramState: 'formal',
    })
    return answer.errCode ?? 0
  } catch (err) {
    const errCode = (err as { errCode?: unknown } | null)?.errCode
    if (typeof errCode === 'number' && errCode > 0) return errCode
    console.error(`[notify] ${n._id}: subscribeMessage.send gave no answer`, err)
    return null
  }
}

/** The acceptances of each registration and person, by `<holder>\n<template key>` (holderOf). */
async function readAcceptances(db: Database, regIds: string[], people: string[]): Promise<Map<string, SubscribeAcceptance>> {
  const _ = db.command
  const out = new Map<string, SubscribeAcceptance>()
  const keep = (holder: string, subscribe: Partial<Record<string, SubscribeAcceptance>> | undefined) => {
    for (const [key, acc] of Object.entries(subscribe ?? {})) if (acc) out.set(`${holder}\n${key}`, acc)
  }
  for (let i = 0; i < regIds.length; i += PAGE) {
    const docs = await readDocs<Pick<RegistrationDoc, '_id' | 'subscribe'>>(
      db
        .collection(COLLECTIONS.registrations)
        .where({ _id: _.in(regIds.slice(i, i + PAGE)) })
        .field({ _id: true, subscribe: true })
        .limit(PAGE),
    )
    for (const d of docs) keep(`reg:${d._id}`, d.subscribe)
  }
  for (let i = 0; i < people.length; i += PAGE) {
    const docs = await readDocs<Pick<UserDoc, '_id' | 'subscribe'>>(
      db
        .collection(COLLECTIONS.users)
        .where({ _id: _.in(people.slice(i, i + PAGE)) })
        .field({ _id: true, subscribe: true })
        .limit(PAGE),
    )
    for (const d of docs) keep(`user:${d._id}`, d.subscribe)
  }
  return out
}

/**
 * The messages each registration's and person's acceptances already paid for (claimed, sent or
 * maybe sent), by `<holder>\n<template key>`.
 */
async function readSpent(db: Database, regIds: string[], people: string[]): Promise<Map<string, number>> {
  const _ = db.command
  const out = new Map<string, number>()
  const count = (docs: OutboxDoc[]) => {
    for (const d of docs) {
      const key = templateKeyOf(d)
      if (!key || !d.send || !SPENT.has(d.send.state)) continue
      const k = `${holderOf(d)}\n${key}`
      out.set(k, (out.get(k) ?? 0) + 1)
    }
  }
  for (let i = 0; i < regIds.length; i += PAGE) {
    count(
      await readDocs<OutboxDoc>(
        db
          .collection(COLLECTIONS.outbox)
          .where({ 'payload.registrationId': _.in(regIds.slice(i, i + PAGE)) })
          .field({ _id: true, template: true, 'payload.registrationId': true, send: true })
          .limit(1000),
      ),
    )
  }
  for (let i = 0; i < people.length; i += PAGE) {
    count(
      await readDocs<OutboxDoc>(
        db
          .collection(COLLECTIONS.outbox)
          .where({ recipient: _.in(people.slice(i, i + PAGE)), template: 'summary_due' })
          .field({ _id: true, template: true, recipient: true, send: true })
          .limit(1000),
      ),
    )
  }
  return out
}
