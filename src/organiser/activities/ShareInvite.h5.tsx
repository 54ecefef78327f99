import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { inviteLink } from './inviteShare'

/** h5: copies a link that opens the volunteer page with the code filled in. */
export function ShareInvite({ code }: { code: string }) {
  const [copied, setCopied] = useState(false)
  const link = inviteLink(window.location, code)
  return (
    <View className="org-invite__share-h5">
      <View
        className="btn btn--primary btn--block"
        data-testid="org-invite-share"
        data-link={link}
        ariaRole="button"
        onClick={() =>
          void Taro.setClipboardData({ data: link }).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        <Text>复制邀请链接</Text>
      </View>
      {copied ? <Text className="muted">✓ 链接已复制，发给志愿者打开即可</Text> : null}
    </View>
  )
}
