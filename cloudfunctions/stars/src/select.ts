// Selection by the level above the district (its city's admins, or the week's admins when it has no
// city), within the places that level set; a city-selected entry may be selected again by the top.
//
// Crash safety. A place is held in the selecting unit's StarPlacesDoc: `used.<kind>` and
// `held.<nominationId>` move together in ONE conditional update (`used < places`, not held yet), so
// the limit holds however many select at once and a nomination never holds two places of one unit.
// The holder id on the places document is the source of truth for the counter; the nomination's
// honour of that level says whether the selection finished. The two writes are ordered so any
// state left by a call that died between them is one a retry finishes:
//  - select: 1. take the place (held.<id>) 2. the nomination gets its honour (status selected, placeOf).
//    Died after 1: held but no honour. A retried select finds its place held and does 2 only (no
//    second count); an un-select instead frees it. Nothing else can take that place meanwhile.
//  - un-select: 1. the nomination loses its honour 2. the place is freed (held.<id> removed, used - 1,
//    only while held, so a repeat frees nothing twice). Died after 1: held but no honour, the same
//    state: a retried un-select frees it.
// We chose the holder map over a journal entry: the holder key is the request's idempotency key
// (one per nomination and unit) and sits in the very document the limit is checked on.
import type { Nomination, Places } from '@shared/contracts/stars'
import { canSelect } from '@shared/domain/stars'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc, type StarPlacesDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isAdmin, requireThat } from '../../_core/roles'
import { isDuplicateKey, updateCount } from '../../_core/write'
import {
  actorName,
  emptyPlaces,
  event,
  loadNomination,
  loadPlaces,
  loadScope,
  nominationView,
  placesIdOf,
  placesView,
  selectingUnit,
  selectsFor,
  sortHonours,
} from './view'

type Kind = 'star' | 'project'

async function takePlace(ctx: ActionContext, places: StarPlacesDoc, id: string, kind: Kind): Promise<StarPlacesDoc> {
  const _ = ctx.db.command
  const limit = places.places[kind]
  if (places.used[kind] >= limit) throw new DomainError('PLACES_FULL')
  const n = await updateCount(
    ctx.db.collection(COLLECTIONS.starPlaces).where({
      _id: places._id,
      [`places.${kind}`]: limit,
      [`used.${kind}`]: _.lt(limit),
      [`held.${id}`]: _.exists(false),
    }),
    { [`used.${kind}`]: _.inc(1), [`held.${id}`]: kind, updatedAt: new Date(ctx.now()) },
  )
  const after = await loadPlaces(ctx, places.weekId, places.cityCode)
  if (n === 1 || after.held?.[id]) return after
  if (after.used[kind] >= after.places[kind]) throw new DomainError('PLACES_FULL')
  throw new DomainError('CONFLICT')
}

export async function freePlace(ctx: ActionContext, places: StarPlacesDoc, id: string, kind: Kind): Promise<StarPlacesDoc> {
  const _ = ctx.db.command
  await updateCount(ctx.db.collection(COLLECTIONS.starPlaces).where({ _id: places._id, [`held.${id}`]: _.exists(true) }), {
    [`used.${kind}`]: _.inc(-1),
    [`held.${id}`]: _.remove(),
    updatedAt: new Date(ctx.now()),
  })
  return loadPlaces(ctx, places.weekId, places.cityCode)
}

