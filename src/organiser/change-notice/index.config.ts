export default definePageConfig({
  navigationBarTitleText: '通知报名者',
})
