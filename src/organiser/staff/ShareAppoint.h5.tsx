import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { appointLink } from './appointShare'

/** h5: copies a link that opens the join page with the code filled in. */
export function ShareAppoint({ code }: { code: string }) {
  const [copied, setCopied] = useState(false)
  const link = appointLink(window.location, code)
  return (
    <View className="staff-invite__share-h5">
      <View
        className="btn btn--primary btn--block"
        data-testid="staff-invite-share"
        data-link={link}
        ariaRole="button"
        onClick={() =>
          void Taro.setClipboardData({ data: link }).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        <Text>复制任命链接</Text>
      </View>
      {copied ? <Text className="muted">✓ 链接已复制，发给对方打开即可</Text> : null}
    </View>
  )
}
