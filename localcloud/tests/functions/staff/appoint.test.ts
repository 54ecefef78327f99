// Appointments by invite in the Nanchang week (staff.appoint.*, roles.*): who may appoint whom
// where, the invite's expiry, single use and withdrawal, the record of every change, revocation,
// and what an appointed organiser may then do (their district, not another).
import { shanghaiInstant } from '../../../../src/shared/domain/time'
import type { InputOf } from '../../harness'
import {
  activityCall,
  appoint,
  ADMIN,
  changes,
  expectNoWrites,
  expectRefused,
  HOUR,
  invite,
  inviteDoc,
  NC,
  person,
  rolesOf,
  staffAt,
  staffCall,
  staffRaw,
  T0,
  useStaffCloud,
} from './setup'

useStaffCloud()

const DONGHU = { role: 'organiser', weekId: NC, districtCode: 'donghu' } as const

/** An activity in the Nanchang week (12-02 10:00–12:00) in `districtCode`. */
const activityIn = (districtCode: string): InputOf<'activity', 'create'> => ({
  weekId: NC,
  districtCode,
  title: '智能手机入门课',
  type: 'smart_senior',
  topics: ['science_culture'],
  audiences: ['seniors'],
  organizer: '社区学校',
  coOrganizers: [],
  mode: 'offline',
  venue: { name: '社区学校', address: '南昌市某路1号' },
  onlineUrl: null,
  startAt: shanghaiInstant('2026-12-02', '10:00'),
  endAt: shanghaiInstant('2026-12-02', '12:00'),
  signup: null,
  description: '学用智能手机。',
})

