// Dev-only (h5): which seeded test person the local gateway should act as. Never imported by weapp code
// paths: everything that reaches it sits behind process.env.TARO_ENV === 'h5'.

export const DEV_OPENID_KEY = 'dev.openid'
export const DEFAULT_DEV_OPENID = 'dev-resident'

export interface DevPersona {
  openid: string
  label: string
  persona: string
}

export function currentDevOpenid(): string {
  try {
    return window.localStorage.getItem(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID
  } catch {
    return DEFAULT_DEV_OPENID
  }
}

export function chooseDevOpenid(openid: string): void {
  window.localStorage.setItem(DEV_OPENID_KEY, openid)
}
