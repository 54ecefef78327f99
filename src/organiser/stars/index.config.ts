export default definePageConfig({
  navigationBarTitleText: '学习之星与品牌项目',
  enablePullDownRefresh: true,
})
