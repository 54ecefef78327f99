import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { needWechatPrivacy } from './components/privacy/consentGate'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  // The cloud environment is the one selected in DevTools for this AppID (DYNAMIC_CURRENT_ENV).
  Taro.cloud.init({ traceUser: true })
  // A privacy API (scanCode, chooseImage, chooseLocation, setClipboardData…) used before the person
  // agreed: our consent sheet shows on the page on top and answers WeChat (components/privacy).
  // Older base libraries (before 2.32.3) have no such event.
  if (typeof Taro.onNeedPrivacyAuthorization === 'function') Taro.onNeedPrivacyAuthorization((resolve) => needWechatPrivacy(resolve))
}

if (process.env.TARO_ENV === 'h5') {
  // Dev only: the person switcher for the local gateway. A dynamic import inside a branch that is
  // false at build time for weapp, so webpack never bundles it there.
  void import('./dev/switcher').then((m) => m.mountDevPersonaSwitcher())
  // Every page's scroll container can be focused, so a keyboard can scroll it.
  void import('./utils/h5ScrollFocus').then((m) => m.makePagesFocusable())
}

function App({ children }: PropsWithChildren) {
  // children are the pages.
  return children
}

export default App
