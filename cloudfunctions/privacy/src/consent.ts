// Consent to the privacy guide (config/privacy.ts): what the caller agreed to, and recording it.
import type { Consent } from '@shared/contracts/privacy'
import { PRIVACY_VERSION, consentIsCurrent } from '@shared/domain/privacy'
import { DomainError } from '@shared/errors'
import type { StoredConsent } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readUser, upsertUser } from '../../_core/users'

const toConsent = (c: StoredConsent): Consent => ({ version: c.version, at: c.at.getTime() })

export async function getConsent(ctx: ActionContext) {
  const user = await readUser(ctx.db, ctx.openid)
  const consent = user?.consent ?? null
  return { version: PRIVACY_VERSION, consent: consent && toConsent(consent), current: consentIsCurrent(consent) }
}

/** One write: the user document's consent set (the document created when there is none yet). */
export async function recordConsent(ctx: ActionContext, input: { version: number }) {
  if (input.version !== PRIVACY_VERSION) throw new DomainError('CONSENT_VERSION_STALE')
  const consent: StoredConsent = { version: input.version, at: new Date(ctx.now()) }
  await upsertUser(ctx.db, ctx.openid, { consent: ctx.db.command.set(consent) }, () => ({ consent }), ctx.now())
  return { consent: toConsent(consent) }
}
