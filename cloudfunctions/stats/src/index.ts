// Cloud function `stats`: organisers' live attendance, publicity records, the 总结表 with its
// draft and exports, and the reconcile of every counter. Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { dashboard } from './dashboard'
import { exportSummary } from './exportSummary'
import { addPublicity, listPublicity, removePublicity } from './publicity'
import { reconcile } from './reconcile'
import { summaryReminders } from './reminders'
import { readSubmission, reviewSummary, submitSummary } from './submission'
import { subscribeSummary } from './subscribe'
import { saveSummary, summary } from './summary'

export const main = createFunction('stats', {
  dashboard,
  'publicity.list': listPublicity,
  'publicity.add': addPublicity,
  'publicity.remove': removePublicity,
  summary,
  'summary.save': saveSummary,
  'summary.export': exportSummary,
  'summary.submit': submitSummary,
  'summary.review': reviewSummary,
  'summary.submission': readSubmission,
  'summary.subscribe': subscribeSummary,
  reconcile,
  'timer:reminders': summaryReminders,
})
