export default definePageConfig({
  navigationBarTitleText: '学用手机·读好书',
  enablePullDownRefresh: true,
  enableShareTimeline: true,
})
