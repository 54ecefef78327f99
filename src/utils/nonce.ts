// The one request nonce of the app: sign-up and cancellation (services/signup), manual check-in and
// walk-ins at the door, and offline scans (volunteer/offline/queue). The server is idempotent per
// nonce, so a retry of the same request never counts twice and a new request must never reuse one.

type RandomBytes = (n: number) => Uint8Array

/** 16 random bytes as 32 hex characters (the contract's `nonceSchema` accepts it). */
export function newNonce(random: RandomBytes = randomBytes): string {
  return Array.from(random(16), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * `n` random bytes from `crypto.getRandomValues` (browsers, h5, node). Where the JS engine has no
 * `crypto` (WeChat's only offers the asynchronous wx.getRandomValues), and only there, the bytes come
 * from Math.random: a nonce is a request id, not a secret, and 128 bits keep collisions out of reach.
 */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (typeof c?.getRandomValues === 'function') return c.getRandomValues(out)
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256)
  return out
}
