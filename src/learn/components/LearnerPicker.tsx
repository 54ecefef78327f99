import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FamilyMember } from '@shared/contracts/signup'
import { useAsync } from '@/hooks/useAsync'
import { listFamily } from '@/services/signup'
import { relationText } from '@/utils/signupText'
import './learn.scss'

/** The caller's family (signup's family.list), for pages that let a resident act for a member. */
export function useFamily() {
  return useAsync(() => listFamily().then((r) => r.members), [])
}

/**
 * Who is learning (or reading): 自己 or one of the family members (为家人学). The chosen person's
 * progress is their own; pages pass `memberId` (null = self) to every call. Without family members it
 * shows a link to 我的家人 instead of an empty choice.
 */
export function LearnerPicker({
  value,
  onChange,
  title = '为谁学习',
  testid = 'learner',
}: {
  value: string | null
  onChange: (memberId: string | null, member: FamilyMember | null) => void
  title?: string
  testid?: string
}) {
  const family = useFamily()
  const members = family.status === 'ready' ? family.data : []
  if (family.status === 'loading') return null
  if (family.status === 'error') {
    return (
      <View className="learner-picker" data-testid={`${testid}-picker`} data-status="error">
        <Text className="learner-picker__hint">家人名单没有加载出来，现在为自己学习。</Text>
      </View>
    )
  }
  if (members.length === 0) {
    return (
      <View className="learner-picker" data-testid={`${testid}-picker`} data-count={0}>
        <View
          className="learner learner--add"
          data-testid={`${testid}-add-family`}
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/pages/family/index' })}
        >
          <Text className="learner__name">＋ 为家人学习</Text>
          <Text className="learner__sub">先在“我的家人”里添加家人，再陪TA一起学</Text>
        </View>
      </View>
    )
  }
  const Option = ({ id, name, sub }: { id: string | null; name: string; sub: string }) => {
    const on = value === id
    return (
      <View
        className={`learner${on ? ' learner--on' : ''}`}
        data-testid={`${testid}-${id ?? 'self'}`}
        data-selected={on ? 'true' : 'false'}
        ariaRole="button"
        ariaLabel={`${name}${on ? '，已选中' : ''}`}
        onClick={() => onChange(id, members.find((m) => m.id === id) ?? null)}
      >
        <Text className="learner__name">
          {on ? '✓ ' : ''}
          {name}
        </Text>
        <Text className="learner__sub">{sub}</Text>
      </View>
    )
  }
  return (
    <View className="learner-picker" data-testid={`${testid}-picker`} data-count={members.length} data-value={value ?? 'self'}>
      <Text className="section__title">{title}</Text>
      <View className="learner-picker__list">
        <Option id={null} name="自己" sub="记录在您自己名下" />
        {members.map((m) => (
          <Option key={m.id} id={m.id} name={m.name} sub={`${relationText(m.relation)} · 进度记在${m.name}名下`} />
        ))}
      </View>
    </View>
  )
}
