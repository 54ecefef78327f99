// QR tickets: a compact Ed25519-signed token per confirmed registration, verified by the cloud
// and, offline, by the volunteer's phone. Pure: no Buffer, no TextEncoder, no platform crypto
// (runs in the weapp); keys are raw 32-byte Ed25519 keys, base64url-encoded when stored or sent.
//
//   LLW1.<activityId>.<ticketId>.<signature>
//
// The signed message is everything before the last dot. It carries ids only: no name, no phone.
// ticketId is a short random id stored on the registration (see signup.ticket).
import { ed25519 } from '@noble/curves/ed25519'

export const TICKET_PREFIX = 'LLW1'

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/
const TICKET_ID_RE = /^[a-z0-9]{6,16}$/
const SIG_RE = /^[A-Za-z0-9_-]{86}$/

export interface TicketClaims {
  activityId: string
  ticketId: string
}

export interface ParsedTicket extends TicketClaims {
  /** The signed part: `LLW1.<activityId>.<ticketId>`. */
  message: string
  signature: string
}

export type TicketCheck = ({ ok: true } & TicketClaims) | { ok: false; code: 'TOKEN_INVALID' }

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64_INDEX: Record<string, number> = {}
for (let i = 0; i < B64.length; i++) B64_INDEX[B64[i]] = i

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63]
  }
  return out
}

/** Decodes base64url without padding; null when it is not. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let bits = 0
  let value = 0
  let j = 0
  for (let i = 0; i < text.length; i++) {
    const v = B64_INDEX[text[i]]
    if (v === undefined) return null
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[j++] = (value >> bits) & 0xff
    }
  }
  // Unused low bits must be zero, so that one byte string has one encoding (no malleability).
  if (bits > 0 && (value & ((1 << bits) - 1)) !== 0) return null
  return out
}

/** ASCII bytes (tokens are ASCII by construction). */
function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0x7f
  return out
}

export function ticketMessage(claims: TicketClaims): string {
  return `${TICKET_PREFIX}.${claims.activityId}.${claims.ticketId}`
}

/** Splits a token into its parts; null when it is not shaped like one (no key needed). */
export function parseTicket(token: string): ParsedTicket | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const parts = token.trim().split('.')
  if (parts.length !== 4 || parts[0] !== TICKET_PREFIX) return null
  const [, activityId, ticketId, signature] = parts
  if (!ID_RE.test(activityId) || !TICKET_ID_RE.test(ticketId) || !SIG_RE.test(signature)) return null
  return { activityId, ticketId, signature, message: ticketMessage({ activityId, ticketId }) }
}

/** Signs a ticket with the week's raw 32-byte private key (cloud only). */
export function signTicket(claims: TicketClaims, privateKey: Uint8Array): string {
  if (!ID_RE.test(claims.activityId) || !TICKET_ID_RE.test(claims.ticketId)) throw new RangeError('bad ticket claims')
  const message = ticketMessage(claims)
  return `${message}.${toBase64Url(ed25519.sign(ascii(message), privateKey))}`
}

/** The raw public key of a raw private key, base64url. */
export function publicKeyOf(privateKey: Uint8Array): string {
  return toBase64Url(ed25519.getPublicKey(privateKey))
}

/**
 * Verifies a token against a week's public key (base64url or raw bytes): its shape and its
 * signature. Says nothing of the registration (cancelled?) or the time: those are the roster's
 * and the window's business.
 */
export function verifyTicket(token: string, publicKey: string | Uint8Array): TicketCheck {
  const parsed = parseTicket(token)
  const key = typeof publicKey === 'string' ? fromBase64Url(publicKey) : publicKey
  if (!parsed || !key || key.length !== 32) return { ok: false, code: 'TOKEN_INVALID' }
  const sig = fromBase64Url(parsed.signature)
  if (!sig || sig.length !== 64) return { ok: false, code: 'TOKEN_INVALID' }
  let valid = false
  try {
    valid = ed25519.verify(sig, ascii(parsed.message), key, { zip215: false })
  } catch {
    valid = false
  }
  return valid ? { ok: true, activityId: parsed.activityId, ticketId: parsed.ticketId } : { ok: false, code: 'TOKEN_INVALID' }
}
