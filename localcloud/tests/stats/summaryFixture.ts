// 总结表 fixtures for the export tests: 东湖区's summary (3 activities) and the roll-up of 东湖区 and
// 西湖区 (5 activities) of the 2026 Nanchang week, with figures that add up (the districts sum to
// the roll-up except distinct people: 4 people came in both districts). Row texts are the real ones,
// from summaryRows().
import type { Summary, SummaryActivity } from '@shared/contracts/stats'
import { satisfactionRate, type Feedback } from '@shared/domain/feedback'
import { summaryRows, type SummaryFigures } from '@shared/domain/summary'
import { shanghaiInstant } from '@shared/domain/time'

const WEEK = {
  weekId: 'nc2026',
  weekName: '2026年南昌市全民终身学习活动周',
  theme: '奋进“十五五”，终身学习向未来',
  startDate: '2026-11-30',
  endDate: '2026-12-06',
  deadline: '2026-12-10',
}

const fb = (satisfied: number, basic: number, unsatisfied: number, skipped: number, comments: number): Feedback => ({
  satisfied,
  basic,
  unsatisfied,
  skipped,
  comments,
})
const withRate = (f: Feedback) => ({ ...f, rate: satisfactionRate(f) })

function activity(
  a: Omit<SummaryActivity, 'endAt' | 'startAt' | 'participants' | 'feedback'> & {
    day: string
    start: string
    end: string
    feedback: Feedback
  },
): SummaryActivity {
  const { day, start, end, feedback, ...rest } = a
  return {
    ...rest,
    startAt: shanghaiInstant(day, start),
    endAt: shanghaiInstant(day, end),
    participants: a.checkedIn + a.walkInHeadcount,
    feedback: withRate(feedback),
  }
}

export const DONGHU_ACTIVITIES: SummaryActivity[] = [
  activity({
    id: 'nc2026-donghu-01',
    title: '“理论进社区”党的二十大和二十届四中全会精神宣讲会',
    type: 'party_congress',
    districtCode: 'donghu',
    districtName: '东湖区',
    day: '2026-11-30',
    start: '09:30',
    end: '11:00',
    venueName: '东湖区社区教育学院报告厅',
    organizer: '东湖区教体局',
    capacity: 150,
    registered: 132,
    checkedIn: 118,
    walkInHeadcount: 9,
    feedback: fb(80, 12, 3, 10, 7),
    featured: true,
    publicity: 2,
  }),
  activity({
    id: 'nc2026-donghu-02',
    title: '智慧助老·智慧出行：手把手教您手机打车、查公交',
    type: 'smart_senior',
    districtCode: 'donghu',
    districtName: '东湖区',
    day: '2026-12-01',
    start: '09:00',
    end: '10:30',
    venueName: '百花洲街道社区学校二楼电脑教室',
    organizer: '东湖区社区教育学院',
    capacity: 20,
    registered: 20,
    checkedIn: 19,
    walkInHeadcount: 3,
    feedback: fb(15, 2, 0, 1, 2),
    featured: true,
    publicity: 1,
  }),
  activity({
    id: 'nc2026-donghu-05',
    title: '“书香东湖”读书沙龙：在滕王阁下读《滕王阁序》',
    type: 'reading',
    districtCode: 'donghu',
    districtName: '东湖区',
    day: '2026-12-02',
    start: '14:30',
    end: '16:30',
    venueName: '东湖区图书馆二楼阅读空间',
    organizer: '东湖区图书馆',
    capacity: null,
    registered: 0,
    checkedIn: 0,
    walkInHeadcount: 46,
    feedback: fb(0, 0, 0, 0, 0),
    featured: false,
    publicity: 0,
  }),
]

