export default definePageConfig({
  navigationBarTitleText: '提交的总结表',
  enablePullDownRefresh: true,
})
