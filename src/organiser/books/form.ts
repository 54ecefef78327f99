import type { BookList, BookListInput } from '@shared/contracts/reading'
import { move } from '../course-edit/form'

// The book list editor's form (好书推荐): checked like bookListInputSchema, then the save input.
// Books carry a local `key` so errors follow them when they move.

export interface BookForm {
  key: string
  /** The stored book's id; null for a book added here. */
  id: string | null
  title: string
  author: string
  blurb: string
  cover: string
  activityIds: string[]
}

export interface ListForm {
  districtCode: string
  title: string
  intro: string
  books: BookForm[]
}

/** Errors by key: 'district', 'title', 'intro', 'books'; `${bookKey}.title|author|blurb|cover|activities` for a book. */
export type FormErrors = Record<string, string>

export const LIMITS = {
  titleMin: 2,
  titleMax: 40,
  introMax: 300,
  booksMax: 30,
  bookTitleMax: 60,
  authorMax: 60,
  blurbMax: 400,
  urlMax: 300,
  activitiesMax: 10,
}

const IMAGE_RE = /^(cloud:\/\/|https:\/\/)\S+$/

let seq = 0
export function newBook(): BookForm {
  return { key: `b${(++seq).toString(36)}`, id: null, title: '', author: '', blurb: '', cover: '', activityIds: [] }
}

export function emptyListForm(districtCode: string): ListForm {
  return { districtCode, title: '', intro: '', books: [newBook()] }
}

export function listFormFromList(l: Pick<BookList, 'districtCode' | 'title' | 'intro' | 'books'>): ListForm {
  return {
    districtCode: l.districtCode,
    title: l.title,
    intro: l.intro,
    books: l.books.map((b) => ({
      ...newBook(),
      id: b.id,
      title: b.title,
      author: b.author,
      blurb: b.blurb,
      cover: b.cover ?? '',
      activityIds: [...b.activityIds],
    })),
  }
}

export function addBook(f: ListForm): ListForm {
  return f.books.length >= LIMITS.booksMax ? f : { ...f, books: [...f.books, newBook()] }
}

export function removeBook(f: ListForm, key: string): ListForm {
  return { ...f, books: f.books.filter((b) => b.key !== key) }
}

export function moveBook(f: ListForm, key: string, delta: number): ListForm {
  return {
    ...f,
    books: move(
      f.books,
      f.books.findIndex((b) => b.key === key),
      delta,
    ),
  }
}

export function updateBook(f: ListForm, key: string, patch: Partial<Omit<BookForm, 'key' | 'id'>>): ListForm {
  return { ...f, books: f.books.map((b) => (b.key === key ? { ...b, ...patch } : b)) }
}

/** Everything wrong with the list, by key, in Chinese (the contract's rules). */
export function checkListForm(f: ListForm): FormErrors {
  const e: FormErrors = {}
  if (!f.districtCode) e.district = '请选择县区'
  const title = f.title.trim()
  if (title.length < LIMITS.titleMin || title.length > LIMITS.titleMax)
    e.title = `请填写书单名称（${LIMITS.titleMin}–${LIMITS.titleMax}个字）`
  if (f.intro.trim().length > LIMITS.introMax) e.intro = `书单介绍${LIMITS.introMax}字以内`
  if (f.books.length === 0) e.books = '请至少添加一本书'
  else if (f.books.length > LIMITS.booksMax) e.books = `一个书单最多${LIMITS.booksMax}本书`
  for (const b of f.books) {
    const t = b.title.trim()
    if (!t || t.length > LIMITS.bookTitleMax) e[`${b.key}.title`] = `请填写书名（${LIMITS.bookTitleMax}字以内）`
    const a = b.author.trim()
    if (!a || a.length > LIMITS.authorMax) e[`${b.key}.author`] = `请填写作者（${LIMITS.authorMax}字以内）`
    const blurb = b.blurb.trim()
    if (!blurb || blurb.length > LIMITS.blurbMax) e[`${b.key}.blurb`] = `请写几句推荐语（${LIMITS.blurbMax}字以内）`
    const cover = b.cover.trim()
    if (cover && (!IMAGE_RE.test(cover) || cover.length > LIMITS.urlMax))
      e[`${b.key}.cover`] = '封面请填云存储文件ID（cloud://）或 https:// 开头的网址'
    if (b.activityIds.length > LIMITS.activitiesMax) e[`${b.key}.activities`] = `每本书最多关联${LIMITS.activitiesMax}项活动`
  }
  return e
}

/** The reading list.save input (call checkListForm first). */
export function toListInput(f: ListForm, weekId: string, listId?: string): BookListInput {
  return {
    ...(listId ? { listId } : {}),
    weekId,
    districtCode: f.districtCode,
    title: f.title.trim(),
    intro: f.intro.trim(),
    books: f.books.map((b) => ({
      ...(b.id ? { id: b.id } : {}),
      title: b.title.trim(),
      author: b.author.trim(),
      blurb: b.blurb.trim(),
      cover: b.cover.trim() ? b.cover.trim() : null,
      activityIds: [...b.activityIds],
    })),
  }
}

const BOOK_PARTS: Record<string, string> = { title: 'title', author: 'author', blurb: 'blurb', cover: 'cover', activityIds: 'activities' }

/** VALIDATION_FAILED paths ('books.2.author', 'title') as error keys. */
export function errorKeysFromPaths(paths: readonly string[] | undefined, f: ListForm): string[] {
  const out = new Set<string>()
  for (const raw of paths ?? []) {
    const p = raw.split('.')
    if (p[0] === 'districtCode') out.add('district')
    else if (p[0] === 'title' || p[0] === 'intro') out.add(p[0])
    else if (p[0] === 'books') {
      const book = p.length > 1 ? f.books[Number(p[1])] : undefined
      out.add(book && BOOK_PARTS[p[2]] ? `${book.key}.${BOOK_PARTS[p[2]]}` : 'books')
    }
  }
  return [...out]
}

const TOP_LABELS: Record<string, string> = { district: '县区', title: '书单名称', intro: '书单介绍', books: '书目' }
const PART_LABELS: Record<string, string> = { title: '书名', author: '作者', blurb: '推荐语', cover: '封面', activities: '关联活动' }

/** Where the errors are, in words: 书单名称、第2本·作者. */
export function errorPlaces(e: FormErrors, f: ListForm): string[] {
  return Object.keys(e).flatMap((key) => {
    if (TOP_LABELS[key]) return [TOP_LABELS[key]]
    const [owner, part] = key.split('.')
    const i = f.books.findIndex((b) => b.key === owner)
    return i >= 0 ? [`第${i + 1}本·${PART_LABELS[part] ?? part}`] : []
  })
}

/** Which field a server refusal is about. */
export const CODE_FIELD: Partial<Record<string, string>> = {
  COURSE_ACTIVITY_INVALID: 'books',
  DISTRICT_NOT_IN_WEEK: 'district',
}
