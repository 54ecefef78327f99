import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getActivity, listWeeks } from '@/services/activity'
import { PosterCanvas } from './PosterCanvas'
import { posterText } from './posterDraw'
import { getWxacode } from './wxacode'
import './index.scss'

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * 活动海报: the activity's title, day and time, venue and organiser under the week's name and theme,
 * with its 小程序码 (activity.wxacode), drawn on a canvas to save to the album and post in 朋友圈.
 */
export default function PosterPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''
  const res = useAsync(async () => {
    const [{ activity }, { weeks }, code] = await Promise.all([getActivity(id), listWeeks(), getWxacode(id)])
    const text = posterText(
      activity,
      weeks.find((w) => w.id === activity.weekId),
    )
    return { text, fileId: code.fileId, alt: `活动海报：${text.title}，${text.time}，${text.place}，附小程序码` }
  }, [id])

  return (
    <PageShell className="poster-page" testid="poster-page">
      {res.status === 'loading' ? <Loading text="正在准备海报…" /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' ? <PosterCanvas text={res.data.text} fileId={res.data.fileId} alt={res.data.alt} /> : null}
    </PageShell>
  )
}
