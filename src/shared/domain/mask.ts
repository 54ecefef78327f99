// What a volunteer may see of a person: a masked name and the tail of a phone number. Pure.

/**
 * 张三华 -> 张*华, 张三 -> 张*, 欧阳娜娜 -> 欧**娜; a single character stays masked as '*'.
 * Works on code points, so a name with rare characters is not cut in half.
 */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').trim())
  if (chars.length === 0) return '*'
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** The last four digits of a phone number, or null without one. */
export function phoneTail(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '')
  return digits.length >= 4 ? digits.slice(-4) : null
}

/** The first character of a name (the surname a volunteer asks for, 复姓 aside). */
export function surnameMatches(name: string | null | undefined, surname: string): boolean {
  const n = (name ?? '').trim()
  const s = surname.trim()
  return s.length > 0 && n.startsWith(s)
}

/**
 * A phone number as an export shows it: 13900000001 -> 139****0001 (a mainland mobile keeps its first
 * three and last four digits); any other number keeps only its last four digits; null stays null.
 * Never answers a full number.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '')
  if (digits.length === 0) return null
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
}
