// The notify timer cut at each of its requests (database reads and writes, and the cloud call that
// sends), then run again after the cut run's claim has lapsed: the reminder is written once and its
// message is never sent twice. The one point the database cannot tell is between claiming and
// marking: a run that died there may or may not have sent, so the notice is recorded `unknown` and
// not sent again (at most once; cloudfunctions/notify/src/send.ts). Every other cut ends with the
// message sent exactly once.
import { SUBSCRIBE_TEMPLATES } from '../../../../config/subscribe'
import { invokeWithFaults } from '../../../gateway/functions'
import { MODES } from '../faultFixtures'
import { cloud, dueOf, fireAt, messagesTo, noticesOf, signedUp, TIMER, useNotifyCloud } from './setup'

useNotifyCloud()

const REMINDER_ID = SUBSCRIBE_TEMPLATES.activity_reminder.id
const db = () => cloud.sdkDb as any

let s: Awaited<ReturnType<typeof signedUp>>
beforeAll(async () => {
  s = await signedUp(1)
})

/** A clean slate: no notice of the registration, and WeChat holding one acceptance. */
async function reset() {
  await db().collection('outbox').where({ 'payload.registrationId': s.registrationId }).remove()
  if (cloud.db.unusedAcceptances(s.openid, REMINDER_ID) === 0) cloud.db.acceptSubscribe(s.openid, REMINDER_ID)
}

async function cutAt(n: number | undefined, mode: (typeof MODES)[number]) {
  jest.spyOn(Date, 'now').mockReturnValue(dueOf('eve', s.startAt))
  try {
    return (await invokeWithFaults('notify', TIMER, '', n === undefined ? {} : { at: n, mode })).run
  } finally {
    jest.restoreAllMocks()
  }
}

test('a whole run: the reminder written and sent in 10 requests', async () => {
  await reset()
  const before = messagesTo(s.openid).length
  const run = await cutAt(undefined, 'kill')
  // The registrations starting soon, the reminders written, the venues, the write; the due notices,
  // the acceptances and the messages they paid for (two reads), the claim, the send, the mark.
  expect(run).toEqual({ requests: 10, dead: false })
  expect(messagesTo(s.openid).length - before).toBe(1)
  expect((await noticesOf(s.registrationId)).map((n) => n.send.state)).toEqual(['sent'])
})

test.each(MODES)('cut by %s at each request, then run again: never sent twice, once unless cut between claim and mark', async (mode) => {
  const outcomes: string[] = []
  for (let n = 1; n <= 10; n++) {
    await reset()
    const before = messagesTo(s.openid).length
    const cut = await cutAt(n, mode)
    expect([n, cut.dead]).toEqual([n, true])
    // Past the claim's lease (60 s), then once more.
    await fireAt(dueOf('eve', s.startAt) + 2 * 60_000)
    await fireAt(dueOf('eve', s.startAt) + 7 * 60_000)
    const notices = await noticesOf(s.registrationId)
    expect([n, notices.length]).toEqual([n, 1])
    outcomes.push(`${n}: ${messagesTo(s.openid).length - before} ${notices[0].send.state}`)
  }
  // kill: request 9 (the send) never reached WeChat, 10 (the mark) came after it did. lose: request 8
  // (the claim) was applied and nothing sent; 9 (the send) went; 10 (the mark) was applied too.
  const once = [1, 2, 3, 4, 5, 6, 7].map((n) => `${n}: 1 sent`)
  const expected =
    mode === 'kill' ? [...once, '8: 1 sent', '9: 0 unknown', '10: 1 unknown'] : [...once, '8: 0 unknown', '9: 1 unknown', '10: 1 sent']
  expect(outcomes).toEqual(expected)
})
