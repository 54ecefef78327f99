// The notify domain's calls from the organiser's pages: an activity's change notices of today, and
// a new one. A send carries a nonce made once per tap: when the network cuts the answer off, the
// same request is sent once more, and the function answers what the first try did instead of
// sending a second notice (or using up another of the day's 3).
import type { InputOf, OutputOf } from '@shared/contracts'
import { notifyContract } from '@shared/contracts/notify'
import { newNonce } from '@/utils/nonce'
import { registerContract } from './contractRegistry'
import { callCloud, callCloudOnceMore } from './callCloud'

registerContract('notify', notifyContract)

type SendInput = Omit<InputOf<'notify', 'change.send'>, 'nonce'>

/** Sends a change notice to the activity's registrants; on a network failure the same request once more. */
export function sendChangeNotice(input: SendInput, nonce = newNonce()): Promise<OutputOf<'notify', 'change.send'>> {
  return callCloudOnceMore('notify', 'change.send', { ...input, nonce })
}

/** The activity's change notices of today, the day's limit and how many are signed up. */
export function listChangeNotices(activityId: string): Promise<OutputOf<'notify', 'change.list'>> {
  return callCloud('notify', 'change.list', { activityId })
}