describe('an organiser appointed for 东湖区 by invite', () => {
  let organiser: string
  let code: string

  test('the admin makes an invite: stored unused, for 东湖区, expiring after the hours given', async () => {
    const res = await staffCall(ADMIN, 'appoint.create', { weekId: NC, role: 'organiser', unitCode: 'donghu', validHours: 24 })
    expect(res).toMatchObject({
      ok: true,
      data: { invite: { weekId: NC, role: 'organiser', unitCode: 'donghu', unitName: '东湖区', expiresAt: T0 + 24 * HOUR } },
    })
    code = res.ok ? res.data.invite.code : ''
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10}$/)
    expect(await inviteDoc(code)).toMatchObject({ createdBy: ADMIN, usedBy: null, cancelledAt: null })
  })

  test('redeemed (as typed, lower case with dashes): the grant, the invite used, the change recorded', async () => {
    organiser = await person()
    const typed = `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase()
    const res = await staffAt(T0 + HOUR, organiser, 'appoint.redeem', { code: typed })
    expect(res).toMatchObject({ ok: true, data: { grant: DONGHU, unitName: '东湖区' } })
    expect(await rolesOf(organiser)).toEqual([DONGHU])
    expect(await inviteDoc(code)).toMatchObject({ usedBy: organiser, usedAt: new Date(T0 + HOUR) })
    expect(await changes({ whom: organiser })).toMatchObject([
      {
        weekId: NC,
        by: ADMIN,
        whom: organiser,
        change: 'grant',
        via: 'invite',
        grant: DONGHU,
        unitName: '东湖区',
        at: new Date(T0 + HOUR),
      },
    ])
  })

  test('redeemed again by the same person: the same answer, one grant, one record', async () => {
    const res = await staffAt(T0 + 2 * HOUR, organiser, 'appoint.redeem', { code })
    expect(res).toMatchObject({ ok: true, data: { grant: DONGHU, unitName: '东湖区' } })
    expect(await rolesOf(organiser)).toEqual([DONGHU])
    expect(await changes({ whom: organiser })).toHaveLength(1)
  })

  test('single use: someone else is refused (INVITE_USED), nothing written', async () => {
    const other = await person()
    await expectRefused('INVITE_USED', () => staffCall(other, 'appoint.redeem', { code }))
  })

  test('the organiser creates and publishes an activity in 东湖区', async () => {
    const created = await activityCall(organiser, 'create', activityIn('donghu'))
    expect(created.ok).toBe(true)
    const id = created.ok ? created.data.activity.id : ''
    expect(await activityCall(organiser, 'publish', { id })).toMatchObject({ ok: true, data: { activity: { status: 'published' } } })
  })

  test('… and not in 西湖区 (FORBIDDEN, nothing written)', async () => {
    await expectRefused('FORBIDDEN', () => activityCall(organiser, 'create', activityIn('xihu')))
  })

  test('the admin lists who holds which role: the organiser by name, in 东湖区, and the change', async () => {
    const res = await staffCall(ADMIN, 'roles.list', { weekId: NC })
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(res.data.holders).toContainEqual({
      userId: organiser,
      name: expect.stringMatching(/^居民/),
      self: false,
      grant: DONGHU,
      unitName: '东湖区',
    })
    // The admin's own row says so (the page offers no 撤销 on it).
    expect(res.data.holders).toContainEqual(
      expect.objectContaining({ userId: ADMIN, self: true, grant: { role: 'admin', weekId: NC }, unitName: '全部' }),
    )
    expect(res.data.changes).toContainEqual(
      expect.objectContaining({
        byName: '涂建华',
        whomName: expect.stringMatching(/^居民/),
        change: 'grant',
        via: 'invite',
        grant: DONGHU,
      }),
    )
  })

  test('nobody revokes their own grant (FORBIDDEN)', async () => {
    await expectRefused('FORBIDDEN', () =>
      staffCall(ADMIN, 'roles.revoke', { weekId: NC, userId: ADMIN, grant: { role: 'admin', weekId: NC }, nonce: 'self-revoke-1' }),
    )
  })

  test('an organiser may not revoke an organiser (FORBIDDEN)', async () => {
    await expectRefused('FORBIDDEN', () =>
      staffCall('dev-organiser', 'roles.revoke', { weekId: NC, userId: organiser, grant: DONGHU, nonce: 'org-revoke-1' }),
    )
  })

  test('the admin revokes it: recorded, the grant gone, the district closed to them; a resend answers the same', async () => {
    const input = { weekId: NC, userId: organiser, grant: DONGHU, nonce: 'revoke-donghu-1' }
    expect(await staffAt(T0 + 3 * HOUR, ADMIN, 'roles.revoke', input)).toEqual({ ok: true, data: { revoked: true } })
    expect(await rolesOf(organiser)).toEqual([])
    expect(await changes({ whom: organiser, change: 'revoke' })).toMatchObject([
      { by: ADMIN, via: 'revoke', grant: DONGHU, unitName: '东湖区', at: new Date(T0 + 3 * HOUR) },
    ])
    expect(await staffCall(ADMIN, 'roles.revoke', input)).toEqual({ ok: true, data: { revoked: true } })
    expect(await changes({ whom: organiser, change: 'revoke' })).toHaveLength(1)
    await expectRefused('FORBIDDEN', () => activityCall(organiser, 'create', activityIn('donghu')))
  })

  test('revoking what is gone (a new request): revoked false, nothing written', async () => {
    const res = await expectNoWrites(() =>
      staffCall(ADMIN, 'roles.revoke', { weekId: NC, userId: organiser, grant: DONGHU, nonce: 'revoke-donghu-2' }),
    )
    expect(res).toEqual({ ok: true, data: { revoked: false } })
  })
})

describe('invites refused', () => {
  test('expired: INVITE_EXPIRED, nothing written', async () => {
    const code = await invite(ADMIN, { weekId: NC, role: 'organiser', unitCode: 'xihu', validHours: 1 })
    const who = await person()
    await expectRefused('INVITE_EXPIRED', () => staffAt(T0 + HOUR, who, 'appoint.redeem', { code }))
    expect(await rolesOf(who)).toEqual([])
  })

  test('withdrawn by its maker: INVITE_REVOKED, nothing written', async () => {
    const code = await invite(ADMIN, { weekId: NC, role: 'organiser', unitCode: 'xihu' })
    expect(await staffCall(ADMIN, 'appoint.cancel', { code })).toEqual({ ok: true, data: { cancelled: true } })
    expect(await inviteDoc(code)).toMatchObject({ cancelledAt: new Date(T0), usedBy: null })
    const who = await person()
    await expectRefused('INVITE_REVOKED', () => staffCall(who, 'appoint.redeem', { code }))
  })

  test('withdrawn by someone who neither made it nor runs the week: FORBIDDEN', async () => {
    const code = await invite(ADMIN, { weekId: NC, role: 'organiser', unitCode: 'xihu' })
    await expectRefused('FORBIDDEN', () => staffCall('dev-organiser', 'appoint.cancel', { code }))
  })

  test('a used invite cannot be withdrawn: INVITE_USED', async () => {
    const code = await invite(ADMIN, { weekId: NC, role: 'organiser', unitCode: 'xihu' })
    expect((await staffCall(await person(), 'appoint.redeem', { code })).ok).toBe(true)
    await expectRefused('INVITE_USED', () => staffCall(ADMIN, 'appoint.cancel', { code }))
  })

  test('an unknown code: INVITE_INVALID; a malformed one: VALIDATION_FAILED; nothing written', async () => {
    await expectRefused('INVITE_INVALID', () => staffCall(ADMIN, 'appoint.redeem', { code: 'ABCDEFGHJK' }))
    await expectRefused('VALIDATION_FAILED', () => staffRaw(ADMIN, 'appoint.redeem', { code: 'abc' }))
  })
})

describe('who may appoint whom where', () => {
  test('a district not in the week: UNIT_NOT_IN_WEEK, nothing written', async () => {
    await expectRefused('UNIT_NOT_IN_WEEK', () =>
      staffCall(ADMIN, 'appoint.create', { weekId: NC, role: 'organiser', unitCode: 'nowhere' }),
    )
  })

  test('the wrong level: a city admin for a district, a week admin for a unit: UNIT_NOT_IN_WEEK', async () => {
    await expectRefused('UNIT_NOT_IN_WEEK', () => staffCall(ADMIN, 'appoint.create', { weekId: NC, role: 'cityAdmin', unitCode: 'donghu' }))
    await expectRefused('UNIT_NOT_IN_WEEK', () => staffCall(ADMIN, 'appoint.create', { weekId: NC, role: 'admin', unitCode: 'donghu' }))
  })

  test('an organiser appoints nobody: FORBIDDEN, nothing written', async () => {
    await expectRefused('FORBIDDEN', () =>
      staffCall('dev-organiser', 'appoint.create', { weekId: NC, role: 'organiser', unitCode: 'donghu' }),
    )
  })

  test('bad input: VALIDATION_FAILED, nothing written', async () => {
    await expectRefused('VALIDATION_FAILED', () =>
      staffRaw(ADMIN, 'appoint.create', { weekId: NC, role: 'organiser', unitCode: 'donghu', validHours: 0 }),
    )
    await expectRefused('VALIDATION_FAILED', () => staffRaw(ADMIN, 'appoint.create', { weekId: NC, role: 'bureau', unitCode: null }))
    await expectRefused('VALIDATION_FAILED', () =>
      staffRaw(ADMIN, 'roles.revoke', { weekId: NC, userId: 'x', grant: { role: 'admin' }, nonce: 'n' }),
    )
  })

  test('an admin of the week appointed by invite may appoint in turn', async () => {
    const admin2 = await person()
    const code = await invite(ADMIN, { weekId: NC, role: 'admin', unitCode: null })
    expect(await staffCall(admin2, 'appoint.redeem', { code })).toMatchObject({
      ok: true,
      data: { grant: { role: 'admin', weekId: NC }, unitName: '全部' },
    })
    expect((await staffCall(admin2, 'appoint.create', { weekId: NC, role: 'organiser', unitCode: 'xihu' })).ok).toBe(true)
  })
})

describe("an organiser and their district's volunteers", () => {
  const VOLUNTEER = {
    role: 'volunteer' as const,
    weekId: NC,
    activityIds: ['nc2026-donghu-02', 'nc2026-donghu-03', 'nc2026-donghu-04', 'nc2026-donghu-06'],
  }

  test('roles.list: the volunteers of their activities (by name, with the activities), no organisers or admins', async () => {
    const res = await staffCall('dev-organiser', 'roles.list', { weekId: NC })
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(res.data.holders.map((h) => h.grant.role)).toEqual(res.data.holders.map(() => 'volunteer'))
    expect(res.data.holders).toContainEqual({
      userId: 'dev-volunteer',
      name: '胡志强',
      self: false,
      grant: VOLUNTEER,
      unitName: expect.any(String),
    })
    expect(res.data.invites).toEqual([])
  })

  test('an organiser of another district may not revoke them (FORBIDDEN); theirs may, recorded', async () => {
    const xihu = await person()
    await appoint(ADMIN, xihu, { weekId: NC, role: 'organiser', unitCode: 'xihu' })
    await expectRefused('FORBIDDEN', () =>
      staffCall(xihu, 'roles.revoke', { weekId: NC, userId: 'dev-volunteer', grant: VOLUNTEER, nonce: 'xihu-revokes-vol' }),
    )
    const res = await staffCall('dev-organiser', 'roles.revoke', {
      weekId: NC,
      userId: 'dev-volunteer',
      grant: VOLUNTEER,
      nonce: 'donghu-revokes-vol',
    })
    expect(res).toEqual({ ok: true, data: { revoked: true } })
    expect(await rolesOf('dev-volunteer')).toEqual([])
    expect(await changes({ whom: 'dev-volunteer' })).toMatchObject([{ by: 'dev-organiser', change: 'revoke', grant: VOLUNTEER }])
  })
})
