// The units of a week below its bureau: cities and districts, created by name (the code is
// generated: cities c<n>, districts d<n>, or <cityCode>-<n> under a city; n the first free number
// of the week). The units live in the week document; every change is a conditional update on the
// units revision read, so two creates at once cannot both take a code (the loser reads again).
import type { Unit } from '@shared/contracts/staff'
import { adminCities, districtCodeIn, isWeekAdmin } from '@shared/domain/staff'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { requireThat } from '../../_core/roles'
import { updateCount } from '../../_core/write'
import { readWeek, unitsOf } from './context'

/** A create that lost a race reads the week again; a few rounds at most. */
const UNIT_ROUNDS = 5

/** Writes the week's units if nobody changed them since `week` was read: whether it did. */
export async function saveUnits(db: Database, week: WeekDoc, units: Pick<WeekDoc, 'cities' | 'districts'>, now: number): Promise<boolean> {
  const _ = db.command
  const rev = week.unitsRev ?? 0
  const where = { _id: week._id, unitsRev: week.unitsRev === undefined ? _.exists(false) : rev }
  const data = { cities: _.set(units.cities ?? []), districts: _.set(units.districts), unitsRev: rev + 1, updatedAt: new Date(now) }
  return (await updateCount(db.collection(COLLECTIONS.weeks).where(where), data)) === 1
}

/** The first free code `make(n)`, n = 1, 2, … */
function freeCode(taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken.has(make(n))) return make(n)
}

/** Admin of the week: every unit; a city admin: their cities and those cities' districts. */
export async function listUnits(ctx: ActionContext, input: { weekId: string }) {
  const caller = await ctx.caller()
  const admin = isWeekAdmin(caller.roles, input.weekId)
  const cities = adminCities(caller.roles, input.weekId)
  requireThat(admin || cities.length > 0)
  const week = await readWeek(ctx.db, input.weekId)
  const units = unitsOf(week).filter(
    (u) => admin || (u.level === 'city' ? cities.includes(u.code) : u.cityCode !== null && cities.includes(u.cityCode)),
  )
  return { weekId: week._id, weekName: week.name, level: week.level, units }
}

export async function createUnit(
  ctx: ActionContext,
  input: { weekId: string; name: string; level: 'city' | 'district'; cityCode: string | null },
) {
  const { db } = ctx
  const caller = await ctx.caller()
  const admin = isWeekAdmin(caller.roles, input.weekId)
  // A city sits right under the week's bureau: its cityCode, if sent, means nothing.
  const cityCode = input.level === 'district' ? input.cityCode : null
  // A city admin may add districts to their own city only.
  requireThat(admin || (cityCode !== null && adminCities(caller.roles, input.weekId).includes(cityCode)))
  const name = input.name.trim()
  for (let round = 0; round < UNIT_ROUNDS; round++) {
    const week = await readWeek(db, input.weekId)
    const cities = week.cities ?? []
    if (cityCode !== null && !cities.some((c) => c.code === cityCode)) throw new DomainError('UNIT_NOT_IN_WEEK')
    const sameLevel = input.level === 'city' ? cities : week.districts
    if (sameLevel.some((u) => u.name === name)) throw new DomainError('UNIT_NAME_TAKEN')
    const taken = new Set([...cities, ...week.districts].map((u) => u.code))
    let unit: Unit
    let next: Pick<WeekDoc, 'cities' | 'districts'>
    if (input.level === 'city') {
      unit = { code: freeCode(taken, (n) => `c${n}`), name, level: 'city', cityCode: null }
      next = { cities: [...cities, { code: unit.code, name }], districts: week.districts }
    } else {
      const city = cityCode
      const code = city ? freeCode(taken, (n) => districtCodeIn(city, n)) : freeCode(taken, (n) => `d${n}`)
      unit = { code, name, level: 'district', cityCode: city }
      next = { cities, districts: [...week.districts, city ? { code, name, cityCode: city } : { code, name }] }
    }
    if (await saveUnits(db, week, next, ctx.now())) return { unit }
  }
  throw new DomainError('CONFLICT')
}
