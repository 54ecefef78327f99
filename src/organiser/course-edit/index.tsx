import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { COURSE_KINDS, COURSE_TOPICS } from '@shared/domain/vocabulary'
import { ChoiceChips, Field, InlineConfirm, InlineError, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { loadScopes } from '@/services/activity'
import { CloudError } from '@/services/callCloud'
import { EDIT_STATUS_WORDS as STATUS_WORDS } from '@/utils/statusText'
import { ActivityPicker } from './ActivityPicker'
import { LIMITS, totalMinutes } from './form'
import { LessonEditor } from './LessonEditor'
import { loadCourse, useCourseEditor, type Loaded } from './useCourseEditor'
import './index.scss'

/**
 * Create (?weekId=&districtCode=) or edit (?id=&weekId=) a course: topic (the kind follows it),
 * title, intro, the lessons with their steps (add, remove, move up and down), the week's offline
 * classes it links to; saved as a draft (course.save), published from here or from the list.
 */
export default function CourseEditPage() {
  const { params } = useRouter()
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : ''
  const weekParam = typeof params.weekId === 'string' ? decodeURIComponent(params.weekId) : ''
  const districtParam = typeof params.districtCode === 'string' ? decodeURIComponent(params.districtCode) : ''

  const res = useAsync(async (): Promise<Loaded> => {
    const [scopes, stored] = await Promise.all([loadScopes(), id ? loadCourse(id, weekParam) : Promise.resolve(null)])
    const weekId = stored?.card.weekId ?? weekParam
    const scope = scopes.find((s) => s.week.id === weekId)
    if (!scope) throw new CloudError(scopes.length === 0 ? 'FORBIDDEN' : 'WEEK_NOT_FOUND')
    return { scope, stored }
  }, [id, weekParam])

  return (
    <PageShell className="org-edit course-edit" testid="org-course-edit-page">
      {res.status === 'loading' ? <Loading text="正在加载课程…" /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' ? <Editor loaded={res.data} districtParam={districtParam} /> : null}
    </PageShell>
  )
}

function Editor({ loaded, districtParam }: { loaded: Loaded; districtParam: string }) {
  const { scope } = loaded
  const ed = useCourseEditor(loaded, districtParam)
  const { form, errors, courseId, status, busy, failure, done, ask, unsynced, dirty, change } = ed
  const districtName = scope.week.districts.find((d) => d.code === form.districtCode)?.name ?? form.districtCode

  return (
    <View data-testid="course-edit-form" data-id={courseId} data-status={status}>
      <View className="page-head">
        <Text className="page-head__title">{courseId ? '编辑课程' : '新建课程'}</Text>
        <Text className="page-head__text" data-testid="course-edit-status">
          {scope.week.name}
          {courseId ? ` · ${STATUS_WORDS[status]}` : ''}
        </Text>
      </View>

      <View className="section">
        <Text className="section__title">基本信息</Text>
        <Field label="县区" required error={errors.district} testid="course-field-district-row">
          {scope.districts.length === 1 || courseId ? (
            <Text className="org-static" data-testid="course-field-district" data-value={form.districtCode}>
              {districtName}
            </Text>
          ) : (
            <ChoiceChips
              options={scope.districts.map((d) => ({ code: d.code, label: d.name }))}
              value={form.districtCode}
              onChange={(districtCode) => change({ ...form, districtCode, activityIds: [] }, 'district', 'activities')}
              testid="course-field-district"
            />
          )}
        </Field>
        <Field label="课程主题" required hint="课程类别由主题决定" error={errors.topic} testid="course-field-topic-row">
          {COURSE_KINDS.map((k) => (
            <View key={k.code} className="course-topics">
              <Text className="course-topics__kind">{k.label}</Text>
              <ChoiceChips
                options={COURSE_TOPICS.filter((t) => t.kind === k.code)}
                value={form.topic}
                onChange={(topic) => change({ ...form, topic }, 'topic')}
                testid={`course-field-topic-${k.code}`}
              />
            </View>
          ))}
          <Text className="course-kind" data-testid="course-kind" data-value={ed.kind}>
            课程类别：{ed.kind || '（请先选择主题）'}
          </Text>
        </Field>
        <Field label="课程名称" required error={errors.title} testid="course-field-title-row">
          <TextInput
            value={form.title}
            onChange={(title) => change({ ...form, title }, 'title')}
            testid="course-field-title"
            maxlength={LIMITS.titleMax}
            placeholder="例如：手机挂号一学就会"
          />
        </Field>
        <Field label="课程简介" required error={errors.intro} testid="course-field-intro-row">
          <TextArea
            value={form.intro}
            onChange={(intro) => change({ ...form, intro }, 'intro')}
            testid="course-field-intro"
            maxlength={LIMITS.introMax}
            placeholder="学完能做什么、适合谁，用大白话写"
          />
        </Field>
        <Field label="封面图" hint="云存储文件ID（cloud://…）或 https:// 网址" error={errors.cover} testid="course-field-cover-row">
          <TextInput
            value={form.cover}
            onChange={(cover) => change({ ...form, cover }, 'cover')}
            testid="course-field-cover"
            maxlength={LIMITS.urlMax}
            placeholder="cloud:// 或 https://"
          />
        </Field>
      </View>

      <View className="section" data-testid="course-lessons" data-count={form.lessons.length}>
        <Text className="section__title">
          课时（{form.lessons.length} 课 · 约 {totalMinutes(form)} 分钟）
        </Text>
        {errors.lessons ? (
          <Text className="field__error" data-testid="course-lessons-error">
            ⚠ {errors.lessons}
          </Text>
        ) : null}
        {form.lessons.map((lesson, i) => (
          <LessonEditor
            key={lesson.key}
            lesson={lesson}
            index={i}
            count={form.lessons.length}
            open={ed.open.includes(lesson.key)}
            errors={errors}
            onToggle={() => ed.toggleOpen(lesson.key)}
            askingRemove={ed.askingRemove(lesson.key)}
            {...ed.lessonActions(lesson)}
          />
        ))}
        {form.lessons.length < LIMITS.lessonsMax ? (
          <View className="btn btn--secondary btn--block" data-testid="course-add-lesson" ariaRole="button" onClick={ed.addLesson}>
            <Text>＋ 添加一课</Text>
          </View>
        ) : null}
      </View>

      <View className="section">
        <Text className="section__title">关联线下课堂</Text>
        <Field
          label="本县区本周已发布的活动"
          hint="居民可以从课程页报名，到现场有志愿者手把手教"
          error={errors.activities}
          testid="course-field-activities-row"
        >
          {form.districtCode ? (
            <ActivityPicker
              activities={ed.activities}
              value={form.activityIds}
              onChange={(activityIds) => change({ ...form, activityIds }, 'activities')}
              testid="course-field-activities"
              preferType={ed.preferType}
              max={LIMITS.activitiesMax}
              onRetry={ed.activities.reload}
            />
          ) : (
            <Text className="muted">请先选择县区。</Text>
          )}
        </Field>
      </View>

      <View className="section org-actions" data-testid="course-actions">
        {failure ? (
          <InlineError
            message={
              failure.code === 'VALIDATION_FAILED' && ed.places.length > 0
                ? `请修改：${ed.places.join('、')}（见上方红色提示）`
                : failure.message
            }
            code={failure.code}
            testid="course-error"
          />
        ) : null}
        {unsynced ? (
          <Text className="field__error" data-testid="course-unsynced">
            ⚠ 已保存，但没能重新读取课程。请点“重新读取”后再修改。
          </Text>
        ) : null}
        {done ? (
          <Text className="org-done" data-testid="course-done">
            {done}
          </Text>
        ) : null}
        <View
          className={`btn btn--block ${busy || (!dirty && courseId && !unsynced) ? 'btn--disabled' : 'btn--secondary'}`}
          data-testid="course-save"
          ariaRole="button"
          onClick={() => {
            if (!busy && (dirty || !courseId || unsynced)) void ed.run('save')
          }}
        >
          <Text>{busy && ask === null ? '正在保存…' : unsynced ? '重新读取' : status === 'published' ? '保存修改' : '保存草稿'}</Text>
        </View>
        {status === 'draft' ? (
          ask === 'publish' ? (
            <InlineConfirm
              testid="course-publish"
              busy={busy}
              text="发布后，居民就能在学习课堂里看到并报名这门课。确定发布吗？"
              confirmLabel="确定发布"
              cancelLabel="先不发布"
              onConfirm={() => void ed.run('publish')}
              onCancel={() => ed.setAsk(null)}
            />
          ) : (
            <View
              className="btn btn--primary btn--block"
              data-testid="course-publish"
              ariaRole="button"
              onClick={() => ed.setAsk('publish')}
            >
              <Text>{dirty ? '保存并发布' : '发布课程'}</Text>
            </View>
          )
        ) : null}
        <View className="btn btn--secondary btn--block" data-testid="course-back" ariaRole="link" onClick={() => void Taro.navigateBack()}>
          <Text>返回课程列表</Text>
        </View>
      </View>
    </View>
  )
}
