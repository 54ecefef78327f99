import { SUBSCRIBE_TEMPLATES, SUBSCRIBE_TEMPLATE_KEYS } from '../../../config/subscribe'
import {
  fieldTypeOfKey,
  fitsField,
  fitValue,
  reminderDueAt,
  remindersPaidFor,
  subscribeDate,
  subscribeTime,
  templateData,
} from './subscribe'
import { shanghaiInstant } from './time'

const HOUR = 3_600_000
const START = shanghaiInstant('2026-12-12', '14:30')

describe('fitting a value to its field type', () => {
  test('a thing of 20 characters is kept as it is', () => {
    const t = '一二三四五六七八九十一二三四五六七八九十'
    expect(fitValue('thing', t)).toBe(t)
  })

  test('a thing of 40 characters is cut to 19 and an ellipsis (20 in all)', () => {
    const fitted = fitValue('thing', '终身学习'.repeat(10))
    expect(Array.from(fitted)).toHaveLength(20)
    expect(fitted).toBe('终身学习'.repeat(4) + '终身学…')
  })

  test('characters outside the basic plane count as one each', () => {
    expect(Array.from(fitValue('thing', '𠀀'.repeat(25)))).toHaveLength(20)
  })

  test('a phrase is cut to 5 characters', () => {
    expect(fitValue('phrase', '时间和地点变更')).toBe('时间和地点')
  })

  test('a name is cut to 10 characters', () => {
    expect(fitValue('name', '欧阳王李张赵钱孙周吴郑')).toBe('欧阳王李张赵钱孙周吴')
  })

  test('a character_string keeps letters, digits and symbols, at most 32', () => {
    expect(fitValue('character_string', 'A-12 票号：' + '9'.repeat(40))).toBe('A-12' + '9'.repeat(28))
  })

  test('a number keeps its digits', () => {
    expect(fitValue('number', '共 12 人')).toBe('12')
  })

  test('an empty thing becomes 无', () => {
    expect(fitValue('thing', '  ')).toBe('无')
  })

  test('a time is the Shanghai wall clock as 2026年12月12日 14:30', () => {
    expect(fitValue('time', START)).toBe('2026年12月12日 14:30')
  })

  test('a date is the Shanghai day (an 07:30 start in Shanghai is the day before in UTC)', () => {
    const early = shanghaiInstant('2026-12-01', '07:30')
    expect(new Date(early).toISOString().slice(0, 10)).toBe('2026-11-30')
    expect(fitValue('date', early)).toBe('2026年12月1日')
  })

  test('subscribeTime and subscribeDate agree with the field formats', () => {
    expect(fitsField('time', subscribeTime(START))).toBe(true)
    expect(fitsField('date', subscribeDate(START))).toBe(true)
  })

  test('every fitted value fits its type', () => {
    for (const type of ['thing', 'phrase', 'name', 'character_string', 'number', 'phone_number'] as const) {
      expect([type, fitsField(type, fitValue(type, 'x9' + '长'.repeat(60)))]).toEqual([type, true])
    }
  })

  test('a thing of 21 characters does not fit', () => {
    expect(fitsField('thing', '长'.repeat(21))).toBe(false)
  })

  test('a field key names its type', () => {
    expect([fieldTypeOfKey('thing1'), fieldTypeOfKey('character_string12'), fieldTypeOfKey('bogus3')]).toEqual([
      'thing',
      'character_string',
      null,
    ])
  })
})

describe('the templates', () => {
  test('every field key names the type the config gives it', () => {
    for (const key of SUBSCRIBE_TEMPLATE_KEYS) {
      for (const f of SUBSCRIBE_TEMPLATES[key].fields) expect([key, f.key, fieldTypeOfKey(f.key)]).toEqual([key, f.key, f.type])
    }
  })

  test('a reminder’s data: every field filled from its source and fitted', () => {
    const data = templateData('activity_reminder', {
      title: '智能手机入门课：从开机到视频通话，手把手教您用微信',
      startAt: START,
      venue: '东湖区图书馆',
      personName: '王秀兰',
      tip: '请提前10分钟到场',
    })
    expect(data).toEqual({
      thing1: { value: '智能手机入门课：从开机到视频通话，手把…' },
      time2: { value: '2026年12月12日 14:30' },
      thing3: { value: '东湖区图书馆' },
      name4: { value: '王秀兰' },
      thing5: { value: '请提前10分钟到场' },
    })
  })
})

describe('the reminders’ due times (Asia/Shanghai)', () => {
  test('the evening reminder is 18:00 Shanghai the day before the start', () => {
    expect(reminderDueAt('eve', START)).toBe(shanghaiInstant('2026-12-11', '18:00'))
  })

  test('the evening reminder of a 07:30 start is 18:00 the Shanghai day before (10:00 UTC)', () => {
    const due = reminderDueAt('eve', shanghaiInstant('2026-12-01', '07:30'))
    expect(new Date(due).toISOString()).toBe('2026-11-30T10:00:00.000Z')
  })

  test('the hour reminder is one hour before the start', () => {
    expect(reminderDueAt('hour', START)).toBe(START - HOUR)
  })
})

describe('which reminders the acceptances pay for', () => {
  const before = shanghaiInstant('2026-12-08', '10:00')

  test('no acceptance pays for none', () => {
    expect(remindersPaidFor(0, before, START)).toEqual([])
  })

  test('one acceptance before the evening pays for the evening reminder', () => {
    expect(remindersPaidFor(1, before, START)).toEqual(['eve'])
  })

  test('two acceptances pay for both', () => {
    expect(remindersPaidFor(2, before, START)).toEqual(['eve', 'hour'])
  })

  test('a third acceptance pays for nothing more', () => {
    expect(remindersPaidFor(3, before, START)).toEqual(['eve', 'hour'])
  })

  test('signed up after the evening’s 18:00: one acceptance pays for the hour reminder', () => {
    expect(remindersPaidFor(1, shanghaiInstant('2026-12-11', '20:00'), START)).toEqual(['hour'])
  })

  test('signed up within the last hour: nothing is ahead', () => {
    expect(remindersPaidFor(2, START - 30 * 60_000, START)).toEqual([])
  })
})
