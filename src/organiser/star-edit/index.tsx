import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Nomination } from '@shared/contracts/stars'
import { HONOUR_LEVELS, HONOUR_LEVEL_LABELS, NOMINATION_KINDS, NOMINATION_KIND_LABELS, STAR_LIMITS } from '@shared/domain/stars'
import { shanghaiDate } from '@shared/domain/time'
import { ChoiceChips, Field, InlineError, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { starsApi } from '@/services/stars'
import { initialDistrict, type Scope } from '../components/scope'
import { ScopedWeek } from '../components/ScopedWeek'
import {
  checkHonour,
  checkStarDraft,
  draftOf,
  emptyStarDraft,
  errorsFromPaths,
  fieldMessage,
  nameLabel,
  storyCountText,
  unitLabel,
  type HonourDraft,
  type StarDraft,
  type StarErrors,
} from './form'
import { PhotoPicker, storedPhotos, type Photo } from './PhotoPicker'
import './index.scss'

const KIND_OPTIONS = NOMINATION_KINDS.map((code) => ({ code, label: NOMINATION_KIND_LABELS[code] }))
const LEVEL_OPTIONS = HONOUR_LEVELS.map((code) => ({ code, label: HONOUR_LEVEL_LABELS[code] }))

/**
 * 推荐学习之星 / 品牌项目 (organiser subpackage): a nomination's form — kind, district, name, unit,
 * story (counted to 2,000), up to 9 photos, a video link, the nominator's contact and, for a star,
 * the nominee's consent — saved as a draft or handed to the district (save, then nominate).
 * `?record=1`: staff record a recognition from elsewhere (level, year, by), published at once.
 */
export default function StarEditPage() {
  const { params } = useRouter()
  const recording = params.record === '1'
  return (
    <PageShell className="star-edit" testid="star-edit-page">
      <View className="page-head">
        <Text className="page-head__title">{recording ? '记录已获荣誉' : params.id ? '修改推荐' : '推荐学习之星与品牌项目'}</Text>
        <Text className="page-head__text">
          {recording
            ? '登记在别处已获得的荣誉（如教育部、省教育厅评选），保存后直接展示给居民。'
            : '先保存草稿，材料齐全后点“提交推荐”交给县区审核。'}
        </Text>
      </View>
      <ScopedWeek weekId={params.weekId}>
        {({ scope }) =>
          params.id && scope.week.id === params.weekId ? (
            <LoadNomination id={params.id} scope={scope} />
          ) : (
            <StarForm scope={scope} askedDistrict={params.districtCode} recording={recording} />
          )
        }
      </ScopedWeek>
    </PageShell>
  )
}

function LoadNomination({ id, scope }: { id: string; scope: Scope }) {
  const got = useAsync(() => starsApi.get({ id }).then((r) => r.nomination), [id])
  if (got.status === 'loading') return <Loading text="正在读取推荐材料…" />
  if (got.status === 'error') return <ErrorState message={got.error.message} code={got.error.code} onRetry={got.reload} />
  return <StarForm scope={scope} loaded={got.data} recording={false} />
}

function StarForm({
  scope,
  askedDistrict,
  loaded,
  recording,
}: {
  scope: Scope
  askedDistrict?: string
  loaded?: Nomination
  recording: boolean
}) {
  const weekId = scope.week.id
  const [id, setId] = useState(loaded?.id)
  const [draft, setDraft] = useState<StarDraft>(() =>
    loaded ? draftOf(loaded) : emptyStarDraft(initialDistrict(scope, false, askedDistrict)),
  )
  const [honour, setHonour] = useState<HonourDraft>(() => ({ level: 'national', year: shanghaiDate(Date.now()).slice(0, 4), by: '' }))
  const [photos, setPhotos] = useState<Photo[]>(() => storedPhotos(loaded?.photos ?? []))
  // Checked once asked to save (false) or submit (true); the server's field errors until the next change.
  const [checkedAs, setCheckedAs] = useState<boolean | null>(null)
  const [server, setServer] = useState<StarErrors>({})
  const [busy, setBusy] = useState<'' | 'save' | 'submit'>('')
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [done, setDone] = useState<Nomination | null>(null)
  const [note, setNote] = useState('')

  const locked = !!loaded && !loaded.can.edit
  const fileIds = photos.flatMap((p) => (p.fileId ? [p.fileId] : []))
  const uploading = photos.some((p) => !p.fileId && !p.error)
  const withPhotos = { ...draft, photos: fileIds }
  const set = (patch: Partial<StarDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setFailure(null)
    setServer({})
    setNote('')
  }

  const refused = (err: unknown) => {
    const e = toCloudError(err)
    if (e.code === 'VALIDATION_FAILED' && e.fields?.length) setServer(errorsFromPaths(e.fields, draft.kind))
    if (e.code === 'NOMINEE_CONSENT_REQUIRED') setServer({ nomineeConsent: fieldMessage('nomineeConsent', 'star') })
    setFailure(e)
  }

  const run = async (submitting: boolean) => {
    if (busy) return
    if (uploading) {
      setNote('照片还在上传，请稍候')
      return
    }
    const { errors, input } = checkStarDraft(withPhotos, weekId, id, submitting || recording)
    const h = recording ? checkHonour(honour) : null
    const all = { ...errors, ...(h?.errors ?? {}) }
    setCheckedAs(submitting || recording)
    setServer({})
    if (!input || Object.keys(all).length) {
      setNote('请按提示修改标出的内容')
      return
    }
    setBusy(submitting ? 'submit' : 'save')
    setFailure(null)
    setNote('')
    try {
      if (recording && h?.honour) {
        const { id: _omit, ...rest } = input
        void _omit
        const r = await starsApi.record({ ...rest, ...h.honour })
        setDone(r.nomination)
        return
      }
      const saved = await starsApi.save(input)
      setId(saved.nomination.id)
      if (!submitting) {
        setNote('✓ 草稿已保存')
        return
      }
      const r = await starsApi.nominate({ id: saved.nomination.id })
      setDone(r.nomination)
    } catch (err) {
      refused(err)
    } finally {
      setBusy('')
    }
  }

  if (done) {
    return (
      <View className="section star-done" data-testid="star-edit-done" data-id={done.id} data-status={done.status}>
        <Text className="section__title">{recording ? '✓ 已记录并展示' : '✓ 已提交推荐'}</Text>
        <Text className="muted">{`${NOMINATION_KIND_LABELS[done.kind]}：${done.name}（${done.districtName}）`}</Text>
        <View
          className="btn btn--primary btn--block"
          data-testid="star-edit-back"
          ariaRole="link"
          onClick={() => void Taro.redirectTo({ url: `/organiser/stars/index?weekId=${encodeURIComponent(weekId)}` })}
        >
          <Text>返回推荐列表</Text>
        </View>
      </View>
    )
  }

  // Once checked, the errors follow the draft as it is corrected.
  const checked = checkedAs === null ? {} : checkStarDraft(withPhotos, weekId, id, checkedAs).errors
  const live: StarErrors = { ...checked, ...(recording && checkedAs !== null ? checkHonour(honour).errors : {}), ...server }

  return (
    <View className="section star-form" data-testid="star-form" data-id={id ?? ''} data-locked={locked ? 'true' : 'false'}>
      {locked ? <InlineError message="这条推荐已提交，不能再修改。" code="NOMINATION_LOCKED" testid="star-form-locked" /> : null}

      <Field label="推荐类别" required testid="star-kind-field">
        <ChoiceChips options={KIND_OPTIONS} value={draft.kind} onChange={(kind) => set({ kind })} testid="star-kind" columns={2} />
      </Field>

      <Field label="县区" required error={live.districtCode} testid="star-district-field">
        <ChoiceChips
          options={scope.districts.map((d) => ({ code: d.code, label: d.name }))}
          value={draft.districtCode}
          onChange={(districtCode) => set({ districtCode })}
          testid="star-district"
          columns={2}
        />
      </Field>

      <Field label={nameLabel(draft.kind)} required error={live.name} testid="star-name-field">
        <TextInput
          value={draft.name}
          onChange={(name) => set({ name })}
          testid="star-name"
          label={nameLabel(draft.kind)}
          maxlength={STAR_LIMITS.nameMax}
          placeholder={draft.kind === 'star' ? '被推荐人的姓名' : '品牌项目的名称'}
        />
      </Field>

      <Field label={unitLabel(draft.kind)} error={live.unitName} testid="star-unit-field">
        <TextInput
          value={draft.unitName}
          onChange={(unitName) => set({ unitName })}
          testid="star-unit"
          label={unitLabel(draft.kind)}
          maxlength={STAR_LIMITS.unitNameMax}
          placeholder={draft.kind === 'star' ? '例如：东湖区百花洲街道' : '例如：东湖区社区学院'}
        />
      </Field>

      <Field label="事迹介绍" required error={live.story} testid="star-story-field">
        <TextArea
          value={draft.story}
          onChange={(story) => set({ story })}
          testid="star-story"
          label="事迹介绍"
          maxlength={STAR_LIMITS.storyMax}
          placeholder="学习经历、带动他人学习的事迹、取得的成效"
        />
        <Text className="star-count" data-testid="star-story-count">
          {storyCountText(draft.story)}
        </Text>
      </Field>

      <Field label={`照片（最多 ${STAR_LIMITS.photosMax} 张）`} error={live.photos} testid="star-photos-field">
        <PhotoPicker
          photos={photos}
          onChange={(update) => setPhotos(update)}
          folder={`stars/${weekId}/${draft.districtCode || 'unit'}`}
          max={STAR_LIMITS.photosMax}
          testid="star-photos"
        />
      </Field>

      <Field label="视频链接" hint="有视频的可以填写网址，以 https:// 开头" error={live.videoUrl} testid="star-video-field">
        <Input
          className="field__input"
          data-testid="star-video"
          value={draft.videoUrl}
          type="text"
          maxlength={300}
          placeholder="https://"
          placeholderClass="field__placeholder"
          onInput={(e) => set({ videoUrl: e.detail.value })}
        />
      </Field>

      <Field label="推荐联系人" required error={live.contactName} testid="star-contact-name-field">
        <TextInput
          value={draft.contactName}
          onChange={(contactName) => set({ contactName })}
          testid="star-contact-name"
          label="推荐联系人"
          maxlength={20}
          placeholder="填表人的姓名"
        />
      </Field>

      <Field label="联系电话" required hint="仅工作人员可见，不向居民展示" error={live.contactPhone} testid="star-contact-phone-field">
        <TextInput
          value={draft.contactPhone}
          onChange={(contactPhone) => set({ contactPhone })}
          testid="star-contact-phone"
          label="联系电话"
          type="text"
          maxlength={20}
          placeholder="手机或座机"
        />
      </Field>

      {recording ? (
        <View data-testid="star-honour">
          <Field label="荣誉级别" required testid="star-level-field">
            <ChoiceChips
              options={LEVEL_OPTIONS}
              value={honour.level}
              onChange={(level) => setHonour((h) => ({ ...h, level }))}
              testid="star-level"
              columns={2}
            />
          </Field>
          <Field label="获得年份" required error={live.year} testid="star-year-field">
            <TextInput
              value={honour.year}
              onChange={(year) => setHonour((h) => ({ ...h, year }))}
              testid="star-year"
              label="获得年份"
              type="number"
              maxlength={4}
            />
          </Field>
          <Field label="授予单位" required error={live.by} testid="star-by-field">
            <TextInput
              value={honour.by}
              onChange={(by) => setHonour((h) => ({ ...h, by }))}
              testid="star-by"
              label="授予单位"
              maxlength={40}
              placeholder="例如：教育部、省教育厅"
            />
          </Field>
        </View>
      ) : null}

      {draft.kind === 'star' ? (
        <Field label="本人同意" required={true} error={live.nomineeConsent} testid="star-consent-field">
          <View
            className={`star-consent${draft.nomineeConsent ? ' star-consent--on' : ''}`}
            data-testid="star-consent"
            data-checked={draft.nomineeConsent ? 'true' : 'false'}
            ariaRole="checkbox"
            ariaLabel={`已取得被推荐人本人同意推荐和公开展示，${draft.nomineeConsent ? '已勾选' : '未勾选'}`}
            onClick={() => set({ nomineeConsent: !draft.nomineeConsent })}
          >
            <Text className="star-consent__box">{draft.nomineeConsent ? '☑' : '☐'}</Text>
            <Text className="star-consent__text">已取得被推荐人本人同意推荐和公开展示</Text>
          </View>
        </Field>
      ) : null}

      {note ? (
        <Text className={`star-note${note.startsWith('✓') ? ' star-note--ok' : ''}`} data-testid="star-form-note">
          {note}
        </Text>
      ) : null}
      {failure ? <InlineError message={failure.message} code={failure.code} testid="star-form-error" /> : null}

      {locked ? null : (
        <View className="btn-row star-form__actions">
          {recording ? null : (
            <View
              className={`btn ${busy ? 'btn--disabled' : 'btn--secondary'}`}
              data-testid="star-save"
              data-busy={busy === 'save' ? 'true' : 'false'}
              ariaRole="button"
              onClick={() => void run(false)}
            >
              <Text>{busy === 'save' ? '正在保存…' : '保存草稿'}</Text>
            </View>
          )}
          <View
            className={`btn ${busy ? 'btn--disabled' : 'btn--primary'}`}
            data-testid="star-submit"
            data-busy={busy === 'submit' ? 'true' : 'false'}
            ariaRole="button"
            onClick={() => void run(true)}
          >
            <Text>{busy === 'submit' ? '正在提交…' : recording ? '保存并展示' : '提交推荐'}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
