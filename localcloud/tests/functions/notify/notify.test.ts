// The notify function's timer (cloudfunctions/notify): the activity reminders due in Asia/Shanghai
// (18:00 the evening before, an hour before) written to the outbox and sent as subscribe messages;
// promotions at once; only what the person accepted; each message once even with two runs at once;
// refusals retried, then recorded failed; fields fitted; a family member's registration reminded to
// the account that signed them up. With the clock injected (Date.now at each run).
import { environment } from '../../../../config/environment'
import { SUBSCRIBE_TEMPLATES } from '../../../../config/subscribe'
import { shanghaiInstant } from '../../../../src/shared/domain/time'
import { invokeFunction } from '../../../gateway/functions'
import { cronFires, timerTriggers } from '../../../gateway/timers'
import { allDocs } from '../fixtures'
import { accept, cloud, dueOf, fireAt, messagesTo, noticesOf, person, signedUp, useNotifyCloud, week } from './setup'

useNotifyCloud()

const MIN = 60_000
const REMINDER_ID = SUBSCRIBE_TEMPLATES.activity_reminder.id

describe('the notify timer', () => {
  test('fires every 5 minutes, as config.json and config/environment.ts say, and may send subscribe messages', () => {
    const cron = '0 */5 * * * * *'
    expect(timerTriggers()).toContainEqual({ fn: 'notify', name: 'notify', cron })
    expect(environment.functions.find((f) => f.name === 'notify')).toMatchObject({
      triggers: [{ name: 'notify', cron }],
      openapi: ['subscribeMessage.send'],
    })
    expect(cronFires(cron, new Date(shanghaiInstant('2026-12-11', '18:05')))).toBe(true)
    expect(cronFires(cron, new Date(shanghaiInstant('2026-12-11', '18:03')))).toBe(false)
  })

  test('a call from the mini-program cannot run it', async () => {
    expect(await invokeFunction('notify', { action: 'timer:notify', input: {} }, 'someone')).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })
})

describe('the reminders (Asia/Shanghai)', () => {
  test('the evening reminder is not sent at 17:55 the day before', async () => {
    const s = await signedUp(1)
    await fireAt(dueOf('eve', s.startAt) - 5 * MIN)
    expect(messagesTo(s.openid)).toEqual([])
    expect(await noticesOf(s.registrationId)).toEqual([])
  })

  test('the evening reminder is sent at 18:00 Shanghai the day before, with the start in Shanghai time', async () => {
    const s = await signedUp(1)
    const eve = dueOf('eve', s.startAt)
    expect(eve).toBe(shanghaiInstant(week.day, '10:00') - 16 * 60 * MIN)
    await fireAt(eve)
    const [m] = messagesTo(s.openid)
    expect(m).toMatchObject({ templateId: REMINDER_ID, page: 'pages/mine/index', at: eve })
    const p = week.day.split('-').map(Number)
    expect(m.data).toMatchObject({ time2: `${p[0]}年${p[1]}月${p[2]}日 10:00`, thing3: '东区社区学校', thing5: '活动明天开始，请按时参加' })
  })

  test('one acceptance pays for the evening reminder only: nothing an hour before', async () => {
    const s = await signedUp(1)
    await fireAt(dueOf('eve', s.startAt))
    await fireAt(dueOf('hour', s.startAt))
    expect(messagesTo(s.openid)).toHaveLength(1)
  })

  test('two acceptances: the hour reminder too, at one hour before the start', async () => {
    const s = await signedUp(2)
    await fireAt(dueOf('eve', s.startAt))
    await fireAt(dueOf('hour', s.startAt) - 5 * MIN)
    expect(messagesTo(s.openid)).toHaveLength(1)
    await fireAt(dueOf('hour', s.startAt))
    const msgs = messagesTo(s.openid)
    expect(msgs.map((m) => m.data.thing5)).toEqual(['活动明天开始，请按时参加', '活动将在1小时后开始，请提前到场'])
    expect(msgs[1].at).toBe(s.startAt - 60 * MIN)
  })

  test('the reminder is in the person’s notices, and marked sent in the outbox', async () => {
    const s = await signedUp(1)
    await fireAt(dueOf('eve', s.startAt))
    const res = await cloud.call('signup', 'notices', {}, s.openid)
    expect(res.ok && res.data.items).toEqual([expect.objectContaining({ template: 'activity_reminder', registrationId: s.registrationId })])
    const [n] = await noticesOf(s.registrationId)
    expect(n).toMatchObject({ payload: { reminder: 'eve', venue: '东区社区学校' }, send: { state: 'sent', tries: 1, errcode: null } })
    expect(new Date(n.sentAt).getTime()).toBe(dueOf('eve', s.startAt))
  })

  test('nothing accepted: no reminder is written', async () => {
    const s = await signedUp(0)
    await fireAt(dueOf('eve', s.startAt))
    await fireAt(dueOf('hour', s.startAt))
    expect(await noticesOf(s.registrationId)).toEqual([])
    expect(messagesTo(s.openid)).toEqual([])
  })

  test('a cancelled registration is not reminded', async () => {
    const s = await signedUp(1)
    expect((await cloud.call('signup', 'cancel', { registrationId: s.registrationId }, s.openid)).ok).toBe(true)
    await fireAt(dueOf('eve', s.startAt))
    expect(messagesTo(s.openid)).toEqual([])
  })

  test('a 40-character title arrives fitted to 20 (19 and an ellipsis)', async () => {
    const title = '全民终身学习活动周：智能手机入门课从开机到视频通话手把手教您用微信和健康码社区学校'.slice(0, 40)
    expect(Array.from(title)).toHaveLength(40)
    const s = await signedUp(1, { title })
    await fireAt(dueOf('eve', s.startAt))
    const [m] = messagesTo(s.openid)
    expect(m.data.thing1).toBe(Array.from(title).slice(0, 19).join('') + '…')
  })

  test('a family member’s registration: the reminder goes to the account that signed them up', async () => {
    const activityId = (await signedUp(0)).activityId
    const me = await person()
    const member = await cloud.call('signup', 'family.add', { name: '王秀兰', ageGroup: '70+', relation: 'parent' }, me)
    expect(member.ok).toBe(true)
    const reg = await cloud.call('signup', 'create', { activityId, personId: member.data.member.id }, me)
    expect(reg.ok).toBe(true)
    await accept(me, reg.data.registration.id, 'activity_reminder')
    await fireAt(dueOf('eve', reg.data.registration.activity.startAt))
    const [m] = messagesTo(me)
    expect(m).toMatchObject({ touser: me, data: { name4: '王秀兰' } })
  })
})

