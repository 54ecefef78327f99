// Integrity of the seed data the local cloud loads (weeks, activities, dev personas).

import { activityDetailSchema, contactPhoneSchema, locationSchema, weekSchema } from '../../../src/shared/contracts/activity'
import { SEED_PLACES } from '../../seed/data/places'
import { AUDIENCES, ACTIVITY_MODES, CONTENT_TYPES, TOPICS } from '../../../src/shared/domain/vocabulary'
import { daysBetween, isValidDay, shanghaiInstant } from '../../../src/shared/domain/time'
import { seedActivities, seedPeople, seedWeeks } from '../../seed/data'
import type { SeedActivity, SeedWeek } from '../../seed/data'

const weekById = new Map<string, SeedWeek>(seedWeeks.map((w) => [w._id, w]))
const weekOf = (a: SeedActivity) => weekById.get(a.weekId)!
const startOf = (a: SeedActivity) => shanghaiInstant(a.day, a.start)
const endOf = (a: SeedActivity) => shanghaiInstant(a.day, a.end)
const withSignup = seedActivities.filter((a) => a.signup !== null)
const published = (weekId: string) => seedActivities.filter((a) => a.weekId === weekId && a.status === 'published')
const codes = (list: readonly { code: string }[]) => list.map((item) => item.code)
const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i)
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

describe('seed weeks', () => {
  it('have unique ids', () => {
    expect(duplicates(seedWeeks.map((w) => w._id))).toEqual([])
  })

  it('are the Nanchang city week and the Hainan province week of 2026', () => {
    expect(seedWeeks.map((w) => [w._id, w.level, w.organiser])).toEqual([
      ['nc2026', 'city', '南昌市教育局'],
      ['hn2026', 'province', '海南省教育厅'],
    ])
  })

  it('run seven days and are summarised after they end', () => {
    for (const w of seedWeeks) {
      expect(daysBetween(w.startDate, w.endDate)).toHaveLength(7)
      expect(shanghaiInstant(w.summaryDeadline, '00:00')).toBeGreaterThan(shanghaiInstant(w.endDate, '00:00'))
    }
  })

  it('have unique district codes', () => {
    for (const w of seedWeeks) expect(duplicates(w.districts.map((d) => d.code))).toEqual([])
  })

  it('list the twelve Nanchang 县区 with pinyin codes', () => {
    expect(weekById.get('nc2026')!.districts.map((d) => d.code)).toEqual([
      'donghu',
      'xihu',
      'qingyunpu',
      'qingshanhu',
      'xinjian',
      'honggutan',
      'nanchangxian',
      'jinxian',
      'anyi',
      'jingkai',
      'gaoxin',
      'wanli',
    ])
  })

  it('match the week contract', () => {
    for (const { _id, contacts: _c, status: _s, ...rest } of seedWeeks) {
      expect(weekSchema.safeParse({ id: _id, ...rest }).success).toBe(true)
    }
  })
})