export const XIHU_ACTIVITIES: SummaryActivity[] = [
  activity({
    id: 'nc2026-xihu-01',
    title: '全会精神进万家：“西湖宣讲团”走进绳金塔社区',
    type: 'party_congress',
    districtCode: 'xihu',
    districtName: '西湖区',
    day: '2026-11-30',
    start: '15:00',
    end: '16:30',
    venueName: '绳金塔社区党群服务中心广场',
    organizer: '西湖区教体局',
    capacity: 200,
    registered: 176,
    checkedIn: 160,
    walkInHeadcount: 21,
    feedback: fb(101, 20, 4, 5, 6),
    featured: false,
    publicity: 1,
  }),
  activity({
    id: 'nc2026-xihu-04',
    title: '终身学习数字化转型公开课：用AI助手规划你的学习',
    type: 'digital_learning',
    districtCode: 'xihu',
    districtName: '西湖区',
    day: '2026-12-03',
    start: '19:30',
    end: '21:00',
    venueName: null,
    organizer: '西湖区社区教育学院',
    capacity: 500,
    registered: 312,
    checkedIn: 287,
    walkInHeadcount: 0,
    feedback: fb(140, 30, 6, 7, 9),
    featured: true,
    publicity: 2,
  }),
]

const DONGHU_FIGURES: SummaryFigures = {
  districtNames: ['东湖区'],
  theme: WEEK.theme,
  startDate: WEEK.startDate,
  endDate: WEEK.endDate,
  activities: 3,
  activitiesByType: { party_congress: 1, smart_senior: 1, reading: 1 },
  cancelled: 1,
  firstDay: '2026-11-30',
  lastDay: '2026-12-02',
  registered: 152,
  checkIns: 137,
  distinctPeople: 129,
  walkInHeadcount: 58,
  participants: 187,
  hosts: ['东湖区教体局', '东湖区社区教育学院', '东湖区图书馆'],
  coHosts: ['东湖区社区教育学院', '百花洲街道办事处', '松柏巷社区居委会'],
  streets: ['百花洲街道', '豫章街道', '公园街道'],
  communities: ['松柏巷社区', '墩子塘社区'],
  units: ['东湖区教体局', '东湖区社区教育学院', '东湖区图书馆', '百花洲街道办事处', '松柏巷社区居委会'],
  feedback: fb(95, 14, 3, 11, 9),
  featured: [
    { id: 'nc2026-donghu-01', title: DONGHU_ACTIVITIES[0].title },
    { id: 'nc2026-donghu-02', title: DONGHU_ACTIVITIES[1].title },
  ],
  publicity: {
    text: [
      { title: '东湖区启动2026年全民终身学习活动周', outlet: '南昌日报', url: 'https://news.example.cn/nc/20261130/1' },
      { title: '百花洲街道：七旬老人学会手机打车', outlet: '东湖区融媒体中心', url: null },
    ],
    photos: 12,
    videos: [{ title: '智慧助老课堂现场', outlet: '视频号“东湖教育”', url: 'https://channels.example.cn/v/123' }],
    mediaRecords: 3,
    outlets: ['南昌日报', '东湖区融媒体中心', '视频号“东湖教育”'],
  },
  courses: { courses: 4, enrolled: 63, lessonsCompleted: 211, completed: 38 },
  reading: { books: 16, logs: 342, minutes: 9870, bookReaders: 75 },
}

const XIHU_FIGURES: SummaryFigures = {
  ...DONGHU_FIGURES,
  districtNames: ['西湖区'],
  activities: 2,
  activitiesByType: { party_congress: 1, digital_learning: 1 },
  cancelled: 0,
  firstDay: '2026-11-30',
  lastDay: '2026-12-03',
  registered: 488,
  checkIns: 447,
  distinctPeople: 431,
  walkInHeadcount: 21,
  participants: 452,
  hosts: ['西湖区教体局', '西湖区社区教育学院'],
  coHosts: ['南浦街道办事处'],
  streets: ['南浦街道', '绳金塔街道'],
  communities: ['绳金塔社区'],
  units: ['西湖区教体局', '西湖区社区教育学院', '南浦街道办事处'],
  feedback: fb(241, 50, 10, 12, 15),
  featured: [{ id: 'nc2026-xihu-04', title: XIHU_ACTIVITIES[1].title }],
  publicity: {
    text: [{ title: '西湖宣讲团走进绳金塔社区', outlet: '西湖发布', url: 'https://news.example.cn/xh/1' }],
    photos: 5,
    videos: [],
    mediaRecords: 1,
    outlets: ['西湖发布'],
  },
}

