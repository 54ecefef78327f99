// 长辈版 (care mode): one switch for the whole app, kept in Taro storage. Until the person chooses,
// it follows WeChat's own font-size setting where the platform reports it.
import Taro from '@tarojs/taro'
import { decideCare, type CareChoice, type CareState, type SystemFontInfo } from './careRule'

export type { CareChoice, CareState } from './careRule'

export const CARE_STORAGE_KEY = 'care.mode'

function readChoice(): CareChoice {
  try {
    const v: unknown = Taro.getStorageSync(CARE_STORAGE_KEY)
    return v === 'on' || v === 'off' ? v : null
  } catch {
    return null
  }
}

function readSystemFont(): SystemFontInfo {
  // h5 reports neither field; weapp does (getAppBaseInfo on recent base libraries).
  if (process.env.TARO_ENV !== 'weapp') return {}
  try {
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as SystemFontInfo
    return { fontSizeSetting: info.fontSizeSetting, fontSizeScaleFactor: info.fontSizeScaleFactor }
  } catch {
    return {}
  }
}

let state: CareState | null = null
const listeners = new Set<() => void>()

export function getCareState(): CareState {
  if (!state) state = decideCare(readChoice(), readSystemFont())
  return state
}

export function subscribeCare(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** The switch: remembers the choice and re-renders every mounted page. */
export function setCare(care: boolean): void {
  const choice: CareChoice = care ? 'on' : 'off'
  try {
    Taro.setStorageSync(CARE_STORAGE_KEY, choice)
  } catch {
    // Storage full or unavailable: the switch still works for this session.
  }
  state = decideCare(choice, {})
  listeners.forEach((l) => l())
}
