import Taro from '@tarojs/taro'

/** A remembered string (Taro storage), '' when absent or unreadable. */
export function readString(key: string): string {
  try {
    const v: unknown = Taro.getStorageSync(key)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}

export function writeString(key: string, value: string): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}
