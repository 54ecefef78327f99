export default definePageConfig({
  navigationBarTitleText: '终身学习活动周',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
