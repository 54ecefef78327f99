import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { daysBetween } from '@shared/domain/time'
import { ACTIVITY_MODES, AUDIENCES, CONTENT_TYPES, TOPICS } from '@shared/domain/vocabulary'
import { runsDistrict } from '@shared/domain/staff'
import { ChoiceChips, Field, MultiChips, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getActivity, listWeeks, myRoles } from '@/services/activity'
import { CloudError } from '@/services/callCloud'
import { EDIT_STATUS_WORDS as STATUS_WORDS } from '@/utils/statusText'
import { ContactField } from './ContactField'
import { EditActions } from './EditActions'
import { LIMITS } from './form'
import { LocationField } from './LocationField'
import { DayChips, TimeField } from './TimeFields'
import { SignupSection } from './SignupSection'
import { useActivityEditor, type Loaded } from './useActivityEditor'
import './index.scss'

/**
 * Create (?weekId=&districtCode=) or edit (?id=) an activity: every field of the contract, with
 * defaults (09:00–11:00 on the week's first day still ahead, 50 seats, sign-up open now, closing 2
 * hours and cancellable until 24 hours before the start, never already past), day chips, typed
 * times, the window in words, and saving, publishing (checked before it is confirmed) and
 * cancelling confirmed in place.
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
    const districts = week.districts.filter((d) => runsDistrict(roles.roles, week.id, d.code))
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

function EditForm({ loaded, districtParam }: { loaded: Loaded; districtParam: string }) {
  const { week, districts } = loaded
  const ed = useActivityEditor(loaded, districtParam)
  const { activity, form, errors, status, locked, set } = ed
  const days = daysBetween(week.startDate, week.endDate)

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
            maxlength={LIMITS.titleMax}
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
            maxlength={LIMITS.organizerMax}
            placeholder="例如：东湖区社区教育学院"
          />
        </Field>
        <ContactField form={form} errors={errors} set={set} />
        <Field label="协办单位" hint="多个单位用顿号“、”分开" error={errors.coOrganizers} testid="org-field-coOrganizers-row">
          <TextInput
            value={form.coOrganizers}
            onChange={(coOrganizers) => set({ coOrganizers })}
            testid="org-field-coOrganizers"
            maxlength={LIMITS.coOrganizersMax * LIMITS.coOrganizerMax}
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
        <Field label="活动日期和时间" required error={errors.time} testid="org-field-time-row">
          <DayChips days={days} value={form.day} onChange={(day) => set({ day })} testid="org-field-day" />
          <View className="org-pair">
            <TimeField label="开始" value={form.startTime} onChange={(startTime) => set({ startTime })} testid="org-field-startTime" />
            <TimeField label="结束" value={form.endTime} onChange={(endTime) => set({ endTime })} testid="org-field-endTime" />
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
              maxlength={LIMITS.venueNameMax}
              placeholder="场地名称，例如：百花洲街道社区学校"
            />
            <TextInput
              value={form.venueAddress}
              onChange={(venueAddress) => set({ venueAddress })}
              testid="org-field-venueAddress"
              maxlength={LIMITS.venueAddressMax}
              placeholder="详细地址，例如：南昌市东湖区松柏巷18号"
            />
          </Field>
        ) : null}
        <LocationField form={form} errors={errors} set={set} />
        {form.mode !== 'offline' ? (
          <Field label="线上参与链接" required error={errors.onlineUrl} testid="org-field-onlineUrl-row">
            <TextInput
              value={form.onlineUrl}
              onChange={(onlineUrl) => set({ onlineUrl })}
              testid="org-field-onlineUrl"
              maxlength={LIMITS.onlineUrlMax}
              placeholder="https://"
            />
          </Field>
        ) : null}
      </View>

      <SignupSection form={form} errors={errors} set={set} />

      {!locked ? <EditActions ed={ed} /> : null}
    </View>
  )
}
