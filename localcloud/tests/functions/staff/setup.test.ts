// The first bureau admin by the one-time setup code (staff.setup.claim): refused without the
// environment variable, wrong codes counted per person and window, compared in constant time, won
// exactly once (also by two people at once), refused to everyone else afterwards.
import { STAFF_LIMITS } from '../../../../src/shared/domain/staff'
import { setupCodeMatches } from '../../../../cloudfunctions/staff/src/setup'
import { allDocs } from '../fixtures'
import { changes, cloud, expectRefused, HOUR, person, rolesOf, staffAt, staffCall, T0, useStaffCloud } from './setup'

useStaffCloud()

const CODE = 'K7Q2-MX9P-4TNB'
const saved = process.env.SETUP_CODE
beforeEach(() => {
  process.env.SETUP_CODE = CODE
})
afterAll(() => {
  if (saved === undefined) delete process.env.SETUP_CODE
  else process.env.SETUP_CODE = saved
})
afterEach(() => jest.restoreAllMocks())

const attemptsOf = async (openid: string) => (await allDocs(cloud, 'setup', { openid }))[0]?.count ?? 0

test('no SETUP_CODE in the environment: SETUP_NOT_ENABLED, nothing written', async () => {
  delete process.env.SETUP_CODE
  const who = await person()
  await expectRefused('SETUP_NOT_ENABLED', () => staffCall(who, 'setup.claim', { code: CODE }))
})

test('a wrong code: SETUP_CODE_WRONG with the tries left, one try counted, no grant', async () => {
  const who = await person()
  const res = await staffCall(who, 'setup.claim', { code: 'WRONG-CODE' })
  expect(res).toMatchObject({ ok: false, code: 'SETUP_CODE_WRONG', details: { attemptsLeft: STAFF_LIMITS.setupAttempts - 1 } })
  expect(await attemptsOf(who)).toBe(1)
  expect(await rolesOf(who)).toEqual([])
  expect(await allDocs(cloud, 'setup', { _id: 'setup' })).toEqual([])
})

test('after the allowed wrong tries even the right code is refused until the window ends', async () => {
  const who = await person()
  for (let i = 0; i < STAFF_LIMITS.setupAttempts; i++) {
    expect(await staffCall(who, 'setup.claim', { code: `wrong${i}` })).toMatchObject({ code: 'SETUP_CODE_WRONG' })
  }
  const windowEnd = Math.floor(T0 / STAFF_LIMITS.setupWindowMs) * STAFF_LIMITS.setupWindowMs + STAFF_LIMITS.setupWindowMs
  const refused = await expectRefused('TOO_MANY_ATTEMPTS', () => staffCall(who, 'setup.claim', { code: CODE }))
  expect(refused).toMatchObject({ details: { retryAt: windowEnd } })
  expect(await attemptsOf(who)).toBe(STAFF_LIMITS.setupAttempts)
  // The next window gives fresh tries (a wrong one here, so the code stays unclaimed for the tests below).
  expect(await staffAt(windowEnd + 1, who, 'setup.claim', { code: 'wrong-again' })).toMatchObject({ code: 'SETUP_CODE_WRONG' })
})

test('tries sent at once cannot take more than the allowed number', async () => {
  const who = await person()
  const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => staffCall(who, 'setup.claim', { code: `guess${i}` })))
  const codes = answers.map((a) => (a.ok ? 'ok' : a.code))
  expect(codes.filter((c) => c === 'SETUP_CODE_WRONG')).toHaveLength(STAFF_LIMITS.setupAttempts)
  expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(9 - STAFF_LIMITS.setupAttempts)
  expect(await attemptsOf(who)).toBe(STAFF_LIMITS.setupAttempts)
})

test('the code is compared in constant time over equal-length hashes', async () => {
  // The module object itself (an ES namespace import cannot be spied on).
  const spy = jest.spyOn(require('node:crypto') as typeof import('node:crypto'), 'timingSafeEqual')
  expect(setupCodeMatches('short', CODE)).toBe(false)
  expect(setupCodeMatches(`${CODE} `, CODE)).toBe(true)
  expect(spy).toHaveBeenCalledTimes(2)
  for (const [a, b] of spy.mock.calls) expect((a as Buffer).length).toBe((b as Buffer).length)
  const who = await person()
  spy.mockClear()
  await staffCall(who, 'setup.claim', { code: 'x' })
  expect(spy).toHaveBeenCalledTimes(1)
})

describe('the right code', () => {
  let winner: string
  let loser: string

  test('two people entering it at once: exactly one becomes the bureau admin', async () => {
    const [a, b] = [await person(), await person()]
    const [ra, rb] = await Promise.all([staffCall(a, 'setup.claim', { code: CODE }), staffCall(b, 'setup.claim', { code: CODE })])
    const oks = [ra, rb].filter((r) => r.ok)
    expect(oks).toHaveLength(1)
    expect([ra, rb].find((r) => !r.ok)).toMatchObject({ ok: false, code: 'SETUP_CLAIMED' })
    ;[winner, loser] = ra.ok ? [a, b] : [b, a]
    expect(oks[0]).toMatchObject({ ok: true, data: { roles: [{ role: 'bureau' }] } })
    expect(await rolesOf(winner)).toEqual([{ role: 'bureau' }])
    expect(await rolesOf(loser)).toEqual([])
    expect(await allDocs(cloud, 'setup', { _id: 'setup' })).toMatchObject([{ claimedBy: winner }])
    expect(await changes({ via: 'setup' })).toMatchObject([
      { by: winner, whom: winner, change: 'grant', grant: { role: 'bureau' }, weekId: null },
    ])
  })

  test('afterwards it is refused to anyone else, and nothing is written', async () => {
    const other = await person()
    await expectRefused('SETUP_CLAIMED', () => staffCall(other, 'setup.claim', { code: CODE }))
    await expectRefused('SETUP_CLAIMED', () => staffCall(loser, 'setup.claim', { code: CODE }))
  })

  test('the claimant entering it again gets the same answer, one grant and one record', async () => {
    const again = await staffAt(T0 + HOUR, winner, 'setup.claim', { code: CODE })
    expect(again).toMatchObject({ ok: true, data: { roles: [{ role: 'bureau' }] } })
    expect(await rolesOf(winner)).toEqual([{ role: 'bureau' }])
    expect(await changes({ via: 'setup' })).toHaveLength(1)
  })

  test('the bureau admin is admin of every week: they may create an edition and manage the Nanchang week', async () => {
    expect((await staffCall(winner, 'units.list', { weekId: 'nc2026' })).ok).toBe(true)
    const res = await cloud.call(
      'activity',
      'week.create',
      {
        id: 'bureau2027',
        name: '2027年测试活动周',
        level: 'city',
        region: '测试市',
        theme: '学习',
        startDate: '2027-11-01',
        endDate: '2027-11-07',
        districts: [{ code: 'north', name: '北区' }],
        summaryDeadline: '2027-11-20',
        organiser: '测试市教育局',
      },
      winner,
    )
    expect(res.ok).toBe(true)
    expect((await cloud.call('activity', 'week.get', { id: 'nc2026' }, winner)).ok).toBe(true)
  })
})
