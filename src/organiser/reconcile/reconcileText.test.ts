import { differenceView, fieldText, percentOf, progressText } from './reconcileText'

test('each kind of kept figure is named in plain Chinese', () => {
  expect(fieldText('attendance.checkedIn')).toBe('签到人次')
  expect(fieldText('seatsLeft')).toBe('剩余名额')
  expect(fieldText('counters.confirmed')).toBe('报名人数')
  expect(fieldText('feedback.basic')).toBe('评价“基本满意”人数')
  expect(fieldText('attendance.byAudience.seniors')).toBe('老年人群 参加人数')
  expect(fieldText('attendance.byAudience.unspecified')).toBe('未填人群 参加人数')
  expect(fieldText('attendance.byHour.h2026120109')).toBe('12月1日 9时 到场人数')
  expect(fieldText('attendance.byCommunity.幸福社区')).toBe('“幸福社区” 签到人次')
  expect(fieldText('counters.minutes')).toBe('阅读时长（分钟）')
})

test('a difference says which activity or district, which figure, recorded and recounted', () => {
  expect(
    differenceView({ scope: 'activity', id: 'a1', name: '防诈骗讲座', field: 'attendance.checkedIn', stored: 3, recounted: 2 }),
  ).toEqual({
    key: 'activity|a1|attendance.checkedIn',
    subject: '活动《防诈骗讲座》',
    figure: '签到人次',
    stored: 3,
    recounted: 2,
    gap: '记录的数字比实际多 1',
  })
  const d = differenceView({ scope: 'district', id: 'east', name: '东区', field: 'people', stored: 4, recounted: 6 })
  expect([d.subject, d.figure, d.gap]).toEqual(['县区 东区', '签到的不同人数', '记录的数字比实际少 2'])
  expect(differenceView({ scope: 'book', id: 'b1', name: '', field: 'counters.logs', stored: 1, recounted: 0 }).subject).toBe('图书《b1》')
})

test('progress in whole percent, an empty week counting as done', () => {
  expect(progressText(120, 500)).toBe('已核对 120 / 500（24%）')
  expect(percentOf(499, 500)).toBe(99)
  expect(percentOf(500, 500)).toBe(100)
  expect(percentOf(0, 0)).toBe(100)
})
