import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { InlineConfirm, InlineError, TextInput } from '@/components/form'
import { LIMITS, instants, type FormErrors } from './form'
import type { ActivityEditor } from './useActivityEditor'
import { publishWords } from './windowText'

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
  location: '地图位置',
  contactName: '联系人',
  contactPhone: '联系电话',
}

/**
 * Where the problems are, the outcome, and saving, publishing and cancelling (each confirmed in place);
 * a published activity with sign-up also leads to 通知报名者 (a change notice to its registrants).
 */
export function EditActions({ ed }: { ed: ActivityEditor }) {
  const { activity, errors, failure, done, busy, dirty, status, ask, reason, reasonMissing, form } = ed
  const t = instants(form)
  return (
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
          if (!busy && (dirty || !activity)) void ed.run('save')
        }}
      >
        <Text>{busy && ask === null ? '正在保存…' : status === 'published' ? '保存修改' : '保存草稿'}</Text>
      </View>

      {status === 'draft' ? (
        ask === 'publish' ? (
          <InlineConfirm
            testid="org-publish"
            busy={busy}
            text={publishWords(
              { signupRequired: form.signupRequired, signupOpensAt: t.opensAt, signupClosesAt: t.closesAt },
              Date.now(),
              false,
            )}
            confirmLabel="确定发布"
            cancelLabel="先不发布"
            onConfirm={() => void ed.run('publish')}
            onCancel={() => ed.setAsk(null)}
          />
        ) : (
          <View className="btn btn--primary btn--block" data-testid="org-publish" ariaRole="button" onClick={ed.askPublish}>
            <Text>发布活动</Text>
          </View>
        )
      ) : null}

      {activity && status === 'published' && activity.signupRequired ? (
        <View
          className="btn btn--secondary btn--block"
          data-testid="org-change-notice"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: `/organiser/change-notice/index?id=${encodeURIComponent(activity.id)}` })}
        >
          <Text>通知报名者（时间、地点变更）</Text>
        </View>
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
            onConfirm={ed.confirmCancel}
            onCancel={() => ed.setAsk(null)}
          >
            <TextInput
              value={reason}
              onChange={ed.setReason}
              testid="org-cancel-reason"
              maxlength={LIMITS.cancelReasonMax}
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
            onClick={() => ed.setAsk('cancel')}
          >
            <Text>取消活动</Text>
          </View>
        )
      ) : null}

      <View className="btn btn--secondary btn--block" data-testid="org-back" ariaRole="link" onClick={() => void Taro.navigateBack()}>
        <Text>返回活动列表</Text>
      </View>
    </View>
  )
}
