import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

/** h5: the step's video opens in a new tab, or its link is copied. */
export function VideoLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <View className="lesson-video" data-testid="lesson-video">
      <Text className="lesson-video__title">▶ 这一步有视频讲解</Text>
      <View className="btn-row">
        <a
          className="btn btn--secondary lesson-video__open"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          role="link"
          data-testid="lesson-video-open"
        >
          打开视频
        </a>
        <View
          className="btn btn--secondary"
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
      </View>
      {copied ? <Text className="lesson-video__note">✓ 链接已复制</Text> : null}
    </View>
  )
}
