// The cloud environment, as code: every collection (its indexes and security rule) and every cloud
// function (timeout, memory, timer triggers, environment variables) the product needs. One source
// for `npm run deploy` (which makes a real environment hold exactly this), the local cloud (which
// builds these indexes and fails a query no index covers) and README (which points here).
//
// Plain data, no imports: the deploy script, the local cloud and the tests all read it.

/** One index: its fields in order, each ascending (1) or descending (-1). */
export interface IndexSpec {
  /** The index's name in the cloud console; stable, so a second deploy recognises it. */
  name: string
  fields: [field: string, direction: 1 | -1][]
  unique?: boolean
}

/**
 * A collection's 自定义安全规则 (custom security rule): what a client (the mini-program's own
 * database calls) may read and write. Cloud functions are not bound by it. `false` closes.
 */
export interface SecurityRule {
  read: string | boolean
  write: string | boolean
}

export interface CollectionSpec {
  name: string
  /** What it holds, for README and the console. */
  holds: string
  rule: SecurityRule
  /** Besides `_id`, which every collection has. At most 20 (the cloud's limit per collection). */
  indexes: IndexSpec[]
  /**
   * Set only on a small, bounded collection, saying why it stays small: queries that bound no
   * indexed field may then scan it (the local cloud refuses such a query anywhere else).
   */
  scan?: string
}

export interface TimerTrigger {
  name: string
  /** Cron with seconds and year: `second minute hour day month weekday year`. */
  cron: string
}

export interface FunctionSpec {
  name: string
  /** Seconds, 1–60 (the repair treats a move older than 60 s as left by a call that died). */
  timeout: number
  /** MB: 128, 256, 512, 1024 or 2048. */
  memory: 128 | 256 | 512 | 1024 | 2048
  triggers: TimerTrigger[]
  /**
   * The WeChat server APIs it calls through the cloud (云调用, `cloud.openapi.*`): WeChat refuses a
   * call the function's config.json does not declare under permissions.openapi. Absent: none.
   */
  openapi?: string[]
  /**
   * Environment variables by name. `generated` ones get a fresh random value at the first deploy
   * (printed once) and are kept on later deploys; the others are set as written.
   */
  env: Record<string, { generated: true; purpose: string } | { value: string; purpose: string }>
}

export interface EnvironmentSpec {
  collections: CollectionSpec[]
  functions: FunctionSpec[]
}

const closed: SecurityRule = { read: false, write: false }

const asc = (...fields: string[]): [string, 1][] => fields.map((f) => [f, 1])
/** An index named after its fields, all ascending. */
const idx = (...fields: string[]): IndexSpec => ({ name: `${fields.join('_').replace(/\./g, '_')}`, fields: asc(...fields) })

