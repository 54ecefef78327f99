import { Button } from '@tarojs/components'

/** weapp: sends the invite as a chat card (the page's useShareAppMessage builds it). */
export function ShareInvite(_props: { code: string }) {
  return (
    <Button className="btn btn--primary btn--block org-invite__share" openType="share" data-testid="org-invite-share">
      发给志愿者（微信）
    </Button>
  )
}