describe('sending the outbox', () => {
  test('a promotion whose person accepted it is sent at once', async () => {
    const s = await signedUp(0, { capacity: 1 })
    const waiting = await person()
    const w = await cloud.call('signup', 'create', { activityId: s.activityId }, waiting)
    expect(w.ok && w.data.registration.status).toBe('waitlisted')
    await accept(waiting, w.data.registration.id, 'waitlist_promoted')
    await cloud.call('signup', 'cancel', { registrationId: s.registrationId }, s.openid)
    await fireAt(Date.now())
    expect(messagesTo(waiting)).toEqual([
      expect.objectContaining({
        templateId: SUBSCRIBE_TEMPLATES.waitlist_promoted.id,
        data: expect.objectContaining({ phrase4: '候补成功' }),
      }),
    ])
  })

  test('a promotion whose person accepted nothing is never sent, marked not sendable, and still listed', async () => {
    const s = await signedUp(0, { capacity: 1 })
    const waiting = await person()
    const w = await cloud.call('signup', 'create', { activityId: s.activityId }, waiting)
    await cloud.call('signup', 'cancel', { registrationId: s.registrationId }, s.openid)
    await fireAt(Date.now())
    await fireAt(Date.now() + 10 * MIN)
    expect(messagesTo(waiting)).toEqual([])
    const [n] = await noticesOf(w.data.registration.id)
    expect(n.send).toMatchObject({ state: 'unsendable', tries: 0 })
    const listed = await cloud.call('signup', 'notices', {}, waiting)
    expect(listed.ok && listed.data.items.map((i) => i.template)).toEqual(['waitlist_promoted'])
  })

  test('only the accepted template is sent: a reminder accepted, a cancellation not', async () => {
    const s = await signedUp(1)
    await fireAt(dueOf('eve', s.startAt))
    expect((await cloud.call('activity', 'cancel', { id: s.activityId, reason: '场地维修' }, 'dev-organiser')).ok).toBe(true)
    await fireAt(dueOf('eve', s.startAt) + 5 * MIN)
    expect(messagesTo(s.openid).map((m) => m.templateId)).toEqual([REMINDER_ID])
    const cancelled = (await noticesOf(s.registrationId)).find((n) => n.template === 'activity_cancelled')
    expect(cancelled.send.state).toBe('unsendable')
  })

  test('two runs at once send each message exactly once', async () => {
    const people = await Promise.all([signedUp(1), signedUp(1), signedUp(1)])
    const at = dueOf('eve', people[0].startAt)
    jest.spyOn(Date, 'now').mockReturnValue(at)
    const { fireTimer } = await import('../../../gateway/timers')
    const runs = await Promise.all([fireTimer({ fn: 'notify', name: 'notify' }), fireTimer({ fn: 'notify', name: 'notify' })])
    jest.restoreAllMocks()
    expect(runs.map((r: any) => r.ok)).toEqual([true, true])
    for (const p of people) expect(messagesTo(p.openid)).toHaveLength(1)
    for (const p of people) expect((await noticesOf(p.registrationId)).map((n) => n.send.state)).toEqual(['sent'])
  })

  test('a refusal by WeChat is tried again on the next runs, then recorded failed with its errcode after 3 tries', async () => {
    const s = await signedUp(0)
    // Recorded as accepted in the app, but WeChat holds no acceptance: every send answers 43101.
    await accept(s.openid, s.registrationId, 'activity_reminder', 1, false)
    const eve = dueOf('eve', s.startAt)
    const states: string[] = []
    for (let i = 0; i < 4; i++) {
      await fireAt(eve + i * 5 * MIN)
      const [n] = await noticesOf(s.registrationId)
      states.push(`${n.send.state} ${n.send.tries} ${n.send.errcode}`)
    }
    expect(states).toEqual(['pending 1 43101', 'pending 2 43101', 'failed 3 43101', 'failed 3 43101'])
    expect(messagesTo(s.openid)).toEqual([])
    const listed = await cloud.call('signup', 'notices', {}, s.openid)
    expect(listed.ok && listed.data.items.map((i) => i.template)).toEqual(['activity_reminder'])
  })

  test('a later run writes and sends nothing again', async () => {
    const s = await signedUp(2)
    await fireAt(dueOf('eve', s.startAt))
    await fireAt(dueOf('eve', s.startAt) + 5 * MIN)
    await fireAt(dueOf('eve', s.startAt) + 10 * MIN)
    expect(messagesTo(s.openid)).toHaveLength(1)
    expect(await noticesOf(s.registrationId)).toHaveLength(1)
    expect(cloud.db.unusedAcceptances(s.openid, REMINDER_ID)).toBe(1)
    expect(await allDocs(cloud, 'outbox', { 'send.state': 'claimed' })).toEqual([])
  })
})
