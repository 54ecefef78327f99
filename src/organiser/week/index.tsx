import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ManagedWeek } from '@shared/contracts/activity'
import { shanghaiDate } from '@shared/domain/time'
import { isBureau } from '@shared/domain/staff'
import { Chip } from '@/components/Chip'
import { ChoiceChips, Field, InlineError, TextInput } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { createWeek, getWeek, listWeeks, myRoles, updateWeek } from '@/services/activity'
import { copyEdition } from '@/services/staff'
import { CloudError, toCloudError } from '@/services/callCloud'
import { weekChipLabel } from '@/utils/weekChip'
import { PickerField } from '../activity-edit/PickerField'
import { RETENTION_DAYS_DEFAULT, retentionDate } from '@shared/domain/privacy'
import { DistrictsSection } from './DistrictsSection'
import { nextEditionDates } from './edition'
import { RetentionField, retentionDaysValid } from './RetentionField'
import './index.scss'

type WeekForm = Omit<ManagedWeek, 'id'> & { id: string }

const LEVELS = [
  { code: 'province', label: '省级' },
  { code: 'city', label: '市级' },
  { code: 'district', label: '县区级' },
] as const
const STATUSES = [
  { code: 'draft', label: '草稿（不公开）' },
  { code: 'published', label: '已发布' },
] as const

/**
 * A new edition, from the latest one: its level, region, districts and organiser, and its calendar
 * week moved to the first later year still ahead (never last year's dates).
 */
const latestWeek = (weeks: ManagedWeek[]) => [...weeks].sort((a, b) => b.startDate.localeCompare(a.startDate))[0] as ManagedWeek | undefined

function blankWeek(weeks: ManagedWeek[]): WeekForm {
  const from = latestWeek(weeks)
  const dates = from
    ? nextEditionDates(from, shanghaiDate(Date.now()))
    : { startDate: '2026-11-30', endDate: '2026-12-06', summaryDeadline: '2026-12-10' }
  return {
    id: '',
    name: '',
    level: from?.level ?? 'city',
    region: from?.region ?? '',
    theme: '',
    ...dates,
    districts: from ? from.districts.map((d) => ({ ...d })) : [],
    organiser: from?.organiser ?? '',
    contacts: [],
    status: 'draft',
    retentionDays: RETENTION_DAYS_DEFAULT,
    retentionDate: retentionDate(dates.summaryDeadline),
    anonymisedAt: null,
  }
}

/**
 * 活动周设置 (bureau admins): theme, dates, the districts taking part, the 总结表 deadline, contacts
 * and whether the week is public; or a new edition.
 */
export default function WeekConfigPage() {
  const res = useAsync(async () => {
    const roles = (await myRoles()).roles
    // The bureau admin is admin of every week; others of the weeks they were made admin of.
    const every = isBureau(roles) ? (await listWeeks()).weeks.map((w) => w.id) : []
    const ids = [...new Set([...every, ...roles.flatMap((r) => (r.role === 'admin' ? [r.weekId] : []))])]
    const weeks = await Promise.all(ids.map((id) => getWeek(id).then((r) => r.week)))
    return weeks
  }, [])
  return (
    <PageShell className="org-week" testid="org-week-page">
      <View className="page-head">
        <Text className="page-head__title">活动周设置</Text>
        <Text className="page-head__text">教育局管理员设置每届活动周的主题、日期、参加县区和联系人。</Text>
      </View>
      {res.status === 'loading' ? <Loading /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' && res.data.length === 0 ? (
        <Empty title="您不是活动周管理员" hint="只有教育局管理员可以设置活动周。" />
      ) : null}
      {res.status === 'ready' && res.data.length > 0 ? <WeekEditor weeks={res.data} /> : null}
    </PageShell>
  )
}

