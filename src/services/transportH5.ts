// h5 only (imported behind process.env.TARO_ENV === 'h5'): the local gateway plays WeChat's identity
// for the dev persona chosen in the switcher.
import { currentDevOpenid } from '@/dev/persona'
import { CloudError } from './cloudError'
import type { CloudRequest } from './cloudRequest'

export async function postToGateway(req: CloudRequest): Promise<unknown> {
  let res: Response
  try {
    res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': currentDevOpenid() },
      body: JSON.stringify({ fn: req.fn, action: req.action, input: req.input }),
    })
  } catch {
    throw new CloudError('NETWORK')
  }
  // The gateway answers failures with an envelope too (400, 404, 413...): read the body whatever
  // the status; a body that is not JSON is a bad response.
  try {
    return await res.json()
  } catch {
    throw new CloudError(res.ok ? 'BAD_RESPONSE' : 'NETWORK')
  }
}
