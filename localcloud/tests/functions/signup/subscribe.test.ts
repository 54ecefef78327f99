// `signup` src/subscribe.ts (subscribe.record) through the real wx-server-sdk: what the person
// answered to requestSubscribeMessage is counted on their own registration, per template; only
// 'accept' counts; someone else's registration is refused without a write.
import { createActivity, expectRefusedWithoutWrites, agree } from '../fixtures'
import { cloud, regsOf, resident, signUp, useSignupCloud, week } from './setup'

useSignupCloud()
afterEach(() => jest.restoreAllMocks())

let taps = 0
/** One answer to requestSubscribeMessage, recorded; each tap has its own nonce unless one is given (a retry). */
const record = (registrationId: string, results: Record<string, string>, openid: string, nonce = `tap${String(++taps).padStart(6, '0')}`) =>
  cloud.callRaw('signup', 'subscribe.record', { registrationId, results, nonce }, openid)

async function signedUp() {
  const activityId = await createActivity(cloud, week, { capacity: 5 })
  const me = await resident()
  const reg = (await signUp(me, activityId)).data.registration
  return { activityId, me, regId: reg.id }
}

test('an accepted template is counted on the registration with when it was accepted', async () => {
  const { activityId, me, regId } = await signedUp()
  const t = Date.parse('2026-12-08T02:00:00Z')
  jest.spyOn(Date, 'now').mockReturnValue(t)
  const res = await record(regId, { activity_reminder: 'accept' }, me)
  expect(res).toEqual({
    ok: true,
    data: { registrationId: regId, subscribe: { activity_reminder: { accepted: 1, firstAt: t, at: t } } },
  })
  const [stored] = await regsOf(activityId)
  expect(stored.subscribe.activity_reminder.accepted).toBe(1)
  expect(new Date(stored.subscribe.activity_reminder.firstAt).getTime()).toBe(t)
})

test('a retry of a recorded answer (same nonce) counts nothing again and answers what is stored', async () => {
  const { activityId, me, regId } = await signedUp()
  const first = await record(regId, { activity_reminder: 'accept' }, me, 'retry-nonce-1')
  const again = await record(regId, { activity_reminder: 'accept' }, me, 'retry-nonce-1')
  expect(again).toEqual(first)
  const [stored] = await regsOf(activityId)
  expect(stored.subscribe.activity_reminder.accepted).toBe(1)
  expect(stored.subscribeNonces).toEqual(['retry-nonce-1'])
})

test('two calls with the same nonce at once count it once', async () => {
  const { activityId, me, regId } = await signedUp()
  await Promise.all([1, 2, 3].map(() => record(regId, { activity_reminder: 'accept' }, me, 'race-nonce-1')))
  const [stored] = await regsOf(activityId)
  expect(stored.subscribe.activity_reminder.accepted).toBe(1)
})

test('a second acceptance adds one and keeps the first time', async () => {
  const { me, regId } = await signedUp()
  jest.spyOn(Date, 'now').mockReturnValue(1_000_000)
  await record(regId, { activity_reminder: 'accept' }, me)
  jest.spyOn(Date, 'now').mockReturnValue(2_000_000)
  const res = await record(regId, { activity_reminder: 'accept', waitlist_promoted: 'accept' }, me)
  expect(res.data).toEqual({
    registrationId: regId,
    subscribe: {
      activity_reminder: { accepted: 2, firstAt: 1_000_000, at: 2_000_000 },
      waitlist_promoted: { accepted: 1, firstAt: 2_000_000, at: 2_000_000 },
    },
  })
})

test('reject, ban and filter count nothing and write nothing', async () => {
  const { me, regId } = await signedUp()
  cloud.db.resetStats()
  const res = await record(regId, { activity_reminder: 'reject', waitlist_promoted: 'ban', activity_changed: 'filter' }, me)
  expect(res).toEqual({ ok: true, data: { registrationId: regId, subscribe: {} } })
  expect(cloud.db.stats().total).toBe(1)
})

test('a family member’s registration is recorded for the account that signed them up', async () => {
  const activityId = await createActivity(cloud, week, { capacity: 5 })
  const me = await resident()
  await agree(cloud, me)
  const member = await cloud.call('signup', 'family.add', { name: '王秀兰', ageGroup: '70+', relation: 'parent' }, me)
  expect(member.ok).toBe(true)
  const reg = await signUp(me, activityId, { personId: member.data.member.id })
  expect(reg.ok).toBe(true)
  const res = await record(reg.data.registration.id, { activity_reminder: 'accept' }, me)
  expect(res).toMatchObject({ ok: true, data: { subscribe: { activity_reminder: { accepted: 1 } } } })
})

test('someone else’s registration: REGISTRATION_NOT_FOUND, nothing written', async () => {
  const { regId } = await signedUp()
  const other = await resident()
  await expectRefusedWithoutWrites(cloud, 'REGISTRATION_NOT_FOUND', () => record(regId, { activity_reminder: 'accept' }, other))
})

test('an unknown registration: REGISTRATION_NOT_FOUND', async () => {
  const me = await resident()
  expect(await record('nope_nobody', { activity_reminder: 'accept' }, me)).toMatchObject({ ok: false, code: 'REGISTRATION_NOT_FOUND' })
})

test('a template the app does not know, or an answer WeChat does not give: VALIDATION_FAILED', async () => {
  const { me, regId } = await signedUp()
  expect(await record(regId, { other_template: 'accept' }, me)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
  expect(await record(regId, { activity_reminder: 'yes' }, me)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
})
