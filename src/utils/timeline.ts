// 朋友圈 (timeline) sharing: WeChat's scene of a page opened from it, and what its visitor is told
// where an action needs the mini-program itself. visitor.ts (and visitor.h5.ts) say who is one.

/** WeChat's scene for a page opened from 朋友圈 (single-page mode: no identity, reads only). */
export const TIMELINE_SCENE = 1154

/** The words on a control a visitor cannot use: WeChat's own bar at the bottom opens the mini-program. */
export const OPEN_IN_APP = '在小程序中打开'
