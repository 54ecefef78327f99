export default definePageConfig({
  navigationBarTitleText: '读书打卡',
  enableShareAppMessage: true,
})
