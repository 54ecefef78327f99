import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useState } from 'react'
import type { ReaderStats } from '@shared/contracts/reading'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listBookLists, myReading } from '@/services/reading'
import { OPEN_IN_APP } from '@/utils/timeline'
import { isVisitor } from '@/utils/visitor'
import { BookCard } from './BookCard'
import { ReaderCard } from './ReaderCard'
import './index.scss'

/**
 * 好书推荐: the week's published book lists, each book with a few lines and its readers, under a
 * card with the resident's own streak and minutes (refreshed whenever the page shows again, e.g.
 * back from logging a book). Shared to 朋友圈: a visitor (single-page mode, no identity) reads the
 * lists and books, with 在小程序中打开 in place of the resident's card and of 去打卡.
 */
export default function BooksPage() {
  const lists = useAsync(() => listBookLists(), [])
  const [reader, setReader] = useState<ReaderStats | null>(null)
  const [visitor] = useState(isVisitor)
  useDidShow(() => {
    if (visitor) return // the resident's own figures need an identity
    myReading().then(
      (r) => setReader(r.reader),
      () => undefined, // the lists still work; the card just shows its link
    )
  })
  useShareAppMessage(() => ({ title: '好书推荐 · 全民阅读', path: '/learn/books/index' }))
  useShareTimeline(() => ({ title: '好书推荐 · 全民阅读' }))

  // A visitor stays here: a book's page (打卡, the reader's figures) needs the mini-program.
  const open = (id: string) => {
    if (!visitor) void Taro.navigateTo({ url: `/learn/book/index?id=${encodeURIComponent(id)}` })
  }
  const books = lists.status === 'ready' ? lists.data.lists.reduce((n, l) => n + l.books.length, 0) : 0

  return (
    <PageShell className="books" testid="books-page">
      <View className="page-head">
        <Text className="page-head__title">好书推荐</Text>
        <Text className="page-head__text">读一本好书，每天打卡记下读了多少分钟</Text>
      </View>
      {visitor ? (
        <Text className="section books-visitor" data-testid="books-visitor">
          点屏幕下方的“前往小程序”，可以读书打卡、查看我的读书记录和读书榜。
        </Text>
      ) : (
        <ReaderCard reader={reader} />
      )}
      <View className="books-lists" data-testid="book-lists" data-status={lists.status} data-count={String(books)}>
        {lists.status === 'loading' ? <Loading text="正在加载书单…" /> : null}
        {lists.status === 'error' ? <ErrorState message={lists.error.message} code={lists.error.code} onRetry={lists.reload} /> : null}
        {lists.status === 'ready' && books === 0 ? (
          <Empty title="本周还没有好书推荐" hint="组织者发布书单后会显示在这里，请过几天再来看看。" />
        ) : null}
        {lists.status === 'ready'
          ? lists.data.lists
              .filter((l) => l.books.length > 0)
              .map((l) => (
                <View key={l.id} className="section book-list" data-testid="book-list" data-id={l.id}>
                  <Text className="section__title book-list__title">{l.title}</Text>
                  <Text className="book-list__district">{l.districtName}推荐</Text>
                  {l.intro ? <Text className="book-list__intro">{l.intro}</Text> : null}
                  {l.books.map((b) => (
                    <BookCard key={b.id} book={b} onOpen={open} more={visitor ? `${OPEN_IN_APP}后打卡` : undefined} />
                  ))}
                </View>
              ))
          : null}
      </View>
    </PageShell>
  )
}
