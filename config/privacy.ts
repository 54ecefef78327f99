// The 用户隐私保护指引 (privacy guide) as code: every kind of personal data the mini-program collects,
// why, who sees it and how long it is kept. The privacy page shows it to people, the consent sheet
// summarises it, and the WeChat console's form (mp.weixin.qq.com → 设置 → 服务内容声明 → 用户隐私保护指引)
// is filled from it: `wechatItem` is the console's own name of each item, `purpose` the text after
// "为了…". Its version, date, retention and the consent sheet's summary are in ./privacyConsent.ts
// (the main package carries only those); raise the version there whenever an item is added or its
// purpose widens: everyone is asked again.
import { PRIVACY_CONSENT, type PrivacyConsentBasics } from './privacyConsent'

export interface PrivacyItem {
  key: string
  /** What people read on the privacy page. */
  label: string
  /** The item's name in the WeChat console's form ('' when the console has no item for it). */
  wechatItem: string
  /** Why it is collected (the console's "为了…" text). */
  purpose: string
  /** Who can see it. */
  seenBy: string
  /** How long it is kept. */
  kept: string
}

export interface PrivacyGuide extends PrivacyConsentBasics {
  /** Who runs the mini-program (the 运营者 named in the guide). */
  operator: string
  items: PrivacyItem[]
  /** How to see, export or delete one's data, in the app. */
  rights: string
  /** Whom to ask when the app does not answer (the week's own contacts are shown beside it). */
  contact: string
}

const KEPT = '活动周总结上报截止后 180 天，之后自动匿名化；您也可以随时在“我的信息”中删除'

export const PRIVACY_GUIDE: PrivacyGuide = {
  ...PRIVACY_CONSENT,
  operator: '全民终身学习活动周主办教育局',
  items: [
    {
      key: 'name',
      label: '姓名',
      wechatItem: '姓名',
      purpose: '报名活动、签到时核对身份，代报名时写明为谁报名',
      seenBy: '活动所在县区的组织者；签到志愿者只看到 张*华 这样的姓名',
      kept: KEPT,
    },
    {
      key: 'phone',
      label: '手机号',
      wechatItem: '手机号',
      purpose: '活动时间、地点变更或取消时联系您，签到时核对手机号后四位',
      seenBy: '活动所在县区的组织者；签到志愿者只看到后四位；任何导出文件都不含完整手机号',
      kept: KEPT,
    },
    {
      key: 'ageGroup',
      label: '年龄段',
      wechatItem: '',
      purpose: '活动周总结表统计“参与人群”（例如老年人参与人数）',
      seenBy: '活动所在县区的组织者（只以统计数字上报）',
      kept: KEPT,
    },
    {
      key: 'community',
      label: '街道/社区',
      wechatItem: '地址',
      purpose: '活动周总结表报告“活动范围”（覆盖了哪些街道、社区）',
      seenBy: '活动所在县区的组织者（只以街道、社区名称汇总上报）',
      kept: KEPT,
    },
    {
      key: 'audience',
      label: '人群类别',
      wechatItem: '',
      purpose: '活动周总结表统计“参与人群”',
      seenBy: '活动所在县区的组织者（只以统计数字上报）',
      kept: KEPT,
    },
    {
      key: 'family',
      label: '家人信息（姓名、手机号、年龄段、与您的关系）',
      wechatItem: '姓名',
      purpose: '为没有智能手机的家人代报名、代领签到码',
      seenBy: '与上面相同：组织者；志愿者只看到打了星号的姓名',
      kept: KEPT,
    },
    {
      key: 'learning',
      label: '课程学习进度、阅读打卡和感想、活动评价',
      wechatItem: '',
      purpose: '记录学习进度、颁发结业证书、统计活动满意度',
      seenBy: '您自己；组织者只看到统计数字和不署名的评价',
      kept: KEPT,
    },
    {
      key: 'stars',
      label: '百姓学习之星、终身学习品牌项目的推荐材料（被推荐人的姓名、事迹、照片、视频链接；推荐人的姓名和手机号）',
      wechatItem: '姓名',
      purpose: '评选百姓学习之星和终身学习品牌项目，入选后在“学习之星”展示栏宣传推介',
      seenBy: '推荐材料：所在县区和上级的组织者；入选并发布后，事迹和照片向所有居民公开（被推荐人已同意）；推荐人的手机号只有组织者看得到',
      kept: '推荐人的姓名和手机号、未入选者的材料：活动周总结上报截止后 180 天匿名化；已发布的事迹随宣传材料保存，本人自荐的可随时在“我的信息”中删除并撤下，他人推荐的可请组织者撤下',
    },
    {
      key: 'likes',
      label: '点赞和投票记录',
      wechatItem: '',
      purpose: '每人每天对同一位学习之星只计一次点赞或投票',
      seenBy: '只以总数显示，不显示是谁点的',
      kept: '删除您的信息时一并删除（已计入的总数不变）',
    },
    {
      key: 'camera',
      label: '摄像头',
      wechatItem: '摄像头',
      purpose: '志愿者扫描签到二维码（不拍照、不保存画面）',
      seenBy: '不保存',
      kept: '不保存',
    },
    {
      key: 'photos',
      label: '选中的照片',
      wechatItem: '选中的照片或视频信息',
      purpose: '组织者上传活动宣传照片，写入活动周总结材料',
      seenBy: '本届活动周的组织者和上级教育部门',
      kept: '随活动周总结材料保存',
    },
    {
      key: 'location',
      label: '选择的位置',
      wechatItem: '选择的位置信息',
      purpose: '组织者在地图上选择活动地点，方便居民导航',
      seenBy: '所有居民（活动地点是公开信息）',
      kept: '随活动保存',
    },
    {
      key: 'clipboard',
      label: '剪切板',
      wechatItem: '剪切板',
      purpose: '复制线上活动链接、任命码（只写入，不读取）',
      seenBy: '不保存',
      kept: '不保存',
    },
    {
      key: 'album',
      label: '相册（仅写入）',
      wechatItem: '相册（仅写入）权限',
      purpose: '把签到码、结业证书、活动海报保存到手机相册',
      seenBy: '不保存',
      kept: '不保存',
    },
    {
      key: 'subscribe',
      label: '订阅消息（您同意接收的提醒，以及发给您的消息）',
      wechatItem: '',
      purpose: '按您的选择，在活动前一天晚上和开始前一小时提醒您，候补转为报名成功、活动时间地点变更或取消时通知您',
      seenBy: '只发给您本人（为家人代报名时发给您）；组织者只看到发送是否成功',
      kept: KEPT,
    },
    {
      key: 'calendar',
      label: '日历（仅写入）',
      wechatItem: '日历（仅写入）权限',
      purpose: '把报名的活动加入手机日历，在活动开始前提醒（只写入，不读取）',
      seenBy: '不保存',
      kept: '不保存',
    },
  ],
  rights: '在“我的 → 我的信息”中，可以查看我们保存的您和家人的全部信息，导出一份文件保存，或删除这些信息。',
  contact: '如有疑问，请联系活动周主办教育局（联系方式见下方）。',
}
