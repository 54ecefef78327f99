import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Nomination } from '@shared/contracts/stars'
import { NOMINATION_KIND_LABELS, NOMINATION_STATUS_LABELS } from '@shared/domain/stars'
import { PageShell } from '@/components/PageShell'
// form first: it brings the Chip's and the states' styles in the order every chunk uses (mini-css-extract wants one).
import '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { ConsentNeeded } from '@/components/privacy/ConsentNeeded'
import { usePrivacyGate } from '@/components/privacy/usePrivacyGate'
import { useAsync } from '@/hooks/useAsync'
import { listWeeks } from '@/services/activity'
import { starsApi } from '@/services/stars'
import { readString } from '@/utils/storage'
import { GALLERY_PAGE } from '@/utils/starsText'
import { NOMINATE_CONSENT_REASON } from './form'
import { NominateForm } from './NominateForm'
import './index.scss'

const HOME_WEEK_KEY = 'home.weekId'

/**
 * 我要自荐 (learn/nominate/index): when the week allows self-nomination, a resident nominates
 * themself as a 百姓学习之星 (or their unit's project), after the privacy consent; 我的自荐 lists what
 * they sent and where it stands.
 */
export default function NominatePage() {
  const gate = usePrivacyGate(NOMINATE_CONSENT_REASON)
  const { require } = gate
  useEffect(() => {
    void require()
  }, [require])

  return (
    <PageShell className="nominate" testid="nominate-page">
      <View className="page-head">
        <Text className="page-head__title">我要自荐</Text>
        <Text className="page-head__text">自荐为百姓学习之星，或推荐本单位的终身学习品牌项目。县区审核推荐后，由上级评选公布。</Text>
      </View>
      {gate.state === 'refused' ? (
        <View className="section">
          <ConsentNeeded text={`${NOMINATE_CONSENT_REASON}。您仍可以浏览学习之星。`} onAsk={() => void require()} />
        </View>
      ) : null}
      {gate.state === 'error' && gate.error ? (
        <ErrorState message={gate.error.message} code={gate.error.code} onRetry={() => void require()} />
      ) : null}
      {gate.state === 'idle' || gate.state === 'checking' || gate.state === 'asking' ? <Loading text="正在准备…" /> : null}
      {gate.state === 'agreed' ? <NominateBody /> : null}
    </PageShell>
  )
}

function NominateBody() {
  const base = useAsync(async () => {
    const { weeks } = await listWeeks()
    const week = weeks.find((w) => w.id === readString(HOME_WEEK_KEY)) ?? weeks[0] ?? null
    if (!week) return null
    const [settings, mine] = await Promise.all([starsApi.settings({ weekId: week.id }), starsApi.mine({ weekId: week.id })])
    return { week, settings, mine: mine.items }
  }, [])
  const [sent, setSent] = useState<Nomination[]>([])
  const [writing, setWriting] = useState(false)

  if (base.status === 'loading') return <Loading text="正在加载…" />
  if (base.status === 'error') return <ErrorState message={base.error.message} code={base.error.code} onRetry={base.reload} />
  if (!base.data) return <Empty title="现在没有进行中的活动周" />
  const { week, settings } = base.data
  const mine = [...sent, ...base.data.mine.filter((m) => !sent.some((s) => s.id === m.id))]

  return (
    <View data-testid="nominate-body">
      <MyNominations items={mine} />
      {!settings.selfNomination ? (
        <Empty title="本届活动周未开放自荐" hint="可以请所在社区或单位的活动周工作人员推荐。">
          <View className="btn btn--secondary" ariaRole="link" onClick={() => void Taro.redirectTo({ url: GALLERY_PAGE })}>
            <Text>看看学习之星</Text>
          </View>
        </Empty>
      ) : writing ? (
        <NominateForm
          week={week}
          onSent={(n) => {
            setSent((s) => [n, ...s])
            setWriting(false)
          }}
        />
      ) : (
        <View className="section">
          {sent.length > 0 ? (
            <Text className="nominate-done" data-testid="nominate-done">
              ✓ 已提交给县区，审核结果会显示在“我的自荐”里。
            </Text>
          ) : null}
          <View className="btn btn--primary btn--block" data-testid="nominate-start" ariaRole="button" onClick={() => setWriting(true)}>
            <Text>{mine.length > 0 ? '再写一份自荐' : '开始填写自荐'}</Text>
          </View>
        </View>
      )}
    </View>
  )
}

function MyNominations({ items }: { items: Nomination[] }) {
  if (items.length === 0) return null
  return (
    <View className="section" data-testid="nominate-mine" data-count={String(items.length)}>
      <Text className="section__title">我的自荐</Text>
      {items.map((n) => (
        <View key={n.id} className="nominate-mine" data-testid="nominate-mine-item" data-status={n.status}>
          <Text className="nominate-mine__name">
            {n.name} · {NOMINATION_KIND_LABELS[n.kind]}
          </Text>
          <Text className="nominate-mine__status">
            {n.hidden ? '已隐藏' : NOMINATION_STATUS_LABELS[n.status]} · {n.districtName}
          </Text>
          {n.status === 'declined' && n.reason ? <Text className="nominate-mine__reason">原因：{n.reason}</Text> : null}
        </View>
      ))}
    </View>
  )
}
