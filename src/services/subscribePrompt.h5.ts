// h5 (local runs and browser tests): the stand-in for WeChat's subscribe dialog. It asks in a modal
// with WeChat's two answers (允许 / 取消); 允许 gives one acceptance of each template to the dev persona
// in the local cloud (the gateway's POST /api/dev/subscribe-accept, what WeChat's dialog records), so
// the notify function's subscribeMessage.send finds it as it would on the platform. A kept answer
// (WeChat's 总是保持以上选择; dev/persona.ts) answers without the dialog, as WeChat does.
import Taro from '@tarojs/taro'
import { currentDevOpenid, keptSubscribeAnswer } from '@/dev/persona'
import { SUBSCRIBE_TEMPLATES } from '../../config/subscribe'

export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, unknown>> {
  const titles = Object.values(SUBSCRIBE_TEMPLATES)
    .filter((t) => tmplIds.includes(t.id))
    .map((t) => t.title)
  const kept = keptSubscribeAnswer()
  const { confirm } = kept
    ? { confirm: kept === 'accept' }
    : await Taro.showModal({
        title: '发送消息提醒',
        content: `是否允许“终身学习周”给您发送以下消息：${titles.join('、')}（每项发送一次）`,
        confirmText: '允许',
        cancelText: '取消',
      })
  if (!confirm) return Object.fromEntries(tmplIds.map((id) => [id, 'reject']))
  const res = await fetch('/api/dev/subscribe-accept', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': currentDevOpenid() },
    body: JSON.stringify({ templateIds: tmplIds }),
  })
  if (!res.ok) throw new Error(`subscribe stand-in: ${res.status}`)
  return Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
}
