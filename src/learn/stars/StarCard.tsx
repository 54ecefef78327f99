import { Image, Text, View } from '@tarojs/components'
import type { GalleryItem } from '@shared/contracts/stars'
import { NOMINATION_KIND_LABELS } from '@shared/domain/stars'
import { fileUrl } from '@/services/fileUrl'
import { levelTag, likesText } from '@/utils/starsText'

/** One entry of the gallery: cover, name, kind, district, level (or 投票中), a few lines, likes. */
export function StarCard({ item, onOpen }: { item: GalleryItem; onOpen: (id: string) => void }) {
  const tag = levelTag(item)
  return (
    <View
      className="star-card"
      data-testid="star-card"
      data-id={item.id}
      data-level={item.level ?? ''}
      data-voting={item.voting ? 'true' : 'false'}
      ariaRole="link"
      onClick={() => onOpen(item.id)}
    >
      {item.cover ? (
        <Image
          className="star-card__cover"
          src={fileUrl(item.cover)}
          mode="aspectFill"
          lazyLoad
          ariaLabel={`${item.name}的照片`}
          nativeProps={{ alt: `${item.name}的照片` }}
        />
      ) : null}
      <View className="star-card__body">
        <View className="star-card__tags">
          {tag ? <Text className={`star-tag${item.voting ? ' star-tag--voting' : ''}`}>{tag}</Text> : null}
          <Text className="star-tag star-tag--plain">{NOMINATION_KIND_LABELS[item.kind]}</Text>
        </View>
        <Text className="star-card__name" data-testid="star-card-name">
          {item.name}
        </Text>
        <Text className="star-card__where">
          {item.districtName}
          {item.unitName ? ` · ${item.unitName}` : ''} · {item.year}年
        </Text>
        <Text className="star-card__excerpt">{item.excerpt}</Text>
        <View className="star-card__foot">
          <Text className="star-card__likes" data-testid="star-card-likes" data-likes={String(item.likes)}>
            {item.likedToday ? '✓ ' : ''}
            {likesText(item.likes)}
          </Text>
          <Text className="star-card__more">看事迹 ›</Text>
        </View>
      </View>
    </View>
  )
}
