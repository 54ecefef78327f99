import { Text, View } from '@tarojs/components'
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, retentionDate } from '@shared/domain/privacy'
import { Field, TextInput } from '@/components/form'
import { dateCn } from '@/utils/courseText'

/** Whether `days` may be saved as a week's retention (a whole number of days, 30–3650). */
export function retentionDaysValid(days: number): boolean {
  return Number.isInteger(days) && days >= RETENTION_DAYS_MIN && days <= RETENTION_DAYS_MAX
}

/** '2027年6月8日' from '2027-06-08'. */
function dayCn(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/**
 * 个人信息保存天数: days after the 总结表 deadline until the week's personal data is anonymised, with
 * the resulting day worked out as it is typed (and as the deadline moves); once the privacy timer has
 * anonymised the week, says when.
 */
export function RetentionField({
  days,
  summaryDeadline,
  anonymisedAt,
  onChange,
}: {
  /** NaN while the box is empty. */
  days: number
  summaryDeadline: string
  anonymisedAt: number | null
  onChange: (days: number) => void
}) {
  const valid = retentionDaysValid(days)
  return (
    <Field
      label="个人信息保存天数"
      required
      hint={`总结表截止后再保存多少天，之后报名人的姓名、手机号等自动匿名化，统计数字不变（${RETENTION_DAYS_MIN}–${RETENTION_DAYS_MAX} 天）`}
      error={valid ? undefined : `请填写 ${RETENTION_DAYS_MIN} 到 ${RETENTION_DAYS_MAX} 之间的天数`}
      testid="org-week-retention-row"
    >
      <TextInput
        value={Number.isNaN(days) ? '' : String(days)}
        onChange={(text) => onChange(text.trim() === '' ? NaN : Number(text))}
        testid="org-week-retention"
        label="个人信息保存天数"
        type="number"
        maxlength={4}
      />
      <View
        className="org-week-retention"
        data-testid="org-week-retention-date"
        data-date={valid ? retentionDate(summaryDeadline, days) : ''}
      >
        {anonymisedAt !== null ? (
          <Text className="org-week-retention__done" data-testid="org-week-anonymised">
            {`✓ 已于 ${dateCn(anonymisedAt)} 完成匿名化`}
          </Text>
        ) : valid ? (
          <Text className="org-week-retention__text">{`个人信息将于 ${dayCn(retentionDate(summaryDeadline, days))} 匿名化`}</Text>
        ) : null}
      </View>
    </Field>
  )
}
