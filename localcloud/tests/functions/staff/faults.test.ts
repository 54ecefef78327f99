// The staff actions that write more than once, under crashes: the call is killed before a database
// request (`kill`) or the request is applied and its answer lost (`lose`), at every request in turn,
// then sent again. Redeeming an invite, claiming the setup code and revoking a grant each end
// exactly as one clean call would: one grant (or none), the invite used by that person, one record.
import { MODES } from '../faultFixtures'
import { allDocs } from '../fixtures'
import { changes, cloud, inviteDoc, NC, person, rolesOf, useStaffCloud } from './setup'

useStaffCloud()

const ADMIN = 'dev-admin'
const DONGHU = { role: 'organiser', weekId: NC, districtCode: 'donghu' } as const

async function newInvite(): Promise<string> {
  const res = await cloud.call('staff', 'appoint.create', { weekId: NC, role: 'organiser', unitCode: 'donghu' }, ADMIN)
  if (!res.ok) throw new Error(JSON.stringify(res))
  return res.data.invite.code
}

async function expectAppointed(who: string, code: string) {
  expect((await rolesOf(who)).filter((g: { role: string }) => g.role === 'organiser')).toEqual([DONGHU])
  expect(await inviteDoc(code)).toMatchObject({ usedBy: who })
  expect(await changes({ whom: who, via: 'invite' })).toHaveLength(1)
}

test('appoint.redeem killed or lost at every database request, redeemed again: one grant, the invite used, one record', async () => {
  const first = await person()
  const firstCode = await newInvite()
  const clean = await cloud.callWithFault('staff', 'appoint.redeem', { code: firstCode }, first, {})
  expect(clean.answer?.ok).toBe(true)
  await expectAppointed(first, firstCode)
  expect(clean.requests).toBeGreaterThanOrEqual(4)
  for (const mode of MODES) {
    for (let at = 1; at <= clean.requests; at++) {
      const [who, code] = [await person(), await newInvite()]
      expect((await cloud.callWithFault('staff', 'appoint.redeem', { code }, who, { at, mode })).answer).toBeNull()
      const again = await cloud.call('staff', 'appoint.redeem', { code }, who)
      if (!again.ok) throw new Error(`${mode} at ${at}: redeemed again answered ${JSON.stringify(again)}`)
      expect(again.data).toMatchObject({ grant: DONGHU, unitName: '东湖区' })
      await expectAppointed(who, code)
      // Nobody else can take it after the crash.
      expect(await cloud.call('staff', 'appoint.redeem', { code }, await person())).toMatchObject({ ok: false, code: 'INVITE_USED' })
    }
  }
}, 180_000)

test('roles.revoke killed or lost at every database request, sent again with the same nonce: the grant gone, one record', async () => {
  const probe = await person()
  await cloud.call('staff', 'appoint.redeem', { code: await newInvite() }, probe)
  const clean = await cloud.callWithFault(
    'staff',
    'roles.revoke',
    { weekId: NC, userId: probe, grant: DONGHU, nonce: 'revoke-probe-0' },
    ADMIN,
    {},
  )
  expect(clean.answer).toEqual({ ok: true, data: { revoked: true } })
  for (const mode of MODES) {
    for (let at = 1; at <= clean.requests; at++) {
      const who = await person()
      await cloud.call('staff', 'appoint.redeem', { code: await newInvite() }, who)
      const input = { weekId: NC, userId: who, grant: DONGHU, nonce: `revoke-${mode}-${at}` }
      expect((await cloud.callWithFault('staff', 'roles.revoke', input, ADMIN, { at, mode })).answer).toBeNull()
      expect(await cloud.call('staff', 'roles.revoke', input, ADMIN)).toEqual({ ok: true, data: { revoked: true } })
      expect(await rolesOf(who)).toEqual([])
      expect(await changes({ whom: who, change: 'revoke' })).toHaveLength(1)
    }
  }
}, 180_000)

describe('setup.claim', () => {
  const saved = process.env.SETUP_CODE
  beforeAll(() => {
    process.env.SETUP_CODE = 'fault-setup-code'
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.SETUP_CODE
    else process.env.SETUP_CODE = saved
  })

  /** Back to an unclaimed code: no claim, no tries, no record, `who` without the grant. */
  async function unclaim(who: string) {
    const db = cloud.sdkDb as any
    const _ = db.command
    await db
      .collection('setup')
      .where({ _id: _.exists(true) })
      .remove()
    await db.collection('roleChanges').where({ via: 'setup' }).remove()
    await db
      .collection('users')
      .doc(who)
      .update({ data: { roles: _.set([]) } })
  }

  test('killed or lost at every database request, entered again: the claimant is the bureau admin once, one record', async () => {
    const who = await person()
    const clean = await cloud.callWithFault('staff', 'setup.claim', { code: 'fault-setup-code' }, who, {})
    expect(clean.answer?.ok).toBe(true)
    expect(clean.requests).toBeGreaterThanOrEqual(5)
    for (const mode of MODES) {
      for (let at = 1; at <= clean.requests; at++) {
        await unclaim(who)
        expect((await cloud.callWithFault('staff', 'setup.claim', { code: 'fault-setup-code' }, who, { at, mode })).answer).toBeNull()
        const again = await cloud.call('staff', 'setup.claim', { code: 'fault-setup-code' }, who)
        if (!again.ok) throw new Error(`${mode} at ${at}: entered again answered ${JSON.stringify(again)}`)
        expect(await rolesOf(who)).toEqual([{ role: 'bureau' }])
        expect(await changes({ via: 'setup' })).toMatchObject([{ whom: who }])
        expect(await allDocs(cloud, 'setup', { _id: 'setup' })).toMatchObject([{ claimedBy: who }])
      }
    }
    expect(await cloud.call('staff', 'setup.claim', { code: 'fault-setup-code' }, await person())).toMatchObject({
      ok: false,
      code: 'SETUP_CLAIMED',
    })
  }, 120_000)
})
