export { PrivacySheet, PRIVACY_PAGE } from './PrivacySheet'
export { ConsentNeeded } from './ConsentNeeded'
export { usePrivacyGate, type GateState, type PrivacyGate } from './usePrivacyGate'
export { askConsent, forgetConsent, needWechatPrivacy } from './consentGate'
