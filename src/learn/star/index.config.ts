export default definePageConfig({
  navigationBarTitleText: '学习之星',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
