import type { z } from 'zod'
import type { Contracts, FnName } from '@shared/contracts'

type ActionContract = { input: z.ZodTypeAny; output: z.ZodTypeAny }

/**
 * The contracts callCloud checks against, one cloud function at a time. Each service module
 * (`activity.ts`, `stats.ts`, …) registers its own function's contract when it is loaded, so a
 * package holds only the contracts of the services its pages use: the main package never carries
 * the organiser's or the volunteers' schemas. (`@shared/contracts` would bring in all of them.)
 */
const registered: Partial<Record<FnName, Record<string, ActionContract>>> = {}

/**
 * Registers `fn`'s contract, or part of it: a second call adds its actions (signup's subscribe.record
 * is registered apart, by the page that needs it: @shared/contracts/subscribe; so is the poster's
 * activity.wxacode, in the ticket subpackage).
 */
export function registerContract<F extends FnName>(fn: F, contract: Partial<Contracts[F]>): void {
  registered[fn] = { ...registered[fn], ...(contract as unknown as Record<string, ActionContract>) }
}

/** The action's contract, or undefined for an unknown function or action (own keys only). */
export function registeredContract(fn: string, action: string): ActionContract | undefined {
  const fnContracts = Object.prototype.hasOwnProperty.call(registered, fn) ? registered[fn as FnName] : undefined
  if (!fnContracts || !Object.prototype.hasOwnProperty.call(fnContracts, action)) return undefined
  return fnContracts[action]
}
