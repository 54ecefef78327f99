import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { MyData } from '@shared/contracts/privacy'
import { MY_DATA_LIMIT } from '@shared/contracts/privacy'
import { dateCn } from '@/utils/courseText'
import {
  consentText,
  dateTimeCn,
  enrolmentLines,
  memberLines,
  nominationLines,
  profileLines,
  ratingChoiceText,
  readingLines,
  registrationLines,
  starLikesText,
  type Line,
} from './myDataText'

/** One section of 我的信息: its title with the count, then its records or what it says when empty. */
function Section({
  id,
  title,
  count,
  none = count === 0,
  empty = '',
  children,
}: {
  id: string
  title: string
  count?: number
  none?: boolean
  empty?: string
  children?: ReactNode
}) {
  return (
    <View className="section my-data-section" data-testid={`my-data-${id}`} data-count={count ?? ''} data-empty={none ? 'true' : 'false'}>
      <Text className="section__title">{count === undefined ? title : `${title}（${count}）`}</Text>
      {none ? (
        <Text className="my-data-empty" data-testid={`my-data-${id}-empty`}>
          {empty}
        </Text>
      ) : (
        children
      )}
    </View>
  )
}

/** A record: an optional heading, then label / value lines. */
function Card({ title, lines, testid, extra }: { title?: string; lines: Line[]; testid: string; extra?: Record<string, string> }) {
  const data = Object.fromEntries(Object.entries(extra ?? {}).map(([k, v]) => [`data-${k}`, v]))
  return (
    <View className="my-data-card" data-testid={testid} {...data}>
      {title ? <Text className="my-data-card__title">{title}</Text> : null}
      {lines.map((l) => (
        <View key={l.label} className="my-data-line">
          <Text className="my-data-line__label">{l.label}：</Text>
          <Text className="my-data-line__value">{l.value}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * Everything 我的信息 holds, section by section, each record readable: consent, profile, family,
 * registrations (with what their form stored), courses, reading, ratings, 学习之星 nominations and
 * likes, notices, staff roles.
 */
export function MyDataSections({ data }: { data: MyData }) {
  const consent = consentText(data.consent)
  return (
    <View data-testid="my-data-sections">
      {data.truncated ? (
        <Text className="section my-data-note" data-testid="my-data-truncated">
          记录较多，这里每类只显示最近的 {MY_DATA_LIMIT} 条；导出的文件包含全部记录。
        </Text>
      ) : null}

      <Section id="consent" title="隐私保护指引">
        <Text className="my-data-text" data-testid="my-data-consent-text" data-version={data.consent?.version ?? ''}>
          {data.consent ? '✓ ' : ''}
          {consent.text}
        </Text>
        {consent.note ? <Text className="my-data-muted">{consent.note}</Text> : null}
        <View
          className="btn btn--secondary btn--block my-data-link"
          data-testid="my-data-privacy-link"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/account/privacy/index' })}
        >
          <Text>查看《用户隐私保护指引》›</Text>
        </View>
      </Section>

      <Section id="profile" title="我的报名资料" none={!data.profile} empty="没有保存您的报名资料（第一次报名时填写）。">
        {data.profile ? <Card lines={profileLines(data.profile)} testid="my-data-profile-card" /> : null}
      </Section>

      <Section id="family" title="我的家人" count={data.family.length} empty="没有添加家人。">
        {data.family.map((m) => (
          <Card key={m.id} title={m.name} lines={memberLines(m)} testid="my-data-member" extra={{ name: m.name }} />
        ))}
      </Section>

      <Section id="registrations" title="报名记录" count={data.registrations.length} empty="没有报名记录。">
        {data.registrations.map((r) => (
          <Card
            key={r.id}
            title={r.title}
            lines={registrationLines(r)}
            testid="my-data-registration"
            extra={{ id: r.id, status: r.status, person: r.personName }}
          />
        ))}
      </Section>

      <Section id="enrolments" title="课程学习" count={data.enrolments.length} empty="没有学习记录。">
        {data.enrolments.map((e) => (
          <Card key={`${e.courseId}-${e.learnerName}`} title={e.title} lines={enrolmentLines(e)} testid="my-data-enrolment" />
        ))}
      </Section>

      <Section id="reading" title="读书打卡" count={data.reading.length + data.readingLogs.length} empty="没有读书记录。">
        {data.reading.map((r) => (
          <Card key={r.weekId} lines={readingLines(r)} testid="my-data-reader" />
        ))}
        {data.readingLogs.map((l, i) => (
          <Card
            key={`${l.day}-${l.bookTitle}-${i}`}
            title={`《${l.bookTitle}》`}
            lines={[
              { label: '日期', value: dateCn(Date.parse(`${l.day}T12:00:00+08:00`)) },
              { label: '时长', value: `${l.minutes} 分钟` },
              ...(l.note ? [{ label: '感想', value: l.note }] : []),
            ]}
            testid="my-data-reading-log"
          />
        ))}
      </Section>

      <Section id="ratings" title="活动评价" count={data.ratings.length} empty="没有评价记录。">
        {data.ratings.map((r) => (
          <Card
            key={r.registrationId}
            title={r.title}
            lines={[
              { label: '评价', value: ratingChoiceText(r.choice) },
              ...(r.comment ? [{ label: '评价内容', value: r.comment }] : []),
              { label: '时间', value: dateTimeCn(r.createdAt) },
            ]}
            testid="my-data-rating"
          />
        ))}
      </Section>

      <Section id="nominations" title="学习之星推荐" count={data.nominations.length} empty="没有推荐或自荐记录。">
        {data.nominations.map((n) => (
          <Card
            key={n.id}
            title={n.name}
            lines={nominationLines(n)}
            testid="my-data-nomination"
            extra={{ id: n.id, status: n.status, self: n.self ? 'true' : 'false' }}
          />
        ))}
      </Section>

      <Section id="star-likes" title="点赞和投票">
        <Text className="my-data-text" data-testid="my-data-star-likes-text" data-count={data.starLikes}>
          {starLikesText(data.starLikes)}
        </Text>
      </Section>

      <Section id="notices" title="通知">
        <Text className="my-data-text" data-testid="my-data-notices-text" data-count={data.notices}>
          {data.notices > 0 ? `保存了 ${data.notices} 条发给您的通知（活动取消、候补成功、总结表提醒）。` : '没有保存的通知。'}
        </Text>
      </Section>

      {data.roles.length > 0 ? (
        <Section id="roles" title="工作人员任命" count={data.roles.length}>
          {data.roles.map((r) => (
            <Text key={r} className="my-data-text">
              {r}
            </Text>
          ))}
          <Text className="my-data-muted">删除我的信息不会撤销任命。</Text>
        </Section>
      ) : null}
    </View>
  )
}
