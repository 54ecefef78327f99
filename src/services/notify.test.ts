import { CloudError } from './callCloud'
import { sendChangeNotice } from './notify'
import { send } from './transport'

jest.mock('./transport', () => ({ send: jest.fn() }))
const mockSend = send as jest.MockedFunction<typeof send>
beforeEach(() => mockSend.mockReset())

const input = { activityId: 'a1', change: 'venue' as const, message: '改到二楼多功能厅' }
const sent = { ok: true, data: { changeId: 'a1_2026-12-07_1', today: 1, notified: 2 } }

describe('sendChangeNotice', () => {
  test('a network failure sends the very same request (same nonce) once more and answers its result', async () => {
    mockSend.mockRejectedValueOnce(new CloudError('NETWORK')).mockResolvedValueOnce(sent)
    await expect(sendChangeNotice(input, 'nonce-change-01')).resolves.toEqual(sent.data)
    expect(mockSend).toHaveBeenCalledTimes(2)
    const [first, second] = mockSend.mock.calls.map((c) => c[0])
    expect(first).toEqual(second)
    expect(first).toMatchObject({ fn: 'notify', action: 'change.send', input: { ...input, nonce: 'nonce-change-01' } })
  })

  test('a refusal (the day’s limit) is not retried', async () => {
    mockSend.mockResolvedValueOnce({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: '尝试次数太多，请稍后再试' })
    await expect(sendChangeNotice(input)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    expect(mockSend).toHaveBeenCalledTimes(1)
  })

  test('each tap makes its own nonce', async () => {
    mockSend.mockResolvedValue(sent)
    await sendChangeNotice(input)
    await sendChangeNotice(input)
    const [a, b] = mockSend.mock.calls.map((c) => (c[0] as { input: { nonce: string } }).input.nonce)
    expect(a).not.toBe(b)
  })
})