export async function select(
  ctx: ActionContext,
  input: { id: string; cityCode: string | null; selected: boolean },
): Promise<{ nomination: Nomination; places: Places }> {
  const doc = await loadNomination(ctx, input.id)
  const scope = await loadScope(ctx, doc.weekId)
  requireThat(selectsFor(scope, input.cityCode))
  // A city selects its own districts' entries; the top selects those without a city, or again a city's.
  if (input.cityCode !== null && input.cityCode !== doc.cityCode) throw new DomainError('FORBIDDEN')
  const { level, by } = selectingUnit(scope.week, input.cityCode)
  const reselect = input.cityCode === null && doc.cityCode !== null
  if (doc.recorded) throw new DomainError('NOMINATION_STATUS_INVALID')
  let places = await loadPlaces(ctx, doc.weekId, input.cityCode)
  const honour = doc.honours.find((h) => h.level === level)
  const holds = places.held?.[doc._id] !== undefined
  const kind = doc.kind
  const now = new Date(ctx.now())
  const done = (next: NominationDoc, p: StarPlacesDoc) => ({ nomination: nominationView(scope, next), places: placesView(scope.week, p) })

  if (input.selected) {
    if (honour) return done(doc, places)
    const eligible = reselect ? (doc.status === 'selected' || doc.status === 'published') && doc.honours.length > 0 : canSelect(doc.status)
    if (!eligible) throw new DomainError('NOMINATION_STATUS_INVALID')
    if (!holds) places = await takePlace(ctx, places, doc._id, kind)
    const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4))
    const honours = sortHonours([...doc.honours, { level, by, year, at: now }])
    const fields = {
      status: reselect ? doc.status : ('selected' as const),
      honours,
      placeOf: placesIdOf(doc.weekId, input.cityCode),
      updatedAt: now,
    }
    const ev = event('select', now, actorName(scope, doc.districtCode), ctx.openid)
    const n = await updateCount(
      ctx.db.collection(COLLECTIONS.nominations).where({ _id: doc._id, status: doc.status, updatedAt: doc.updatedAt }),
      {
        ...fields,
        honours: ctx.db.command.set(honours),
        history: ctx.db.command.push([ev]),
      },
    )
    if (n !== 1) {
      // Changed meanwhile (declined, or selected by another call): give the place back unless it is now held by the honour.
      const fresh = await loadNomination(ctx, doc._id)
      if (!fresh.honours.some((h) => h.level === level)) await freePlace(ctx, places, doc._id, kind)
      throw new DomainError('CONFLICT')
    }
    return done({ ...doc, ...fields, history: [...doc.history, ev] }, places)
  }

  // Un-select.
  if (!honour) {
    if (!holds) throw new DomainError('NOMINATION_STATUS_INVALID')
    // A place left held by a call that died: free it.
    return done(doc, await freePlace(ctx, places, doc._id, kind))
  }
  // The city's selection is undone only after the top's (selected again above it).
  const topLevel = selectingUnit(scope.week, null).level
  const higher = doc.cityCode !== null && doc.honours.some((h) => h !== honour && h.level === topLevel)
  if (doc.status !== 'selected' || (!reselect && higher)) throw new DomainError('NOMINATION_STATUS_INVALID')
  const honours = doc.honours.filter((h) => h !== honour)
  const fields = {
    status: reselect ? doc.status : ('recommended' as const),
    honours,
    placeOf: reselect ? placesIdOf(doc.weekId, doc.cityCode) : null,
    updatedAt: now,
  }
  const ev = event('select', now, actorName(scope, doc.districtCode), ctx.openid, '取消入选')
  const n = await updateCount(
    ctx.db.collection(COLLECTIONS.nominations).where({ _id: doc._id, status: doc.status, updatedAt: doc.updatedAt }),
    {
      ...fields,
      honours: ctx.db.command.set(honours),
      history: ctx.db.command.push([ev]),
    },
  )
  if (n !== 1) throw new DomainError('CONFLICT')
  places = holds ? await freePlace(ctx, places, doc._id, kind) : places
  return done({ ...doc, ...fields, history: [...doc.history, ev] }, places)
}

export async function setPlaces(
  ctx: ActionContext,
  input: { weekId: string; cityCode: string | null; star: number; project: number },
): Promise<Places> {
  const scope = await loadScope(ctx, input.weekId)
  selectingUnit(scope.week, input.cityCode)
  requireThat(input.cityCode === null ? isAdmin(scope.caller, input.weekId) : selectsFor(scope, input.cityCode))
  const _ = ctx.db.command
  const now = new Date(ctx.now())
  const id = placesIdOf(input.weekId, input.cityCode)
  for (let round = 0; round < 3; round++) {
    const [current] = await readDocs<StarPlacesDoc>(ctx.db.collection(COLLECTIONS.starPlaces).where({ _id: id }).limit(1))
    if (current && (current.used.star > input.star || current.used.project > input.project)) throw new DomainError('PLACES_BELOW_USED')
    const places = { star: input.star, project: input.project }
    if (!current) {
      const doc = { ...emptyPlaces(input.weekId, input.cityCode), places, updatedAt: now }
      try {
        await ctx.db.collection(COLLECTIONS.starPlaces).add({ data: doc })
        return placesView(scope.week, doc)
      } catch (err) {
        if (isDuplicateKey(err)) continue
        throw err
      }
    }
    // The limit may not drop below what is taken, even when a selection lands meanwhile.
    const n = await updateCount(
      ctx.db.collection(COLLECTIONS.starPlaces).where({ _id: id, 'used.star': _.lte(input.star), 'used.project': _.lte(input.project) }),
      { places: _.set(places), updatedAt: now },
    )
    if (n === 1) return placesView(scope.week, { ...current, places })
  }
  throw new DomainError('PLACES_BELOW_USED')
}