const ROLLUP_FIGURES: SummaryFigures = {
  ...DONGHU_FIGURES,
  districtNames: ['东湖区', '西湖区'],
  activities: 5,
  activitiesByType: { party_congress: 2, digital_learning: 1, smart_senior: 1, reading: 1 },
  cancelled: 1,
  firstDay: '2026-11-30',
  lastDay: '2026-12-03',
  registered: 640,
  checkIns: 584,
  // 4 people checked in in both districts.
  distinctPeople: 556,
  walkInHeadcount: 79,
  participants: 635,
  hosts: [...DONGHU_FIGURES.hosts, ...XIHU_FIGURES.hosts],
  coHosts: [...DONGHU_FIGURES.coHosts, ...XIHU_FIGURES.coHosts],
  streets: [...DONGHU_FIGURES.streets, ...XIHU_FIGURES.streets],
  communities: [...DONGHU_FIGURES.communities, ...XIHU_FIGURES.communities],
  units: [...DONGHU_FIGURES.units, ...XIHU_FIGURES.units],
  feedback: fb(336, 64, 13, 23, 24),
  featured: [...DONGHU_FIGURES.featured, ...XIHU_FIGURES.featured],
  publicity: {
    text: [...DONGHU_FIGURES.publicity.text, ...XIHU_FIGURES.publicity.text],
    photos: 17,
    videos: DONGHU_FIGURES.publicity.videos,
    mediaRecords: 4,
    outlets: [...DONGHU_FIGURES.publicity.outlets, ...XIHU_FIGURES.publicity.outlets],
  },
  courses: { courses: 7, enrolled: 118, lessonsCompleted: 402, completed: 71 },
  reading: { books: 28, logs: 655, minutes: 18240, bookReaders: 139 },
}

const DONGHU_TYPED: Record<string, string> = {
  hosts: '承办：东湖区社区教育学院',
  fileDept: '东湖区教育体育局（东教体字〔2026〕58号）',
  leaders: '东湖区人民政府副区长 李建华；东湖区教体局局长 王晓梅',
  coordDept: '东湖区社区教育学院',
  planDept: '东湖区教育体育局职成教科',
  effect: '老年学员普遍学会手机打车和预约挂号，多个社区提出常态化开课需求。',
  selfAssessment: '组织有序，覆盖面广，智慧助老课程供不应求；线上活动参与偏少，明年加强直播宣传。',
  other: '活动周期间向居民发放《全会精神百问》学习手册 800 册。',
}

const ROLLUP_TYPED: Record<string, string> = {
  fileDept: '南昌市教育局（洪教字〔2026〕102号）',
  leaders: '南昌市教育局副局长 陈立新',
  coordDept: '南昌市社区教育指导中心',
  planDept: '南昌市教育局职成教处',
  selfAssessment: '各县区按方案组织实施，宣讲、助老、阅读三类活动参与人数居前。',
}

/** Figures in the view's shape (summaryFiguresSchema) from the domain's SummaryFigures. */
function figuresView(f: SummaryFigures): Summary['figures'] {
  return {
    activities: f.activities,
    activitiesByType: f.activitiesByType,
    cancelled: f.cancelled,
    registered: f.registered,
    checkIns: f.checkIns,
    distinctPeople: f.distinctPeople,
    walkInHeadcount: f.walkInHeadcount,
    participants: f.participants,
    streets: f.streets,
    communities: f.communities,
    units: f.units,
    feedback: withRate(f.feedback),
    textReports: f.publicity.text.length,
    photos: f.publicity.photos,
    videos: f.publicity.videos.length,
    outlets: f.publicity.outlets,
    courses: f.courses,
    reading: f.reading,
  }
}

const GENERATED_AT = shanghaiInstant('2026-12-08', '10:15')

