import { shanghaiInstant } from '@shared/domain/time'
import {
  checkForm,
  defaultForm,
  fieldsFromPaths,
  formFromActivity,
  normalised,
  publishBlocker,
  splitNames,
  toCreateInput,
  withChange,
} from './form'
import { leadText, publishWords, windowDays, windowWords } from './windowText'

const week = { startDate: '2026-11-30', endDate: '2026-12-06' }
const now = shanghaiInstant('2026-11-23', '20:05')

function filled() {
  return {
    ...defaultForm(week, 'donghu', now, '东湖区社区教育学院'),
    title: '智慧助老·视频通话',
    type: 'smart_senior' as const,
    topics: ['leisure' as const],
    venueName: '社区学校',
    venueAddress: '松柏巷18号',
  }
}

describe('organiser activity form', () => {
  test('defaults: the first day ahead, 09:00–11:00, 50 seats, open now, closing 2 h and cancellable until 24 h before', () => {
    const f = defaultForm(week, 'donghu', now)
    expect(f).toMatchObject({
      day: '2026-11-30',
      startTime: '09:00',
      endTime: '11:00',
      capacity: '50',
      signupRequired: true,
      // What the 总结表 needs: 街道/社区 and 人群类别 (and the phone for the door).
      fields: ['phone', 'community', 'audience'],
      location: null,
      contactPhone: '',
    })
    expect([f.opensDate, f.opensTime, f.closesDate, f.closesTime, f.cancelDate, f.cancelTime]).toEqual([
      '2026-11-23',
      '20:05',
      '2026-11-30',
      '07:00',
      '2026-11-29',
      '09:00',
    ])
    // During the week, tomorrow at the earliest.
    expect(defaultForm(week, 'donghu', shanghaiInstant('2026-12-02', '10:00')).day).toBe('2026-12-03')
  })

  test('the window follows the start time until the organiser sets it', () => {
    const moved = withChange(defaultForm(week, 'donghu', now), { day: '2026-12-03', startTime: '14:30' }, now)
    expect([moved.closesDate, moved.closesTime, moved.cancelDate, moved.cancelTime]).toEqual(['2026-12-03', '12:30', '2026-12-02', '14:30'])
    const set = withChange(moved, { closesTime: '10:00' }, now)
    expect(set.windowTouched).toBe(true)
    expect(withChange(set, { startTime: '15:00' }, now).closesTime).toBe('10:00')
  })

  test('a filled form has no errors and becomes the create input', () => {
    const f = filled()
    expect(checkForm(f, week, now, { startMustBeFuture: true })).toEqual({})
    const input = toCreateInput({ ...f, coOrganizers: '百花洲街道、 社区学校,' }, 'nc2026')
    expect(input).toMatchObject({
      weekId: 'nc2026',
      districtCode: 'donghu',
      venue: { name: '社区学校', address: '松柏巷18号' },
      onlineUrl: null,
      coOrganizers: ['百花洲街道', '社区学校'],
      startAt: shanghaiInstant('2026-11-30', '09:00'),
      signup: { capacity: 50, fields: ['name', 'phone', 'community', 'audience'] },
      location: null,
      contactName: null,
      contactPhone: null,
    })
  })

  test('the contact phone: a mobile, a landline with its area code, or empty; the map point goes with the venue', () => {
    for (const contactPhone of ['', '13812345678', '0791-88880126', '089866660137', '0898-66660137-12', '400-123-4567'])
      expect(checkForm({ ...filled(), contactPhone }, week, now, { startMustBeFuture: true })).toEqual({})
    for (const contactPhone of ['12345', '88880126', '0791-8888', '138123456789', '电话13812345678'])
      expect(Object.keys(checkForm({ ...filled(), contactPhone }, week, now, { startMustBeFuture: true }))).toEqual(['contactPhone'])
    expect(checkForm({ ...filled(), contactName: '张'.repeat(21) }, week, now, { startMustBeFuture: true })).toHaveProperty('contactName')
    const location = { latitude: 28.68, longitude: 115.9, name: '社区学校' }
    const picked = { ...filled(), location, contactName: ' 王老师 ', contactPhone: ' 0791-88880126 ' }
    expect(toCreateInput(picked, 'nc2026')).toMatchObject({ location, contactName: '王老师', contactPhone: '0791-88880126' })
    expect(toCreateInput({ ...picked, mode: 'online', onlineUrl: 'https://x.cn' }, 'nc2026').location).toBeNull()
  })

  test('what is wrong, by field', () => {
    const e = checkForm({ ...defaultForm(week, '', now), mode: 'hybrid', endTime: '08:00', capacity: '0' }, week, now, {
      startMustBeFuture: true,
    })
    expect(Object.keys(e).sort()).toEqual(['capacity', 'district', 'onlineUrl', 'organizer', 'time', 'title', 'topics', 'type', 'venue'])
    const late = withChange(filled(), { cancelDate: '2026-11-30', cancelTime: '10:00' }, now)
    expect(checkForm(late, week, now, { startMustBeFuture: true })).toEqual({ cancel: '取消报名的截止时间不能晚于活动开始' })
    expect(checkForm(filled(), week, shanghaiInstant('2026-11-30', '09:30'), { startMustBeFuture: true }).time).toBe(
      '开始时间已经过去，请重新选择',
    )
  })

  test('an activity loads back into the same form', () => {
    const f = filled()
    const input = toCreateInput(f, 'nc2026')
    const detail = {
      id: 'a',
      weekId: 'nc2026',
      title: input.title,
      type: input.type,
      topics: input.topics,
      audiences: input.audiences,
      districtCode: 'donghu',
      districtName: '东湖区',
      mode: input.mode,
      venueName: '社区学校',
      startAt: input.startAt,
      endAt: input.endAt,
      signupRequired: true,
      capacity: 50,
      seatsLeft: 50,
      status: 'draft' as const,
      description: '',
      organizer: input.organizer,
      coOrganizers: [],
      address: '松柏巷18号',
      onlineUrl: null,
      signupOpensAt: input.signup!.opensAt,
      signupClosesAt: input.signup!.closesAt,
      cancelDeadline: input.signup!.cancelDeadline,
      signupFields: ['name' as const, 'phone' as const, 'community' as const, 'audience' as const],
      cancelReason: null,
      location: null,
      contactName: null,
      contactPhone: null,
    }
    expect(formFromActivity(detail, now)).toEqual({ ...f, windowTouched: true })
  })

  test('names and server paths', () => {
    expect(splitNames('甲、乙，丙\n丁')).toEqual(['甲', '乙', '丙', '丁'])
    expect(fieldsFromPaths(['patch.venue.name', 'signup.capacity', 'signup.opensAt', 'title']).sort()).toEqual([
      'capacity',
      'title',
      'venue',
      'window',
    ])
  })

  test('a same-day activity: the default deadlines are still ahead, not 2 and 24 hours before a start that is near', () => {
    const morning = shanghaiInstant('2026-12-05', '09:10')
    const f = withChange(filled(), { day: '2026-12-05', startTime: '14:30', endTime: '16:00' }, morning)
    expect([f.opensDate, f.opensTime, f.closesDate, f.closesTime, f.cancelDate, f.cancelTime]).toEqual([
      '2026-12-05',
      '09:10',
      '2026-12-05',
      '12:30',
      '2026-12-05',
      '12:30',
    ])
    expect(checkForm(f, week, morning, { startMustBeFuture: true, publishing: true })).toEqual({})
  })

  test('typed times: 9:30, 0930 and 9点30 are read; anything else says how to write it', () => {
    const typed = withChange(filled(), { startTime: '0930', endTime: '11点' }, now)
    expect(checkForm(typed, week, now, { startMustBeFuture: true })).toEqual({})
    expect(normalised(typed)).toMatchObject({ startTime: '09:30', endTime: '11:00' })
    expect(toCreateInput(typed, 'nc2026').startAt).toBe(shanghaiInstant('2026-11-30', '09:30'))
    // The window followed the typed start.
    expect([typed.closesDate, typed.closesTime]).toEqual(['2026-11-30', '07:30'])
    const bad = withChange(filled(), { startTime: '25:00', closesTime: '7:5' }, now)
    expect(checkForm(bad, week, now, { startMustBeFuture: true })).toEqual({
      time: '请按“时:分”填写时间，例如 09:30 或 14:00',
      window: '请按“时:分”填写时间，例如 09:30 或 14:00',
    })
    expect(windowWords(bad, now)).toEqual([])
  })

  test('publishing: sign-up already closed or a start already past stops it, with the reason', () => {
    const f = filled()
    const afterClose = shanghaiInstant('2026-11-30', '07:00')
    expect(checkForm(f, week, afterClose, { startMustBeFuture: false })).toEqual({})
    const e = checkForm(f, week, afterClose, { startMustBeFuture: false, publishing: true })
    expect(e).toEqual({ window: '报名截止时间已经过去，发布后居民无法报名。请把报名截止改到现在之后再发布' })
    expect(publishBlocker(e)).toBe('SIGNUP_ALREADY_CLOSED')
    const late = checkForm(f, week, shanghaiInstant('2026-11-30', '09:00'), { startMustBeFuture: false, publishing: true })
    expect(publishBlocker(late)).toBe('ACTIVITY_START_PASSED')
    expect(publishBlocker(checkForm({ ...f, title: '' }, week, now, { startMustBeFuture: true, publishing: true }))).toBeNull()
  })

  test('the window in words, with dates as 12月X日 周X and what is already past', () => {
    expect(windowWords(filled(), now).map((w) => w.text)).toEqual([
      '报名开始：发布后即可报名',
      '报名截止：11月30日 周一 07:00（开始前2小时）',
      '取消报名截止：11月29日 周日 09:00（开始前1天）',
    ])
    const past = windowWords(filled(), shanghaiInstant('2026-11-29', '10:00'))
    expect(past.map((w) => w.past)).toEqual([false, false, true])
    expect(past[2].text).toBe('取消报名截止：11月29日 周日 09:00（开始前1天），已经过去，报名后不能自行取消')
    expect(leadText(shanghaiInstant('2026-11-28', '20:30'), shanghaiInstant('2026-11-30', '09:00'))).toBe('开始前1天12小时30分钟')
  })

  test('what publishing tells the organiser follows the window', () => {
    const a = { signupRequired: true, signupOpensAt: now - 60_000, signupClosesAt: shanghaiInstant('2026-11-30', '07:00') }
    expect(publishWords(a, now, true)).toBe('✓ 已发布，居民现在可以在活动周首页看到并报名，11月30日 周一 07:00 截止报名。')
    expect(publishWords({ ...a, signupOpensAt: now + 60 * 60_000 }, now, true)).toBe(
      '✓ 已发布，居民现在可以在活动周首页看到，11月23日 周一 21:05 开始报名。',
    )
    expect(publishWords(a, a.signupClosesAt, true)).not.toContain('并报名')
    expect(publishWords({ ...a, signupClosesAt: NaN }, now, false)).toBe('发布后，居民就能在活动周首页看到。确定发布吗？')
    expect(publishWords({ signupRequired: false, signupOpensAt: null, signupClosesAt: null }, now, false)).toBe(
      '发布后，居民就能在活动周首页看到（无需报名，按时到场即可）。确定发布吗？',
    )
  })

  test('deadline days: the activity day and the 6 before it, none before today, the opening also today, the value kept', () => {
    expect(windowDays('2026-11-30', '2026-11-29', now, false)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ])
    expect(windowDays('2026-12-05', '2026-11-23', now, true)).toEqual([
      '2026-11-23',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ])
    expect(windowDays('2026-12-03', '2026-11-20', shanghaiInstant('2026-12-02', '10:00'), false)).toEqual([
      '2026-11-20',
      '2026-12-02',
      '2026-12-03',
    ])
  })
})
