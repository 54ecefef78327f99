// h5: the calendar entry as an .ics download (weapp: calendar.ts, Taro.addPhoneCalendar).
import { CALENDAR_ALARM_MINUTES, CALENDAR_DESCRIPTION, type CalendarActivity } from './calendarEvent'
import { buildIcs } from './ics'

/**
 * h5: puts an activity into the phone's calendar by downloading an .ics file the calendar opens
 * (the alarm an hour before). The weapp build asks the phone instead (calendar.ts). Answers what to
 * tell the person.
 */
export async function addToCalendar(a: CalendarActivity): Promise<string> {
  const ics = buildIcs(
    {
      uid: `${a.registrationId}@lifelong-learning-week`,
      title: a.title,
      startAt: a.startAt,
      endAt: a.endAt,
      location: a.venueName,
      description: CALENDAR_DESCRIPTION,
      alarmMinutesBefore: CALENDAR_ALARM_MINUTES,
    },
    Date.now(),
  )
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = 'activity.ics'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return '已下载日历文件，打开它即可加入手机日历（活动开始前1小时提醒）。'
}
