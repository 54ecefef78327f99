export default definePageConfig({
  navigationBarTitleText: '一步一步学',
})