describe('seed activities', () => {
  it('have unique ids', () => {
    expect(duplicates(seedActivities.map((a) => a._id))).toEqual([])
  })

  it('belong to an existing week', () => {
    expect(seedActivities.filter((a) => !weekById.has(a.weekId)).map((a) => a._id)).toEqual([])
  })

  it('are in one of their week’s districts', () => {
    const stray = seedActivities.filter((a) => !weekOf(a).districts.some((d) => d.code === a.districtCode))
    expect(stray.map((a) => a._id)).toEqual([])
  })

  it('take place on a day of their week', () => {
    const outside = seedActivities.filter((a) => !isValidDay(a.day) || !daysBetween(weekOf(a).startDate, weekOf(a).endDate).includes(a.day))
    expect(outside.map((a) => a._id)).toEqual([])
  })

  it('end after they start', () => {
    const bad = seedActivities.filter((a) => !CLOCK.test(a.start) || !CLOCK.test(a.end) || endOf(a) <= startOf(a))
    expect(bad.map((a) => a._id)).toEqual([])
  })

  it('use only vocabulary codes for type, topics, audiences and mode', () => {
    const bad = seedActivities.filter(
      (a) =>
        !codes(CONTENT_TYPES).includes(a.type) ||
        !codes(ACTIVITY_MODES).includes(a.mode) ||
        a.topics.length === 0 ||
        a.audiences.length === 0 ||
        a.topics.some((t) => !codes(TOPICS).includes(t)) ||
        a.audiences.some((x) => !codes(AUDIENCES).includes(x)),
    )
    expect(bad.map((a) => a._id)).toEqual([])
  })

  it('have a venue unless online and a link unless offline', () => {
    const bad = seedActivities.filter(
      (a) => (a.venue === null) !== (a.mode === 'online') || (a.onlineUrl === null) !== (a.mode === 'offline'),
    )
    expect(bad.map((a) => a._id)).toEqual([])
  })

  it('link only to https addresses on fictional example domains', () => {
    const links = seedActivities.flatMap((a) => (a.onlineUrl ? [a.onlineUrl] : []))
    expect(links.filter((u) => !/^https:\/\/[a-z.]+\.example\.cn\//.test(u))).toEqual([])
  })

  it('map onto the activity detail contract', () => {
    const bad = seedActivities.filter((a) => {
      const week = weekOf(a)
      const detail = {
        id: a._id,
        weekId: a.weekId,
        title: a.title,
        type: a.type,
        topics: a.topics,
        audiences: a.audiences,
        districtCode: a.districtCode,
        districtName: week.districts.find((d) => d.code === a.districtCode)?.name ?? '',
        mode: a.mode,
        venueName: a.venue?.name ?? null,
        startAt: startOf(a),
        endAt: endOf(a),
        signupRequired: a.signup !== null,
        capacity: a.signup?.capacity ?? null,
        seatsLeft: a.signup?.capacity ?? null,
        status: a.status,
        description: a.description,
        organizer: a.organizer,
        coOrganizers: a.coOrganizers,
        address: a.venue?.address ?? null,
        onlineUrl: a.onlineUrl,
        signupOpensAt: a.signup ? shanghaiInstant(a.signup.opensDay, a.signup.opensAt) : null,
        signupClosesAt: a.signup ? shanghaiInstant(a.signup.closesDay, a.signup.closesAt) : null,
        cancelDeadline: a.signup ? shanghaiInstant(a.signup.cancelDeadlineDay, a.signup.cancelDeadlineAt) : null,
      }
      return !activityDetailSchema.safeParse(detail).success
    })
    expect(bad.map((a) => a._id)).toEqual([])
  })
})

describe('seed sign-up windows', () => {
  it('open before they close', () => {
    const bad = withSignup.filter(
      (a) => shanghaiInstant(a.signup!.opensDay, a.signup!.opensAt) >= shanghaiInstant(a.signup!.closesDay, a.signup!.closesAt),
    )
    expect(bad.map((a) => a._id)).toEqual([])
  })

  it('close before the activity starts', () => {
    const bad = withSignup.filter((a) => shanghaiInstant(a.signup!.closesDay, a.signup!.closesAt) > startOf(a))
    expect(bad.map((a) => a._id)).toEqual([])
  })

  it('stop cancellations after opening and before the start', () => {
    const bad = withSignup.filter((a) => {
      const cancel = shanghaiInstant(a.signup!.cancelDeadlineDay, a.signup!.cancelDeadlineAt)
      return cancel <= shanghaiInstant(a.signup!.opensDay, a.signup!.opensAt) || cancel >= startOf(a)
    })
    expect(bad.map((a) => a._id)).toEqual([])
  })

  it('offer between 20 and 300 seats', () => {
    const bad = withSignup.filter((a) => !Number.isInteger(a.signup!.capacity) || a.signup!.capacity < 20 || a.signup!.capacity > 300)
    expect(bad.map((a) => a._id)).toEqual([])
  })
})

describe('nc2026 coverage', () => {
  const nc = published('nc2026')

  it('has at least 40 activities', () => {
    expect(seedActivities.filter((a) => a.weekId === 'nc2026').length).toBeGreaterThanOrEqual(40)
  })

  it('covers every content type with published activities', () => {
    expect(codes(CONTENT_TYPES).filter((c) => !nc.some((a) => a.type === c))).toEqual([])
  })

  it('covers every topic with published activities', () => {
    expect(codes(TOPICS).filter((c) => !nc.some((a) => a.topics.includes(c as never)))).toEqual([])
  })

  it('covers every audience with published activities', () => {
    expect(codes(AUDIENCES).filter((c) => !nc.some((a) => a.audiences.includes(c as never)))).toEqual([])
  })

  it('has published activities on every day and in every district', () => {
    const week = weekById.get('nc2026')!
    expect(daysBetween(week.startDate, week.endDate).filter((d) => !nc.some((a) => a.day === d))).toEqual([])
    expect(week.districts.filter((d) => !nc.some((a) => a.districtCode === d.code))).toEqual([])
  })

  it('has at least six published activities in 东湖区 and in 西湖区', () => {
    expect(nc.filter((a) => a.districtCode === 'donghu').length).toBeGreaterThanOrEqual(6)
    expect(nc.filter((a) => a.districtCode === 'xihu').length).toBeGreaterThanOrEqual(6)
  })

  it('has one draft, one cancelled activity, open-attendance ones and small ones that fill up', () => {
    const all = seedActivities.filter((a) => a.weekId === 'nc2026')
    expect(all.filter((a) => a.status === 'draft')).toHaveLength(1)
    expect(all.filter((a) => a.status === 'cancelled')).toHaveLength(1)
    expect(nc.filter((a) => a.signup === null).length).toBeGreaterThanOrEqual(Math.floor(all.length / 6))
    expect(nc.filter((a) => a.signup !== null && a.signup.capacity <= 30).length).toBeGreaterThanOrEqual(2)
  })
})

describe('hn2026 coverage', () => {
  it('has at least 16 activities', () => {
    expect(seedActivities.filter((a) => a.weekId === 'hn2026').length).toBeGreaterThanOrEqual(16)
  })

  it('includes the opening ceremony', () => {
    expect(published('hn2026').some((a) => a.title.includes('开幕式'))).toBe(true)
  })
})

describe('seed people', () => {
  it('are exactly the five dev personas', () => {
    expect(seedPeople.map((p) => p._id).sort()).toEqual(['dev-admin', 'dev-organiser', 'dev-resident', 'dev-senior', 'dev-volunteer'])
  })

  it('volunteer only at existing sign-up activities of their week', () => {
    const bad = seedPeople.flatMap((p) =>
      p.roles.flatMap((r) =>
        r.role !== 'volunteer'
          ? []
          : r.activityIds.filter((id) => {
              const a = seedActivities.find((x) => x._id === id)
              return !a || a.weekId !== r.weekId || a.signup === null || a.status !== 'published'
            }),
      ),
    )
    expect(bad).toEqual([])
  })

  it('give dev-volunteer three or four 东湖区 activities', () => {
    const role = seedPeople.find((p) => p._id === 'dev-volunteer')!.roles.find((r) => r.role === 'volunteer')
    expect(role && role.role === 'volunteer' && role.weekId).toBe('nc2026')
    const ids = role && role.role === 'volunteer' ? role.activityIds : []
    expect(ids.length).toBeGreaterThanOrEqual(3)
    expect(ids.length).toBeLessThanOrEqual(4)
    expect(ids.every((id) => seedActivities.find((a) => a._id === id)?.districtCode === 'donghu')).toBe(true)
  })

  it('organise and administer existing weeks and districts', () => {
    expect(seedPeople.find((p) => p._id === 'dev-organiser')!.roles).toEqual([
      { role: 'organiser', weekId: 'nc2026', districtCode: 'donghu' },
    ])
    expect(seedPeople.find((p) => p._id === 'dev-admin')!.roles).toEqual([
      { role: 'admin', weekId: 'nc2026' },
      { role: 'admin', weekId: 'hn2026' },
    ])
  })

  it('have fictional 1380000xxxx phones and a vocabulary audience', () => {
    for (const p of seedPeople) {
      expect(p.profile.phone).toMatch(/^1380000\d{4}$/)
      expect(codes(AUDIENCES)).toContain(p.profile.audience)
    }
  })
})

describe('seed places and contacts', () => {
  it('belong to seeded offline activities and pass the contract', () => {
    expect(Object.keys(SEED_PLACES).length).toBeGreaterThanOrEqual(8)
    for (const [id, place] of Object.entries(SEED_PLACES)) {
      const a = seedActivities.find((x) => x._id === id)
      expect(a?.venue).toBeTruthy()
      expect(a?.contactPhone).toBe(place.contactPhone)
      if (place.location) expect(locationSchema.safeParse(place.location).success).toBe(true)
      expect(contactPhoneSchema.safeParse(place.contactPhone).success).toBe(true)
    }
    // Both weeks have activities residents can navigate to.
    for (const week of ['nc2026', 'hn2026']) expect(seedActivities.some((a) => a.weekId === week && a.location)).toBe(true)
  })
})
