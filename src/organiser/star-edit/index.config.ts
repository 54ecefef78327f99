export default definePageConfig({
  navigationBarTitleText: '推荐学习之星与品牌项目',
})
