export default definePageConfig({
  navigationBarTitleText: '我要自荐',
})
