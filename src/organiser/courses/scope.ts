/** The week the organiser pages work on (shared with the dashboard and 活动管理). */
export const WEEK_KEY = 'organiser.weekId'

// The scopes and their loader live with the activity calls; re-exported for this folder.
export { scopesOf, type Scope } from '@/services/activity'
