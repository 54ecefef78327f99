// The full privacy guide (config/privacy.ts) for the pages that show it: the privacy page (account
// subpackage) and the server. The consent sheet in the main package uses @shared/domain/privacy only.
export { PRIVACY_GUIDE } from '../../../config/privacy'
export type { PrivacyGuide, PrivacyItem } from '../../../config/privacy'
