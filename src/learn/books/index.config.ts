export default definePageConfig({
  navigationBarTitleText: '好书推荐',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
