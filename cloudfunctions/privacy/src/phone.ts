// WeChat's phone-number button (手机号快速验证, for AppIDs that qualify): the button gives the page a
// one-time `code`, this turns it into the number with the cloud call
// cloud.openapi.phonenumber.getPhoneNumber({ code }), which answers
// { errCode, errMsg, phoneInfo: { phoneNumber, purePhoneNumber, countryCode, watermark } }.
// A code is valid once and for 5 minutes; an invalid, used or expired one answers errCode 40029 (the
// local cloud's stand-in keeps the same rules: localcloud/db/openapi.ts). Any failure answers
// PHONE_CODE_INVALID, whose message asks the person to type the number: the typed form is always
// the fallback. No database operation; nothing is stored (the form sends the number with the sign-up).
import { DomainError } from '@shared/errors'
import { getCloud } from '../../_core/cloud'
import type { ActionContext } from '../../_core/handler'

interface PhoneAnswer {
  errCode?: number
  phoneInfo?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string | number }
}

interface PhoneApi {
  openapi: { phonenumber: { getPhoneNumber(data: { code: string }): Promise<PhoneAnswer> } }
}

/** WeChat's answers that mean the code itself is no good (invalid, used, expired): nothing to log. */
const CODE_ERRORS = new Set([40029, 40163])

export async function fillPhone(_ctx: ActionContext, input: { code: string }) {
  let answer: PhoneAnswer
  try {
    answer = await (getCloud() as unknown as PhoneApi).openapi.phonenumber.getPhoneNumber({ code: input.code })
  } catch (err) {
    const errCode = (err as { errCode?: unknown } | null)?.errCode
    if (!(typeof errCode === 'number' && CODE_ERRORS.has(errCode))) console.error('[privacy.phone.fill] getPhoneNumber failed', err)
    throw new DomainError('PHONE_CODE_INVALID')
  }
  const phone = answer.phoneInfo?.purePhoneNumber || answer.phoneInfo?.phoneNumber
  if (!phone) throw new DomainError('PHONE_CODE_INVALID')
  return { phone }
}
