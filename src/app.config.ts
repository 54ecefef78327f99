export default defineAppConfig({
  pages: ['pages/index/index', 'pages/learn/index', 'pages/activity/index', 'pages/signup/index', 'pages/mine/index', 'pages/family/index'],
  subPackages: [
    {
      root: 'learn',
      name: 'learn',
      pages: [
        'courses/index',
        'course/index',
        'lesson/index',
        'certificate/index',
        'books/index',
        'book/index',
        'reading/index',
        // 百姓学习之星 and 终身学习品牌项目: the gallery, one entry (shared to chats and 朋友圈), self-nomination.
        'stars/index',
        'star/index',
        'nominate/index',
      ],
    },
    // The QR ticket (with the QR encoder) is its own small package, fetched ahead whenever a resident
    // opens a page that leads to it (preloadRule), so it is there at the door without a network.
    // Also 活动海报 (with the 小程序码), reached from an activity's page.
    { root: 'ticket', name: 'ticket', pages: ['index', 'poster/index'] },
    { root: 'volunteer', name: 'volunteer', pages: ['scan/index', 'checkin/index'] },
    // 我的信息 (see, export, delete one's data) and the privacy guide, reached from 我的 (the guide also
    // from the consent sheet).
    { root: 'account', name: 'account', pages: ['data/index', 'privacy/index'] },
    {
      root: 'organiser',
      name: 'organiser',
      pages: [
        'dashboard/index',
        'activities/index',
        'activity-edit/index',
        // 通知报名者: an activity's change notice (time, venue) to its registrants, at most 3 a day.
        'change-notice/index',
        'week/index',
        'courses/index',
        'course-edit/index',
        'books/index',
        'summary/index',
        'submission/index',
        'publicity/index',
        'stars/index',
        'star-edit/index',
        'reconcile/index',
        'staff/index',
        'join/index',
      ],
    },
  ],
  // 首页 / 学习 / 我的: WeChat's own tab bar in weapp (it follows the phone's 关怀模式 font), Taro's in
  // h5 (sized in app.scss). Text only: no icon images in the main package.
  tabBar: {
    color: '#4E5969',
    selectedColor: '#0B5CAD',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/learn/index', text: '学习' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['ticket'] },
    'pages/mine/index': { network: 'all', packages: ['ticket'] },
    'pages/signup/index': { network: 'all', packages: ['ticket'] },
  },
  // WeChat's privacy check: a privacy API waits for the person's agreement, asked on our own sheet
  // (wx.onNeedPrivacyAuthorization in app.ts, components/privacy). The guide: config/privacy.ts.
  __usePrivacyCheck__: true,
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
