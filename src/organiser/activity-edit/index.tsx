import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { ActivityDetail, Week } from '@shared/contracts/activity'
import { SIGNUP_FIELDS } from '@shared/domain/people'
import { daysBetween } from '@shared/domain/time'
import { ACTIVITY_MODES, AUDIENCES, CONTENT_TYPES, TOPICS } from '@shared/domain/vocabulary'
import { Chip } from '@/components/Chip'
import { ChoiceChips, Field, InlineConfirm, InlineError, MultiChips, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { cancelActivity, createActivity, getActivity, listWeeks, myRoles, publishActivity, updateActivity } from '@/services/activity'
import { CloudError, toCloudError } from '@/services/callCloud'
import { dayParts } from '@/utils/activityText'
import { readString, writeString } from '@/utils/storage'
import { EDIT_STATUS_WORDS as STATUS_WORDS } from '@/utils/statusText'
import {
  CODE_FIELD,
  checkForm,
  defaultForm,
  fieldsFromPaths,
  formFromActivity,
  toCreateInput,
  toPatch,
  withChange,
  type ActivityForm,
  type FormErrors,
} from './form'
import { PickerField } from './PickerField'
import './index.scss'

const ORGANIZER_KEY = 'organiser.lastOrganizer'
const FIELD_LABELS: Record<keyof FormErrors, string> = {
  district: '县区',
  title: '活动名称',
  type: '活动类型',
  topics: '学习主题',
  audiences: '适合人群',
  organizer: '主办单位',
  coOrganizers: '协办单位',
  mode: '参加方式',
  venue: '场地',
  onlineUrl: '线上链接',
  time: '活动时间',
  signupRequired: '是否需要报名',
  capacity: '名额',
  window: '报名时间',
  cancel: '取消报名截止',
  fields: '报名表',
  description: '活动介绍',
}

interface Loaded {
  week: Week
  /** Districts the caller may use for this week. */
  districts: { code: string; name: string }[]
  activity: ActivityDetail | null
}

/**
 * Create (?weekId=&districtCode=) or edit (?id=) an activity: every field of the contract, with
 * defaults (09:00–11:00 on the week's first day still ahead, 50 seats, sign-up open now, closing 2
 * hours and cancellable until 24 hours before the start), day chips, wheel pickers for times, and
 * saving, publishing and cancelling confirmed in place.
 */
export default function ActivityEditPage() {
  const { params } = useRouter()
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : ''
  const weekParam = typeof params.weekId === 'string' ? decodeURIComponent(params.weekId) : ''
  const districtParam = typeof params.districtCode === 'string' ? decodeURIComponent(params.districtCode) : ''

  const res = useAsync(async (): Promise<Loaded> => {
    const [weeks, roles, got] = await Promise.all([listWeeks(), myRoles(), id ? getActivity(id) : Promise.resolve(null)])
    const activity = got?.activity ?? null
    const weekId = activity?.weekId ?? weekParam
    const week = weeks.weeks.find((w) => w.id === weekId)
    if (!week) throw new CloudError('WEEK_NOT_FOUND')
    const admin = roles.roles.some((r) => r.role === 'admin' && r.weekId === week.id)
    const mine = roles.roles.flatMap((r) => (r.role === 'organiser' && r.weekId === week.id ? [r.districtCode] : []))
    const districts = week.districts.filter((d) => admin || mine.includes(d.code))
    if (districts.length === 0) throw new CloudError('FORBIDDEN')
    return { week, districts, activity }
  }, [id, weekParam])

  return (
    <PageShell className="org-edit" testid="org-activity-edit-page">
      {res.status === 'loading' ? <Loading text="正在加载…" /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' ? <EditForm loaded={res.data} districtParam={districtParam} /> : null}
    </PageShell>
  )
}

type Ask = null | 'publish' | 'cancel'

function EditForm({ loaded, districtParam }: { loaded: Loaded; districtParam: string }) {
  const { week, districts } = loaded
  const [activity, setActivity] = useState<ActivityDetail | null>(loaded.activity)
  const initial = useMemo(() => {
    const now = Date.now()
    if (loaded.activity) return formFromActivity(loaded.activity, now)
    const district = districts.find((d) => d.code === districtParam)?.code ?? (districts.length === 1 ? districts[0].code : '')
    return defaultForm(week, district, now, readString(ORGANIZER_KEY))
  }, [loaded, districtParam, districts, week])
  const [form, setForm] = useState<ActivityForm>(initial)
  const [savedForm, setSavedForm] = useState<ActivityForm | null>(loaded.activity ? initial : null)
  const [errors, setErrors] = useState<FormErrors>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [done, setDone] = useState('')
  const [ask, setAsk] = useState<Ask>(null)
  const [reason, setReason] = useState('')
  const [reasonMissing, setReasonMissing] = useState(false)

  const status = activity?.status ?? 'draft'
  const locked = status === 'cancelled'
  const dirty = !savedForm || JSON.stringify(savedForm) !== JSON.stringify(form)
  const days = daysBetween(week.startDate, week.endDate)

  const set = (patch: Partial<ActivityForm>) => {
    setForm((f) => withChange(f, patch, Date.now()))
    setDone('')
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch)) {
        const key =
          (
            {
              districtCode: 'district',
              venueName: 'venue',
              venueAddress: 'venue',
              day: 'time',
              startTime: 'time',
              endTime: 'time',
            } as Record<string, keyof FormErrors>
          )[k] ?? (k as keyof FormErrors)
        delete next[key]
      }
      return next
    })
  }

  const startMoved = !activity || (savedForm !== null && (savedForm.day !== form.day || savedForm.startTime !== form.startTime))

  /** Saves (create or update) when needed; the activity as stored, or null when refused. */
  const save = async (): Promise<ActivityDetail | null> => {
    const found = checkForm(form, week, Date.now(), startMoved)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      setFailure(new CloudError('VALIDATION_FAILED'))
      return null
    }
    if (activity && !dirty) return activity
    const out = activity
      ? (await updateActivity({ id: activity.id, patch: toPatch(form) })).activity
      : (await createActivity(toCreateInput(form, week.id))).activity
    writeString(ORGANIZER_KEY, form.organizer.trim())
    setActivity(out)
    const again = formFromActivity(out, Date.now())
    setForm(again)
    setSavedForm(again)
    return out
  }

  const run = async (what: 'save' | 'publish' | 'cancel') => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setDone('')
    try {
      if (what === 'save') {
        const out = await save()
        if (out) setDone(activity ? '✓ 修改已保存' : '✓ 已保存为草稿，发布后居民才能看到')
      } else if (what === 'publish') {
        const out = await save()
        if (!out) setAsk(null)
        else {
          const published = (await publishActivity(out.id)).activity
          setActivity(published)
          setAsk(null)
          setDone('✓ 已发布，居民现在可以看到并报名')
        }
      } else if (activity) {
        const r = await cancelActivity(activity.id, reason.trim())
        setActivity(r.activity)
        setAsk(null)
        setDone(`✓ 活动已取消，已通知 ${r.notified} 位报名的居民`)
      }
    } catch (err) {
      const e = toCloudError(err)
      const field = CODE_FIELD[e.code]
      if (field) setErrors((x) => ({ ...x, [field]: e.message }))
      if (e.code === 'VALIDATION_FAILED') {
        const marked: FormErrors = {}
        for (const k of fieldsFromPaths(e.fields)) marked[k] = '请检查这一项'
        setErrors((x) => ({ ...marked, ...x }))
      }
      setFailure(e)
      // A refused publish: back to the form, where the problems are marked.
      if (what === 'publish') setAsk(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid="org-edit-form" data-id={activity?.id ?? ''} data-status={status}>
      <View className="page-head">
        <Text className="page-head__title">{activity ? '编辑活动' : '新建活动'}</Text>
        <Text className="page-head__text">
          {week.name}
          {activity ? ` · ${STATUS_WORDS[status]}` : ''}
        </Text>
      </View>
      {locked ? (
        <View className="section">
          <Text className="org-locked" data-testid="org-locked">
            ✕ 本活动已取消，不能再修改。{activity?.cancelReason ? `取消原因：${activity.cancelReason}` : ''}
          </Text>
        </View>
      ) : null}

      <View className="section">
        <Text className="section__title">基本信息</Text>
        <Field label="县区" required error={errors.district} testid="org-field-district-row">
          {districts.length === 1 || activity ? (
            <Text className="org-static" data-testid="org-field-district" data-value={form.districtCode}>
              {week.districts.find((d) => d.code === form.districtCode)?.name ?? form.districtCode}
            </Text>
          ) : (
            <ChoiceChips
              options={districts.map((d) => ({ code: d.code, label: d.name }))}
              value={form.districtCode}
              onChange={(districtCode) => set({ districtCode })}
              testid="org-field-district"
            />
          )}
        </Field>
        <Field label="活动名称" required error={errors.title} testid="org-field-title-row">
          <TextInput
            value={form.title}
            onChange={(title) => set({ title })}
            testid="org-field-title"
            maxlength={60}
            placeholder="例如：智慧助老·手机挂号一学就会"
          />
        </Field>
        <Field label="活动类型" required error={errors.type} testid="org-field-type-row">
          <ChoiceChips options={CONTENT_TYPES} value={form.type} onChange={(type) => set({ type })} testid="org-field-type" columns={2} />
        </Field>
        <Field label="学习主题" required hint="可多选" error={errors.topics} testid="org-field-topics-row">
          <MultiChips options={TOPICS} value={form.topics} onChange={(topics) => set({ topics })} testid="org-field-topics" />
        </Field>
        <Field label="适合人群" required hint="可多选" error={errors.audiences} testid="org-field-audiences-row">
          <MultiChips
            options={AUDIENCES}
            value={form.audiences}
            onChange={(audiences) => set({ audiences })}
            testid="org-field-audiences"
            columns={2}
          />
        </Field>
        <Field label="主办单位" required error={errors.organizer} testid="org-field-organizer-row">
          <TextInput
            value={form.organizer}
            onChange={(organizer) => set({ organizer })}
            testid="org-field-organizer"
            maxlength={60}
            placeholder="例如：东湖区社区教育学院"
          />
        </Field>
        <Field label="协办单位" hint="多个单位用顿号“、”分开" error={errors.coOrganizers} testid="org-field-coOrganizers-row">
          <TextInput
            value={form.coOrganizers}
            onChange={(coOrganizers) => set({ coOrganizers })}
            testid="org-field-coOrganizers"
            maxlength={600}
          />
        </Field>
        <Field label="活动介绍" error={errors.description} testid="org-field-description-row">
          <TextArea
            value={form.description}
            onChange={(description) => set({ description })}
            testid="org-field-description"
            placeholder="活动内容、适合谁、需要带什么"
          />
        </Field>
      </View>

      <View className="section">
        <Text className="section__title">时间和地点</Text>
        <Field label="活动日期" required error={errors.time} testid="org-field-time-row">
          <View className="org-days" data-testid="org-field-day" data-value={form.day}>
            {days.map((d) => {
              const p = dayParts(d)
              return (
                <Chip
                  key={d}
                  selected={form.day === d}
                  testid={`org-field-day-${d}`}
                  value={d}
                  sub={p.weekday}
                  onTap={() => set({ day: d })}
                >
                  {p.date}
                </Chip>
              )
            })}
          </View>
          <View className="org-pair">
            <PickerField
              mode="time"
              label="开始"
              value={form.startTime}
              onChange={(startTime) => set({ startTime })}
              testid="org-field-startTime"
            />
            <PickerField
              mode="time"
              label="结束"
              value={form.endTime}
              onChange={(endTime) => set({ endTime })}
              testid="org-field-endTime"
            />
          </View>
        </Field>
        <Field label="参加方式" required testid="org-field-mode-row">
          <ChoiceChips options={ACTIVITY_MODES} value={form.mode} onChange={(mode) => set({ mode })} testid="org-field-mode" />
        </Field>
        {form.mode !== 'online' ? (
          <Field label="场地名称和地址" required error={errors.venue} testid="org-field-venue-row">
            <TextInput
              value={form.venueName}
              onChange={(venueName) => set({ venueName })}
              testid="org-field-venueName"
              maxlength={60}
              placeholder="场地名称，例如：百花洲街道社区学校"
            />
            <TextInput
              value={form.venueAddress}
              onChange={(venueAddress) => set({ venueAddress })}
              testid="org-field-venueAddress"
              maxlength={120}
              placeholder="详细地址，例如：南昌市东湖区松柏巷18号"
            />
          </Field>
        ) : null}
        {form.mode !== 'offline' ? (
          <Field label="线上参与链接" required error={errors.onlineUrl} testid="org-field-onlineUrl-row">
            <TextInput
              value={form.onlineUrl}
              onChange={(onlineUrl) => set({ onlineUrl })}
              testid="org-field-onlineUrl"
              maxlength={300}
              placeholder="https://"
            />
          </Field>
        ) : null}
      </View>

      <View className="section">
        <Text className="section__title">报名</Text>
        <Field label="是否需要报名" required error={errors.signupRequired} testid="org-field-signupRequired-row">
          <View className="choices choices--2" data-testid="org-field-signupRequired" data-value={form.signupRequired ? 'yes' : 'no'}>
            <Chip selected={form.signupRequired} testid="org-field-signupRequired-yes" onTap={() => set({ signupRequired: true })}>
              需要报名
            </Chip>
            <Chip selected={!form.signupRequired} testid="org-field-signupRequired-no" onTap={() => set({ signupRequired: false })}>
              无需报名
            </Chip>
          </View>
        </Field>
        {form.signupRequired ? (
          <View>
            <Field label="名额（人）" required error={errors.capacity} testid="org-field-capacity-row">
              <TextInput
                value={form.capacity}
                onChange={(capacity) => set({ capacity })}
                testid="org-field-capacity"
                type="number"
                maxlength={6}
              />
            </Field>
            <Field
              label="报名时间"
              required
              hint={form.windowTouched ? undefined : '默认：现在开始报名，活动开始前2小时截止；会随开始时间自动调整'}
              error={errors.window}
              testid="org-field-window-row"
            >
              <View className="org-pair">
                <PickerField
                  mode="date"
                  label="开始日期"
                  value={form.opensDate}
                  end={week.endDate}
                  onChange={(opensDate) => set({ opensDate })}
                  testid="org-field-opensDate"
                />
                <PickerField
                  mode="time"
                  label="开始时刻"
                  value={form.opensTime}
                  onChange={(opensTime) => set({ opensTime })}
                  testid="org-field-opensTime"
                />
              </View>
              <View className="org-pair">
                <PickerField
                  mode="date"
                  label="截止日期"
                  value={form.closesDate}
                  end={week.endDate}
                  onChange={(closesDate) => set({ closesDate })}
                  testid="org-field-closesDate"
                />
                <PickerField
                  mode="time"
                  label="截止时刻"
                  value={form.closesTime}
                  onChange={(closesTime) => set({ closesTime })}
                  testid="org-field-closesTime"
                />
              </View>
            </Field>
            <Field label="取消报名截止" required hint="默认：活动开始前24小时" error={errors.cancel} testid="org-field-cancel-row">
              <View className="org-pair">
                <PickerField
                  mode="date"
                  label="日期"
                  value={form.cancelDate}
                  end={week.endDate}
                  onChange={(cancelDate) => set({ cancelDate })}
                  testid="org-field-cancelDate"
                />
                <PickerField
                  mode="time"
                  label="时刻"
                  value={form.cancelTime}
                  onChange={(cancelTime) => set({ cancelTime })}
                  testid="org-field-cancelTime"
                />
              </View>
            </Field>
            <Field label="报名表需要填写" hint="姓名必填；只收集活动真正需要的信息" error={errors.fields} testid="org-field-fields-row">
              <MultiChips
                options={SIGNUP_FIELDS.filter((f) => f.code !== 'name')}
                value={form.fields}
                onChange={(fields) => set({ fields })}
                testid="org-field-fields"
                columns={2}
              />
            </Field>
          </View>
        ) : (
          <Text className="muted">居民无需报名，按时到场即可参加。</Text>
        )}
      </View>

      {!locked ? (
        <View className="section org-actions" data-testid="org-actions">
          {failure ? (
            <InlineError
              message={
                failure.code === 'VALIDATION_FAILED' && Object.keys(errors).length > 0
                  ? `请修改：${(Object.keys(errors) as (keyof FormErrors)[]).map((k) => FIELD_LABELS[k]).join('、')}（见上方红色提示）`
                  : failure.message
              }
              code={failure.code}
              testid="org-error"
            />
          ) : null}
          {done ? (
            <Text className="org-done" data-testid="org-done">
              {done}
            </Text>
          ) : null}

          <View
            className={`btn btn--block ${busy || (!dirty && activity) ? 'btn--disabled' : 'btn--secondary'}`}
            data-testid="org-save"
            ariaRole="button"
            onClick={() => {
              if (!busy && (dirty || !activity)) void run('save')
            }}
          >
            <Text>{busy && ask === null ? '正在保存…' : status === 'published' ? '保存修改' : '保存草稿'}</Text>
          </View>

          {status === 'draft' ? (
            ask === 'publish' ? (
              <InlineConfirm
                testid="org-publish"
                busy={busy}
                text="发布后，居民就能在活动周首页看到并报名。确定发布吗？"
                confirmLabel="确定发布"
                cancelLabel="先不发布"
                onConfirm={() => void run('publish')}
                onCancel={() => setAsk(null)}
              />
            ) : (
              <View className="btn btn--primary btn--block" data-testid="org-publish" ariaRole="button" onClick={() => setAsk('publish')}>
                <Text>发布活动</Text>
              </View>
            )
          ) : null}

          {activity ? (
            ask === 'cancel' ? (
              <InlineConfirm
                testid="org-cancel-activity"
                danger
                busy={busy}
                text="取消后不能恢复，已报名和候补的居民都会收到取消通知。请写明原因："
                confirmLabel="确定取消活动"
                cancelLabel="不取消"
                onConfirm={() => {
                  if (!reason.trim()) setReasonMissing(true)
                  else void run('cancel')
                }}
                onCancel={() => setAsk(null)}
              >
                <TextInput
                  value={reason}
                  onChange={(v) => {
                    setReason(v)
                    setReasonMissing(false)
                  }}
                  testid="org-cancel-reason"
                  maxlength={200}
                  placeholder="例如：因天气原因，本场活动取消"
                />
                {reasonMissing ? (
                  <Text className="field__error" data-testid="org-cancel-reason-error">
                    ⚠ 请填写取消原因，居民会在通知里看到
                  </Text>
                ) : null}
              </InlineConfirm>
            ) : (
              <View
                className="btn btn--secondary btn--block org-cancel"
                data-testid="org-cancel-activity"
                ariaRole="button"
                onClick={() => setAsk('cancel')}
              >
                <Text>取消活动</Text>
              </View>
            )
          ) : null}

          <View className="btn btn--secondary btn--block" data-testid="org-back" ariaRole="link" onClick={() => void Taro.navigateBack()}>
            <Text>返回活动列表</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
