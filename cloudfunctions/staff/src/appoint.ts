// Appointments by invite: an admin of the week appoints admins of the week, city admins and
// organisers; a city admin appoints the organisers of their city's districts. The invite is an
// expiring, single-use code (a chat card or QR on the page); whoever redeems it first gets the
// grant, and every appointment is recorded.
import { randomBytes } from 'node:crypto'
import type { RoleGrant } from '@shared/contracts/activity'
import type { AppointInvite, AppointRole } from '@shared/contracts/staff'
import { adminCities, isWeekAdmin } from '@shared/domain/staff'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type AppointInviteDoc, type UserDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { stepId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { requireThat } from '../../_core/roles'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { addGrant, cityOfDistrict, readWeek, recordChange, WHOLE_WEEK } from './context'

const HOUR = 3_600_000
/** The unambiguous alphabet of invite codes (no I, L, O, 0, 1): APPOINT_CODE_RE. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10
const CODE_ATTEMPTS = 5

function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH)
  let out = ''
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[bytes[i] % ALPHABET.length]
  return out
}

const ms = (d: Date | number) => (d instanceof Date ? d.getTime() : new Date(d).getTime())

export function toInvite(doc: AppointInviteDoc): AppointInvite {
  return {
    code: doc._id,
    weekId: doc.weekId,
    role: doc.role,
    unitCode: doc.unitCode,
    unitName: doc.unitName,
    expiresAt: ms(doc.expiresAt),
    createdAt: ms(doc.createdAt),
  }
}

/** The grant an invite gives. */
export function grantOf(invite: Pick<AppointInviteDoc, 'role' | 'weekId' | 'unitCode'>): RoleGrant {
  if (invite.role === 'admin') return { role: 'admin', weekId: invite.weekId }
  if (invite.role === 'cityAdmin') return { role: 'cityAdmin', weekId: invite.weekId, cityCode: invite.unitCode ?? '' }
  return { role: 'organiser', weekId: invite.weekId, districtCode: invite.unitCode ?? '' }
}

/** The unit an appointment is for, checked against the week: its name (UNIT_NOT_IN_WEEK). */
function unitFor(week: WeekDoc, role: AppointRole, unitCode: string | null): { name: string; cityCode: string | null } {
  if (role === 'admin') {
    if (unitCode !== null) throw new DomainError('UNIT_NOT_IN_WEEK')
    return { name: WHOLE_WEEK, cityCode: null }
  }
  if (role === 'cityAdmin') {
    const city = (week.cities ?? []).find((c) => c.code === unitCode)
    if (!city) throw new DomainError('UNIT_NOT_IN_WEEK')
    return { name: city.name, cityCode: city.code }
  }
  const district = week.districts.find((d) => d.code === unitCode)
  if (!district) throw new DomainError('UNIT_NOT_IN_WEEK')
  return { name: district.name, cityCode: cityOfDistrict(week, district) }
}

export async function createAppointment(
  ctx: ActionContext,
  input: { weekId: string; role: AppointRole; unitCode: string | null; validHours: number },
) {
  const { db } = ctx
  const now = ctx.now()
  const caller = await ctx.caller()
  const admin = isWeekAdmin(caller.roles, input.weekId)
  const cities = adminCities(caller.roles, input.weekId)
  requireThat(admin || (input.role === 'organiser' && cities.length > 0))
  const week = await readWeek(db, input.weekId)
  const unit = unitFor(week, input.role, input.unitCode)
  // A city admin: organisers of their own city's districts only.
  requireThat(admin || (unit.cityCode !== null && cities.includes(unit.cityCode)))

  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const doc: AppointInviteDoc = {
      _id: newCode(),
      weekId: week._id,
      role: input.role,
      unitCode: input.unitCode,
      unitName: unit.name,
      createdBy: ctx.openid,
      createdAt: new Date(now),
      expiresAt: new Date(now + input.validHours * HOUR),
      usedBy: null,
      usedAt: null,
      cancelledAt: null,
    }
    try {
      await db.collection(COLLECTIONS.appointInvites).add({ data: doc })
      return { invite: toInvite(doc) }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  throw new DomainError('CONFLICT')
}

async function readInvite(db: Database, code: string): Promise<AppointInviteDoc | null> {
  const [doc] = await readDocs<AppointInviteDoc>(db.collection(COLLECTIONS.appointInvites).where({ _id: code }).limit(1))
  return doc ?? null
}

/** Why an invite someone else holds or nobody may use is refused. */
function refusal(invite: AppointInviteDoc, openid: string, now: number): DomainError | null {
  if (invite.usedBy === openid) return null
  if (invite.usedBy) return new DomainError('INVITE_USED')
  if (invite.cancelledAt) return new DomainError('INVITE_REVOKED')
  if (ms(invite.expiresAt) <= now) return new DomainError('INVITE_EXPIRED')
  return null
}

/**
 * Redeems a code. Three writes, each done once whoever repeats them, so a retry after a crash
 * completes the appointment and a second redeem by the same person answers the same:
 *   1. the invite claimed for the caller (conditional: still unused and not cancelled)
 *   2. the grant added to the caller's account, unless they hold it
 *   3. the record of the change (its _id made of the code)
 */
export async function redeemAppointment(ctx: ActionContext, input: { code: string }) {
  const { db } = ctx
  const now = ctx.now()
  const [invite, [user]] = await Promise.all([
    readInvite(db, input.code),
    readDocs<UserDoc>(db.collection(COLLECTIONS.users).where({ _id: ctx.openid }).limit(1)),
  ])
  if (!invite) throw new DomainError('INVITE_INVALID')
  const refused = refusal(invite, ctx.openid, now)
  if (refused) throw refused
  let usedAt = invite.usedAt ? ms(invite.usedAt) : now
  if (invite.usedBy !== ctx.openid) {
    const claimed = await updateCount(
      db.collection(COLLECTIONS.appointInvites).where({ _id: invite._id, usedBy: null, cancelledAt: null }),
      { usedBy: ctx.openid, usedAt: new Date(now) },
    )
    if (claimed === 0) {
      // Taken or withdrawn meanwhile (or by this person's earlier try): decide on what is stored now.
      const again = await readInvite(db, invite._id)
      if (!again) throw new DomainError('INVITE_INVALID')
      const late = refusal(again, ctx.openid, Number.POSITIVE_INFINITY)
      if (late) throw late
      if (again.usedBy !== ctx.openid) throw new DomainError('INVITE_USED')
      usedAt = again.usedAt ? ms(again.usedAt) : now
    }
  }
  const grant = grantOf(invite)
  await addGrant(db, ctx.openid, user ?? null, grant, now)
  await recordChange(db, {
    _id: stepId('rc', 'invite', invite._id),
    weekId: invite.weekId,
    at: new Date(usedAt),
    by: invite.createdBy,
    whom: ctx.openid,
    change: 'grant',
    via: 'invite',
    grant,
    unitName: invite.unitName,
  })
  const [week] = await readDocs<Pick<WeekDoc, 'name'>>(
    db.collection(COLLECTIONS.weeks).where({ _id: invite.weekId }).field({ name: true }).limit(1),
  )
  return { grant, weekName: week?.name ?? invite.weekId, unitName: invite.unitName }
}

/** Whoever made it, or an admin of the week: withdraws an unused invite (again: the same answer). */
export async function cancelAppointment(ctx: ActionContext, input: { code: string }) {
  const { db } = ctx
  const [invite, caller] = await Promise.all([readInvite(db, input.code), ctx.caller()])
  if (!invite) throw new DomainError('INVITE_INVALID')
  requireThat(invite.createdBy === ctx.openid || isWeekAdmin(caller.roles, invite.weekId))
  if (invite.usedBy) throw new DomainError('INVITE_USED')
  if (invite.cancelledAt) return { cancelled: true as const }
  const done = await updateCount(db.collection(COLLECTIONS.appointInvites).where({ _id: invite._id, usedBy: null }), {
    cancelledAt: new Date(ctx.now()),
  })
  if (done === 0) throw new DomainError('INVITE_USED')
  return { cancelled: true as const }
}
