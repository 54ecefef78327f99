// Cloud function `course`: 智慧助老 and 全民阅读 courses. Residents list and open courses, go
// through a lesson's steps, enrol (also a family member), resume where they stopped, mark lessons
// 学会了 and get the completion certificate; organisers edit and publish courses and read the
// learning totals. Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { get, lesson, list, mine } from './learn'
import { certificate, completeLesson, enrol, progress } from './learning'
import { manage, publish, save } from './manage'
import { totals } from './totals'

export const main = createFunction(
  'course',
  {
    list,
    get,
    lesson,
    enrol,
    progress,
    completeLesson,
    certificate,
    mine,
    manage,
    save,
    publish,
    totals,
  },
  // The courses and one course are public: a page opened from 朋友圈 (single-page mode) reads
  // them with no identity (no progress to show).
  { publicActions: ['list', 'get'] },
)
