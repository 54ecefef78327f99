import Taro from '@tarojs/taro'
import { buildIcs } from './ics'

export interface CalendarActivity {
  registrationId: string
  title: string
  startAt: number
  endAt: number
  venueName: string | null
}

/** What the calendar entry says besides the title and place. */
const DESCRIPTION = '全民终身学习活动周。入场时请出示小程序里的电子票。'

/**
 * Puts an activity into the phone's calendar with a reminder an hour before: weapp asks the phone
 * (Taro.addPhoneCalendar, times in seconds); h5 downloads an .ics file the phone's calendar opens.
 * Answers what to tell the person.
 */
export async function addToCalendar(a: CalendarActivity): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const ics = buildIcs(
      {
        uid: `${a.registrationId}@lifelong-learning-week`,
        title: a.title,
        startAt: a.startAt,
        endAt: a.endAt,
        location: a.venueName,
        description: DESCRIPTION,
        alarmMinutesBefore: 60,
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
  try {
    await Taro.addPhoneCalendar({
      title: a.title,
      startTime: Math.floor(a.startAt / 1000),
      // WeChat documents endTime as a string of seconds (startTime as a number).
      endTime: String(Math.floor(a.endAt / 1000)),
      location: a.venueName ?? undefined,
      description: DESCRIPTION,
      alarm: true,
      alarmOffset: 3600,
    })
    return '已加入手机日历，活动开始前1小时会提醒您。'
  } catch {
    return '没有加入日历（可能没有日历权限）。可以在手机设置里允许微信使用日历后再试。'
  }
}
