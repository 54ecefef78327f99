import { Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ActivitySummary } from '@shared/contracts/activity'
import type { PublicityItem } from '@shared/contracts/stats'
import { shanghaiDate } from '@shared/domain/time'
import { Chip } from '@/components/Chip'
import { ChoiceChips, Field, InlineError, TextInput } from '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import type { AsyncState } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { addPublicity } from '@/services/stats'
import { uploadImage } from '@/services/upload'
import { timeRangeText } from '@/utils/activityText'
import { PickerField } from '../activity-edit/PickerField'
import { MAX_PHOTOS, PUBLICITY_KINDS, checkDraft, emptyDraft, needsLink, type DraftErrors, type PublicityDraft } from './form'

interface Photo {
  key: string
  /** The picture on the phone (its preview). */
  local: string
  fileId: string | null
  error: CloudError | null
}

let photoSeq = 0

/**
 * Add a publicity record: its kind, what it is about (the district's week, the opening ceremony,
 * an activity), title, outlet, link, photos (uploaded as they are chosen) and the date it came out.
 * Checked here in words before it is sent; the server's refusals are shown by their code.
 */
export function PublicityForm({
  weekId,
  districtCode,
  activities,
  onRetryActivities,
  onAdded,
  onClose,
}: {
  weekId: string
  districtCode: string
  activities: AsyncState<ActivitySummary[]>
  onRetryActivities: () => void
  onAdded: (item: PublicityItem) => void
  onClose: () => void
}) {
  const [draft, setDraft] = useState<PublicityDraft>(() => emptyDraft(shanghaiDate(Date.now())))
  const [photos, setPhotos] = useState<Photo[]>([])
  const [shown, setShown] = useState<DraftErrors>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [pickError, setPickError] = useState('')
  const photosRef = useRef(photos)
  photosRef.current = photos

  const fileIds = photos.flatMap((p) => (p.fileId ? [p.fileId] : []))
  const uploading = photos.some((p) => !p.fileId && !p.error)
  const withPhotos = { ...draft, fileIds }
  const set = (patch: Partial<PublicityDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setFailure(null)
  }

  const choosePhotos = async () => {
    setPickError('')
    const room = MAX_PHOTOS - photos.length
    if (room <= 0) return
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths.slice(0, room)
    } catch {
      // Cancelled: nothing to say.
      return
    }
    const added = paths.map((local) => ({ key: `p${++photoSeq}`, local, fileId: null, error: null }))
    setPhotos((ps) => [...ps, ...added].slice(0, MAX_PHOTOS))
    await Promise.all(
      added.map(async (p) => {
        try {
          const fileId = await uploadImage(p.local, `publicity/${weekId}/${districtCode}`)
          setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, fileId, error: null } : x)))
        } catch (err) {
          setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, error: toCloudError(err) } : x)))
        }
      }),
    )
  }

  const submit = async () => {
    if (busy) return
    if (uploading) {
      setPickError('照片还在上传，请稍候再提交')
      return
    }
    const { errors, input } = checkDraft(withPhotos, weekId, districtCode)
    setShown(errors)
    if (!input) return
    setBusy(true)
    setFailure(null)
    try {
      const res = await addPublicity(input)
      onAdded(res.item)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  // Errors already shown follow the draft as it is corrected.
  const live = Object.keys(shown).length ? checkDraft(withPhotos, weekId, districtCode).errors : {}

  return (
    <View className="section pub-form" data-testid="publicity-form">
      <Text className="section__title">添加宣传报道</Text>

      <Field label="类型" required testid="publicity-kind-field">
        <ChoiceChips options={PUBLICITY_KINDS} value={draft.kind} onChange={(kind) => set({ kind })} testid="publicity-kind" />
      </Field>

      <Field label="关于" required hint="报道的是哪项活动；报道全区活动周整体的选“整体”。" testid="publicity-about-field">
        <View className="pub-about" data-testid="publicity-about" data-value={draft.activityId}>
          <Chip selected={draft.activityId === ''} testid="publicity-about-whole" onTap={() => set({ activityId: '' })}>
            整体（全区活动周）
          </Chip>
          {activities.status === 'loading' ? <Loading text="正在加载本县区的活动…" /> : null}
          {activities.status === 'error' ? (
            <ErrorState message={activities.error.message} code={activities.error.code} onRetry={onRetryActivities} />
          ) : null}
          {activities.status === 'ready' && activities.data.length === 0 ? <Empty title="本县区还没有已发布的活动" /> : null}
          {activities.status === 'ready'
            ? activities.data.map((a) => (
                <Chip
                  key={a.id}
                  selected={draft.activityId === a.id}
                  testid={`publicity-about-${a.id}`}
                  value={a.id}
                  sub={timeRangeText(a.startAt, a.endAt)}
                  onTap={() => set({ activityId: a.id })}
                >
                  {a.title}
                </Chip>
              ))
            : null}
        </View>
        <View className="pub-opening">
          <Chip selected={draft.opening} testid="publicity-opening" onTap={() => set({ opening: !draft.opening })}>
            {draft.opening ? '是开幕式的报道' : '是开幕式的报道？点按选择'}
          </Chip>
        </View>
      </Field>

      <Field label="标题" required error={live.title} testid="publicity-title-field">
        <TextInput
          value={draft.title}
          onChange={(title) => set({ title })}
          testid="publicity-title"
          maxlength={80}
          placeholder="报道或视频的标题"
        />
      </Field>

      <Field label="发布媒体或平台" required error={live.outlet} testid="publicity-outlet-field">
        <TextInput
          value={draft.outlet}
          onChange={(outlet) => set({ outlet })}
          testid="publicity-outlet"
          maxlength={40}
          placeholder="例如：江西日报、区融媒体中心、微信公众号"
        />
      </Field>

      <Field
        label="链接"
        required={needsLink(draft.kind)}
        hint={needsLink(draft.kind) ? '报道或视频的网址，以 https:// 开头' : '有网页报道的可以填写'}
        error={live.url}
        testid="publicity-url-field"
      >
        <Input
          className="field__input"
          data-testid="publicity-url"
          value={draft.url}
          type="text"
          maxlength={300}
          placeholder="https://"
          placeholderClass="field__placeholder"
          onInput={(e) => set({ url: e.detail.value })}
        />
      </Field>

      <Field label={`照片（最多 ${MAX_PHOTOS} 张）`} required={draft.kind === 'photo'} error={live.photos} testid="publicity-photos-field">
        <View
          className="pub-photos"
          data-testid="publicity-photos"
          data-count={fileIds.length}
          data-uploading={uploading ? 'true' : 'false'}
        >
          {photos.map((p, i) => (
            <View key={p.key} className="pub-photo" data-testid="publicity-photo" data-file-id={p.fileId ?? ''}>
              <Image className="pub-photo__img" src={p.local} mode="aspectFill" ariaLabel={`第 ${i + 1} 张照片`} />
              <Text className={`pub-photo__state${p.error ? ' pub-photo__state--error' : ''}`}>
                {p.error ? '⚠ 上传失败' : p.fileId ? '✓ 已上传' : '上传中…'}
              </Text>
              <View
                className="pub-photo__remove"
                data-testid="publicity-photo-remove"
                ariaRole="button"
                ariaLabel={`删除第 ${i + 1} 张照片`}
                onClick={() => setPhotos((ps) => ps.filter((x) => x.key !== p.key))}
              >
                <Text>删除</Text>
              </View>
            </View>
          ))}
          {photos.length < MAX_PHOTOS ? (
            <View
              className="pub-photo pub-photo--add"
              data-testid="publicity-photo-add"
              ariaRole="button"
              onClick={() => void choosePhotos()}
            >
              <Text className="pub-photo__plus">＋</Text>
              <Text className="pub-photo__state">选择照片</Text>
            </View>
          ) : null}
        </View>
        {photos.some((p) => p.error) ? <Text className="field__error">⚠ 有照片没有上传成功，请删除后重新选择。</Text> : null}
      </Field>

      <Field label="发布日期" hint="报道刊发或视频上线的日期" testid="publicity-date-field">
        <PickerField
          mode="date"
          label="发布日期"
          value={draft.publishedOn}
          end={shanghaiDate(Date.now())}
          onChange={(publishedOn) => set({ publishedOn })}
          testid="publicity-date"
        />
      </Field>

      {pickError ? <InlineError message={pickError} testid="publicity-form-wait" /> : null}
      {failure ? <InlineError message={failure.message} code={failure.code} testid="publicity-form-error" /> : null}
      <View className="btn-row pub-form__actions">
        <View
          className={`btn ${busy ? 'btn--disabled' : 'btn--primary'}`}
          data-testid="publicity-submit"
          data-busy={busy ? 'true' : 'false'}
          ariaRole="button"
          onClick={() => void submit()}
        >
          <Text>{busy ? '正在保存…' : '保存这条报道'}</Text>
        </View>
        <View className="btn btn--secondary" data-testid="publicity-cancel" ariaRole="button" onClick={onClose}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
