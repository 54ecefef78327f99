import { Text, View } from '@tarojs/components'
import { Field, InlineConfirm, TextArea, TextInput } from '@/components/form'
import { LIMITS, type FormErrors, type LessonForm, type StepForm } from './form'

/** What a lesson's editor can do to the course form (given by useCourseEditor). */
export interface LessonActions {
  onLesson: (patch: Partial<Pick<LessonForm, 'title' | 'minutes'>>) => void
  onMove: (delta: number) => void
  onAskRemove: () => void
  onRemove: () => void
  onKeep: () => void
  onStep: (stepKey: string, patch: Partial<Omit<StepForm, 'key'>>) => void
  onAddStep: () => void
  onRemoveStep: (stepKey: string) => void
  onMoveStep: (stepKey: string, delta: number) => void
}

/**
 * One lesson of the course editor: its head (opens and closes it), moving and removing it (a
 * stored lesson asks first), and, when open, its title, minutes and steps.
 */
export function LessonEditor({
  lesson,
  index,
  count,
  open,
  errors,
  onToggle,
  onLesson,
  onMove,
  askingRemove,
  onAskRemove,
  onRemove,
  onKeep,
  onStep,
  onAddStep,
  onRemoveStep,
  onMoveStep,
}: {
  lesson: LessonForm
  index: number
  count: number
  open: boolean
  errors: FormErrors
  onToggle: () => void
  askingRemove: boolean
} & LessonActions) {
  const k = lesson.key
  const hasError = Object.keys(errors).some((e) => e.startsWith(`${k}.`) || lesson.steps.some((s) => e.startsWith(`${s.key}.`)))
  return (
    <View
      className={`course-lesson${hasError ? ' course-lesson--error' : ''}`}
      data-testid="course-lesson"
      data-index={index}
      data-id={lesson.id ?? ''}
    >
      <View className="course-lesson__head" ariaRole="button" onClick={onToggle} data-testid={`course-lesson-${index}-toggle`}>
        <Text className="course-lesson__no">第{index + 1}课</Text>
        <Text className="course-lesson__title">{lesson.title.trim() || '（未命名）'}</Text>
        <Text className="course-lesson__meta">
          {lesson.steps.length} 步 · {open ? '收起 ▴' : '展开 ▾'}
          {hasError ? ' · ⚠ 有待修改' : ''}
        </Text>
      </View>
      <View className="course-mini-row">
        <MiniButton testid={`course-lesson-${index}-up`} disabled={index === 0} onTap={() => onMove(-1)}>
          ↑ 上移
        </MiniButton>
        <MiniButton testid={`course-lesson-${index}-down`} disabled={index === count - 1} onTap={() => onMove(1)}>
          ↓ 下移
        </MiniButton>
        <MiniButton testid={`course-lesson-${index}-remove`} disabled={count <= 1} danger onTap={onAskRemove}>
          删除本课
        </MiniButton>
      </View>
      {askingRemove ? (
        <InlineConfirm
          testid={`course-lesson-${index}-remove`}
          danger
          text="删除后，已经学过这一课的居民的学习记录也不再计入。确定删除吗？"
          confirmLabel="确定删除"
          cancelLabel="不删除"
          onConfirm={onRemove}
          onCancel={onKeep}
        />
      ) : null}
      {open ? (
        <View className="course-lesson__body">
          <Field label="课时名称" required error={errors[`${k}.title`]} testid={`course-lesson-${index}-title-row`}>
            <TextInput
              value={lesson.title}
              onChange={(title) => onLesson({ title })}
              testid={`course-lesson-${index}-title`}
              maxlength={LIMITS.lessonTitleMax}
              placeholder="例如：打开挂号小程序"
            />
          </Field>
          <Field label="学习时长（分钟）" required error={errors[`${k}.minutes`]} testid={`course-lesson-${index}-minutes-row`}>
            <TextInput
              value={lesson.minutes}
              onChange={(minutes) => onLesson({ minutes })}
              testid={`course-lesson-${index}-minutes`}
              type="number"
              maxlength={3}
            />
          </Field>
          {errors[`${k}.steps`] ? (
            <Text className="field__error" data-testid={`course-lesson-${index}-steps-error`}>
              ⚠ {errors[`${k}.steps`]}
            </Text>
          ) : null}
          {lesson.steps.map((step, si) => (
            <View key={step.key} className="course-step" data-testid={`course-lesson-${index}-step`} data-index={si}>
              <Text className="course-step__no">第{si + 1}步</Text>
              <Field label="这一步怎么做" required error={errors[`${step.key}.text`]} testid={`course-step-${index}-${si}-text-row`}>
                <TextArea
                  value={step.text}
                  onChange={(text) => onStep(step.key, { text })}
                  testid={`course-step-${index}-${si}-text`}
                  maxlength={LIMITS.stepTextMax}
                  placeholder="一句话说清楚，例如：点开微信右下角的“我”"
                />
              </Field>
              <Field
                label="图片或截图"
                hint="云存储文件ID（cloud://…）或 https:// 网址"
                error={errors[`${step.key}.image`]}
                testid={`course-step-${index}-${si}-image-row`}
              >
                <TextInput
                  value={step.image}
                  onChange={(image) => onStep(step.key, { image })}
                  testid={`course-step-${index}-${si}-image`}
                  maxlength={LIMITS.urlMax}
                  placeholder="cloud:// 或 https://"
                />
              </Field>
              {step.image.trim() ? (
                <Field
                  label="图片说明"
                  hint="给看不清图片的人读出来"
                  error={errors[`${step.key}.imageAlt`]}
                  testid={`course-step-${index}-${si}-imageAlt-row`}
                >
                  <TextInput
                    value={step.imageAlt}
                    onChange={(imageAlt) => onStep(step.key, { imageAlt })}
                    testid={`course-step-${index}-${si}-imageAlt`}
                    maxlength={LIMITS.imageAltMax}
                    placeholder="例如：微信“我”页面，右下角"
                  />
                </Field>
              ) : null}
              <Field label="小提示" error={errors[`${step.key}.tip`]} testid={`course-step-${index}-${si}-tip-row`}>
                <TextInput
                  value={step.tip}
                  onChange={(tip) => onStep(step.key, { tip })}
                  testid={`course-step-${index}-${si}-tip`}
                  maxlength={LIMITS.tipMax}
                  placeholder="例如：验证码不要告诉任何人"
                />
              </Field>
              <Field label="视频链接" error={errors[`${step.key}.videoUrl`]} testid={`course-step-${index}-${si}-videoUrl-row`}>
                <TextInput
                  value={step.videoUrl}
                  onChange={(videoUrl) => onStep(step.key, { videoUrl })}
                  testid={`course-step-${index}-${si}-videoUrl`}
                  maxlength={LIMITS.urlMax}
                  placeholder="https://"
                />
              </Field>
              <View className="course-mini-row">
                <MiniButton testid={`course-step-${index}-${si}-up`} disabled={si === 0} onTap={() => onMoveStep(step.key, -1)}>
                  ↑ 上移
                </MiniButton>
                <MiniButton
                  testid={`course-step-${index}-${si}-down`}
                  disabled={si === lesson.steps.length - 1}
                  onTap={() => onMoveStep(step.key, 1)}
                >
                  ↓ 下移
                </MiniButton>
                <MiniButton
                  testid={`course-step-${index}-${si}-remove`}
                  disabled={lesson.steps.length <= 1}
                  danger
                  onTap={() => onRemoveStep(step.key)}
                >
                  删除这一步
                </MiniButton>
              </View>
            </View>
          ))}
          {lesson.steps.length < LIMITS.stepsMax ? (
            <View
              className="btn btn--secondary btn--block"
              data-testid={`course-lesson-${index}-add-step`}
              ariaRole="button"
              onClick={onAddStep}
            >
              <Text>＋ 添加一步</Text>
            </View>
          ) : null}
          <Text className="muted">每课最后，居民点“学会了”完成本课。</Text>
        </View>
      ) : null}
    </View>
  )
}

function MiniButton({
  children,
  onTap,
  testid,
  disabled,
  danger,
}: {
  children: string
  onTap: () => void
  testid: string
  disabled?: boolean
  danger?: boolean
}) {
  return (
    <View
      className={`btn course-mini ${disabled ? 'btn--disabled' : danger ? 'btn--secondary course-mini--danger' : 'btn--secondary'}`}
      data-testid={testid}
      data-disabled={disabled ? 'true' : 'false'}
      ariaRole="button"
      ariaLabel={disabled ? `${children}（不可用）` : children}
      onClick={() => {
        if (!disabled) onTap()
      }}
    >
      <Text>{children}</Text>
    </View>
  )
}
