// Shared set-up of the `notify` function tests: a test cloud with a test week (activities on its day
// 3 days from now at 10:00), people signed up who accepted subscribe messages (recorded on the
// registration through signup subscribe.record, and minted at the stand-in as WeChat would hold
// them), and the timer fired with the clock at a given instant.
import { EventEmitter } from 'node:events'
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '../../../../config/subscribe'
import { reminderDueAt, type Reminder } from '../../../../src/shared/domain/subscribe'
import { fireTimer } from '../../../gateway/timers'
import { startTestCloud, type Answer, type TestCloud } from '../../harness'
import { allDocs, createActivity, createTestWeek, seedResidents, type ActivityOptions, type TestWeek } from '../fixtures'

export let cloud: TestCloud
export let week: TestWeek
const defaultMaxListeners = EventEmitter.defaultMaxListeners

export function useNotifyCloud(): void {
  beforeAll(async () => {
    EventEmitter.defaultMaxListeners = 0
    cloud = await startTestCloud()
    week = await createTestWeek(cloud)
  })
  afterAll(async () => {
    EventEmitter.defaultMaxListeners = defaultMaxListeners
    await cloud?.stop()
  })
  afterEach(() => jest.restoreAllMocks())
}

export const TIMER = { Type: 'Timer', TriggerName: 'notify', Time: new Date().toISOString() }

/** Fires the notify timer as the cloud does, with the clock at `now`. */
export async function fireAt(now: number): Promise<Answer<any>> {
  jest.spyOn(Date, 'now').mockReturnValue(now)
  try {
    return (await fireTimer({ fn: 'notify', name: 'notify' })) as Answer<any>
  } finally {
    jest.restoreAllMocks()
  }
}

let seq = 0
/** A fresh resident with a profile and consent. */
export async function person(): Promise<string> {
  const [id] = await seedResidents(cloud, `nt${seq++}`, 1)
  return id
}

/**
 * The person's answers to requestSubscribeMessage: recorded on the registration (the app's
 * subscribe.record) and, unless `wechat: false`, held by WeChat's stand-in.
 */
export async function accept(openid: string, registrationId: string, key: SubscribeTemplateKey, times = 1, wechat = true) {
  for (let i = 0; i < times; i++) {
    const nonce = `acc${Math.random().toString(36).slice(2, 12)}`
    const res = await cloud.call('signup', 'subscribe.record', { registrationId, results: { [key]: 'accept' }, nonce }, openid)
    if (!res.ok) throw new Error(JSON.stringify(res))
  }
  if (wechat) cloud.db.acceptSubscribe(openid, SUBSCRIBE_TEMPLATES[key].id, times)
}

/** An activity and one person signed up to it; with `reminders` acceptances of the reminder template. */
export async function signedUp(reminders = 1, o: ActivityOptions = {}) {
  const activityId = await createActivity(cloud, week, { capacity: 5, ...o })
  const openid = await person()
  const res = await cloud.call('signup', 'create', { activityId }, openid)
  if (!res.ok) throw new Error(JSON.stringify(res))
  const registrationId = res.data.registration.id
  if (reminders > 0) await accept(openid, registrationId, 'activity_reminder', reminders)
  const startAt = (await allDocs(cloud, 'activities', { _id: activityId }))[0].startAt
  return { activityId, openid, registrationId, startAt: new Date(startAt).getTime() }
}

export const dueOf = (r: Reminder, startAt: number) => reminderDueAt(r, startAt)
export const messagesTo = (openid: string) => cloud.db.subscribeMessages(openid)
export const noticesOf = (registrationId: string) => allDocs(cloud, 'outbox', { 'payload.registrationId': registrationId })
