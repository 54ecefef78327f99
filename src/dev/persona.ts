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
