export default definePageConfig({
  navigationBarTitleText: '课程管理',
  enablePullDownRefresh: true,
})
