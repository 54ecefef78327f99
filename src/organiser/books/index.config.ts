export default definePageConfig({
  navigationBarTitleText: '书单管理',
  enablePullDownRefresh: true,
})
