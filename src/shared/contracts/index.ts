import type { z } from 'zod'
import { activityContract } from './activity'
import { checkinContract } from './checkin'
import { posterContract } from './poster'
import { courseContract } from './course'
import { notifyContract } from './notify'
import { privacyContract } from './privacy'
import { readingContract } from './reading'
import { signupContract } from './signup'
import { signupSubscribeContract } from './subscribe'
import { staffContract } from './staff'
import { starsContract } from './stars'
import { statsContract } from './stats'

/** Every cloud function and its actions: the one source of truth for both sides. */
export const contracts = {
  activity: { ...activityContract, ...posterContract },
  checkin: checkinContract,
  course: courseContract,
  notify: notifyContract,
  privacy: privacyContract,
  reading: readingContract,
  signup: { ...signupContract, ...signupSubscribeContract },
  staff: staffContract,
  stars: starsContract,
  stats: statsContract,
}

export type Contracts = typeof contracts
export type FnName = keyof Contracts
export type ActionName<F extends FnName> = keyof Contracts[F] & string
type Contract<F extends FnName, A extends ActionName<F>> = Contracts[F][A] & { input: z.ZodTypeAny; output: z.ZodTypeAny }
export type InputOf<F extends FnName, A extends ActionName<F>> = z.input<Contract<F, A>['input']>
export type OutputOf<F extends FnName, A extends ActionName<F>> = z.output<Contract<F, A>['output']>

export function findContract(fn: string, actionName: string) {
  const fnContracts = (contracts as Record<string, Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>>)[fn]
  if (!fnContracts) return { fn: undefined, action: undefined }
  const found = Object.prototype.hasOwnProperty.call(fnContracts, actionName) ? fnContracts[actionName] : undefined
  return { fn: fnContracts, action: found }
}
