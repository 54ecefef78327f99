import { CloudError } from './callCloud'
import { cancelSignup, createSignup } from './signup'
import { send } from './transport'

jest.mock('./transport', () => ({ send: jest.fn() }))
const mockSend = send as jest.MockedFunction<typeof send>
beforeEach(() => mockSend.mockReset())

const answer = {
  ok: true,
  data: {
    registration: {
      id: 'a1_me',
      activityId: 'a1',
      personId: 'self',
      personName: '张三',
      relation: 'self',
      proxy: false,
      status: 'confirmed',
      position: null,
      canCancel: true,
      title: '手机课堂',
      startAt: 1,
      endAt: 2,
      activityCancelled: false,
      createdAt: 1,
    },
    overlaps: [],
  },
}

describe('createSignup', () => {
  test('a network failure sends the very same request (same nonce) once more', async () => {
    mockSend.mockRejectedValueOnce(new CloudError('NETWORK')).mockResolvedValueOnce(answer)
    await createSignup({ activityId: 'a1', personId: 'self', waitlist: true }, 'nonce-abcdefgh').catch(() => undefined)
    expect(mockSend).toHaveBeenCalledTimes(2)
    const [first, second] = mockSend.mock.calls.map((c) => c[0])
    expect(first).toEqual(second)
    expect(first).toMatchObject({ fn: 'signup', action: 'create', input: { activityId: 'a1', nonce: 'nonce-abcdefgh' } })
  })

  test('a refusal from the function is not retried', async () => {
    mockSend.mockResolvedValueOnce({ ok: false, code: 'ACTIVITY_FULL', message: '名额已满' })
    await expect(createSignup({ activityId: 'a1', personId: 'self', waitlist: false })).rejects.toMatchObject({ code: 'ACTIVITY_FULL' })
    expect(mockSend).toHaveBeenCalledTimes(1)
  })

  test('two failed tries answer NETWORK, never a third send', async () => {
    mockSend.mockRejectedValue(new CloudError('NETWORK'))
    await expect(createSignup({ activityId: 'a1', personId: 'self', waitlist: true })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(mockSend).toHaveBeenCalledTimes(2)
  })
})

describe('cancelSignup', () => {
  test('a network failure sends the very same cancellation (same nonce) once more', async () => {
    const cancelled = { ok: true, data: { registration: answer.data.registration } }
    mockSend.mockRejectedValueOnce(new CloudError('NETWORK')).mockResolvedValueOnce(cancelled)
    // The answer's shape is the envelope's business (tested there): here, what is sent.
    await cancelSignup({ registrationId: 'a1_me' }, 'nonce-cancel-01').catch(() => undefined)
    expect(mockSend).toHaveBeenCalledTimes(2)
    const [first, second] = mockSend.mock.calls.map((c) => c[0])
    expect(first).toEqual(second)
    expect(first).toMatchObject({ fn: 'signup', action: 'cancel', input: { registrationId: 'a1_me', nonce: 'nonce-cancel-01' } })
  })

  test('each tap makes its own nonce', async () => {
    const cancelled = { ok: true, data: { registration: answer.data.registration } }
    mockSend.mockResolvedValue(cancelled)
    await cancelSignup({ registrationId: 'a1_me' }).catch(() => undefined)
    await cancelSignup({ registrationId: 'a1_me' }).catch(() => undefined)
    const [a, b] = mockSend.mock.calls.map((c) => (c[0] as { input: { nonce: string } }).input.nonce)
    expect(a).not.toBe(b)
  })
})
