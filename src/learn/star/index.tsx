import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import type { GalleryEntry } from '@shared/contracts/stars'
import { HONOUR_LEVEL_LABELS, NOMINATION_KIND_LABELS } from '@shared/domain/stars'
import { PageShell } from '@/components/PageShell'
// form first: it brings the Chip's and the states' styles in the order every chunk uses (mini-css-extract wants one).
import '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { CloudError } from '@/services/callCloud'
import { fileUrl } from '@/services/fileUrl'
import { starsApi } from '@/services/stars'
import { GALLERY_PAGE, entryPath, entryQuery, idParam, levelTag } from '@/utils/starsText'
import { isVisitor } from '@/utils/visitor'
import { Cheer } from './Cheer'
import './index.scss'

const NOT_FOUND_CODES = new Set(['ENTRY_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'])

/**
 * One 百姓学习之星 or 终身学习品牌项目 (learn/star/index?id=): photos (tap to see them large), the story,
 * honours, the video link, 点赞 (once a day) and, in the vote phase, 投票. Shared as a chat card and
 * to 朋友圈; a visitor from 朋友圈 (single-page mode, no identity) reads it without 点赞.
 */
export default function StarEntryPage() {
  const router = useRouter()
  const id = idParam(router.params.id)
  const [visitor] = useState(isVisitor)
  const res = useAsync(async () => {
    if (!id) throw new CloudError('ENTRY_NOT_FOUND')
    return (await starsApi.entry({ id })).entry
  }, [id])
  const entry = res.status === 'ready' ? res.data : null
  const cover = entry ? (entry.cover ?? entry.photos[0] ?? null) : null

  useShareAppMessage(() => ({
    title: entry ? `${NOMINATION_KIND_LABELS[entry.kind]}：${entry.name}` : '百姓学习之星 · 终身学习品牌项目',
    path: id ? entryPath(id) : GALLERY_PAGE,
    ...(cover ? { imageUrl: cover } : {}),
  }))
  useShareTimeline(() => ({
    title: entry ? `${NOMINATION_KIND_LABELS[entry.kind]}：${entry.name}` : '百姓学习之星 · 终身学习品牌项目',
    query: id ? entryQuery(id) : '',
    ...(cover ? { imageUrl: cover } : {}),
  }))

  return (
    <PageShell className="star" testid="star-page">
      {res.status === 'loading' ? <Loading text="正在加载事迹…" /> : null}
      {res.status === 'error' && NOT_FOUND_CODES.has(res.error.code) ? (
        <Empty title="没有找到这个学习之星或品牌项目" hint={res.error.message}>
          {visitor ? null : (
            <View
              className="btn btn--primary"
              data-testid="back-gallery"
              ariaRole="link"
              onClick={() => void Taro.redirectTo({ url: GALLERY_PAGE })}
            >
              <Text>看看其他学习之星</Text>
            </View>
          )}
        </Empty>
      ) : null}
      {res.status === 'error' && !NOT_FOUND_CODES.has(res.error.code) ? (
        <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} />
      ) : null}
      {entry ? <EntryView entry={entry} visitor={visitor} /> : null}
    </PageShell>
  )
}

function EntryView({ entry, visitor }: { entry: GalleryEntry; visitor: boolean }) {
  const tag = levelTag(entry)
  const photos = entry.photos.map((p) => fileUrl(p))
  return (
    <View data-testid="star-detail" data-id={entry.id} data-visitor={visitor ? 'true' : 'false'}>
      <View className="star-head">
        <View className="star-head__tags">
          {tag ? <Text className={`star-tag${entry.voting ? ' star-tag--voting' : ''}`}>{tag}</Text> : null}
          <Text className="star-tag star-tag--plain">{NOMINATION_KIND_LABELS[entry.kind]}</Text>
        </View>
        <Text className="star-head__name" data-testid="star-name">
          {entry.name}
        </Text>
        <Text className="star-head__where">
          {entry.districtName}
          {entry.unitName ? ` · ${entry.unitName}` : ''} · {entry.year}年
        </Text>
      </View>

      {photos.length > 0 ? (
        <View className="section star-photos" data-testid="star-photos" data-count={String(photos.length)}>
          {photos.map((src, i) => (
            <View
              key={src}
              className={`star-photos__cell${i === 0 ? ' star-photos__cell--first' : ''}`}
              data-testid="star-photo"
              ariaRole="button"
              ariaLabel={`${entry.name}的第${i + 1}张照片，点按查看大图`}
              onClick={() => void Taro.previewImage({ current: src, urls: photos })}
            >
              <Image className="star-photos__photo" src={src} mode="aspectFill" nativeProps={{ alt: `${entry.name}的第${i + 1}张照片` }} />
            </View>
          ))}
        </View>
      ) : null}

      <Cheer entry={entry} visitor={visitor} />

      <View className="section">
        <Text className="section__title">{entry.kind === 'star' ? '学习事迹' : '项目介绍'}</Text>
        <Text className="star-story" data-testid="star-story">
          {entry.story}
        </Text>
      </View>

      {entry.honours.length > 0 ? (
        <View className="section" data-testid="star-honours">
          <Text className="section__title">获得荣誉</Text>
          {entry.honours.map((h) => (
            <View key={`${h.level}-${h.year}-${h.by}`} className="star-honour">
              <Text className="star-honour__level">
                {h.year}年 · {HONOUR_LEVEL_LABELS[h.level]}
              </Text>
              <Text className="star-honour__by">{h.by}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {entry.videoUrl ? <VideoCopy url={entry.videoUrl} /> : null}

      {visitor ? null : (
        <View className="section">
          <View
            className="btn btn--secondary btn--block"
            data-testid="star-go-gallery"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: GALLERY_PAGE })}
          >
            <Text>看看更多学习之星 ›</Text>
          </View>
        </View>
      )}
    </View>
  )
}

/** The video's link, copied to open in the browser or WeChat (a mini-program cannot open it itself). */
function VideoCopy({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <View className="section" data-testid="star-video">
      <Text className="section__title">视频</Text>
      <Text className="star-video__text">复制链接后，在浏览器或微信聊天中打开观看。</Text>
      <View
        className="btn btn--secondary btn--block"
        data-testid="star-video-copy"
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
      {copied ? <Text className="star-video__text">✓ 链接已复制</Text> : null}
    </View>
  )
}
