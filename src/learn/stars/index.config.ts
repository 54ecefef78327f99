export default definePageConfig({
  navigationBarTitleText: '学习之星 · 品牌项目',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
})