function WeekEditor({ weeks: initialWeeks }: { weeks: ManagedWeek[] }) {
  const [weeks, setWeeks] = useState(initialWeeks)
  const [chosen, setChosen] = useState<string>(initialWeeks[0].id)
  const creating = chosen === ''
  const [form, setForm] = useState<WeekForm>(() => ({ ...initialWeeks[0] }))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [done, setDone] = useState('')
  const [newContact, setNewContact] = useState({ name: '', unit: '', phone: '' })
  /** A new edition takes over the latest one's appointments (admins, city admins, organisers). */
  const [keepStaff, setKeepStaff] = useState(true)

  const pick = (id: string) => {
    setChosen(id)
    setForm(id ? { ...(weeks.find((w) => w.id === id) as ManagedWeek) } : blankWeek(weeks))
    setFailure(null)
    setDone('')
  }
  const set = (patch: Partial<WeekForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    setDone('')
  }

  const save = async () => {
    if (busy) return
    setDone('')
    if (!retentionDaysValid(form.retentionDays)) return setFailure(new CloudError('VALIDATION_FAILED', ['retentionDays']))
    setBusy(true)
    setFailure(null)
    try {
      const { id, ...fields } = form
      const from = creating && keepStaff ? latestWeek(weeks) : undefined
      const week = creating ? (await createWeek({ id: id.trim(), ...fields })).week : (await updateWeek({ id, patch: fields })).week
      setWeeks((list) => (creating ? [...list, week] : list.map((w) => (w.id === week.id ? week : w))))
      setChosen(week.id)
      setForm({ ...week })
      setDone(creating ? '✓ 新的活动周已创建' : '✓ 已保存')
      if (from) {
        // Safe to repeat: a failure here leaves the week made; saving again is not needed, the
        // 人员与任命 page can appoint people one by one.
        const copied = await copyEdition(from.id, week.id)
        setDone(`✓ 新的活动周已创建，沿用了${from.name}的 ${copied.appointments} 项任命`)
      }
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid="org-week-editor" data-week={chosen}>
      <View className="org-week-chips" data-testid="org-week-choice">
        {weeks.map((w) => (
          <Chip key={w.id} selected={chosen === w.id} testid={`org-week-pick-${w.id}`} onTap={() => pick(w.id)}>
            {weekChipLabel(w, weeks)}
          </Chip>
        ))}
        <Chip selected={creating} testid="org-week-new" onTap={() => pick('')}>
          ＋ 新建一届
        </Chip>
      </View>

      <View className="section">
        {creating ? (
          <Field label="活动周编号" required hint="字母、数字或“-”，例如 nc2027；创建后不能修改" testid="org-week-id-row">
            <TextInput value={form.id} onChange={(id) => set({ id })} testid="org-week-id" maxlength={64} />
          </Field>
        ) : null}
        <Field label="名称" required testid="org-week-name-row">
          <TextInput value={form.name} onChange={(name) => set({ name })} testid="org-week-name" maxlength={60} />
        </Field>
        <Field label="主题" required testid="org-week-theme-row">
          <TextInput value={form.theme} onChange={(theme) => set({ theme })} testid="org-week-theme" maxlength={60} />
        </Field>
        <Field label="级别" required testid="org-week-level-row">
          <ChoiceChips options={LEVELS} value={form.level} onChange={(level) => set({ level })} testid="org-week-level" />
        </Field>
        <Field label="地区" required testid="org-week-region-row">
          <TextInput value={form.region} onChange={(region) => set({ region })} testid="org-week-region" maxlength={30} />
        </Field>
        <Field label="主办单位" required testid="org-week-organiser-row">
          <TextInput value={form.organiser} onChange={(organiser) => set({ organiser })} testid="org-week-organiser" maxlength={60} />
        </Field>
        <Field label="活动周日期" required testid="org-week-dates-row">
          <View className="org-pair">
            <PickerField
              mode="date"
              label="开始"
              value={form.startDate}
              onChange={(startDate) => set({ startDate })}
              testid="org-week-startDate"
            />
            <PickerField mode="date" label="结束" value={form.endDate} onChange={(endDate) => set({ endDate })} testid="org-week-endDate" />
          </View>
        </Field>
        <Field label="总结表截止日期" required testid="org-week-deadline-row">
          <PickerField
            mode="date"
            label="截止"
            value={form.summaryDeadline}
            onChange={(summaryDeadline) => set({ summaryDeadline })}
            testid="org-week-summaryDeadline"
          />
        </Field>
        <RetentionField
          days={form.retentionDays}
          summaryDeadline={form.summaryDeadline}
          anonymisedAt={form.anonymisedAt}
          onChange={(retentionDays) => set({ retentionDays })}
        />
        <Field label="状态" required testid="org-week-status-row">
          <ChoiceChips options={STATUSES} value={form.status} onChange={(status) => set({ status })} testid="org-week-status" columns={2} />
        </Field>
      </View>

      <DistrictsSection
        weekId={creating ? null : form.id}
        districts={form.districts}
        onChange={(districts) => set({ districts })}
        onCreated={(d) => setForm((f) => ({ ...f, districts: [...f.districts, d] }))}
      />

      <View className="section" data-testid="org-week-contacts">
        <Text className="section__title">联系人（{form.contacts.length}）</Text>
        {form.contacts.map((c, i) => (
          <View key={`${c.name}-${i}`} className="org-week-row" data-testid="org-week-contact">
            <Text className="org-week-row__text">
              {c.name} · {c.unit} · {c.phone}
            </Text>
            <View
              className="btn btn--secondary"
              ariaRole="button"
              data-testid="org-week-contact-remove"
              onClick={() => set({ contacts: form.contacts.filter((_, j) => j !== i) })}
            >
              <Text>移除</Text>
            </View>
          </View>
        ))}
        <TextInput
          value={newContact.name}
          onChange={(name) => setNewContact((x) => ({ ...x, name }))}
          testid="org-week-contact-name"
          maxlength={20}
          placeholder="姓名"
        />
        <TextInput
          value={newContact.unit}
          onChange={(unit) => setNewContact((x) => ({ ...x, unit }))}
          testid="org-week-contact-unit"
          maxlength={60}
          placeholder="单位"
        />
        <TextInput
          value={newContact.phone}
          onChange={(phone) => setNewContact((x) => ({ ...x, phone }))}
          testid="org-week-contact-phone"
          maxlength={20}
          placeholder="电话"
        />
        <View
          className="btn btn--secondary btn--block org-week-add"
          data-testid="org-week-contact-add"
          ariaRole="button"
          onClick={() => {
            const c = { name: newContact.name.trim(), unit: newContact.unit.trim(), phone: newContact.phone.trim() }
            if (!c.name || !c.unit || c.phone.length < 5) return
            set({ contacts: [...form.contacts, c] })
            setNewContact({ name: '', unit: '', phone: '' })
          }}
        >
          <Text>＋ 添加联系人</Text>
        </View>
      </View>

      <View className="section org-week-actions">
        {creating && latestWeek(weeks) ? (
          <Chip selected={keepStaff} testid="org-week-keep-staff" onTap={() => setKeepStaff((k) => !k)}>
            {keepStaff ? '✓ ' : ''}沿用{latestWeek(weeks)?.name}的人员任命
          </Chip>
        ) : null}
        {failure ? <InlineError message={failure.message} code={failure.code} testid="org-week-error" /> : null}
        {done ? (
          <Text className="org-week-done" data-testid="org-week-done">
            {done}
          </Text>
        ) : null}
        <View
          className={`btn btn--block ${busy ? 'btn--disabled' : 'btn--primary'}`}
          data-testid="org-week-save"
          ariaRole="button"
          onClick={() => void save()}
        >
          <Text>{busy ? '正在保存…' : creating ? '创建活动周' : '保存设置'}</Text>
        </View>
      </View>
    </View>
  )
}
