export default definePageConfig({
  navigationBarTitleText: '活动周设置',
})
