import { shanghaiInstant } from '@shared/domain/time'
import { lastSevenDays, logDayText, minutesText, noteCounter, parseMinutes, readersText, streakText } from './readingText'

const now = shanghaiInstant('2026-11-23', '00:30') // a Monday, just after midnight in Shanghai

describe('reading in words', () => {
  test('the streak says the days, or invites to start', () => {
    expect(streakText(2)).toBe('已连续读书 2 天')
    expect(streakText(0)).toBe('还没有连续读书，今天开始吧')
  })

  test('minutes read as minutes under an hour, hours and minutes above', () => {
    expect(minutesText(30)).toBe('30 分钟')
    expect(minutesText(60)).toBe('1 小时')
    expect(minutesText(125)).toBe('2 小时 5 分钟')
  })

  test('readers of a book', () => {
    expect(readersText(3)).toBe('3 人在读')
    expect(readersText(0)).toContain('第一个')
  })

  test('typed minutes must be a whole number within the limits', () => {
    expect(parseMinutes(' 45 ')).toEqual({ ok: true, minutes: 45 })
    expect(parseMinutes('')).toMatchObject({ ok: false })
    expect(parseMinutes('2.5')).toMatchObject({ ok: false })
    expect(parseMinutes('0')).toMatchObject({ ok: false })
    expect(parseMinutes('601')).toMatchObject({ ok: false })
  })

  test('the note counter counts as the contract does (trimmed length)', () => {
    expect(noteCounter(' 好书 ')).toBe('2/200')
  })

  test('the strip holds the seven Shanghai days ending today, marked read or not', () => {
    const strip = lastSevenDays(['2026-11-22', '2026-11-23', '2026-11-10'], now)
    expect(strip.map((d) => d.day)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ])
    expect(strip.map((d) => d.read)).toEqual([false, false, false, false, false, true, true])
    expect(strip[6]).toMatchObject({ label: '今天', date: '11/23', today: true })
    expect(strip[0]).toMatchObject({ label: '周二', date: '11/17', today: false })
  })

  test('a log day reads 今天, 昨天 or the date', () => {
    expect(logDayText('2026-11-23', now)).toBe('今天')
    expect(logDayText('2026-11-22', now)).toBe('昨天')
    expect(logDayText('2026-11-02', now)).toBe('11月2日')
  })
})
