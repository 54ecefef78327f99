import { Button } from '@tarojs/components'

/** weapp: sends the appointment as a chat card (the page's useShareAppMessage builds it). */
export function ShareAppoint(_props: { code: string }) {
  return (
    <Button className="btn btn--primary btn--block staff-invite__share" openType="share" data-testid="staff-invite-share">
      发给被任命的人（微信）
    </Button>
  )
}
