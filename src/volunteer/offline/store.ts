import Taro from '@tarojs/taro'
import type { KV } from './queue'

/** Taro storage (wx storage in weapp, localStorage in h5) as the queue's KV. */
export const taroStore: KV = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) as unknown
    } catch {
      return undefined
    }
  },
  set: (key, value) => {
    Taro.setStorageSync(key, value)
  },
}
