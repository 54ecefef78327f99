import { bookListInputSchema } from '@shared/contracts/reading'
import {
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
  type ListForm,
} from './form'

function filled(): ListForm {
  const f = { ...emptyListForm('donghu'), title: '冬日暖心好书', intro: '适合全家一起读' }
  return updateBook(f, f.books[0].key, { title: '活着', author: '余华', blurb: '一个人和他的一生，读来平静而有力量。' })
}

describe('organiser book list form', () => {
  test('a new list has one empty book', () => {
    const f = emptyListForm('donghu')
    expect(f.books).toHaveLength(1)
    expect(f.books[0]).toMatchObject({ id: null, title: '', activityIds: [] })
  })

  test('a filled list has no errors and its save input passes the contract', () => {
    const f = filled()
    expect(checkListForm(f)).toEqual({})
    const input = toListInput(f, 'nc2026')
    expect(bookListInputSchema.safeParse(input).success).toBe(true)
    expect(input).toMatchObject({
      weekId: 'nc2026',
      districtCode: 'donghu',
      title: '冬日暖心好书',
      books: [{ title: '活着', author: '余华', cover: null, activityIds: [] }],
    })
    expect(input.books[0]).not.toHaveProperty('id')
    expect('listId' in input).toBe(false)
  })

  test('a stored list keeps its id and its books keep theirs', () => {
    const f = listFormFromList({
      districtCode: 'donghu',
      title: '书单',
      intro: '',
      books: [{ id: 'b1', title: '围城', author: '钱锺书', blurb: '妙语连珠', cover: null, activityIds: ['a1'], readers: 3 }],
    })
    const input = toListInput(addBook(f), 'nc2026', 'L1')
    expect(input.listId).toBe('L1')
    expect(input.books[0]).toMatchObject({ id: 'b1', activityIds: ['a1'] })
    expect(input.books[1]).not.toHaveProperty('id')
  })

  test('what is wrong, by field and book', () => {
    const f = updateBook({ ...emptyListForm(''), title: 'x' }, emptyListForm('').books[0].key, {})
    const k = f.books[0].key
    const bad = updateBook(f, k, { cover: 'http://x.png' })
    expect(Object.keys(checkListForm(bad)).sort()).toEqual(
      ['district', 'title', `${k}.author`, `${k}.blurb`, `${k}.cover`, `${k}.title`].sort(),
    )
    expect(checkListForm({ ...filled(), books: [] }).books).toBe('请至少添加一本书')
  })

  test('books move and are removed', () => {
    let f = addBook(filled())
    const [a, b] = f.books.map((x) => x.key)
    f = moveBook(f, b, -1)
    expect(f.books.map((x) => x.key)).toEqual([b, a])
    f = removeBook(f, b)
    expect(f.books.map((x) => x.key)).toEqual([a])
  })

  test('server paths and their places in words', () => {
    const f = addBook(filled())
    const [, second] = f.books
    const keys = errorKeysFromPaths(['title', 'books.1.author', 'books.1.activityIds.0', 'books', 'books.7.title'], f)
    expect(keys.sort()).toEqual(['books', 'title', `${second.key}.activities`, `${second.key}.author`].sort())
    expect(errorPlaces({ title: 'x', [`${second.key}.author`]: 'x' }, f)).toEqual(['书单名称', '第2本·作者'])
  })
})
