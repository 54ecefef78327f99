import { shanghaiInstant } from '@shared/domain/time'
import { maskPhone, noticeLink, noticeText, overlapText, registrationStatusText, relationText, signupAvailability } from './signupText'

const at = (day: string, clock: string) => shanghaiInstant(day, clock)
const base = {
  status: 'published' as const,
  signupRequired: true,
  seatsLeft: 10,
  signupOpensAt: at('2026-11-20', '08:00'),
  signupClosesAt: at('2026-12-02', '12:30'),
  endAt: at('2026-12-02', '16:30'),
  cancelReason: null,
}

describe('signup availability in words', () => {
  test('open with seats', () => {
    const a = signupAvailability(base, at('2026-11-23', '12:00'))
    expect(a).toMatchObject({ kind: 'open', canSignUp: true })
    expect(a.text).toBe('正在报名，剩余 10 个名额')
    expect(a.reason).toBe('报名截止：12月2日 周三 12:30')
  })

  test('full: the waitlist, explained', () => {
    const a = signupAvailability({ ...base, seatsLeft: 0 }, at('2026-11-23', '12:00'))
    expect(a).toMatchObject({ kind: 'full', canSignUp: true })
    expect(a.reason).toContain('候补')
  })

  test('the window: not open yet (from its opening instant) and closed (at its closing instant)', () => {
    expect(signupAvailability(base, at('2026-11-20', '07:59'))).toMatchObject({ kind: 'not-open', canSignUp: false })
    expect(signupAvailability(base, at('2026-11-20', '07:59')).reason).toBe('报名将于 11月20日 周五 08:00 开始。')
    expect(signupAvailability(base, at('2026-11-20', '08:00')).kind).toBe('open')
    expect(signupAvailability(base, at('2026-12-02', '12:30'))).toMatchObject({ kind: 'closed', canSignUp: false })
  })

  test('cancelled (with the reason), no sign-up needed, ended, draft', () => {
    const c = signupAvailability({ ...base, status: 'cancelled', cancelReason: '场地维修' }, at('2026-11-23', '12:00'))
    expect(c).toMatchObject({ kind: 'cancelled', canSignUp: false, reason: '取消原因：场地维修' })
    expect(signupAvailability({ ...base, signupRequired: false }, at('2026-11-23', '12:00'))).toMatchObject({
      kind: 'free',
      text: '无需报名',
    })
    expect(signupAvailability(base, at('2026-12-02', '16:30')).kind).toBe('ended')
    expect(signupAvailability({ ...base, status: 'draft' }, at('2026-11-23', '12:00')).kind).toBe('draft')
  })
})

describe('registration words', () => {
  const r = { status: 'confirmed' as const, position: null, activity: { status: 'published' as const } }
  test('state with an icon, never colour alone', () => {
    expect(registrationStatusText(r)).toEqual({ icon: '✓', text: '已报名', tone: 'ok' })
    expect(registrationStatusText({ ...r, status: 'waitlisted', position: 3 })).toEqual({ icon: '◷', text: '候补第 3 位', tone: 'wait' })
    expect(registrationStatusText({ ...r, status: 'cancelled' }).text).toBe('已取消报名')
    expect(registrationStatusText({ ...r, activity: { status: 'cancelled' } }).text).toBe('活动已取消')
  })

  test('a checked-in registration says 已签到 with the day and time of the scan', () => {
    expect(registrationStatusText({ ...r, checkedInAt: at('2026-12-02', '14:25') })).toEqual({
      icon: '✓',
      text: '已签到 12月2日 周三 14:25',
      tone: 'ok',
    })
    expect(registrationStatusText({ ...r, checkedInAt: null }).text).toBe('已报名')
  })

  test('people', () => {
    expect(relationText(null)).toBe('本人')
    expect(relationText('parent')).toBe('父母')
    expect(maskPhone('13800001021')).toBe('138****1021')
    expect(maskPhone(null)).toBe('')
  })

  test('overlap and notices', () => {
    const o = [
      {
        registrationId: 'x_y',
        activityId: 'x',
        title: '讲座',
        startAt: at('2026-12-02', '14:30'),
        endAt: at('2026-12-02', '16:30'),
        status: 'confirmed' as const,
      },
    ]
    expect(overlapText('王秀兰', o)).toBe(
      '提醒：王秀兰在同一时间还报名了「讲座」（12月2日 周三 14:30–16:30，已报名）。时间有冲突，仍可以继续报名。',
    )
    const n = {
      id: 'n',
      template: 'activity_cancelled' as const,
      personName: '刘思雨',
      activityId: 'x',
      registrationId: 'x_y',
      title: '讲座',
      startAt: at('2026-12-02', '14:30'),
      reason: '下雨',
      createdAt: 0,
      readAt: null,
    }
    expect(noticeText(n).title).toBe('活动已取消：讲座')
    expect(noticeText(n).detail).toContain('原因：下雨')
    expect(noticeText({ ...n, template: 'waitlist_promoted' }).title).toBe('候补成功：讲座')
  })
})

describe('a 总结表 reminder in words', () => {
  const due = {
    id: 'summary-due_x',
    template: 'summary_due' as const,
    weekId: 'nc2026',
    level: 'district' as const,
    unitCode: 'donghu',
    unitName: '东湖区',
    deadline: '2026-12-10',
    daysLeft: 3,
    createdAt: 0,
    readAt: null,
  }

  test('names the unit, the deadline and the days left', () => {
    expect(noticeText(due)).toEqual({
      icon: '※',
      title: '总结表提醒：东湖区',
      detail: '东湖区的总结表还没有提交，截止日期 12月10日（还有 3 天）。',
    })
  })

  test('leads to the unit’s 总结表 (a district by districtCode, a city by cityCode); other notices lead nowhere', () => {
    expect(noticeLink(due)).toBe('/organiser/summary/index?weekId=nc2026&districtCode=donghu')
    expect(noticeLink({ ...due, level: 'city', unitCode: 'c1', unitName: '甲市' })).toBe(
      '/organiser/summary/index?weekId=nc2026&cityCode=c1',
    )
    expect(
      noticeLink({
        id: 'n',
        template: 'waitlist_promoted',
        personName: '刘思雨',
        activityId: 'x',
        registrationId: 'x_y',
        title: '讲座',
        startAt: 0,
        reason: null,
        createdAt: 0,
        readAt: null,
      }),
    ).toBeNull()
  })
})

describe('a subscribe-message notice in words', () => {
  const base = {
    id: 'n',
    personName: '王秀兰',
    activityId: 'x',
    registrationId: 'x_y',
    title: '手机课堂',
    startAt: at('2026-12-12', '14:30'),
    reason: null,
    createdAt: 0,
    readAt: null,
  }

  test('a reminder names the activity, the person signed up and when it starts', () => {
    const t = noticeText({ ...base, template: 'activity_reminder' })
    expect(t.title).toBe('活动提醒：手机课堂')
    expect(t.detail).toMatch(/^王秀兰报名的活动将于 12月12日.*14:30 开始，请按时参加。$/)
  })

  test('a change names the activity and what the organiser wrote', () => {
    const t = noticeText({ ...base, template: 'activity_changed', reason: '改到二楼会议室' })
    expect(t.title).toBe('活动变更：手机课堂')
    expect(t.detail).toBe('改到二楼会议室')
  })
})
