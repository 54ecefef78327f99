// Dev-only (h5): which seeded test person the local gateway should act as. Never imported by weapp code
// paths: everything that reaches it sits behind process.env.TARO_ENV === 'h5'.

export const DEV_OPENID_KEY = 'dev.openid'
export const DEFAULT_DEV_OPENID = 'dev-resident'
/** Stored as the persona: no identity at all (the stand-in for WeChat's 朋友圈 single-page mode). */
export const DEV_VISITOR = '(visitor)'

export interface DevPersona {
  openid: string
  label: string
  persona: string
}

/** The openid the gateway should act as; '' for the visitor (no identity). */
export function currentDevOpenid(): string {
  try {
    const kept = window.localStorage.getItem(DEV_OPENID_KEY)
    if (kept === DEV_VISITOR) return ''
    return kept || DEFAULT_DEV_OPENID
  } catch {
    return DEFAULT_DEV_OPENID
  }
}

export function chooseDevOpenid(openid: string): void {
  window.localStorage.setItem(DEV_OPENID_KEY, openid)
}

/**
 * Stored as 'accept' or 'reject': the answer WeChat's subscribe dialog gives without asking once the
 * person ticked 总是保持以上选择 (the h5 stand-in, services/subscribePrompt.h5.ts); absent: it asks.
 */
export const DEV_SUBSCRIBE_ALWAYS_KEY = 'dev.subscribe.always'

export function keptSubscribeAnswer(): 'accept' | 'reject' | null {
  try {
    const kept = window.localStorage.getItem(DEV_SUBSCRIBE_ALWAYS_KEY)
    return kept === 'accept' || kept === 'reject' ? kept : null
  } catch {
    return null
  }
}
