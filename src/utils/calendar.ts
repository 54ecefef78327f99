import Taro from '@tarojs/taro'
import { CALENDAR_ALARM_MINUTES, CALENDAR_DESCRIPTION, type CalendarActivity } from './calendarEvent'

/**
 * weapp: puts an activity into the phone's calendar with a reminder an hour before
 * (Taro.addPhoneCalendar, times in seconds). The h5 build downloads an .ics instead (calendar.h5.ts).
 * Answers what to tell the person.
 */
export async function addToCalendar(a: CalendarActivity): Promise<string> {
  try {
    await Taro.addPhoneCalendar({
      title: a.title,
      startTime: Math.floor(a.startAt / 1000),
      // WeChat documents endTime as a string of seconds (startTime as a number).
      endTime: String(Math.floor(a.endAt / 1000)),
      location: a.venueName ?? undefined,
      description: CALENDAR_DESCRIPTION,
      alarm: true,
      alarmOffset: CALENDAR_ALARM_MINUTES * 60,
    })
    return '已加入手机日历，活动开始前1小时会提醒您。'
  } catch {
    return '没有加入日历（可能没有日历权限）。可以在手机设置里允许微信使用日历后再试。'
  }
}
