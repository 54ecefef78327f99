// Nominating: a draft saved by its nominator (an organiser for their district, or a resident for
// themself when the week allows it), handed to the district after the content check, and a
// recognition from elsewhere recorded by staff (published at once). Each is one write.
import type { Nomination, NominationInput } from '@shared/contracts/stars'
import { canEdit, canNominate, STAR_LIMITS, type HonourLevel } from '@shared/domain/stars'
import { DomainError } from '@shared/errors'
import { checkImages, checkText } from '../../_core/contentCheck'
import { COLLECTIONS, type NominationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { requireThat } from '../../_core/roles'
import { readUser, requireConsent } from '../../_core/users'
import { updateCount } from '../../_core/write'
import { actorName, cityCodeOf, event, loadNomination, loadScope, nominationView, runsDistrictOf, type StarScope } from './view'

type Input = Required<Omit<NominationInput, 'id'>> & { id?: string }

const newNominationId = (now: number) => `nm${now.toString(36)}${randomId(8)}`

function districtOf(scope: StarScope, code: string) {
  const d = scope.week.districts.find((x) => x.code === code)
  if (!d) throw new DomainError('DISTRICT_NOT_IN_WEEK')
  return d
}

/** The fields a nominator types, as stored. */
function typed(input: Input) {
  return {
    kind: input.kind,
    name: input.name,
    unitName: input.unitName,
    story: input.story,
    photos: input.photos,
    videoUrl: input.videoUrl,
    nomineeConsent: input.nomineeConsent,
    nomineeConsentAt: null,
  }
}

/** The content check of everything residents would see: name, unit, story (text) and the photos. */
export async function passesContentCheck(
  doc: Pick<NominationDoc, 'name' | 'unitName' | 'story' | 'photos'>,
  openid: string,
): Promise<boolean> {
  return (await checkText([doc.name, doc.unitName, doc.story], openid)) && (await checkImages(doc.photos))
}

export async function saveNomination(ctx: ActionContext, input: Input): Promise<{ nomination: Nomination }> {
  const { db } = ctx
  const scope = await loadScope(ctx, input.weekId)
  const district = districtOf(scope, input.districtCode)
  const organiser = runsDistrictOf(scope, input.districtCode)
  const now = new Date(ctx.now())
  if (!organiser) {
    if (!scope.week.stars?.selfNomination) throw new DomainError('SELF_NOMINATION_CLOSED')
    requireConsent(await readUser(db, ctx.openid))
  }
  const kind = organiser ? ('organiser' as const) : ('self' as const)
  const by = actorName(scope, input.districtCode, kind === 'self' ? 'self' : undefined)
  const nominator = { kind, openid: ctx.openid, name: input.contactName, phone: input.contactPhone }

  if (input.id) {
    const doc = await loadNomination(ctx, input.id)
    requireThat(doc.nominator.openid === ctx.openid && doc.weekId === input.weekId)
    if (!canEdit(doc.status)) throw new DomainError('NOMINATION_LOCKED')
    const fields = {
      ...typed(input),
      districtCode: district.code,
      districtName: district.name,
      cityCode: cityCodeOf(scope.week, district.code),
      nominator: db.command.set({ ...nominator, kind: doc.nominator.kind }),
      checkedAt: null,
      updatedAt: now,
    }
    const n = await updateCount(db.collection(COLLECTIONS.nominations).where({ _id: doc._id, status: 'draft' }), fields)
    if (n !== 1) throw new DomainError('NOMINATION_LOCKED')
    const next: NominationDoc = { ...doc, ...fields, nominator: { ...nominator, kind: doc.nominator.kind } }
    return { nomination: nominationView(scope, next) }
  }

  const doc: NominationDoc = {
    _id: newNominationId(now.getTime()),
    weekId: input.weekId,
    ...typed(input),
    districtCode: district.code,
    districtName: district.name,
    cityCode: cityCodeOf(scope.week, district.code),
    nominator,
    status: 'draft',
    hidden: false,
    reason: null,
    honours: [],
    placeOf: null,
    recorded: false,
    likes: 0,
    votes: 0,
    checkedAt: null,
    history: [event('save', now, by, ctx.openid)],
    createdAt: now,
    updatedAt: now,
  }
  await db.collection(COLLECTIONS.nominations).add({ data: doc })
  return { nomination: nominationView(scope, doc) }
}

export async function nominate(ctx: ActionContext, input: { id: string }): Promise<{ nomination: Nomination }> {
  const { db } = ctx
  const doc = await loadNomination(ctx, input.id)
  const scope = await loadScope(ctx, doc.weekId)
  requireThat(doc.nominator.openid === ctx.openid)
  if (!canNominate(doc.status)) throw new DomainError('NOMINATION_LOCKED')
  if (doc.story.trim().length < STAR_LIMITS.storyMin) throw new DomainError('VALIDATION_FAILED', { fields: ['story'] })
  // The nominee's consent is attested on the draft (nomineeConsent saved true sets nomineeConsentAt
  // only here, when the nominator hands it in): a star without it is refused.
  if (doc.kind === 'star' && !doc.nomineeConsent) throw new DomainError('NOMINEE_CONSENT_REQUIRED')
  if (!(await passesContentCheck(doc, ctx.openid))) throw new DomainError('CONTENT_FLAGGED')
  const now = new Date(ctx.now())
  const by = actorName(scope, doc.districtCode, doc.nominator.kind === 'self' ? 'self' : undefined)
  const ev = event('nominate', now, by, ctx.openid)
  const fields = {
    status: 'nominated' as const,
    nomineeConsentAt: doc.kind === 'star' ? now : null,
    checkedAt: now,
    updatedAt: now,
  }
  const n = await updateCount(db.collection(COLLECTIONS.nominations).where({ _id: doc._id, status: 'draft', updatedAt: doc.updatedAt }), {
    ...fields,
    history: db.command.push([ev]),
  })
  if (n !== 1) throw new DomainError('CONFLICT')
  return { nomination: nominationView(scope, { ...doc, ...fields, history: [...doc.history, ev] }) }
}

export async function recordRecognition(
  ctx: ActionContext,
  input: Input & { level: HonourLevel; year: number; by: string },
): Promise<{ nomination: Nomination }> {
  const { db } = ctx
  const scope = await loadScope(ctx, input.weekId)
  const district = districtOf(scope, input.districtCode)
  requireThat(runsDistrictOf(scope, district.code))
  if (input.kind === 'star' && !input.nomineeConsent) throw new DomainError('NOMINEE_CONSENT_REQUIRED')
  if (!(await passesContentCheck(input, ctx.openid))) throw new DomainError('CONTENT_FLAGGED')
  const now = new Date(ctx.now())
  const doc: NominationDoc = {
    _id: newNominationId(now.getTime()),
    weekId: input.weekId,
    ...typed(input),
    nomineeConsentAt: input.kind === 'star' ? now : null,
    districtCode: district.code,
    districtName: district.name,
    cityCode: cityCodeOf(scope.week, district.code),
    nominator: { kind: 'organiser', openid: ctx.openid, name: input.contactName, phone: input.contactPhone },
    status: 'published',
    hidden: false,
    reason: null,
    honours: [{ level: input.level, by: input.by, year: input.year, at: now }],
    placeOf: null,
    recorded: true,
    likes: 0,
    votes: 0,
    checkedAt: now,
    history: [event('record', now, actorName(scope, district.code), ctx.openid)],
    createdAt: now,
    updatedAt: now,
  }
  await db.collection(COLLECTIONS.nominations).add({ data: doc })
  return { nomination: nominationView(scope, doc) }
}
