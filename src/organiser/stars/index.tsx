import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Nomination, Places } from '@shared/contracts/stars'
import {
  NOMINATION_KINDS,
  NOMINATION_STATUSES,
  NOMINATION_STATUS_LABELS,
  type NominationKind,
  type NominationStatus,
} from '@shared/domain/stars'
import { ChoiceChips, InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { openExport } from '@/services/exportFile'
import { starsApi } from '@/services/stars'
import { cityOfChoice, initialDistrict, type DistrictChoice, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { NominationRow } from './NominationRow'
import { PlacesPanel } from './PlacesPanel'
import { SettingsPanel } from './SettingsPanel'
import { listFilterOf, mayEditPlaces, replaced, selectingCity } from './starsText'
import '../activity-edit/PickerField.scss'
import './index.scss'

type KindFilter = NominationKind | 'all'
type StatusFilter = NominationStatus | 'all'
const KIND_FILTERS: { code: KindFilter; label: string }[] = [
  { code: 'all', label: '全部类别' },
  ...NOMINATION_KINDS.map((code) => ({ code, label: code === 'star' ? '学习之星' : '品牌项目' })),
]
const STATUS_FILTERS: { code: StatusFilter; label: string }[] = [
  { code: 'all', label: '全部状态' },
  ...NOMINATION_STATUSES.map((code) => ({ code, label: NOMINATION_STATUS_LABELS[code] })),
]

/**
 * 学习之星与品牌项目 (organiser subpackage): the week's nominations in the caller's scope (an
 * organiser's district, a city admin's city, every district for the week's admins), filtered by kind
 * and status, with the review, selection, publishing and hiding each row allows; the places of the
 * selecting unit; 推荐, 记录已获荣誉, 导出 Excel; and for the week's admins the settings.
 */
export default function StarsPage() {
  const { params } = useRouter()
  return (
    <PageShell className="stars" testid="stars-page">
      <View className="page-head">
        <Text className="page-head__title">学习之星与品牌项目</Text>
        <Text className="page-head__text">百姓学习之星、终身学习品牌项目的推荐、审核、评选和公布。</Text>
      </View>
      <ScopedWeek weekId={params.weekId}>
        {({ scopes, scope, onWeek }) => (
          <WeekStars
            scopes={scopes}
            scope={scope}
            asked={scope.week.id === params.weekId ? params.districtCode : undefined}
            onWeek={onWeek}
          />
        )}
      </ScopedWeek>
    </PageShell>
  )
}

function WeekStars({ scopes, scope, asked, onWeek }: { scopes: Scope[]; scope: Scope; asked?: string; onWeek: (id: string) => void }) {
  const [choice, setChoice] = useState<DistrictChoice>(() => initialDistrict(scope, true, asked, true))
  const [kind, setKind] = useState<KindFilter>('all')
  const [status, setStatus] = useState<StatusFilter>('all')
  const weekId = scope.week.id
  // A district to nominate in: the one chosen, else the caller's first.
  const nominateIn = choice && !cityOfChoice(choice) ? choice : (scope.districts[0]?.code ?? '')
  const q = `weekId=${encodeURIComponent(weekId)}&districtCode=${encodeURIComponent(nominateIn)}`

  return (
    <View>
      <ScopePicker scopes={scopes} scope={scope} district={choice} onWeek={onWeek} onDistrict={setChoice} rollUp cityRollUp />
      <View className="section stars-links">
        <View className="btn-row">
          <View
            className="btn btn--primary"
            data-testid="stars-nominate"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/organiser/star-edit/index?${q}` })}
          >
            <Text>＋ 推荐</Text>
          </View>
          <View
            className="btn btn--secondary"
            data-testid="stars-record"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/organiser/star-edit/index?${q}&record=1` })}
          >
            <Text>记录已获荣誉</Text>
          </View>
        </View>
      </View>
      <View className="section stars-filters">
        <ChoiceChips options={KIND_FILTERS} value={kind} onChange={setKind} testid="stars-kind" />
        <ChoiceChips options={STATUS_FILTERS} value={status} onChange={setStatus} testid="stars-status" />
      </View>
      <StarList key={`${choice}|${kind}|${status}`} scope={scope} choice={choice} kind={kind} status={status} />
      {scope.admin ? <SettingsPanel weekId={weekId} startDate={scope.week.startDate} endDate={scope.week.endDate} /> : null}
    </View>
  )
}

