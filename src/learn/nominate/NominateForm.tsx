import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Week } from '@shared/contracts/activity'
import type { Nomination } from '@shared/contracts/stars'
import { STAR_LIMITS } from '@shared/domain/stars'
import { ChoiceChips, Field, InlineError, TextArea, TextInput } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { starsApi } from '@/services/stars'
import { uploadImage } from '@/services/upload'
import { KIND_OPTIONS } from '@/utils/starsText'
import { checkNominateDraft, emptyNominateDraft, nominateInput, type NominateDraft, type NominateErrors } from './form'

interface Photo {
  key: string
  local: string
  fileId: string | null
  error: CloudError | null
}

let photoSeq = 0

/**
 * 我要自荐: kind, district, name (a project: its name and unit), story, photos (optional, uploaded as
 * chosen) and a contact. Sent as a draft (save) and then handed to the district (nominate); when
 * the second step is refused the draft stays and the next tap edits it.
 */
export function NominateForm({ week, onSent }: { week: Week; onSent: (n: Nomination) => void }) {
  const [draft, setDraft] = useState<NominateDraft>(() => ({
    ...emptyNominateDraft(),
    districtCode: week.districts.length === 1 ? week.districts[0].code : '',
  }))
  const [shown, setShown] = useState<NominateErrors>({})
  const [photos, setPhotos] = useState<Photo[]>([])
  const [savedId, setSavedId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [note, setNote] = useState('')
  const busyRef = useRef(false)

  const fileIds = photos.flatMap((p) => (p.fileId ? [p.fileId] : []))
  const uploading = photos.some((p) => !p.fileId && !p.error)
  const set = (patch: Partial<NominateDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setFailure(null)
  }
  // Errors already shown follow the draft as it is corrected.
  const live = Object.keys(shown).length ? checkNominateDraft(draft) : {}

  const choosePhotos = async () => {
    setNote('')
    const room = STAR_LIMITS.photosMax - photos.length
    if (room <= 0) return
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths.slice(0, room)
    } catch {
      return // cancelled
    }
    const added = paths.map((local) => ({ key: `p${++photoSeq}`, local, fileId: null, error: null }))
    setPhotos((ps) => [...ps, ...added].slice(0, STAR_LIMITS.photosMax))
    await Promise.all(
      added.map(async (p) => {
        try {
          const fileId = await uploadImage(p.local, `stars/${week.id}`)
          setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, fileId, error: null } : x)))
        } catch (err) {
          setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, error: toCloudError(err) } : x)))
        }
      }),
    )
  }

  const submit = async () => {
    if (busyRef.current) return
    const errors = checkNominateDraft(draft)
    setShown(errors)
    if (Object.keys(errors).length) return
    if (uploading) {
      setNote('照片还在上传，请稍候再提交')
      return
    }
    busyRef.current = true
    setBusy(true)
    setFailure(null)
    try {
      const saved = await starsApi.save(nominateInput(week.id, draft, fileIds, savedId))
      setSavedId(saved.nomination.id)
      const sent = await starsApi.nominate({ id: saved.nomination.id })
      onSent(sent.nomination)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const project = draft.kind === 'project'
  return (
    <View className="section nominate-form" data-testid="nominate-form" data-saved={savedId ?? ''}>
      <Text className="section__title">填写自荐</Text>
      <Field label="自荐类别" required error={live.kind} testid="nominate-kind-field">
        <ChoiceChips options={KIND_OPTIONS} value={draft.kind} onChange={(kind) => set({ kind })} testid="nominate-kind" columns={1} />
      </Field>
      <Field label="所在县区" required error={live.districtCode} testid="nominate-district-field">
        <ChoiceChips
          options={week.districts.map((d) => ({ code: d.code, label: d.name }))}
          value={draft.districtCode}
          onChange={(districtCode) => set({ districtCode })}
          testid="nominate-district"
          columns={2}
        />
      </Field>
      <Field label={project ? '项目名称' : '姓名'} required error={live.name} testid="nominate-name-field">
        <TextInput
          value={draft.name}
          onChange={(name) => set({ name })}
          testid="nominate-name"
          label={project ? '项目名称' : '姓名'}
          maxlength={STAR_LIMITS.nameMax}
          placeholder={project ? '例如：社区老年读书会' : '您的姓名'}
        />
      </Field>
      <Field label={project ? '所属单位' : '工作单位或所在社区'} required={project} error={live.unitName} testid="nominate-unit-field">
        <TextInput
          value={draft.unitName}
          onChange={(unitName) => set({ unitName })}
          testid="nominate-unit"
          label={project ? '所属单位' : '工作单位或所在社区'}
          maxlength={STAR_LIMITS.unitNameMax}
        />
      </Field>
      <Field
        label={project ? '项目介绍' : '学习事迹'}
        required
        hint={`至少 ${STAR_LIMITS.storyMin} 个字，最多 ${STAR_LIMITS.storyMax} 个字`}
        error={live.story}
        testid="nominate-story-field"
      >
        <TextArea
          value={draft.story}
          onChange={(story) => set({ story })}
          testid="nominate-story"
          label={project ? '项目介绍' : '学习事迹'}
          maxlength={STAR_LIMITS.storyMax}
          placeholder="写写学了什么、怎么学的、带动了谁"
        />
      </Field>
      <Field label={`照片（最多 ${STAR_LIMITS.photosMax} 张）`} testid="nominate-photos-field">
        <View className="nominate-photos" data-testid="nominate-photos" data-count={String(fileIds.length)}>
          {photos.map((p, i) => (
            <View key={p.key} className="nominate-photo">
              <Image
                className="nominate-photo__img"
                src={p.local}
                mode="aspectFill"
                ariaLabel={`第 ${i + 1} 张照片`}
                nativeProps={{ alt: `第 ${i + 1} 张照片` }}
              />
              <Text className="nominate-photo__state">{p.error ? '⚠ 上传失败' : p.fileId ? '✓ 已上传' : '上传中…'}</Text>
              <View
                className="btn btn--secondary nominate-photo__remove"
                ariaRole="button"
                onClick={() => setPhotos((ps) => ps.filter((x) => x.key !== p.key))}
              >
                <Text>删除</Text>
              </View>
            </View>
          ))}
        </View>
        {photos.length < STAR_LIMITS.photosMax ? (
          <View
            className="btn btn--secondary btn--block"
            data-testid="nominate-add-photo"
            ariaRole="button"
            onClick={() => void choosePhotos()}
          >
            <Text>＋ 添加照片</Text>
          </View>
        ) : null}
      </Field>
      <Field label="联系人" required error={live.contactName} testid="nominate-contact-field">
        <TextInput
          value={draft.contactName}
          onChange={(contactName) => set({ contactName })}
          testid="nominate-contact"
          label="联系人"
          maxlength={20}
        />
      </Field>
      <Field label="联系电话" required hint="只给评选的工作人员看，不会公开" error={live.contactPhone} testid="nominate-phone-field">
        <TextInput
          value={draft.contactPhone}
          onChange={(contactPhone) => set({ contactPhone })}
          testid="nominate-phone"
          label="联系电话"
          type="number"
          maxlength={20}
        />
      </Field>
      <Text className="nominate-form__consent">提交即表示您本人同意被推荐，并同意入选后公开展示姓名、事迹和照片（不公开电话）。</Text>
      {note ? <InlineError message={note} testid="nominate-note" /> : null}
      {failure ? <InlineError message={failure.message} code={failure.code} testid="nominate-error" /> : null}
      <View
        className={`btn btn--block ${busy ? 'btn--disabled' : 'btn--primary'}`}
        data-testid="nominate-submit"
        data-busy={busy ? 'true' : 'false'}
        ariaRole="button"
        onClick={() => void submit()}
      >
        <Text>{busy ? '正在提交…' : '提交自荐'}</Text>
      </View>
    </View>
  )
}
