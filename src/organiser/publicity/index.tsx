import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { PublicityItem } from '@shared/contracts/stats'
import { InlineConfirm, InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { loadPublishedActivities } from '@/services/activity'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { fileUrl } from '@/services/fileUrl'
import { listPublicity, removePublicity } from '@/services/stats'
import { initialDistrict, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { KIND_WORDS, aboutText, publishedText } from './form'
import { PublicityForm } from './PublicityForm'
import '../activity-edit/PickerField.scss'
import './index.scss'

/**
 * 宣传报道 (organiser subpackage): the district's publicity records (text reports with their link,
 * photos, video links), which fill the 宣传报道 rows of the 总结表; add one, or delete one after
 * confirming in place.
 */
export default function PublicityPage() {
  const { params } = useRouter()

  return (
    <PageShell className="pub" testid="publicity-page">
      <View className="page-head">
        <Text className="page-head__title">宣传报道</Text>
        <Text className="page-head__text">登记媒体的文字报道、图片和视频，总结表的“宣传报道”一栏会自动统计。</Text>
      </View>
      <ScopedWeek weekId={params.weekId}>
        {({ scopes, scope, onWeek }) => (
          <WeekPublicity
            scopes={scopes}
            scope={scope}
            askedDistrict={scope.week.id === params.weekId ? params.districtCode : undefined}
            onWeek={onWeek}
          />
        )}
      </ScopedWeek>
    </PageShell>
  )
}

function WeekPublicity({
  scopes,
  scope,
  askedDistrict,
  onWeek,
}: {
  scopes: Scope[]
  scope: Scope
  askedDistrict?: string
  onWeek: (id: string) => void
}) {
  // Records belong to one district: no roll-up here.
  const [district, setDistrict] = useState(() => initialDistrict(scope, false, askedDistrict))
  return (
    <View>
      <ScopePicker scopes={scopes} scope={scope} district={district} onWeek={onWeek} onDistrict={setDistrict} rollUp={false} />
      {district ? <DistrictPublicity key={district} weekId={scope.week.id} districtCode={district} /> : null}
    </View>
  )
}

function DistrictPublicity({ weekId, districtCode }: { weekId: string; districtCode: string }) {
  const list = useAsync(() => listPublicity({ weekId, districtCode }).then((r) => r.items), [weekId, districtCode])
  const activities = useAsync(() => loadPublishedActivities(weekId, districtCode), [weekId, districtCode])
  const [items, setItems] = useState<PublicityItem[]>([])
  const [adding, setAdding] = useState(false)
  const [done, setDone] = useState('')
  const [asking, setAsking] = useState('')
  const [removing, setRemoving] = useState(false)
  const [failure, setFailure] = useState<{ id: string; error: CloudError } | null>(null)

  // The list as loaded; then kept here as records are added and deleted.
  const loaded = list.status === 'ready' ? list.data : null
  useEffect(() => {
    if (loaded) setItems(loaded)
  }, [loaded])

  usePullDownRefresh(() => {
    list.reload()
    Taro.stopPullDownRefresh()
  })

  const remove = async (id: string) => {
    if (removing) return
    setRemoving(true)
    setFailure(null)
    try {
      await removePublicity(id)
      setItems((xs) => xs.filter((x) => x.id !== id))
      setDone('✓ 已删除')
      setAsking('')
    } catch (err) {
      const e = toCloudError(err)
      if (e.code === 'PUBLICITY_NOT_FOUND') {
        setItems((xs) => xs.filter((x) => x.id !== id))
        setAsking('')
      }
      setFailure({ id, error: e })
    } finally {
      setRemoving(false)
    }
  }

  const counts = {
    text: items.filter((x) => x.kind === 'text').length,
    photo: items.filter((x) => x.kind === 'photo').reduce((n, x) => n + x.fileIds.length, 0),
    video: items.filter((x) => x.kind === 'video').length,
  }

  return (
    <View>
      {adding ? (
        <PublicityForm
          weekId={weekId}
          districtCode={districtCode}
          activities={activities}
          onRetryActivities={activities.reload}
          onClose={() => setAdding(false)}
          onAdded={(item) => {
            setItems((xs) => [item, ...xs.filter((x) => x.id !== item.id)])
            setAdding(false)
            setDone(`✓ 已添加：${item.title}`)
          }}
        />
      ) : (
        <View className="section">
          <View
            className="btn btn--primary btn--block"
            data-testid="publicity-add"
            ariaRole="button"
            onClick={() => {
              setAdding(true)
              setDone('')
            }}
          >
            <Text>＋ 添加宣传报道</Text>
          </View>
          {done ? (
            <Text className="pub-done" data-testid="publicity-done">
              {done}
            </Text>
          ) : null}
        </View>
      )}

      <View className="section" data-testid="publicity-list" data-status={list.status} data-count={items.length}>
        <Text className="section__title">已登记 {items.length} 条</Text>
        {list.status === 'ready' && items.length > 0 ? (
          <Text className="muted">
            文字报道 {counts.text} 篇 · 图片 {counts.photo} 张 · 视频 {counts.video} 条
          </Text>
        ) : null}
        {list.status === 'loading' ? <Loading text="正在加载宣传记录…" /> : null}
        {list.status === 'error' ? <ErrorState message={list.error.message} code={list.error.code} onRetry={list.reload} /> : null}
        {list.status === 'ready' && items.length === 0 ? <Empty title="还没有宣传记录" hint="点“添加宣传报道”登记第一条。" /> : null}
        {items.map((item) => (
          <View
            key={item.id}
            className={`pub-item pub-item--${item.kind}`}
            data-testid="publicity-item"
            data-id={item.id}
            data-kind={item.kind}
          >
            <View className="pub-item__tags">
              <Text className="pub-item__kind" data-testid="publicity-item-kind">
                {KIND_WORDS[item.kind]}
              </Text>
              <Text className="pub-item__outlet">{item.outlet}</Text>
              {item.publishedOn ? <Text className="pub-item__date">{publishedText(item.publishedOn)}</Text> : null}
            </View>
            <Text className="pub-item__title" data-testid="publicity-item-title">
              {item.title}
            </Text>
            <Text className="pub-item__about">{`关于：${aboutText(item)}`}</Text>
            {item.url ? (
              <View
                className="pub-item__link"
                data-testid="publicity-item-link"
                ariaRole="button"
                ariaLabel="复制链接"
                onClick={() => void Taro.setClipboardData({ data: item.url ?? '' })}
              >
                <Text className="pub-item__url">{item.url}</Text>
                <Text className="pub-item__copy">复制链接</Text>
              </View>
            ) : null}
            {item.fileIds.length ? (
              <View className="pub-thumbs" data-testid="publicity-item-photos" data-count={item.fileIds.length}>
                {item.fileIds.map((id, i) => (
                  <Image
                    key={id}
                    className="pub-thumbs__img"
                    src={fileUrl(id)}
                    mode="aspectFill"
                    ariaLabel={`照片 ${i + 1}`}
                    onClick={() => void Taro.previewImage({ current: fileUrl(id), urls: item.fileIds.map((x) => fileUrl(x)) })}
                  />
                ))}
              </View>
            ) : null}
            {failure?.id === item.id ? (
              <InlineError message={failure.error.message} code={failure.error.code} testid="publicity-remove-error" />
            ) : null}
            {asking === item.id ? (
              <InlineConfirm
                testid="publicity-remove"
                danger
                busy={removing}
                text={`删除“${item.title}”？删除后总结表里的宣传统计也会减少。`}
                confirmLabel="确定删除"
                cancelLabel="不删了"
                onConfirm={() => void remove(item.id)}
                onCancel={() => setAsking('')}
              />
            ) : (
              <View
                className="btn btn--secondary pub-item__delete"
                data-testid="publicity-delete"
                ariaRole="button"
                onClick={() => {
                  setAsking(item.id)
                  setFailure(null)
                }}
              >
                <Text>删除</Text>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  )
}
