import { nonceSchema } from '@shared/contracts/activity'
import { newNonce, randomBytes } from './nonce'

describe('newNonce', () => {
  // Moved here from services/signup.test.ts and volunteer/offline/queue.test.ts, which each had their own.
  test('each request gets its own nonce that the contract accepts', () => {
    const n = newNonce()
    expect(n).toMatch(/^[0-9a-f]{32}$/)
    expect(nonceSchema.safeParse(n).success).toBe(true)
  })

  test('nonces differ', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()))
    expect(seen.size).toBe(200)
  })

  test('hex of the bytes it is given', () => {
    expect(newNonce((n) => Uint8Array.from({ length: n }, (_, i) => i * 17))).toBe('00112233445566778899aabbccddeeff')
  })
})

describe('randomBytes', () => {
  const realCrypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
  afterEach(() => {
    if (realCrypto) Object.defineProperty(globalThis, 'crypto', realCrypto)
    jest.restoreAllMocks()
  })

  test('comes from crypto.getRandomValues where there is one, never Math.random', () => {
    const getRandomValues = jest.spyOn(globalThis.crypto, 'getRandomValues')
    const mathRandom = jest.spyOn(Math, 'random')
    expect(randomBytes(16)).toHaveLength(16)
    expect(getRandomValues).toHaveBeenCalledTimes(1)
    expect(mathRandom).not.toHaveBeenCalled()
  })

  test('without crypto (the weapp engine) it still gives n bytes', () => {
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    const bytes = randomBytes(16)
    expect(bytes).toHaveLength(16)
    expect(newNonce()).toMatch(/^[0-9a-f]{32}$/)
  })
})
