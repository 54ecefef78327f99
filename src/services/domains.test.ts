import * as activity from './activity'
import { callCloud } from './callCloud'
import * as checkin from './checkin'
import * as course from './course'
import * as privacy from './privacy'
import * as reading from './reading'
import * as signup from './signup'
import * as staff from './staff'
import * as stats from './stats'

// Each named function is one action of one cloud function: what it hands to callCloud.
jest.mock('./callCloud', () => ({ callCloud: jest.fn(), isCloudError: jest.fn() }))
const mockCall = callCloud as jest.MockedFunction<typeof callCloud>
beforeEach(() => mockCall.mockReset().mockResolvedValue({} as never))

const cases: [string, () => Promise<unknown>, string, string, unknown][] = [
  ['listWeeks', () => activity.listWeeks(), 'activity', 'weeks', {}],
  ['myRoles', () => activity.myRoles(), 'activity', 'roles', {}],
  ['listActivities', () => activity.listActivities({ weekId: 'w' }), 'activity', 'list', { weekId: 'w' }],
  ['getActivity', () => activity.getActivity('a1'), 'activity', 'get', { id: 'a1' }],
  ['publishActivity', () => activity.publishActivity('a1'), 'activity', 'publish', { id: 'a1' }],
  ['cancelActivity', () => activity.cancelActivity('a1', '下雨'), 'activity', 'cancel', { id: 'a1', reason: '下雨' }],
  ['getWeek', () => activity.getWeek('w'), 'activity', 'week.get', { id: 'w' }],
  ['redeemInvite', () => checkin.redeemInvite('ABCD'), 'checkin', 'invite.redeem', { code: 'ABCD' }],
  ['listCheckinActivities', () => checkin.listCheckinActivities(), 'checkin', 'myActivities', {}],
  ['fetchRoster', () => checkin.fetchRoster(['a1']), 'checkin', 'roster', { activityIds: ['a1'] }],
  ['scanTicket', () => checkin.scanTicket({ activityId: 'a1', token: 't' }), 'checkin', 'scan', { activityId: 'a1', token: 't' }],
  ['enrolInCourse', () => course.enrolInCourse({ courseId: 'c1' }), 'course', 'enrol', { courseId: 'c1' }],
  ['myLearning', () => course.myLearning(), 'course', 'mine', {}],
  ['listManagedCourses', () => course.listManagedCourses('w'), 'course', 'manage', { weekId: 'w' }],
  ['setCoursePublished', () => course.setCoursePublished('c1', false), 'course', 'publish', { courseId: 'c1', published: false }],
  ['courseTotals', () => course.courseTotals('w'), 'course', 'totals', { weekId: 'w' }],
  ['listBookLists', () => reading.listBookLists(), 'reading', 'lists', {}],
  ['myReading', () => reading.myReading(), 'reading', 'mine', {}],
  ['listManagedBookLists', () => reading.listManagedBookLists('w'), 'reading', 'manage', { weekId: 'w' }],
  ['setBookListPublished', () => reading.setBookListPublished('l1', true), 'reading', 'list.publish', { listId: 'l1', published: true }],
  ['readingTotals', () => reading.readingTotals('w'), 'reading', 'totals', { weekId: 'w' }],
  ['getProfile', () => signup.getProfile(), 'signup', 'profile.get', {}],
  ['listFamily', () => signup.listFamily(), 'signup', 'family.list', {}],
  ['removeFamilyMember', () => signup.removeFamilyMember('m1'), 'signup', 'family.remove', { memberId: 'm1' }],
  ['getTicket', () => signup.getTicket('r1'), 'signup', 'ticket', { registrationId: 'r1' }],
  ['markNoticesRead', () => signup.markNoticesRead(['n1']), 'signup', 'notices.read', { ids: ['n1'] }],
  ['listPendingRatings', () => signup.listPendingRatings(), 'signup', 'rating.pending', {}],
  ['removePublicity', () => stats.removePublicity('p1'), 'stats', 'publicity.remove', { id: 'p1' }],
  ['reconcileStep', () => stats.reconcileStep({ weekId: 'w' }), 'stats', 'reconcile', { weekId: 'w' }],
  ['getConsent', () => privacy.getConsent(), 'privacy', 'consent.get', {}],
  ['recordConsent', () => privacy.recordConsent(1), 'privacy', 'consent.record', { version: 1 }],
  ['getMyData', () => privacy.getMyData(), 'privacy', 'mine', {}],
  ['exportMyData', () => privacy.exportMyData(), 'privacy', 'export', {}],
  ['eraseMyData', () => privacy.eraseMyData(), 'privacy', 'erase', { confirm: true }],
  ['fillPhone', () => privacy.fillPhone('code-1'), 'privacy', 'phone.fill', { code: 'code-1' }],
  ['claimSetup', () => staff.claimSetup('CODE'), 'staff', 'setup.claim', { code: 'CODE' }],
  ['listUnits', () => staff.listUnits('w'), 'staff', 'units.list', { weekId: 'w' }],
  ['redeemAppointment', () => staff.redeemAppointment('ABCDEFGHJK'), 'staff', 'appoint.redeem', { code: 'ABCDEFGHJK' }],
  ['cancelAppointment', () => staff.cancelAppointment('ABCDEFGHJK'), 'staff', 'appoint.cancel', { code: 'ABCDEFGHJK' }],
  ['listRoles', () => staff.listRoles('w'), 'staff', 'roles.list', { weekId: 'w' }],
  ['copyEdition', () => staff.copyEdition('w1', 'w2'), 'staff', 'editions.copy', { fromWeekId: 'w1', toWeekId: 'w2' }],
  [
    'revokeRole',
    () => staff.revokeRole({ weekId: 'w', userId: 'u', grant: { role: 'admin', weekId: 'w' } }, 'nonce-0001'),
    'staff',
    'roles.revoke',
    { weekId: 'w', userId: 'u', grant: { role: 'admin', weekId: 'w' }, nonce: 'nonce-0001' },
  ],
]

test.each(cases)('%s sends its action', async (_name, run, fn, action, input) => {
  await run()
  expect(mockCall.mock.calls).toEqual([[fn, action, input]])
})

test('the organiser scopes come from weeks and roles', async () => {
  const week = { id: 'w', districts: [{ code: 'donghu', name: '东湖区' }] }
  mockCall.mockImplementation(((_fn: string, action: string) =>
    Promise.resolve(
      action === 'weeks' ? { weeks: [week] } : { roles: [{ role: 'organiser', weekId: 'w', districtCode: 'donghu' }] },
    )) as never)
  await expect(activity.loadScopes()).resolves.toEqual([{ week, admin: false, districts: week.districts, cities: [] }])
})

test('the bureau admin manages every week; a city admin the districts of their city', async () => {
  const week = {
    id: 'w',
    districts: [
      { code: 'donghu', name: '东湖区' },
      { code: 'c1-1', name: '甲一区', cityCode: 'c1' },
    ],
  }
  const scopes = (roles: unknown[]) => activity.scopesOf([week] as never, roles as never)
  expect(scopes([{ role: 'bureau' }])).toEqual([{ week, admin: true, districts: week.districts, cities: [] }])
  expect(scopes([{ role: 'cityAdmin', weekId: 'w', cityCode: 'c1' }])).toEqual([
    { week, admin: false, districts: [week.districts[1]], cities: ['c1'] },
  ])
  expect(scopes([{ role: 'cityAdmin', weekId: 'other', cityCode: 'c1' }])).toEqual([])
})
