import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRef, useState, type ReactNode } from 'react'
import type { ActivityDetail } from '@shared/contracts/activity'
import { AUDIENCES, TOPICS, labelOf } from '@shared/domain/vocabulary'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getActivity } from '@/services/activity'
import { CloudError } from '@/services/callCloud'
import { instantText, modeLabel, placeText, seatsText, timeRangeText, typeLabel } from '@/utils/activityText'
import { isVisitor } from '@/utils/visitor'
import { CallLink, MapLink, OnlineLink } from './PlaceActions'
import { SignupArea } from './SignupArea'
import './index.scss'

const NOT_FOUND_CODES = new Set(['ACTIVITY_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'])

export default function ActivityPage() {
  const router = useRouter()
  // scene: opened by scanning the activity's 小程序码 (activity.get takes it as the id).
  const raw = router.params.id || router.params.scene
  const id = typeof raw === 'string' ? safeDecode(raw) : ''
  const res = useAsync(async () => {
    if (!id) throw new CloudError('ACTIVITY_NOT_FOUND')
    return (await getActivity(id)).activity
  }, [id])

  // Back from the sign-up page: fetch the activity again quietly (seats, the resident's own
  // registration) without replacing the page by a spinner.
  const [fresh, setFresh] = useState<{ id: string; activity: ActivityDetail; n: number } | null>(null)
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (!id) return
    getActivity(id).then(
      (r) => setFresh((cur) => ({ id, activity: r.activity, n: (cur?.n ?? 0) + 1 })),
      () => undefined,
    )
  })
  const current = fresh && fresh.id === id ? fresh : null

  useShareAppMessage(() => ({
    title: res.status === 'ready' ? res.data.title : '全民终身学习活动周',
    path: id ? `/pages/activity/index?id=${encodeURIComponent(id)}` : '/pages/index/index',
  }))
  useShareTimeline(() => ({
    title: res.status === 'ready' ? res.data.title : '全民终身学习活动周',
    query: id ? `id=${encodeURIComponent(id)}` : '',
  }))
  const [visitor] = useState(isVisitor)

  return (
    <PageShell className="detail" testid="detail-page">
      {res.status === 'loading' ? <Loading text="正在加载活动…" /> : null}
      {res.status === 'error' && NOT_FOUND_CODES.has(res.error.code) ? (
        <Empty title="没有找到这个活动" hint={res.error.message}>
          {visitor ? null : (
            <View className="btn btn--primary" data-testid="back-home" ariaRole="link" onClick={goHome}>
              <Text>返回活动列表</Text>
            </View>
          )}
        </Empty>
      ) : null}
      {res.status === 'error' && !NOT_FOUND_CODES.has(res.error.code) ? (
        <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} />
      ) : null}
      {res.status === 'ready' ? <Detail a={current?.activity ?? res.data} refresh={current?.n ?? 0} visitor={visitor} /> : null}
    </PageShell>
  )
}

