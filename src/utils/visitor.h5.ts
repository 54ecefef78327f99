// h5 (local runs and browser tests): a visitor is someone without identity, the dev persona
// 访客 (no x-dev-openid), the stand-in for WeChat's 朋友圈 single-page mode.
import { currentDevOpenid } from '@/dev/persona'

export function isVisitor(): boolean {
  return currentDevOpenid() === ''
}
