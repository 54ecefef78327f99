import { Input, Text, View } from '@tarojs/components'
import type { SummaryActivity } from '@shared/contracts/stats'
import { Chip } from '@/components/Chip'
import { Field, TextArea } from '@/components/form'
import { typeLabel } from '@/utils/activityText'
import type { Draft } from './summaryText'

interface CaseProps {
  activities: SummaryActivity[]
  draft: Draft
  edit: (change: (d: Draft) => Draft) => void
}

/** 有特色的活动: the activities chosen for the table (at most 50). */
export function FeaturedSection({ activities, draft, edit }: CaseProps) {
  return (
    <View className="section" data-testid="summary-featured">
      <Text className="section__title">有特色的活动</Text>
      <Text className="muted">选出本县区有特色的活动，填入“有特色的活动”一栏（可多选）。</Text>
      {activities.length === 0 ? <Text className="muted">还没有已发布的活动。</Text> : null}
      <View className="sum-choices">
        {activities.map((a) => (
          <Chip
            key={a.id}
            selected={draft.featuredIds.includes(a.id)}
            testid={`summary-featured-${a.id}`}
            value={a.id}
            sub={`${typeLabel(a.type)} · 参加 ${a.participants} 人`}
            onTap={() =>
              edit((d) => ({
                ...d,
                featuredIds: d.featuredIds.includes(a.id) ? d.featuredIds.filter((x) => x !== a.id) : [...d.featuredIds, a.id].slice(0, 50),
              }))
            }
          >
            {a.title}
          </Chip>
        ))}
      </View>
      {draft.featuredIds.length ? <Text className="muted">已选 {draft.featuredIds.length} 项</Text> : null}
    </View>
  )
}

/** 典型案例: a title and a text, about one activity or none. */
export function TypicalSection({ activities, draft, edit, error }: CaseProps & { error: string | null }) {
  return (
    <View className="section" data-testid="summary-typical">
      <Text className="section__title">典型案例</Text>
      <Text className="muted">选一项活动（也可以不选），写一个标题和案例介绍。</Text>
      <View className="sum-choices">
        <Chip
          selected={draft.typical.activityId === null}
          testid="summary-typical-none"
          onTap={() => edit((d) => ({ ...d, typical: { ...d.typical, activityId: null } }))}
        >
          不关联活动
        </Chip>
        {activities.map((a) => (
          <Chip
            key={a.id}
            selected={draft.typical.activityId === a.id}
            testid={`summary-typical-${a.id}`}
            value={a.id}
            onTap={() => edit((d) => ({ ...d, typical: { ...d.typical, activityId: a.id, title: d.typical.title || a.title } }))}
          >
            {a.title}
          </Chip>
        ))}
      </View>
      <Field label="案例标题" hint="2 到 60 个字" error={error ?? undefined} testid="summary-typical-title-field">
        <Input
          className="field__input"
          data-testid="summary-typical-title"
          value={draft.typical.title}
          maxlength={60}
          placeholder="例如：手机课堂进社区，长辈学会网上挂号"
          placeholderClass="field__placeholder"
          onInput={(e) => edit((d) => ({ ...d, typical: { ...d.typical, title: e.detail.value } }))}
        />
      </Field>
      <Field label="案例介绍" testid="summary-typical-text-field">
        <TextArea
          testid="summary-typical-text"
          value={draft.typical.text}
          maxlength={3000}
          placeholder="做法、参与情况、群众反响……"
          onChange={(v) => edit((d) => ({ ...d, typical: { ...d.typical, text: v } }))}
        />
      </Field>
    </View>
  )
}
