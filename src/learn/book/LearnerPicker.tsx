import { Text, View } from '@tarojs/components'
import type { FamilyMember } from '@shared/contracts/signup'
import { relationText } from '@/utils/signupText'

/**
 * Who is reading: the resident or one of their family members (the log and the streak are the
 * member's). Shown only when the resident has family members; every option is a large button.
 */
export function LearnerPicker({
  selfName,
  members,
  value,
  onChange,
}: {
  selfName: string
  members: FamilyMember[]
  value: string | null
  onChange: (memberId: string | null) => void
}) {
  if (members.length === 0) return null
  return (
    <View className="learner" data-testid="learner-picker" data-value={value ?? 'self'}>
      <Text className="learner__label">谁读的书？</Text>
      <View className="learner__options">
        <Option testid="learner-self" selected={value === null} name={selfName} sub="本人" onTap={() => onChange(null)} />
        {members.map((m) => (
          <Option
            key={m.id}
            testid={`learner-${m.id}`}
            selected={value === m.id}
            name={m.name}
            sub={`${relationText(m.relation)}（帮家人打卡）`}
            onTap={() => onChange(m.id)}
          />
        ))}
      </View>
    </View>
  )
}

function Option({
  testid,
  selected,
  name,
  sub,
  onTap,
}: {
  testid: string
  selected: boolean
  name: string
  sub: string
  onTap: () => void
}) {
  return (
    <View
      className={`learner__option${selected ? ' learner__option--on' : ''}`}
      data-testid={testid}
      data-selected={selected ? 'true' : 'false'}
      ariaRole="button"
      ariaLabel={`${name}，${sub}${selected ? '，已选中' : ''}`}
      onClick={onTap}
    >
      <Text className="learner__name">
        {selected ? '✓ ' : ''}
        {name}
      </Text>
      <Text className="learner__sub">{sub}</Text>
    </View>
  )
}