export const environment: EnvironmentSpec = {
  collections: [
    {
      name: 'weeks',
      holds: 'the week editions: theme, dates, units',
      rule: closed,
      indexes: [],
      scan: 'one document per edition: a few a year, so the published ones are listed by reading them all',
    },
    {
      name: 'activities',
      holds: 'the activities, their seats and live counters',
      // Published and cancelled activities may be read: the organiser dashboard's realtime watch
      // (src/services/liveChanges.ts). Activities hold no personal data beyond counts.
      rule: { read: "doc.status == 'published' || doc.status == 'cancelled'", write: false },
      indexes: [idx('weekId', 'districtCode', 'startAt'), idx('touchedAt')],
    },
    // roles.weekId: who holds a role in a week (staff.roles.list, editions.copy).
    // erasure.requestedAt: the privacy timer finds erasures whose call died (cloudfunctions/_core/erase.ts).
    // roles.role, roles.weekId: the 总结表 reminders find a week's organisers and city admins, not its
    // volunteers (stats timer, cloudfunctions/stats/src/reminders.ts).
    {
      name: 'users',
      holds: 'accounts: profile, family members, roles',
      rule: closed,
      indexes: [idx('roles.weekId'), idx('erasure.requestedAt'), idx('roles.role', 'roles.weekId')],
    },
    {
      name: 'registrations',
      holds: 'sign-ups and the seats they hold',
      rule: closed,
      // openid, startAt also serves 我的报名 (openid, endAt range, sorted and paged by startAt): walked
      // in order, ESR's sort before range, so no openid, endAt index (localcloud/tests/db/queryShapes.test.ts).
      // weekId: the privacy timer's retention walks a week's registrations in _id order.
      indexes: [
        idx('activityId', 'status', 'waitKey'),
        idx('personId'),
        idx('openid', 'startAt'),
        idx('activityId', 'ticketId'),
        idx('op'),
        idx('weekId'),
        // The notify timer finds the confirmed registrations starting soon (their reminders).
        idx('status', 'startAt'),
      ],
    },
    {
      name: 'outbox',
      holds: 'notices to residents (cancellations, seats freed)',
      rule: closed,
      // payload.activityId: the privacy timer's retention finds a week's notices by its activities.
      // send.state, send.at: the notify timer finds the notices due to be sent (or claims lapsed);
      // payload.registrationId: it counts the messages a registration's acceptances already paid for.
      indexes: [idx('recipient', 'createdAt'), idx('payload.activityId'), idx('send.state', 'send.at'), idx('payload.registrationId')],
    },
    // weekKeys holds each week's ticket signing key, which must never reach a client.
    { name: 'weekKeys', holds: "each week's ticket signing key", rule: closed, indexes: [] },
    { name: 'invites', holds: 'volunteer invites', rule: closed, indexes: [] },
    {
      name: 'checkins',
      holds: 'check-ins at the door',
      rule: closed,
      // personId: every check-in's read joins the person's earlier check-ins (the first-time count);
      // weekId, districtCode, personId: the reconcile's recount of people, district by district.
      indexes: [idx('activityId'), idx('op'), idx('personId'), idx('weekId', 'districtCode', 'personId')],
    },
    // name: a person's erasure clears the walk-ins bearing their or a family member's name.
    { name: 'walkins', holds: 'walk-ins registered at the door', rule: closed, indexes: [idx('activityId'), idx('op'), idx('name')] },
    {
      name: 'courses',
      holds: '智慧助老 and reading courses',
      rule: closed,
      indexes: [idx('weekId', 'status', 'kind'), idx('weekId', 'districtCode'), idx('touchedAt')],
    },
    { name: 'lessons', holds: 'the lessons of the courses', rule: closed, indexes: [] },
    {
      name: 'enrolments',
      holds: "people's course progress",
      rule: closed,
      // weekId: the privacy timer's retention walks a week's enrolments in _id order.
      indexes: [idx('openid', 'memberId', 'weekId'), idx('openid', 'updatedAt'), idx('courseId'), idx('op'), idx('weekId')],
    },
    { name: 'bookLists', holds: 'reading lists', rule: closed, indexes: [idx('weekId', 'districtCode')] },
    { name: 'books', holds: 'the books of the lists', rule: closed, indexes: [idx('listId'), idx('weekId', 'status'), idx('touchedAt')] },
    // openid, createdAt: 我的信息 lists an account's logs, newest first; its erasure anonymises them.
    {
      name: 'readingLogs',
      holds: 'reading logged',
      rule: closed,
      indexes: [idx('bookId'), idx('weekId', 'personId'), idx('op'), idx('openid', 'createdAt')],
    },
    {
      name: 'readers',
      holds: "each reader's totals and board entry",
      rule: closed,
      // openid: 我的信息 and an erasure find an account's readers.
      indexes: [idx('weekId', 'board.districtCode', 'totalMinutes'), idx('weekId', 'bookIds'), idx('openid')],
    },
    // openid, createdAt: 我的信息 lists an account's ratings, newest first; its erasure anonymises them.
    {
      name: 'ratings',
      holds: 'ratings after an activity',
      rule: closed,
      indexes: [idx('op'), idx('activityId'), idx('openid', 'createdAt')],
    },
    {
      name: 'publicity',
      holds: 'publicity figures of the 总结表',
      rule: closed,
      // A district's list (newest first) and the 总结表's join of the week's or district's figures.
      indexes: [idx('weekId', 'districtCode', 'createdAt')],
    },
    {
      name: 'summaries',
      holds: 'the 总结表 as filled',
      rule: closed,
      // The organiser's own district drafts of a week, joined to their roles.
      indexes: [idx('weekId', 'districtCode')],
    },
    {
      name: 'repairs',
      holds: 'what the repair changed',
      rule: closed,
      // The dashboard's latest repair runs that touched its week, newest first (the timer's
      // heartbeat is read by _id).
      indexes: [idx('weekIds', 'at')],
    },
    { name: 'setup', holds: 'the setup code: its claim and the attempts per person', rule: closed, indexes: [] },
    {
      name: 'appointInvites',
      holds: 'appointment invites (admins, city admins, organisers)',
      rule: closed,
      indexes: [idx('weekId', 'createdAt')],
    },
    { name: 'roleChanges', holds: 'the record of every role change', rule: closed, indexes: [idx('weekId', 'at')] },
    {
      name: 'nominations',
      holds: '百姓学习之星 and 终身学习品牌项目: nominations, selections and recognitions',
      rule: closed,
      // Staff lists by week and district (and status); the gallery's published entries.
      // stars mine: a person's own nominations, newest first. touchedAt: the repair timer finds the
      // entries whose likes or votes moved.
      indexes: [idx('weekId', 'districtCode', 'status'), idx('nominator.openid', 'createdAt'), idx('touchedAt')],
    },
    // op: the repair finds the like (vote) a pending counter move wrote. openid: 我的信息 counts a
    // person's, an erasure removes them.
    {
      name: 'starLikes',
      holds: 'likes of published stars and projects, one per person per entry per day',
      rule: closed,
      indexes: [idx('op'), idx('openid')],
    },
    {
      name: 'starVotes',
      holds: 'votes in the public vote phase, one per person per entry per day',
      rule: closed,
      indexes: [idx('op'), idx('openid')],
    },
    { name: 'starPlaces', holds: 'the places each selecting unit set, and how many are taken', rule: closed, indexes: [] },
    // _id: the scene's code (cloudfunctions/activity/src/wxacode.ts), so the activity page and the
    // poster each read one document by _id.
    { name: 'wxacodes', holds: "each activity's 小程序码: its scene and the picture's fileID", rule: closed, indexes: [] },
    // Read by _id only (an activity's slots of a day).
    {
      name: 'changeNotices',
      holds: "organisers' change notices to an activity's registrants (at most 3 a day)",
      rule: closed,
      indexes: [],
    },
  ],
  functions: [
    {
      name: 'activity',
      // Cancelling a large activity writes one notice per registrant. The poster's 小程序码 is made
      // by WeChat (wxacode.getUnlimited) once per activity.
      timeout: 20,
      memory: 256,
      triggers: [],
      openapi: ['wxacode.getUnlimited'],
      env: {},
    },
    { name: 'signup', timeout: 10, memory: 256, triggers: [], env: {} },
    { name: 'checkin', timeout: 10, memory: 256, triggers: [], env: {} },
    { name: 'course', timeout: 10, memory: 256, triggers: [], env: {} },
    { name: 'reading', timeout: 10, memory: 256, triggers: [], env: {} },
    {
      name: 'stats',
      // A reconcile call groups a chunk of a week's records; the .docx/.xlsx exports are built here.
      // The timer writes the 总结表 reminders 3 and 1 days before a week's deadline, at 08:30
      // Shanghai (the cloud's cron is UTC+8), again at 10:30 to finish a run that died (it writes
      // nothing twice); off the hour, when timers crowd.
      timeout: 20,
      memory: 256,
      triggers: [{ name: 'reminders', cron: '0 30 8,10 * * * *' }],
      env: {},
    },
    {
      name: 'stars',
      // The list export builds an .xlsx; the content check calls WeChat's security API.
      timeout: 20,
      memory: 256,
      triggers: [],
      openapi: ['security.msgSecCheck', 'security.imgSecCheck'],
      env: {},
    },
    {
      name: 'staff',
      timeout: 10,
      memory: 256,
      triggers: [],
      env: {
        SETUP_CODE: {
          generated: true,
          purpose: 'the one-time code whose first enterer (我的 → 工作人员 → 首次设置) becomes the bureau admin',
        },
      },
    },
    {
      name: 'privacy',
      // 我的信息's export builds a .docx; the hourly timer anonymises weeks past their retention date
      // and finishes erasures whose call died, each run in chunks well under this.
      timeout: 30,
      memory: 256,
      triggers: [{ name: 'retention', cron: '0 7 * * * * *' }],
      openapi: ['phonenumber.getPhoneNumber'],
      env: {},
    },
    {
      name: 'notify',
      // Every 5 minutes: writes the activity reminders that are due (18:00 the evening before, an
      // hour before) and sends the outbox's due notices as subscribe messages, each once.
      timeout: 20,
      memory: 256,
      triggers: [{ name: 'notify', cron: '0 */5 * * * * *' }],
      openapi: ['subscribeMessage.send'],
      env: {},
    },
    {
      name: 'repair',
      // Finishes what calls that died left behind, every minute.
      timeout: 20,
      memory: 256,
      triggers: [{ name: 'repair', cron: '0 * * * * * *' }],
      env: {},
    },
  ],
}
