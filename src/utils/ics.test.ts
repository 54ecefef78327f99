import { MAX_LINE_OCTETS, buildIcs, escapeText, foldLine, type CalendarEvent } from './ics'

// 2026-12-12 14:30–16:00 Asia/Shanghai is 06:30–08:00 UTC.
const event: CalendarEvent = {
  uid: 'reg-1@lifelong-learning-week',
  title: '智能手机课堂：学用微信视频通话',
  startAt: Date.UTC(2026, 11, 12, 6, 30),
  endAt: Date.UTC(2026, 11, 12, 8, 0),
  location: '东湖区社区学院一楼多功能厅',
  description: '请带上手机',
  alarmMinutesBefore: 60,
}
const now = Date.UTC(2026, 11, 7, 7, 20, 5)

const octets = (s: string) => Buffer.byteLength(s, 'utf8')
/** The file's logical lines: unfolded (CRLF + space joins) and split on CRLF. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n')

describe('buildIcs', () => {
  test('every line ends with CRLF, with no bare LF or CR', () => {
    const ics = buildIcs(event, now)
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  test('is one VCALENDAR holding one VEVENT with an alarm', () => {
    const lines = unfold(buildIcs(event, now))
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines).toContain('VERSION:2.0')
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines.indexOf('BEGIN:VALARM')).toBeGreaterThan(lines.indexOf('BEGIN:VEVENT'))
    expect(lines.at(-2)).toBe('END:VCALENDAR')
  })

  test('the start and end are in UTC with Z', () => {
    const lines = unfold(buildIcs(event, now))
    expect(lines).toContain('DTSTART:20261212T063000Z')
    expect(lines).toContain('DTEND:20261212T080000Z')
  })

  test('carries the UID and a DTSTAMP of now in UTC', () => {
    const lines = unfold(buildIcs(event, now))
    expect(lines).toContain('UID:reg-1@lifelong-learning-week')
    expect(lines).toContain('DTSTAMP:20261207T072005Z')
  })

  test('the alarm fires an hour before the start', () => {
    expect(unfold(buildIcs(event, now))).toContain('TRIGGER:-PT1H')
  })

  test('the title and venue are the summary and location', () => {
    const lines = unfold(buildIcs(event, now))
    expect(lines).toContain('SUMMARY:智能手机课堂：学用微信视频通话')
    expect(lines).toContain('LOCATION:东湖区社区学院一楼多功能厅')
  })

  test('an activity without a venue has no LOCATION line', () => {
    expect(buildIcs({ ...event, location: null }, now)).not.toContain('LOCATION')
  })

  test('no physical line is longer than 75 octets, even with long Chinese text', () => {
    const ics = buildIcs({ ...event, description: '终身学习'.repeat(60) }, now)
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS)
  })

  test('a long value unfolds back to what was folded', () => {
    const description = '终身学习，人人可学，处处能学，时时可学。'.repeat(8)
    expect(unfold(buildIcs({ ...event, description }, now))).toContain(`DESCRIPTION:${escapeText(description)}`)
  })
})

describe('foldLine', () => {
  test('a line of 75 octets is not folded', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75))
  })

  test('the 76th octet goes to a continuation line starting with a space', () => {
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`)
  })

  test('never splits a Chinese character across lines', () => {
    const folded = foldLine(`X:${'学'.repeat(40)}`)
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(MAX_LINE_OCTETS)
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part)
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`X:${'学'.repeat(40)}`)
  })
})

describe('escapeText', () => {
  test('escapes backslash, semicolon and comma', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d')
  })

  test('turns line breaks into \\n', () => {
    expect(escapeText('一\r\n二\n三\r四')).toBe('一\\n二\\n三\\n四')
  })
})
