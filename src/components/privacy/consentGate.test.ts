import type { CloudError as CloudErrorClass } from '@/services/cloudError'

const mockGet = jest.fn()
const mockRecord = jest.fn()
jest.mock('@/services/privacy', () => ({
  getConsent: (...a: unknown[]) => mockGet(...a),
  recordConsent: (...a: unknown[]) => mockRecord(...a),
}))
const get = mockGet
const record = mockRecord

let CloudError: typeof CloudErrorClass

/** A fresh store per test (its state is module-level, one per app session). */
function load(): typeof import('./consentGate') {
  let gate: typeof import('./consentGate') | undefined
  jest.isolateModules(() => {
    gate = jest.requireActual<typeof import('./consentGate')>('./consentGate')
    CloudError = jest.requireActual<typeof import('@/services/cloudError')>('@/services/cloudError').CloudError
  })
  return gate!
}

const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  get.mockReset()
  record.mockReset()
})

test('the consent is asked from the cloud once per session, then remembered', async () => {
  const gate = load()
  get.mockResolvedValue({ version: 1, consent: { version: 1, at: 1 }, current: true })
  await expect(Promise.all([gate.checkConsent(), gate.checkConsent()])).resolves.toEqual([true, true])
  await expect(gate.checkConsent()).resolves.toBe(true)
  expect(get).toHaveBeenCalledTimes(1)
})

test('CONSENT_REQUIRED from the cloud makes the next check false without asking the cloud', async () => {
  const gate = load()
  get.mockResolvedValue({ version: 1, consent: { version: 1, at: 1 }, current: true })
  await gate.checkConsent()
  gate.forgetConsent()
  await expect(gate.checkConsent()).resolves.toBe(false)
  expect(get).toHaveBeenCalledTimes(1)
})

test('agreeing lets WeChat go on with the agree button id, records the consent, then opens the waiting form', async () => {
  const gate = load()
  record.mockResolvedValue({ consent: { version: 1, at: 2 } })
  const wechat = jest.fn()
  gate.needWechatPrivacy(wechat)
  const asked = gate.askConsent('报名需要填写姓名和手机号')
  expect(gate.consentSnapshot().ask).toMatchObject({ reason: '报名需要填写姓名和手机号' })
  await gate.agreeConsent()
  expect(wechat).toHaveBeenCalledWith({ event: 'agree', buttonId: gate.AGREE_BUTTON_ID })
  expect(record).toHaveBeenCalledTimes(1)
  await expect(asked).resolves.toBe(true)
  expect(gate.consentSnapshot().ask).toBeNull()
  await expect(gate.checkConsent()).resolves.toBe(true)
  expect(get).not.toHaveBeenCalled()
})

test('refusing fails WeChat’s waiting API and keeps the form closed; nothing is recorded', async () => {
  const gate = load()
  const wechat = jest.fn()
  gate.needWechatPrivacy(wechat)
  const asked = gate.askConsent('添加家人')
  gate.refuseConsent()
  expect(wechat).toHaveBeenCalledWith({ event: 'disagree' })
  await expect(asked).resolves.toBe(false)
  expect(record).not.toHaveBeenCalled()
  expect(gate.consentSnapshot().ask).toBeNull()
})

test('a failed record keeps the sheet open with the error for the form; agreeing again finishes', async () => {
  const gate = load()
  record.mockRejectedValueOnce(new CloudError('NETWORK')).mockResolvedValueOnce({ consent: { version: 1, at: 2 } })
  let answer: boolean | undefined
  void gate.askConsent('报名').then((a) => (answer = a))
  await gate.agreeConsent()
  await flush()
  expect(answer).toBeUndefined()
  expect(gate.consentSnapshot().error?.code).toBe('NETWORK')
  expect(gate.consentSnapshot().ask).not.toBeNull()
  await gate.agreeConsent()
  await flush()
  expect(answer).toBe(true)
  expect(gate.consentSnapshot().error).toBeNull()
})

test('WeChat’s own request closes on agreeing even when the record fails (the form asks again later)', async () => {
  const gate = load()
  record.mockRejectedValue(new CloudError('NETWORK'))
  const wechat = jest.fn()
  gate.needWechatPrivacy(wechat)
  await gate.agreeConsent()
  expect(wechat).toHaveBeenCalledWith({ event: 'agree', buttonId: gate.AGREE_BUTTON_ID })
  expect(gate.consentSnapshot().ask).toBeNull()
})

test('the sheet shown is the last page shown; closing it gives the turn back to the page below', () => {
  const gate = load()
  gate.sheetShown(1)
  gate.sheetShown(2)
  expect(gate.consentSnapshot().top).toBe(2)
  gate.sheetShown(1) // page 1 shown again (a tab switched back)
  expect(gate.consentSnapshot().top).toBe(1)
  gate.sheetGone(1)
  expect(gate.consentSnapshot().top).toBe(2)
  gate.sheetGone(2)
  expect(gate.consentSnapshot().top).toBeNull()
})
