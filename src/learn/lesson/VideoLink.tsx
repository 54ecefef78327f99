import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

/**
 * weapp: a mini-program cannot open an outside web page, so the video's link is copied for the
 * browser (WeChat shows its own 内容已复制 toast; the line below says it in the page too).
 */
export function VideoLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <View className="lesson-video" data-testid="lesson-video">
      <Text className="lesson-video__title">▶ 这一步有视频讲解</Text>
      <View
        className="btn btn--secondary btn--block"
        data-testid="lesson-video-copy"
        ariaRole="button"
        onClick={() =>
          void Taro.setClipboardData({ data: url }).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        <Text>复制视频链接</Text>
      </View>
      <Text className="lesson-video__note">{copied ? '✓ 链接已复制，打开手机浏览器粘贴即可观看' : '复制后在手机浏览器里粘贴打开'}</Text>
    </View>
  )
}
