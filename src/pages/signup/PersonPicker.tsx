import { Text, View } from '@tarojs/components'
import { FamilyForm } from '@/components/people/FamilyForm'
import { addFamilyMember } from '@/services/signup'
import { relationText } from '@/utils/signupText'
import type { SignupForm } from './useSignupForm'

/** 第一步: oneself or a family member (代报名), or add one in place. */
export function PersonPicker({ f }: { f: SignupForm }) {
  return (
    <View className="section" data-testid="signup-people">
      <Text className="section__title">第一步：给谁报名</Text>
      <View className="signup-people">
        <PersonOption
          testid="signup-person-self"
          selected={f.person === 'self'}
          name={f.profile ? f.profile.name : '我自己'}
          sub="本人"
          onTap={() => f.choose('self')}
        />
        {f.members.map((m) => (
          <PersonOption
            key={m.id}
            testid={`signup-person-${m.id}`}
            selected={f.person === m.id}
            name={m.name}
            sub={`${relationText(m.relation)}（代报名）`}
            onTap={() => f.choose(m.id)}
          />
        ))}
        {!f.adding ? (
          <View
            className="signup-person signup-person--add"
            data-testid="signup-add-family"
            ariaRole="button"
            onClick={() => f.setAdding(true)}
          >
            <Text className="signup-person__name">＋ 添加家人</Text>
            <Text className="signup-person__sub">帮没有微信的长辈报名</Text>
          </View>
        ) : null}
      </View>
      {f.adding ? <FamilyForm addMember={addFamilyMember} onSaved={f.added} onCancel={() => f.setAdding(false)} /> : null}
    </View>
  )
}

function PersonOption({
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
      className={`signup-person${selected ? ' signup-person--on' : ''}`}
      data-testid={testid}
      data-selected={selected ? 'true' : 'false'}
      ariaRole="button"
      ariaLabel={`${name}，${sub}${selected ? '，已选中' : ''}`}
      onClick={onTap}
    >
      <Text className="signup-person__name">
        {selected ? '✓ ' : ''}
        {name}
      </Text>
      <Text className="signup-person__sub">{sub}</Text>
    </View>
  )
}
