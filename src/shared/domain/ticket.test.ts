import { ed25519 } from '@noble/curves/ed25519'
import { fromBase64Url, parseTicket, publicKeyOf, signTicket, toBase64Url, verifyTicket } from './ticket'

const keyA = new Uint8Array(32).fill(7)
const keyB = new Uint8Array(32).fill(9)
const claims = { activityId: 'nc2026-donghu-abc123', ticketId: 'k3j9x0p2qa' }

describe('tickets', () => {
  test('a signed token verifies with its week key and carries only the ids', () => {
    const token = signTicket(claims, keyA)
    expect(token).toMatch(/^LLW1\.nc2026-donghu-abc123\.k3j9x0p2qa\.[A-Za-z0-9_-]{86}$/)
    expect(verifyTicket(token, publicKeyOf(keyA))).toEqual({ ok: true, ...claims })
  })

  test('another key, a changed id or a changed signature: TOKEN_INVALID', () => {
    const token = signTicket(claims, keyA)
    expect(verifyTicket(token, publicKeyOf(keyB))).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    expect(verifyTicket(token.replace('k3j9x0p2qa', 'k3j9x0p2qb'), publicKeyOf(keyA)).ok).toBe(false)
    expect(verifyTicket(token.replace('abc123', 'abc124'), publicKeyOf(keyA)).ok).toBe(false)
    const sig = token.split('.')[3]
    const flipped = token.slice(0, -sig.length) + (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
    expect(verifyTicket(flipped, publicKeyOf(keyA)).ok).toBe(false)
  })

  test('malformed tokens and keys are refused without throwing', () => {
    for (const t of ['', 'LLW1', 'LLW2.a.k3j9x0p2qa.x', 'LLW1.a.b.c.d', `LLW1.a/b.k3j9x0p2qa.${'A'.repeat(86)}`]) {
      expect(verifyTicket(t, publicKeyOf(keyA)).ok).toBe(false)
      expect(parseTicket(t)).toBeNull()
    }
    expect(verifyTicket(signTicket(claims, keyA), 'not-a-key').ok).toBe(false)
  })

  test('base64url round-trips and matches the node encoder', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)
      const text = toBase64Url(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64url'))
      expect(Array.from(fromBase64Url(text)!)).toEqual(Array.from(bytes))
    }
    expect(fromBase64Url('A')).toBeNull()
    expect(fromBase64Url('AB')).toBeNull() // non-zero unused bits
  })

  test('the public key is the raw Ed25519 key', () => {
    expect(fromBase64Url(publicKeyOf(keyA))).toEqual(ed25519.getPublicKey(keyA))
  })
})
