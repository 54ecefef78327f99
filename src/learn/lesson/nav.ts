import Taro from '@tarojs/taro'
import { courseUrl } from '@/utils/courseText'

/** Back to the course page: the one below when there is one, else open it. */
export function backToCourse(courseId: string, memberId: string | null) {
  const pages = Taro.getCurrentPages()
  const below = pages.length > 1 ? pages[pages.length - 2] : null
  if (below && (below.route ?? '').includes('learn/course/')) void Taro.navigateBack()
  else void Taro.redirectTo({ url: courseUrl(courseId, memberId) })
}

/** The learner part of a course call: a family member's id, or nothing for oneself. */
export function learner(memberId: string | null) {
  return memberId ? { memberId } : {}
}
