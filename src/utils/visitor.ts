import Taro from '@tarojs/taro'
import { TIMELINE_SCENE } from './timeline'

/**
 * weapp: a page opened from 朋友圈 runs in single-page mode (scene 1154): no identity, no login, no
 * navigation, public reads only. Pages read it once: the showcase shows entries without 点赞 / 投票,
 * an activity without 报名, the home without the resident's own ticket. The enter options name the
 * current page (a hot start), the launch options the first.
 */
export function isVisitor(): boolean {
  try {
    const enter = typeof Taro.getEnterOptionsSync === 'function' ? Taro.getEnterOptionsSync() : null
    if (enter && enter.scene === TIMELINE_SCENE) return true
    return Taro.getLaunchOptionsSync().scene === TIMELINE_SCENE
  } catch {
    return false
  }
}
