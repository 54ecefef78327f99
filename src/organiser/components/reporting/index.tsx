import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OpeningMaterial, SubmissionEvent, UnitCase } from '@shared/contracts/stats'
import type { SubmissionStatus } from '@shared/domain/reporting'
import { fileUrl } from '@/services/fileUrl'
import { eventText, statusLabel } from '../reportingText'
import './index.scss'

// The parts of reporting up that the 总结表 and a unit's submitted copy share: the status badge, the
// history, the units' typical cases and the 开幕式 materials.

const STATUS_MARK: Record<SubmissionStatus, string> = { draft: '○', submitted: '↑', returned: '↩', confirmed: '✓' }

/** The status in words with a mark (colour is never the only signal). */
export function StatusBadge({ status, testid }: { status: SubmissionStatus; testid?: string }) {
  return (
    <Text className={`rep-status rep-status--${status}`} data-testid={testid} data-status={status}>
      {`${STATUS_MARK[status]} ${statusLabel(status)}`}
    </Text>
  )
}

/** The submission's history, oldest first. */
export function SubmissionHistory({ history }: { history: SubmissionEvent[] }) {
  if (history.length === 0) return null
  return (
    <View className="rep-history" data-testid="submission-history" data-count={history.length}>
      <Text className="rep-history__title">上报记录</Text>
      {history.map((e, i) => {
        const t = eventText(e)
        return (
          <View key={`${e.at}-${i}`} className="rep-history__item" data-testid="submission-event" data-action={e.action}>
            <Text className="rep-history__head">{t.head}</Text>
            {t.reason ? <Text className="rep-history__reason">{t.reason}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

/** The typical cases of a roll-up's units, each with its unit. */
export function UnitCases({ cases }: { cases: UnitCase[] }) {
  return (
    <View className="section" data-testid="unit-cases" data-count={cases.length}>
      <Text className="section__title">各单位典型案例（{cases.length}）</Text>
      {cases.length === 0 ? <Text className="muted">各单位提交的总结表里还没有典型案例。</Text> : null}
      {cases.map((c, i) => (
        <View key={`${c.unitName}-${i}`} className="rep-case" data-testid="unit-case">
          <Text className="rep-case__unit">{c.unitName}</Text>
          <Text className="rep-case__title">{c.title}</Text>
          {c.text ? (
            <Text className="rep-case__text" userSelect>
              {c.text}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}

/** 开幕式 materials grouped by unit: link (copied on tap) and photos (previewed on tap). */
export function OpeningMaterials({ items }: { items: OpeningMaterial[] }) {
  const units = [...new Set(items.map((m) => m.unitName))]
  return (
    <View className="section" data-testid="opening-materials" data-count={items.length}>
      <Text className="section__title">开幕式材料（{items.length}）</Text>
      {items.length === 0 ? <Text className="muted">还没有标记为开幕式的宣传记录（在“宣传报道”里登记时勾选“开幕式”）。</Text> : null}
      {units.map((unit) => (
        <View key={unit} className="rep-opening" data-testid="opening-unit" data-unit={unit}>
          <Text className="rep-opening__unit">{unit}</Text>
          {items
            .filter((m) => m.unitName === unit)
            .map((m, i) => (
              <View key={`${m.title}-${i}`} className="rep-opening__item" data-testid="opening-item" data-kind={m.kind}>
                <Text className="rep-opening__title">{`${m.kind === 'video' ? '▶ 视频' : m.kind === 'photo' ? '▣ 图片' : '▤ 文字'} · ${m.title}`}</Text>
                <Text className="muted">{`${m.outlet}${m.publishedOn ? ` · ${m.publishedOn}` : ''}`}</Text>
                {m.url ? (
                  <View
                    className="rep-opening__link"
                    ariaRole="button"
                    ariaLabel="复制链接"
                    onClick={() => void Taro.setClipboardData({ data: m.url ?? '' })}
                  >
                    <Text className="rep-opening__url">{m.url}</Text>
                    <Text className="rep-opening__copy">复制链接</Text>
                  </View>
                ) : null}
                {m.fileIds.length ? (
                  <View className="rep-thumbs" data-testid="opening-photos" data-count={m.fileIds.length}>
                    {m.fileIds.map((id, j) => (
                      <Image
                        key={id}
                        className="rep-thumbs__img"
                        src={fileUrl(id)}
                        mode="aspectFill"
                        ariaLabel={`${unit} 开幕式照片 ${j + 1}`}
                        nativeProps={{ alt: `${unit} 开幕式照片 ${j + 1}` }}
                        onClick={() => void Taro.previewImage({ current: fileUrl(id), urls: m.fileIds.map((x) => fileUrl(x)) })}
                      />
                    ))}
                  </View>
                ) : null}
              </View>
            ))}
        </View>
      ))}
    </View>
  )
}
