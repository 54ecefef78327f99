export default definePageConfig({
  navigationBarTitleText: '总结表',
  enablePullDownRefresh: true,
})
