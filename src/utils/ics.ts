// An iCalendar file (RFC 5545) of one activity, for "添加到手机日历" in h5 (weapp has
// Taro.addPhoneCalendar). Pure: no DOM, so it is tested in Node.

export interface CalendarEvent {
  /** Stable across downloads, so importing the file again updates the event instead of adding one. */
  uid: string
  title: string
  /** Epoch ms. */
  startAt: number
  endAt: number
  location: string | null
  description: string
  /** Minutes before the start for the reminder. */
  alarmMinutesBefore: number
}

/** The most octets on one line, CRLF excluded (RFC 5545 3.1). */
export const MAX_LINE_OCTETS = 75

const pad = (n: number) => String(n).padStart(2, '0')

/** A UTC DATE-TIME (`20261212T063000Z`). */
export function utcStamp(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

/** A TEXT value escaped: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** UTF-8 octets of one code point. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/**
 * One content line folded at 75 octets of UTF-8 (RFC 5545 3.1): each continuation starts with a
 * space, which counts toward its 75; a character is never split across lines.
 */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) ?? 0)
    if (size + n > MAX_LINE_OCTETS) {
      out.push(current)
      current = ' '
      size = 1
    }
    current += ch
    size += n
  }
  out.push(current)
  return out.join('\r\n')
}

/** The .ics text of one event with a display alarm, CRLF line endings. */
export function buildIcs(event: CalendarEvent, nowMs: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//lifelong-learning-week//activity//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(nowMs)}`,
    `DTSTART:${utcStamp(event.startAt)}`,
    `DTEND:${utcStamp(event.endAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.title)}`,
    `TRIGGER:-PT${alarmDuration(event.alarmMinutesBefore)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** A DURATION's time part: 60 minutes is `1H`, 90 is `1H30M`, 0 is `0M`. */
function alarmDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  const h = Math.floor(m / 60)
  const rest = m % 60
  if (h === 0) return `${rest}M`
  return rest === 0 ? `${h}H` : `${h}H${rest}M`
}