export const DONGHU_TYPICAL_CASE = {
  activityId: 'nc2026-donghu-02',
  title: '手把手教老人用手机打车：智慧助老走进百花洲街道',
  text:
    '东湖区社区教育学院联合百花洲街道、松柏巷社区，在社区学校电脑教室开设“智慧出行”小班课，每班 20 人，由志愿者一对一辅导。\n' +
    '课程按“打开软件—输入目的地—确认上车点—付款评价”四步拆解，每一步配大字图解卡片，老人回家可照着练习。\n' +
    '课后回访显示，19 名到课学员中 17 人已能独立叫车，社区据此将课程列入常态化老年教育课表。',
}

/** A 总结表 not yet handed in to `parent` (null: the top). */
function draftState(parent: Summary['unit'] | null): Summary['submission'] {
  return {
    status: 'draft',
    version: 0,
    submittedAt: null,
    late: false,
    returnReason: null,
    reviewedAt: null,
    history: [],
    parent,
    canSubmit: parent !== null,
    canReview: false,
  }
}

/** 东湖区's 总结表 as an organiser reads it. */
export const donghuSummary: Summary = {
  weekId: WEEK.weekId,
  weekName: WEEK.weekName,
  districtCode: 'donghu',
  scopeName: '东湖区',
  deadline: WEEK.deadline,
  daysLeft: 2,
  generatedAt: GENERATED_AT,
  rows: summaryRows(DONGHU_FIGURES, DONGHU_TYPED),
  figures: figuresView(DONGHU_FIGURES),
  featuredIds: DONGHU_FIGURES.featured.map((a) => a.id),
  typicalCase: DONGHU_TYPICAL_CASE,
  activities: DONGHU_ACTIVITIES,
  districts: [],
  draftSavedAt: shanghaiInstant('2026-12-07', '16:40'),
  revision: 3,
  unit: { level: 'district', code: 'donghu', name: '东湖区' },
  submission: draftState({ level: 'top', code: null, name: '南昌市' }),
  units: [],
  unitCases: [],
  opening: [],
  frozen: false,
}

/** The roll-up of 东湖区 and 西湖区 as a bureau admin reads it (no typical case typed). */
export const rollupSummary: Summary = {
  weekId: WEEK.weekId,
  weekName: WEEK.weekName,
  districtCode: null,
  scopeName: '南昌市',
  deadline: WEEK.deadline,
  daysLeft: 2,
  generatedAt: GENERATED_AT,
  rows: summaryRows(ROLLUP_FIGURES, ROLLUP_TYPED),
  figures: figuresView(ROLLUP_FIGURES),
  featuredIds: ROLLUP_FIGURES.featured.map((a) => a.id),
  typicalCase: null,
  activities: [...DONGHU_ACTIVITIES, ...XIHU_ACTIVITIES],
  districts: [
    {
      code: 'donghu',
      name: '东湖区',
      activities: 3,
      capacity: 170,
      registered: 152,
      waitlisted: 6,
      checkedIn: 137,
      walkInHeadcount: 58,
      participants: 195,
      people: 187,
      feedback: withRate(DONGHU_FIGURES.feedback),
    },
    {
      code: 'xihu',
      name: '西湖区',
      activities: 2,
      capacity: 700,
      registered: 488,
      waitlisted: 0,
      checkedIn: 447,
      walkInHeadcount: 21,
      participants: 468,
      people: 452,
      feedback: withRate(XIHU_FIGURES.feedback),
    },
  ],
  draftSavedAt: null,
  revision: 0,
  unit: { level: 'top', code: null, name: '南昌市' },
  submission: draftState(null),
  units: [],
  unitCases: [],
  opening: [],
  frozen: false,
}

const XIHU_TYPICAL_CASE = {
  unitName: '西湖区',
  title: '“西湖宣讲团”把全会精神讲进绳金塔社区',
  text:
    '西湖区组建由党校教师、社区书记和退休干部组成的宣讲团，在绳金塔社区党群服务中心广场开设露天课堂。\n' +
    '宣讲采用“小故事讲大道理”的方式，配合方言快板和有奖问答，181 名居民到场，满意率 96.8%。',
}

const CITY_COMPOSED: Record<string, string> = {
  hosts: '东湖区：承办：东湖区社区教育学院\n西湖区：承办：西湖区社区教育学院',
  effect: '东湖区：老年学员普遍学会手机打车和预约挂号。\n西湖区：宣讲覆盖 12 个社区，居民参与热情高。',
  other: '东湖区：发放《全会精神百问》学习手册 800 册。',
}

