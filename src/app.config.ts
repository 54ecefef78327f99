export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/activity/index',
    'pages/signup/index',
    'pages/mine/index',
    'pages/family/index',
    'pages/ticket/index',
  ],
  subPackages: [
    {
      root: 'learn',
      name: 'learn',
      pages: ['courses/index', 'course/index', 'lesson/index', 'certificate/index', 'books/index', 'book/index', 'reading/index'],
    },
    { root: 'volunteer', name: 'volunteer', pages: ['scan/index', 'checkin/index'] },
    {
      root: 'organiser',
      name: 'organiser',
      pages: [
        'dashboard/index',
        'activities/index',
        'activity-edit/index',
        'week/index',
        'courses/index',
        'course-edit/index',
        'books/index',
        'summary/index',
        'publicity/index',
        'reconcile/index',
      ],
    },
  ],
  // The organiser's editor picks the venue on WeChat's map (declare it in the 用户隐私保护指引 too).
  requiredPrivateInfos: ['chooseLocation'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#F5F7FA',
    navigationBarBackgroundColor: '#FFFFFF',
    navigationBarTitleText: '终身学习活动周',
    navigationBarTextStyle: 'black',
  },
})
