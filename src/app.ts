import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  // The cloud environment is the one selected in DevTools for this AppID (DYNAMIC_CURRENT_ENV).
  Taro.cloud.init({ traceUser: true })
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