const CITY = { level: 'city' as const, code: '3601', name: '南昌市' }
const PROVINCE = { level: 'top' as const, code: null, name: '江西省' }

/**
 * 南昌市's roll-up of 东湖区 and 西湖区 in a province's week, as 江西省 reads the copy it was sent:
 * submitted a second time (after a return) on 2026-12-11, a day after the deadline; 东湖区 confirmed,
 * 西湖区 submitted late; both districts' typical cases and three 开幕式 materials.
 */
export const cityRollupSummary: Summary = {
  ...rollupSummary,
  weekId: 'jx2026',
  weekName: '2026年江西省全民终身学习活动周',
  districtCode: null,
  scopeName: '南昌市',
  generatedAt: shanghaiInstant('2026-12-11', '16:20'),
  rows: summaryRows(ROLLUP_FIGURES, ROLLUP_TYPED, CITY_COMPOSED),
  typicalCase: null,
  draftSavedAt: shanghaiInstant('2026-12-11', '15:58'),
  revision: 7,
  unit: CITY,
  submission: {
    status: 'submitted',
    version: 2,
    submittedAt: shanghaiInstant('2026-12-11', '16:20'),
    late: true,
    returnReason: null,
    reviewedAt: shanghaiInstant('2026-12-10', '11:02'),
    history: [
      { action: 'submit', at: shanghaiInstant('2026-12-09', '17:45'), by: '南昌市 管理员', reason: null, late: false },
      {
        action: 'return',
        at: shanghaiInstant('2026-12-10', '11:02'),
        by: '江西省 管理员',
        reason: '请补充开幕式的视频报道。',
        late: false,
      },
      { action: 'submit', at: shanghaiInstant('2026-12-11', '16:20'), by: '南昌市 管理员', reason: null, late: true },
    ],
    parent: PROVINCE,
    canSubmit: false,
    canReview: true,
  },
  units: [
    {
      unit: { level: 'district', code: 'donghu', name: '东湖区' },
      status: 'confirmed',
      version: 1,
      submittedAt: shanghaiInstant('2026-12-08', '09:30'),
      late: false,
      reviewedAt: shanghaiInstant('2026-12-08', '15:00'),
      source: 'submitted',
      activities: 3,
      participants: 187,
      satisfaction: satisfactionRate(DONGHU_FIGURES.feedback),
      opening: 2,
    },
    {
      unit: { level: 'district', code: 'xihu', name: '西湖区' },
      status: 'submitted',
      version: 1,
      submittedAt: shanghaiInstant('2026-12-11', '09:05'),
      late: true,
      reviewedAt: null,
      source: 'submitted',
      activities: 2,
      participants: 452,
      satisfaction: satisfactionRate(XIHU_FIGURES.feedback),
      opening: 1,
    },
  ],
  unitCases: [{ unitName: '东湖区', title: DONGHU_TYPICAL_CASE.title, text: DONGHU_TYPICAL_CASE.text }, XIHU_TYPICAL_CASE],
  opening: [
    {
      unitName: '东湖区',
      kind: 'text',
      title: '东湖区启动2026年全民终身学习活动周',
      outlet: '南昌日报',
      url: 'https://news.example.cn/nc/20261130/1',
      fileIds: [],
      publishedOn: '2026-11-30',
    },
    {
      unitName: '东湖区',
      kind: 'photo',
      title: '开幕式现场：百花洲畔的学习节',
      outlet: '东湖区融媒体中心',
      url: null,
      fileIds: ['cloud://env-1.bucket/publicity/donghu/1.jpg', 'cloud://env-1.bucket/publicity/donghu/2.jpg'],
      publishedOn: '2026-11-30',
    },
    {
      unitName: '西湖区',
      kind: 'video',
      title: '西湖区开幕式暨“西湖宣讲团”首场宣讲',
      outlet: '视频号“西湖发布”',
      url: 'https://channels.example.cn/v/xihu-opening-2026',
      fileIds: [],
      publishedOn: null,
    },
  ],
  frozen: true,
}
