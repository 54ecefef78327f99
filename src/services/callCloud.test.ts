// Loading the activity service registers the activity contract callCloud checks against.
import './activity'
import { callCloud, CloudError } from './callCloud'
import { send } from './transport'

jest.mock('./transport', () => ({ send: jest.fn() }))
const mockSend = send as jest.MockedFunction<typeof send>

const week = {
  id: 'nc2026',
  name: '2026年南昌市全民终身学习活动周',
  level: 'city',
  region: '南昌市',
  theme: '终身学习',
  startDate: '2026-11-30',
  endDate: '2026-12-06',
  districts: [{ code: 'donghu', name: '东湖区' }],
  summaryDeadline: '2026-12-10',
  organiser: '南昌市教育局',
}

beforeEach(() => mockSend.mockReset())

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(CloudError)
    return (err as CloudError).code
  }
  throw new Error('expected a CloudError')
}

describe('callCloud', () => {
  test('invalid input is refused before anything is sent', async () => {
    const err = await callCloud('activity', 'list', { weekId: 'nc2026', type: 'karaoke' as never }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CloudError)
    expect((err as CloudError).code).toBe('VALIDATION_FAILED')
    expect((err as CloudError).message).toBe('填写的内容有误，请检查后再试')
    expect((err as CloudError).fields).toEqual(['type'])
    expect(mockSend).not.toHaveBeenCalled()
  })

  test('sends the parsed input (defaults applied) and returns checked data', async () => {
    mockSend.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } })
    await expect(callCloud('activity', 'list', { weekId: 'nc2026' })).resolves.toEqual({ items: [], nextCursor: null })
    expect(mockSend).toHaveBeenCalledWith({ fn: 'activity', action: 'list', input: { weekId: 'nc2026', limit: 20 } })
  })

  test('weeks come back typed', async () => {
    mockSend.mockResolvedValue({ ok: true, data: { weeks: [week] } })
    const res = await callCloud('activity', 'weeks', {})
    expect(res.weeks[0].districts[0].name).toBe('东湖区')
  })

  test('data that breaks the output schema is BAD_RESPONSE', async () => {
    mockSend.mockResolvedValue({ ok: true, data: { weeks: [{ id: 'nc2026' }] } })
    expect(await codeOf(callCloud('activity', 'weeks', {}))).toBe('BAD_RESPONSE')
  })

  test('something that is not an envelope is BAD_RESPONSE', async () => {
    mockSend.mockResolvedValue('<html>502</html>')
    expect(await codeOf(callCloud('activity', 'weeks', {}))).toBe('BAD_RESPONSE')
  })

  test('a failure envelope becomes its code with the Chinese message of this side', async () => {
    mockSend.mockResolvedValue({ ok: false, code: 'ACTIVITY_NOT_FOUND', message: 'whatever the server said' })
    const err = (await callCloud('activity', 'get', { id: 'nc2026-x' }).catch((e: unknown) => e)) as CloudError
    expect(err.code).toBe('ACTIVITY_NOT_FOUND')
    expect(err.message).toBe('活动不存在或已下线')
  })

  test('an unknown code keeps its code and reads as the generic message', async () => {
    mockSend.mockResolvedValue({ ok: false, code: 'SOMETHING_NEW', message: 'x' })
    const err = (await callCloud('activity', 'weeks', {}).catch((e: unknown) => e)) as CloudError
    expect(err.code).toBe('SOMETHING_NEW')
    expect(err.message).toBe('服务暂时出了点问题，请稍后再试')
  })

  test('a transport failure passes through as NETWORK', async () => {
    mockSend.mockRejectedValue(new CloudError('NETWORK'))
    expect(await codeOf(callCloud('activity', 'weeks', {}))).toBe('NETWORK')
  })
})
