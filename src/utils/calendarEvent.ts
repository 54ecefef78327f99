// What a calendar entry of an activity holds, for both builds' addToCalendar (calendar.ts for weapp,
// calendar.h5.ts for h5: Taro picks the file by platform, so they share these from here).

export interface CalendarActivity {
  registrationId: string
  title: string
  startAt: number
  endAt: number
  venueName: string | null
}

/** What the calendar entry says besides the title and place. */
export const CALENDAR_DESCRIPTION = '全民终身学习活动周。入场时请出示小程序里的电子票。'

/** The alarm before the start, in minutes. */
export const CALENDAR_ALARM_MINUTES = 60
