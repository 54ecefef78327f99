import Taro from '@tarojs/taro'

/**
 * weapp: WeChat's own dialog (requestSubscribeMessage, at most 3 one-time templates per call), from a
 * tap. Answers { [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }. The h5 build has a stand-in
 * (subscribePrompt.h5.ts). (Taro's type also demands Alipay's entityIds, which WeChat does not take.)
 */
export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, unknown>> {
  const option = { tmplIds } as Taro.requestSubscribeMessage.Option
  return (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
}