/** Taro passes query values still encoded on some platforms; a malformed one is just not an id. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}

function goHome() {
  const pages = Taro.getCurrentPages()
  if (pages.length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: '/pages/index/index' })
}

function Row({ label, children, testid }: { label: string; children: ReactNode; testid: string }) {
  return (
    <View className="detail-row" data-testid={testid}>
      <Text className="detail-row__key">{label}</Text>
      <View className="detail-row__val">{children}</View>
    </View>
  )
}

function Detail({ a, refresh, visitor }: { a: ActivityDetail; refresh: number; visitor: boolean }) {
  const seats = seatsText(a, Date.now())
  const online = a.mode !== 'offline'
  const offline = a.mode !== 'online'
  return (
    <View data-testid="activity-detail" data-id={a.id}>
      <View className="detail-head">
        <View className="detail-head__tags">
          <Text className="detail-tag" data-testid="detail-type">
            {typeLabel(a.type)}
          </Text>
          <Text className="detail-tag detail-tag--plain">{modeLabel(a.mode)}</Text>
          <Text className="detail-tag detail-tag--plain">{a.districtName}</Text>
        </View>
        <Text className="detail-head__title" data-testid="detail-title">
          {a.title}
        </Text>
        {a.status === 'cancelled' ? (
          <Text className="detail-head__cancelled" data-testid="detail-cancelled">
            ✕ 本活动已取消
          </Text>
        ) : null}
      </View>

      <View className="section">
        <Row label="时间" testid="detail-time">
          <Text>{timeRangeText(a.startAt, a.endAt)}</Text>
        </Row>
        <Row label="地点" testid="detail-venue">
          <Text>{offline ? placeText(a) : '线上'}</Text>
          {offline && a.address ? <Text className="detail-row__sub">{a.address}</Text> : null}
          {offline && (a.address || a.venueName) ? <MapLink a={a} /> : null}
        </Row>
        {online ? (
          <Row label="线上" testid="detail-online">
            {a.onlineUrl ? (
              <View>
                <Text className="detail-row__sub">点下面的按钮进入线上活动</Text>
                <OnlineLink url={a.onlineUrl} />
              </View>
            ) : (
              <Text>线上链接将在活动开始前公布</Text>
            )}
          </Row>
        ) : null}
        <Row label="名额" testid="detail-seats">
          <Text className={`detail-seats detail-seats--${seats.tone}`}>
            {seats.tone === 'full' ? '✕ ' : ''}
            {seats.text}
            {a.signupRequired && a.capacity !== null && seats.tone !== 'full' && seats.tone !== 'ended' ? `（共 ${a.capacity} 个）` : ''}
          </Text>
        </Row>
        {a.signupRequired ? (
          <Row label="报名时间" testid="detail-signup-window">
            <Text>{signupWindowText(a)}</Text>
            {a.cancelDeadline !== null ? <Text className="detail-row__sub">取消报名截止：{instantText(a.cancelDeadline)}</Text> : null}
          </Row>
        ) : null}
        {a.contactPhone ? (
          <Row label="咨询电话" testid="detail-contact">
            <Text data-testid="detail-contact-phone">
              {a.contactName ? `${a.contactName} ` : ''}
              {a.contactPhone}
            </Text>
            <CallLink phone={a.contactPhone} testid="call-link" />
          </Row>
        ) : null}
      </View>

      <SignupArea a={a} refresh={refresh} visitor={visitor} />

      <View className="section" data-testid="detail-description">
        <Text className="section__title">活动介绍</Text>
        <Text className="detail-text">{a.description}</Text>
      </View>

      <View className="section">
        <Row label="主办" testid="detail-organizer">
          <Text>{a.organizer}</Text>
        </Row>
        {a.coOrganizers.length > 0 ? (
          <Row label="协办" testid="detail-co-organizers">
            <Text>{a.coOrganizers.join('、')}</Text>
          </Row>
        ) : null}
        {a.topics.length > 0 ? (
          <Row label="学习主题" testid="detail-topics">
            <Text>{a.topics.map((t) => labelOf(TOPICS, t)).join('、')}</Text>
          </Row>
        ) : null}
        {a.audiences.length > 0 ? (
          <Row label="适合人群" testid="detail-audiences">
            <Text>{a.audiences.map((t) => labelOf(AUDIENCES, t)).join('、')}</Text>
          </Row>
        ) : null}
      </View>

      <View className="section btn-row">
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="btn btn--secondary btn--block detail-share" openType="share" data-testid="share-button">
            分享给家人朋友
          </Button>
        ) : null}
        {a.status === 'published' ? (
          <View className="btn btn--secondary" onClick={() => void Taro.navigateTo({ url: '/ticket/poster/index?id=' + a.id })}>
            生成海报
          </View>
        ) : null}
      </View>
    </View>
  )
}

function signupWindowText(a: ActivityDetail): string {
  if (a.signupOpensAt !== null && a.signupClosesAt !== null) return `${instantText(a.signupOpensAt)} 至 ${instantText(a.signupClosesAt)}`
  if (a.signupClosesAt !== null) return `即日起至 ${instantText(a.signupClosesAt)}`
  if (a.signupOpensAt !== null) return `${instantText(a.signupOpensAt)} 开始`
  return '待公布'
}
