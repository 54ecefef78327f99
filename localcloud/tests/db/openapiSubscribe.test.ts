// The subscribeMessage.send stand-in (db/openapi.ts), through the real wx-server-sdk as a cloud
// function calls it (cloud.openapi.subscribeMessage.send, from a timer: no caller): one message per
// acceptance of a template by an openid (43101 otherwise), the template's fields within their
// types' limits (47003), only templates of config/subscribe.ts (40037); each message sent is kept.
import cloud from 'wx-server-sdk'
import { SUBSCRIBE_PAGE, SUBSCRIBE_TEMPLATES } from '../../../config/subscribe'
import { templateData } from '../../../src/shared/domain/subscribe'
import { runAsCaller } from '../../gateway/wx-context'
import { startTestCloud, type TestCloud } from '../harness'

let local: TestCloud
beforeAll(async () => {
  local = await startTestCloud('never')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
})
afterAll(async () => {
  await local.stop()
})

const REMINDER = SUBSCRIBE_TEMPLATES.activity_reminder.id
const data = (title = '智能手机入门课') =>
  templateData('activity_reminder', {
    title,
    startAt: Date.parse('2026-12-12T06:30:00Z'),
    venue: '东湖区图书馆',
    personName: '王秀兰',
    tip: '请提前10分钟到场',
  })

interface SendApi {
  openapi: { subscribeMessage: { send(data: Record<string, unknown>): Promise<{ errCode?: number }> } }
}

/** The cloud call as the notify timer makes it (no caller), answering WeChat's errCode (0 or thrown). */
async function send(params: Record<string, unknown>): Promise<number> {
  try {
    const answer = await runAsCaller({ openid: '' }, () => (cloud as unknown as SendApi).openapi.subscribeMessage.send(params))
    return answer.errCode ?? 0
  } catch (err) {
    return (err as { errCode?: number }).errCode ?? -1
  }
}
const message = (touser: string, over: Record<string, unknown> = {}) => ({
  touser,
  templateId: REMINDER,
  page: SUBSCRIBE_PAGE,
  data: data(),
  miniprogramState: 'formal',
  ...over,
})

test('an accepted template: the message is sent and kept with its fields', async () => {
  local.db.acceptSubscribe('sub-a', REMINDER)
  expect(await send(message('sub-a'))).toBe(0)
  expect(local.db.subscribeMessages('sub-a')).toEqual([
    {
      touser: 'sub-a',
      templateId: REMINDER,
      page: SUBSCRIBE_PAGE,
      data: {
        thing1: '智能手机入门课',
        time2: '2026年12月12日 14:30',
        thing3: '东湖区图书馆',
        name4: '王秀兰',
        thing5: '请提前10分钟到场',
      },
      miniprogramState: 'formal',
      at: expect.any(Number),
    },
  ])
})

test('one acceptance pays for one message: the second answers 43101', async () => {
  local.db.acceptSubscribe('sub-b', REMINDER)
  expect(await send(message('sub-b'))).toBe(0)
  expect(await send(message('sub-b'))).toBe(43101)
  expect(local.db.subscribeMessages('sub-b')).toHaveLength(1)
})

test('two acceptances pay for two messages', async () => {
  local.db.acceptSubscribe('sub-c', REMINDER, 2)
  expect([await send(message('sub-c')), await send(message('sub-c'))]).toEqual([0, 0])
  expect(local.db.unusedAcceptances('sub-c', REMINDER)).toBe(0)
})

test('nothing accepted: 43101, nothing sent', async () => {
  expect(await send(message('sub-d'))).toBe(43101)
  expect(local.db.subscribeMessages('sub-d')).toEqual([])
})

test('an acceptance of another template does not pay: 43101', async () => {
  local.db.acceptSubscribe('sub-e', SUBSCRIBE_TEMPLATES.waitlist_promoted.id)
  expect(await send(message('sub-e'))).toBe(43101)
})

test('a thing over 20 characters: 47003, and the acceptance is not spent', async () => {
  local.db.acceptSubscribe('sub-f', REMINDER)
  const long = { ...data(), thing1: { value: '长'.repeat(21) } }
  expect(await send(message('sub-f', { data: long }))).toBe(47003)
  expect(local.db.unusedAcceptances('sub-f', REMINDER)).toBe(1)
})

test('a field missing: 47003', async () => {
  local.db.acceptSubscribe('sub-g', REMINDER)
  const { thing5: _tip, ...partial } = data()
  expect(await send(message('sub-g', { data: partial }))).toBe(47003)
})

test('a time not in WeChat’s format: 47003', async () => {
  local.db.acceptSubscribe('sub-h', REMINDER)
  expect(await send(message('sub-h', { data: { ...data(), time2: { value: '2026-12-12 14:30' } } }))).toBe(47003)
})

test('an unknown template id: 40037', async () => {
  local.db.acceptSubscribe('sub-i', 'no-such-template')
  expect(await send(message('sub-i', { templateId: 'no-such-template' }))).toBe(40037)
})

test('POST /_local/subscribe-accept mints acceptances and GET /_local/subscribe-messages lists what was sent', async () => {
  const base = local.db.url.replace(/\/admin$/, '')
  const minted = await fetch(`${base}/_local/subscribe-accept`, {
    method: 'POST',
    body: JSON.stringify({ openid: 'sub-j', templateIds: [REMINDER] }),
  })
  expect(await minted.json()).toEqual({ unused: { [REMINDER]: 1 } })
  expect(await send(message('sub-j'))).toBe(0)
  const listed = (await (await fetch(`${base}/_local/subscribe-messages?touser=sub-j`)).json()) as { messages: unknown[] }
  expect(listed.messages).toHaveLength(1)
})
