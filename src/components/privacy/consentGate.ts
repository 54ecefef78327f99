// The consent sheet's state, one store for the app session (like careMode.ts): whether the caller's
// consent to the privacy guide is current (asked from the cloud once, then remembered), the open
// request to agree (from a form's gate, or from WeChat's onNeedPrivacyAuthorization), and which
// page's sheet shows it (the page on top: each mounted sheet registers, the last shown wins).
import { getConsent, recordConsent } from '@/services/privacy'
import { toCloudError, type CloudError } from '@/services/cloudError'

/** WeChat's `resolve` of onNeedPrivacyAuthorization. */
export type WechatResolve = (o: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

export interface ConsentAsk {
  /** What needs the consent, in a sentence ('' for WeChat's own requests). */
  reason: string
  /** WeChat's pending requests (a privacy API waiting); empty for a form's gate. */
  wechat: WechatResolve[]
  /** The forms waiting for the answer. */
  waiting: ((agreed: boolean) => void)[]
}

export interface ConsentSnapshot {
  ask: ConsentAsk | null
  /** The sheet (by id) that shows the request: the page on top. */
  top: number | null
  busy: boolean
  error: CloudError | null
}

/** The id of the agree button, which WeChat checks was tapped (resolve's buttonId). */
export const AGREE_BUTTON_ID = 'privacy-agree'

let known: boolean | null = null
let loading: Promise<boolean> | null = null
let owners: number[] = []
let snap: ConsentSnapshot = { ask: null, top: null, busy: false, error: null }
const subscribers = new Set<() => void>()

function set(patch: Partial<ConsentSnapshot>) {
  snap = { ...snap, ...patch }
  subscribers.forEach((fn) => fn())
}

export function subscribeConsent(fn: () => void): () => void {
  subscribers.add(fn)
  return () => subscribers.delete(fn)
}

export function consentSnapshot(): ConsentSnapshot {
  return snap
}

/** Whether the caller's consent is current: asked once per app session, then remembered. */
export function checkConsent(): Promise<boolean> {
  if (known !== null) return Promise.resolve(known)
  loading ??= getConsent()
    .then((r) => {
      known = r.current
      return r.current
    })
    .finally(() => {
      loading = null
    })
  return loading
}

/** The server refused for want of consent (CONSENT_REQUIRED): ask again next time. */
export function forgetConsent(): void {
  known = false
}

/** Opens the sheet on the current page; true once the person agreed (and it was recorded), false on refusal. */
export function askConsent(reason: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ask = snap.ask
    if (ask) set({ ask: { ...ask, reason: ask.reason || reason, waiting: [...ask.waiting, resolve] } })
    else set({ ask: { reason, wechat: [], waiting: [resolve] }, error: null })
  })
}

/** weapp: the listener of wx.onNeedPrivacyAuthorization (a privacy API is waiting for the answer). */
export function needWechatPrivacy(resolve: WechatResolve): void {
  const ask = snap.ask
  if (ask) set({ ask: { ...ask, wechat: [...ask.wechat, resolve] } })
  else set({ ask: { reason: '', wechat: [resolve], waiting: [] }, error: null })
}

/**
 * 同意并继续: WeChat's waiting APIs go on at once (the agree button was tapped), the consent is recorded
 * on the server, then the forms waiting open. A failed record leaves the sheet open with the error.
 */
export async function agreeConsent(): Promise<void> {
  const ask = snap.ask
  if (!ask || snap.busy) return
  ask.wechat.forEach((resolve) => resolve({ event: 'agree', buttonId: AGREE_BUTTON_ID }))
  set({ ask: { ...ask, wechat: [] }, busy: true, error: null })
  try {
    await recordConsent()
    known = true
    const waiting = snap.ask?.waiting ?? []
    set({ ask: null, busy: false })
    waiting.forEach((resolve) => resolve(true))
  } catch (err) {
    // WeChat's own request needs nothing more: only a form waits for the record.
    if (ask.waiting.length === 0) set({ ask: null, busy: false })
    else set({ busy: false, error: toCloudError(err) })
  }
}

/** 不同意: WeChat's waiting APIs fail, the forms stay closed. */
export function refuseConsent(): void {
  const ask = snap.ask
  if (!ask) return
  set({ ask: null, busy: false, error: null })
  ask.wechat.forEach((resolve) => resolve({ event: 'disagree' }))
  ask.waiting.forEach((resolve) => resolve(false))
}

/** A page's sheet shows (mounted, or its page shown again): it is the one on top. */
export function sheetShown(id: number): void {
  owners = [...owners.filter((o) => o !== id), id]
  if (snap.top !== id) set({ top: id })
}

/** A page's sheet is gone (its page closed). */
export function sheetGone(id: number): void {
  owners = owners.filter((o) => o !== id)
  const top = owners.length > 0 ? owners[owners.length - 1] : null
  if (snap.top !== top) set({ top })
}
