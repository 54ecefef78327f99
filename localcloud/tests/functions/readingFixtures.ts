// Shared set-up of the reading tests (and the browser tests): book lists written through the
// organiser actions, as the organiser of their district.
import type { TestCloud } from '../harness'
import { ORGANISER, OTHER_ORGANISER, type TestWeek } from './fixtures'

export interface TestBook {
  title: string
  author: string
  blurb: string
  activityIds?: string[]
}

export const sampleBooks = (prefix = ''): TestBook[] => [
  { title: `${prefix}平凡的世界`, author: '路遥', blurb: '普通人在时代变迁中的奋斗与坚守，适合全家一起读。' },
  { title: `${prefix}活着`, author: '余华', blurb: '一个人一生的起落，读来朴素而有力量。' },
]

export interface ListOptions {
  district?: 'east' | 'west'
  title?: string
  intro?: string
  books?: TestBook[]
  /** Publish after saving (default true). */
  publish?: boolean
  as?: string
}

export interface TestList {
  listId: string
  bookIds: string[]
}

/** Saves a book list through reading.list.save and (by default) publishes it; its id and book ids in order. */
export async function createBookList(cloud: TestCloud, week: TestWeek, o: ListOptions = {}): Promise<TestList> {
  const district = o.district ?? 'east'
  const as = o.as ?? (district === 'west' ? OTHER_ORGANISER : ORGANISER)
  const saved = await cloud.call(
    'reading',
    'list.save',
    {
      weekId: week.id,
      districtCode: district,
      title: o.title ?? '好书推荐：测试书单',
      intro: o.intro ?? '活动周期间推荐阅读的几本书。',
      books: o.books ?? sampleBooks(),
    },
    as,
  )
  if (!saved.ok) throw new Error(`reading.list.save failed: ${JSON.stringify(saved)}`)
  const listId = saved.data.listId as string
  if (o.publish !== false) {
    const published = await cloud.call('reading', 'list.publish', { listId, published: true }, as)
    if (!published.ok) throw new Error(`reading.list.publish failed: ${JSON.stringify(published)}`)
  }
  const db: any = cloud.sdkDb
  const list = (await db.collection('bookLists').doc(listId).get()).data
  return { listId, bookIds: list.bookIds }
}
