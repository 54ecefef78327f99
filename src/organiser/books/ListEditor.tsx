import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { BookList } from '@shared/contracts/reading'
import { ChoiceChips, Field, InlineError, TextArea, TextInput } from '@/components/form'
import { useAsync } from '@/hooks/useAsync'
import { loadPublishedActivities, type Scope } from '@/services/activity'
import { CloudError, toCloudError } from '@/services/callCloud'
import { saveBookList } from '@/services/reading'
import { ActivityPicker } from '../course-edit/ActivityPicker'
import { withoutErrors } from '../course-edit/form'
import {
  CODE_FIELD,
  LIMITS,
  addBook,
  checkListForm,
  emptyListForm,
  errorKeysFromPaths,
  errorPlaces,
  listFormFromList,
  moveBook,
  removeBook,
  toListInput,
  updateBook,
  type FormErrors,
  type ListForm,
} from './form'

/**
 * A book list edited in place: title, intro and the books (title, author, a few lines why, the
 * 书友会 / 读书沙龙 activities about it). Saved with reading list.save; the caller reloads.
 */
export function ListEditor({
  scope,
  list,
  district,
  onSaved,
  onClose,
}: {
  scope: Scope
  list: BookList | null
  /** The district a new list starts in ('' = choose). */
  district: string
  onSaved: (listId: string, created: boolean) => void
  onClose: () => void
}) {
  const weekId = scope.week.id
  const initial = useMemo(() => (list ? listFormFromList(list) : emptyListForm(district)), [list, district])
  const [form, setForm] = useState<ListForm>(initial)
  const [errors, setErrors] = useState<FormErrors>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [picking, setPicking] = useState('')
  const activities = useAsync(
    () => (form.districtCode ? loadPublishedActivities(weekId, form.districtCode) : Promise.resolve([])),
    [weekId, form.districtCode],
  )
  const dirty = JSON.stringify(initial) !== JSON.stringify(form)

  const change = (next: ListForm, ...touched: string[]) => {
    setForm(next)
    if (touched.length > 0) setErrors((e) => withoutErrors(e, ...touched))
  }

  const save = async () => {
    if (busy) return
    setFailure(null)
    const found = checkListForm(form)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      setFailure(new CloudError('VALIDATION_FAILED'))
      return
    }
    setBusy(true)
    try {
      const out = await saveBookList(toListInput(form, weekId, list?.id))
      onSaved(out.listId, !list)
    } catch (err) {
      const e = toCloudError(err)
      const field = CODE_FIELD[e.code]
      const marked: FormErrors = field ? { [field]: e.message } : {}
      if (e.code === 'VALIDATION_FAILED') for (const k of errorKeysFromPaths(e.fields, form)) marked[k] = marked[k] ?? '请检查这一项'
      setErrors((x) => ({ ...marked, ...x }))
      setFailure(e)
      setBusy(false)
    }
  }

  const places = errorPlaces(errors, form)
  const districtName = scope.week.districts.find((d) => d.code === form.districtCode)?.name ?? form.districtCode

  return (
    <View className="org-item book-editor" data-testid="book-list-editor" data-id={list?.id ?? ''}>
      <Text className="section__title">{list ? '编辑书单' : '新建书单'}</Text>
      <Field label="县区" required error={errors.district} testid="book-field-district-row">
        {list || scope.districts.length === 1 ? (
          <Text className="org-static" data-testid="book-field-district" data-value={form.districtCode}>
            {districtName}
          </Text>
        ) : (
          <ChoiceChips
            options={scope.districts.map((d) => ({ code: d.code, label: d.name }))}
            value={form.districtCode}
            onChange={(districtCode) =>
              change({ ...form, districtCode, books: form.books.map((b) => ({ ...b, activityIds: [] })) }, 'district')
            }
            testid="book-field-district"
          />
        )}
      </Field>
      <Field label="书单名称" required error={errors.title} testid="book-field-title-row">
        <TextInput
          value={form.title}
          onChange={(title) => change({ ...form, title }, 'title')}
          testid="book-field-title"
          maxlength={LIMITS.titleMax}
          placeholder="例如：冬日暖心好书推荐"
        />
      </Field>
      <Field label="书单介绍" error={errors.intro} testid="book-field-intro-row">
        <TextArea
          value={form.intro}
          onChange={(intro) => change({ ...form, intro }, 'intro')}
          testid="book-field-intro"
          maxlength={LIMITS.introMax}
          placeholder="这份书单适合谁、为什么推荐"
        />
      </Field>

      <Text className="book-editor__sub">书目（{form.books.length} 本）</Text>
      {errors.books ? (
        <Text className="field__error" data-testid="book-books-error">
          ⚠ {errors.books}
        </Text>
      ) : null}
      {form.books.map((b, i) => (
        <View key={b.key} className="book-editor__book" data-testid="book-editor-book" data-index={i} data-id={b.id ?? ''}>
          <Text className="book-editor__no">第{i + 1}本</Text>
          <Field label="书名" required error={errors[`${b.key}.title`]} testid={`book-${i}-title-row`}>
            <TextInput
              value={b.title}
              onChange={(title) => change(updateBook(form, b.key, { title }), `${b.key}.title`)}
              testid={`book-${i}-title`}
              maxlength={LIMITS.bookTitleMax}
              placeholder="例如：平凡的世界"
            />
          </Field>
          <Field label="作者" required error={errors[`${b.key}.author`]} testid={`book-${i}-author-row`}>
            <TextInput
              value={b.author}
              onChange={(author) => change(updateBook(form, b.key, { author }), `${b.key}.author`)}
              testid={`book-${i}-author`}
              maxlength={LIMITS.authorMax}
              placeholder="例如：路遥"
            />
          </Field>
          <Field label="推荐语" required error={errors[`${b.key}.blurb`]} testid={`book-${i}-blurb-row`}>
            <TextArea
              value={b.blurb}
              onChange={(blurb) => change(updateBook(form, b.key, { blurb }), `${b.key}.blurb`)}
              testid={`book-${i}-blurb`}
              maxlength={LIMITS.blurbMax}
              placeholder="几句话说说为什么值得读"
            />
          </Field>
          <Field label="关联书友会 / 读书沙龙" error={errors[`${b.key}.activities`]} testid={`book-${i}-activities-row`}>
            {picking === b.key ? (
              <View>
                <ActivityPicker
                  activities={activities}
                  value={b.activityIds}
                  onChange={(activityIds) => change(updateBook(form, b.key, { activityIds }), `${b.key}.activities`)}
                  testid={`book-${i}-activities`}
                  preferType="reading"
                  max={LIMITS.activitiesMax}
                  onRetry={activities.reload}
                />
                <View
                  className="btn btn--secondary btn--block book-editor__gap"
                  data-testid={`book-${i}-activities-done`}
                  ariaRole="button"
                  onClick={() => setPicking('')}
                >
                  <Text>选好了</Text>
                </View>
              </View>
            ) : (
              <View
                className="btn btn--secondary btn--block"
                data-testid={`book-${i}-activities-open`}
                ariaRole="button"
                onClick={() => setPicking(b.key)}
              >
                <Text>{b.activityIds.length > 0 ? `已关联 ${b.activityIds.length} 项活动，点按修改` : '选择本县区的活动'}</Text>
              </View>
            )}
          </Field>
          <View className="btn-row">
            <View
              className={`btn ${i === 0 ? 'btn--disabled' : 'btn--secondary'}`}
              data-testid={`book-${i}-up`}
              ariaRole="button"
              onClick={() => i > 0 && change(moveBook(form, b.key, -1))}
            >
              <Text>↑ 上移</Text>
            </View>
            <View
              className={`btn ${i === form.books.length - 1 ? 'btn--disabled' : 'btn--secondary'}`}
              data-testid={`book-${i}-down`}
              ariaRole="button"
              onClick={() => i < form.books.length - 1 && change(moveBook(form, b.key, 1))}
            >
              <Text>↓ 下移</Text>
            </View>
            <View
              className={`btn ${form.books.length <= 1 ? 'btn--disabled' : 'btn--secondary org-danger'}`}
              data-testid={`book-${i}-remove`}
              ariaRole="button"
              onClick={() => form.books.length > 1 && change(removeBook(form, b.key), b.key, 'books')}
            >
              <Text>删除</Text>
            </View>
          </View>
        </View>
      ))}
      {form.books.length < LIMITS.booksMax ? (
        <View
          className="btn btn--secondary btn--block"
          data-testid="book-add"
          ariaRole="button"
          onClick={() => change(addBook(form), 'books')}
        >
          <Text>＋ 添加一本书</Text>
        </View>
      ) : null}

      {failure ? (
        <InlineError
          message={
            failure.code === 'VALIDATION_FAILED' && places.length > 0 ? `请修改：${places.join('、')}（见上方红色提示）` : failure.message
          }
          code={failure.code}
          testid="book-list-error"
        />
      ) : null}
      <View className="btn-row book-editor__gap">
        <View
          className={`btn ${busy || (list && !dirty) ? 'btn--disabled' : 'btn--primary'}`}
          data-testid="book-list-save"
          ariaRole="button"
          onClick={() => (list && !dirty ? undefined : void save())}
        >
          <Text>{busy ? '正在保存…' : list?.status === 'published' ? '保存修改' : '保存草稿'}</Text>
        </View>
        <View className="btn btn--secondary" data-testid="book-list-close" ariaRole="button" onClick={onClose}>
          <Text>{dirty ? '放弃修改' : '收起'}</Text>
        </View>
      </View>
    </View>
  )
}
