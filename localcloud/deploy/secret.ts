// Values of `generated: true` environment variables (the staff function's SETUP_CODE): random,
// 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), so it can be read aloud or typed
// from a printout. About 59 bits; the staff function also limits attempts per person.
import { randomInt } from 'node:crypto'

export const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const SECRET_LENGTH = 12

export function generateSecret(): string {
  let out = ''
  for (let i = 0; i < SECRET_LENGTH; i++) out += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)]
  return out
}
