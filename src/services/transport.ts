import Taro from '@tarojs/taro'
import { CloudError } from './cloudError'
import type { CloudRequest } from './cloudRequest'

export type { CloudRequest }

/**
 * Sends one request and resolves with the function's raw answer (the envelope, not yet checked).
 * Rejects with CloudError('NETWORK') when the call never reached the function.
 *
 * weapp: the real WeChat cloud. h5: the local gateway, POST /api/call, acting as the dev persona.
 * The h5 branch is a dynamic import behind a build-time constant, so the weapp bundle has none of it.
 */
export async function send(req: CloudRequest): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') {
    const { postToGateway } = await import('./transportH5')
    return postToGateway(req)
  }
  return callWxCloud(req)
}

async function callWxCloud({ fn, action, input }: CloudRequest): Promise<unknown> {
  let res: Taro.cloud.CallFunctionResult
  try {
    res = await Taro.cloud.callFunction({ name: fn, data: { action, input } })
  } catch {
    throw new CloudError('NETWORK')
  }
  return res.result
}