function StarList({ scope, choice, kind, status }: { scope: Scope; choice: DistrictChoice; kind: KindFilter; status: StatusFilter }) {
  const weekId = scope.week.id
  const filter = {
    ...listFilterOf(weekId, choice),
    ...(kind === 'all' ? {} : { kind }),
    ...(status === 'all' ? {} : { status }),
  }
  const first = useAsync(() => starsApi.list(filter), [weekId, choice, kind, status])
  const [items, setItems] = useState<Nomination[]>([])
  const [places, setPlaces] = useState<Places | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [more, setMore] = useState<'' | 'busy'>('')
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportFailure, setExportFailure] = useState<CloudError | null>(null)

  const loaded = first.status === 'ready' ? first.data : null
  useEffect(() => {
    if (!loaded) return
    setItems(loaded.items)
    setPlaces(loaded.places)
    setCursor(loaded.cursor)
  }, [loaded])

  usePullDownRefresh(() => {
    first.reload()
    Taro.stopPullDownRefresh()
  })

  const loadMore = async () => {
    if (!cursor || more) return
    setMore('busy')
    setFailure(null)
    try {
      const r = await starsApi.list({ ...filter, cursor })
      setItems((xs) => [...xs, ...r.items.filter((x) => !xs.some((y) => y.id === x.id))])
      setCursor(r.cursor)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setMore('')
    }
  }

  const exportList = async () => {
    if (exporting) return
    setExporting(true)
    setExportFailure(null)
    try {
      await openExport(await starsApi.exportList(filter))
    } catch (err) {
      setExportFailure(toCloudError(err))
    } finally {
      setExporting(false)
    }
  }

  const cityCode = selectingCity(scope, choice)

  return (
    <View>
      {places ? (
        <PlacesPanel key={`${places.cityCode}`} places={places} editable={mayEditPlaces(scope, places)} onPlaces={setPlaces} />
      ) : null}
      <View className="section" data-testid="stars-list" data-status={first.status} data-count={items.length}>
        <View className="stars-list__head">
          <Text className="section__title">{first.status === 'ready' ? `共 ${items.length}${cursor ? '+' : ''} 条` : '推荐列表'}</Text>
          <View
            className={`btn ${exporting ? 'btn--disabled' : 'btn--secondary'}`}
            data-testid="stars-export"
            ariaRole="button"
            onClick={() => void exportList()}
          >
            <Text>{exporting ? '正在导出…' : '导出 Excel'}</Text>
          </View>
        </View>
        {exportFailure ? <InlineError message={exportFailure.message} code={exportFailure.code} testid="stars-export-error" /> : null}
        {first.status === 'loading' ? <Loading text="正在读取推荐…" /> : null}
        {first.status === 'error' ? <ErrorState message={first.error.message} code={first.error.code} onRetry={first.reload} /> : null}
        {first.status === 'ready' && items.length === 0 ? (
          <Empty title="还没有推荐…" hint="点“＋ 推荐”填写第一份学习之星或品牌项目的推荐材料。" />
        ) : null}
        {items.map((n) => (
          <NominationRow
            key={n.id}
            n={n}
            weekId={weekId}
            cityCode={cityCode}
            places={places}
            onChanged={(next, p) => {
              setItems((xs) => replaced(xs, next))
              if (p && (!places || p.cityCode === places.cityCode)) setPlaces(p)
            }}
          />
        ))}
        {failure ? <InlineError message={failure.message} code={failure.code} testid="stars-more-error" /> : null}
        {cursor ? (
          <View
            className={`btn ${more ? 'btn--disabled' : 'btn--secondary'} btn--block`}
            data-testid="stars-more"
            ariaRole="button"
            onClick={() => void loadMore()}
          >
            <Text>{more ? '正在加载…' : '加载更多'}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
